import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Sql = postgres.Sql;
export type Orm = PostgresJsDatabase<typeof schema>;

/** Both faces of one connection pool: raw postgres.js for hot paths, Drizzle for CRUD. */
export interface Db {
  sql: Sql;
  orm: Orm;
}

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
}

export function connectDb(url: string, options: ConnectOptions = {}): Db {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // postgres.js would log every NOTICE (e.g. "relation already exists, skipping") to the console.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "fieldwatch" },
    // Transient outages are retried by callers; don't keep half-dead sockets forever.
    idle_timeout: 60,
    connect_timeout: 10,
  });
  return { sql, orm: drizzle(sql, { schema }) };
}
