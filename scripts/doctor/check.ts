/** One finding of `npm run doctor`: what was checked, how it went, and what to do about it. */
export interface Finding {
  check: string;
  status: "ok" | "warn" | "fail";
  /** What was found, in words. */
  detail: string;
  /** What to do (fail and warn only). */
  fix?: string;
}

export const ok = (check: string, detail: string): Finding => ({ check, status: "ok", detail });
export const warn = (check: string, detail: string, fix: string): Finding => ({
  check,
  status: "warn",
  detail,
  fix,
});
export const fail = (check: string, detail: string, fix: string): Finding => ({
  check,
  status: "fail",
  detail,
  fix,
});

/** An error's own words, without a stack. */
export const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `promise`, or a rejection after `ms` saying what took too long. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
