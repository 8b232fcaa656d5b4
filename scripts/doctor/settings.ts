import { accessSync, constants, mkdirSync, statfsSync } from "node:fs";
import path from "node:path";
import type { Env } from "../../lib/server/env";
import { fail, ok, reason, warn, within, type Finding } from "./check";
import { clockFinding } from "./database";

const PLACEHOLDER = /change-?me|changeme|secret|password|example/i;

/** A secret that is set, long enough, not a placeholder and not one character repeated. */
function secretFinding(
  name: string,
  value: string | undefined,
  minLength: number,
  required: boolean,
): Finding | null {
  if (!value)
    return required
      ? fail(name, "not set", name === "NEXTAUTH_SECRET" ? "set it: openssl rand -base64 32" : `set ${name}`)
      : null;
  if (value.length < minLength)
    return fail(
      name,
      `only ${value.length} characters`,
      `use at least ${minLength}: openssl rand -base64 32`,
    );
  if (PLACEHOLDER.test(value) || new Set(value).size < 8)
    return fail(
      name,
      "looks like a placeholder, not a random secret",
      "generate one: openssl rand -base64 32",
    );
  return ok(name, `set, ${value.length} characters`);
}

export function checkSecrets(env: Env): Finding[] {
  return [
    secretFinding("NEXTAUTH_SECRET", env.NEXTAUTH_SECRET, 32, true),
    secretFinding("MQTT_PASSWORD", env.MQTT_PASSWORD, 16, Boolean(env.MQTT_USERNAME)),
    secretFinding("MQTT_AUTH_SECRET", env.MQTT_AUTH_SECRET, 16, false),
  ].filter((f): f is Finding => f !== null);
}

/**
 * NEXTAUTH_URL must be where people reach the app: sessions, links in emails and the same-origin
 * check all use it. Asking it for /api/health proves it leads to a Fieldwatch; its Date header
 * says how far the web process's clock is from ours (to the second).
 */
export async function checkPublicUrl(env: Env): Promise<Finding[]> {
  const url = env.NEXTAUTH_URL;
  if (!url)
    return [
      fail(
        "NEXTAUTH_URL",
        "not set",
        "set it to the address people use, e.g. https://fieldwatch.example.com",
      ),
    ];
  const findings: Finding[] = [];
  const { protocol, hostname } = new URL(url);
  if (protocol === "http:" && !["localhost", "127.0.0.1", "::1"].includes(hostname))
    findings.push(
      warn(
        "NEXTAUTH_URL",
        `${url} is plain HTTP`,
        "put TLS in front (deploy/nginx.conf, deploy/Caddyfile) and use https://",
      ),
    );
  try {
    const sent = Date.now();
    const res = await within(5000, url, fetch(new URL("/api/health", url), { redirect: "manual" }));
    const body = (await res.json().catch(() => null)) as { db?: unknown } | null;
    if (!body || !("db" in body))
      return [
        ...findings,
        fail(
          "NEXTAUTH_URL",
          `${url}/api/health answers ${res.status}, not Fieldwatch's health`,
          "point NEXTAUTH_URL (and the proxy) at the web app",
        ),
      ];
    findings.push(ok("NEXTAUTH_URL", `${url} reaches the web app (health: ${res.status})`));
    const date = res.headers.get("date");
    if (date) findings.push(clockFinding("web clock", dateHeaderSkew(date, sent, Date.now())));
  } catch (err) {
    findings.push(
      fail(
        "NEXTAUTH_URL",
        `${url} doesn't answer: ${reason(err)}`,
        "start the web app, or fix NEXTAUTH_URL / the proxy",
      ),
    );
  }
  return findings;
}

/** The worker's journal: a directory it can write, on a disk with room for its budget. */
export function checkJournal(env: Env): Finding {
  const dir = path.resolve(
    env.INGEST_JOURNAL_DIR ?? path.join(env.DATA_DIR, "journal", env.INGEST_CLIENT_ID),
  );
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    return fail(
      "journal",
      `${dir} is not writable: ${reason(err)}`,
      "create it for the user the worker runs as, or set INGEST_JOURNAL_DIR",
    );
  }
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  const mib = (n: number) => `${Math.round(n / 1_048_576)} MiB`;
  return free >= env.INGEST_JOURNAL_MAX_BYTES
    ? ok("journal", `${dir} writable, ${mib(free)} free for a ${mib(env.INGEST_JOURNAL_MAX_BYTES)} budget`)
    : fail(
        "journal",
        `${dir}: ${mib(free)} free, less than its ${mib(env.INGEST_JOURNAL_MAX_BYTES)} budget`,
        "free disk space or lower INGEST_JOURNAL_MAX_BYTES",
      );
}

/** The worker's clock, from its health endpoint's Date header, when one runs here. */
export async function checkWorkerClock(env: Env): Promise<Finding> {
  const url = `http://${env.INGEST_HTTP_HOST.includes(":") ? `[${env.INGEST_HTTP_HOST}]` : env.INGEST_HTTP_HOST}:${env.INGEST_HTTP_PORT}/healthz`;
  try {
    const sent = Date.now();
    const res = await within(3000, url, fetch(url));
    const date = res.headers.get("date");
    if (!date)
      return warn("worker clock", `${url} sends no Date header`, "compare the hosts' clocks by hand");
    return clockFinding("worker clock", dateHeaderSkew(date, sent, Date.now()));
  } catch (err) {
    return warn(
      "worker clock",
      `no worker answers at ${url} (${reason(err)})`,
      "run this on the worker's host too, or start the worker first",
    );
  }
}

/**
 * How far a server's clock is from ours, from its Date header: that has whole seconds, so its
 * time lay somewhere in [date, date + 1 s) at the middle of our request; the skew is the nearest
 * point of that range to our clock (0 when it holds our time).
 */
export function dateHeaderSkew(date: string, sentMs: number, receivedMs: number): number {
  const ours = (sentMs + receivedMs) / 2;
  const from = Date.parse(date) - ours;
  const to = from + 1000;
  return from > 0 ? from : to < 0 ? to : 0;
}
