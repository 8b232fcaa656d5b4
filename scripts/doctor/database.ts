import { readFileSync } from "node:fs";
import path from "node:path";
import { connectDb } from "../../lib/server/db/connect";
import { fail, ok, reason, within, type Finding } from "./check";

/**
 * PostgreSQL: reachable, migrated exactly as far as this code, someone able to sign in; and the
 * database's clock next to ours (half the round trip allowed for).
 */
export async function checkDatabase(databaseUrl: string | undefined): Promise<Finding[]> {
  if (!databaseUrl)
    return [fail("database", "DATABASE_URL is not set", "set it to postgres://user:password@host:5432/db")];
  const db = connectDb(databaseUrl, { max: 1, applicationName: "fieldwatch-doctor" });
  try {
    let skew: number;
    try {
      const sent = Date.now();
      const [clock] = await within(
        5000,
        "PostgreSQL",
        db.sql<{ ms: number }[]>`select (extract(epoch from now()) * 1000)::float8 as ms`,
      );
      skew = clock!.ms - (sent + Date.now()) / 2;
    } catch (err) {
      return [
        fail(
          "database",
          `not reachable: ${reason(err)}`,
          "check DATABASE_URL, that PostgreSQL runs and lets this host in (pg_hba.conf)",
        ),
      ];
    }
    const [users] = await db.sql`select to_regclass('public.users') as t`;
    return [
      ok("database", "reachable"),
      clockFinding("database clock", skew),
      await migrations(db.sql),
      ...(users?.t ? [await people(db.sql)] : []),
    ];
  } finally {
    await db.close();
  }
}

type Sql = ReturnType<typeof connectDb>["sql"];

async function migrations(sql: Sql): Promise<Finding> {
  const journal = JSON.parse(readFileSync(path.resolve("drizzle/meta/_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  const known = journal.entries.map((e) => e.when);
  const [table] = await sql`select to_regclass('drizzle.__drizzle_migrations') as t`;
  if (!table?.t)
    return fail("migrations", "the database has no Fieldwatch tables yet", "run npm run db:migrate");
  const applied = new Set(
    (await sql<{ at: string }[]>`select created_at::text as at from drizzle.__drizzle_migrations`).map((r) =>
      Number(r.at),
    ),
  );
  const missing = known.filter((when) => !applied.has(when)).length;
  const newer = [...applied].filter((when) => when > Math.max(...known)).length;
  if (newer > 0)
    return fail(
      "migrations",
      `${newer} migration(s) newer than this code`,
      "run the newer Fieldwatch that migrated it",
    );
  if (missing > 0)
    return fail(
      "migrations",
      `${missing} of ${known.length} migrations not applied`,
      "run npm run db:migrate",
    );
  return ok("migrations", `all ${known.length} applied`);
}

async function people(sql: Sql): Promise<Finding> {
  const [row] = await sql<
    { admins: number }[]
  >`select count(*) filter (where is_admin and disabled_at is null)::int as admins from users`;
  return row!.admins > 0
    ? ok("admins", `${row!.admins} global admin(s)`)
    : fail("admins", "no global admin can sign in", "run npm run admin:create -- --email you@example.com");
}

/** Clocks more than a second apart make device times look late or early, and sessions odd. */
export function clockFinding(check: string, skewMs: number): Finding {
  const text = `${Math.abs(Math.round(skewMs))} ms ${skewMs > 0 ? "ahead of" : "behind"} this host`;
  return Math.abs(skewMs) <= 1000
    ? ok(check, text)
    : fail(check, text, "synchronise the clocks (systemd-timesyncd, chrony)");
}
