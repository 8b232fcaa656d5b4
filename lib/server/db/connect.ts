import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Sql = postgres.Sql;
/** Inside a transaction (sql.begin's callback): for a step that must commit together with others. */
export type Tx = postgres.TransactionSql;
/** A pool or a transaction: for a query that may run on its own or inside the caller's transaction. */
export type Queryable = Sql | Tx;
export type Orm = PostgresJsDatabase<typeof schema>;

/** Raw postgres.js for hot paths, Drizzle for CRUD (docs/architecture.md, "Code layout"). */
export interface Db {
  sql: Sql;
  orm: Orm;
  close(): Promise<void>;
}

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
}

export function connectDb(url: string, options: ConnectOptions = {}): Db {
  const sql = createClient(url, options.max ?? 10, options.applicationName);
  // Drizzle rewrites its client's date parsers and serializers (timestamps become strings), so
  // it gets a small pool of its own and raw queries keep postgres.js's Date handling.
  const ormClient = createClient(url, Math.min(3, options.max ?? 3), options.applicationName);
  return {
    sql,
    orm: drizzle(ormClient, { schema }),
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), ormClient.end({ timeout: 5 })]);
    },
  };
}

function createClient(url: string, max: number, applicationName = "fieldwatch"): Sql {
  return postgres(url, {
    max,
    // postgres.js would log every NOTICE (e.g. "relation already exists, skipping") to the console.
    onnotice: () => {},
    connection: { application_name: applicationName },
    // Transient outages are retried by callers; don't keep half-dead sockets forever.
    idle_timeout: 60,
    connect_timeout: 10,
  });
}
