import type { Sql } from "../connect";

/** Failed sign-ins allowed per minute before further attempts wait (issue #3). */
export const LIMITS = { perAccount: 10, perAddress: 30, windowSeconds: 60 } as const;

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const subjects = (email: string, ip: string | null) => ({
  account: `email:${email.trim().toLowerCase()}`,
  address: ip ? `ip:${ip}` : null,
});

/** Checked before the password is: once over the limit even the right password waits. */
export async function checkSignInLimit(sql: Sql, email: string, ip: string | null): Promise<LimitCheck> {
  const { account, address } = subjects(email, ip);
  const rows = await sql<{ subject: string; n: number; oldest: Date }[]>`
    select subject, count(*)::int as n, min(at) as oldest from sign_in_failures
    where subject = any(${[account, address].filter((s): s is string => s !== null)}) and at > now() - make_interval(secs => ${LIMITS.windowSeconds})
    group by subject`;
  for (const row of rows) {
    const limit = row.subject === account ? LIMITS.perAccount : LIMITS.perAddress;
    if (row.n >= limit) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((row.oldest.getTime() + LIMITS.windowSeconds * 1000 - Date.now()) / 1000),
      );
      return { allowed: false, retryAfterSeconds };
    }
  }
  return { allowed: true };
}

export async function recordSignInFailure(sql: Sql, email: string, ip: string | null): Promise<void> {
  const { account, address } = subjects(email, ip);
  const list = [account, address].filter((s): s is string => s !== null);
  await sql`insert into sign_in_failures (subject) select unnest(${list}::text[])`;
  // Old rows say nothing any more; trimming here keeps the table small without a job.
  await sql`delete from sign_in_failures where subject = any(${list}) and at < now() - interval '1 hour'`;
}

/** Forgets an account's failed sign-ins (an operator let them back in from the command line). */
export async function clearSignInFailures(sql: Sql, email: string): Promise<void> {
  await sql`delete from sign_in_failures where subject = ${subjects(email, null).account}`;
}
