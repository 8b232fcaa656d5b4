import { hostname } from "node:os";
import { z } from "zod";
import { MQTT_MAX_PACKET_BYTES_DEFAULT } from "../domain/telemetry/payload";
import { trustProxy } from "./http/client-address";

/**
 * Every setting Fieldwatch reads, validated in one place. `.env.example` lists them all.
 * Processes call `loadEnv()` once at start so a bad value stops them with a message that
 * names the variable, instead of failing later somewhere deep.
 */
const portMessage = "must be a port number from 1 to 65535";
const port = z.coerce
  .number({ error: portMessage })
  .int(portMessage)
  .min(1, portMessage)
  .max(65535, portMessage);
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

function validTrustProxy(value: string | undefined): boolean {
  try {
    trustProxy(value);
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default(".data"),

  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: port.optional(),

  MQTT_URL: z.url({ protocol: /^(mqtts?|wss?|tcp)$/ }).optional(),
  MQTT_PORT: port.default(1883),
  // The broker address devices are told to use, when it isn't the one the services use.
  MQTT_PUBLIC_URL: z.url({ protocol: /^(mqtts?|wss?|tcp)$/ }).optional(),
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
  MQTT_PROTOCOL_VERSION: z.coerce
    .number()
    .pipe(z.union([z.literal(4), z.literal(5)]))
    .default(5),
  MQTT_SHARED_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .default("ingest"),
  // Shared with an external broker's HTTP auth (EMQX, mosquitto-go-auth); unset: /api/mqtt/* answer 503.
  MQTT_AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  // How long a device's credentials are trusted by the broker side: a rotated or disabled token stops working within this.
  MQTT_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  // The embedded broker's largest packet; a client sending a bigger one is disconnected (MQTT's own limit is 256 MiB).
  MQTT_MAX_PACKET_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(268_435_455)
    .default(MQTT_MAX_PACKET_BYTES_DEFAULT),

  PORT: port.default(3000),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().default("admin@fieldwatch.local"),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  // Proxies whose X-Forwarded-For is believed: a hop count or a list of addresses/CIDRs (lib/server/http/client-address.ts).
  TRUST_PROXY: z
    .string()
    .optional()
    .refine(
      (v) => validTrustProxy(v),
      "must be a hop count (1) or a comma-separated list of addresses and CIDRs",
    ),
  // Open live streams (browser tabs, scripts) one user may hold per web process.
  LIVE_MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),

  INGEST_HTTP_PORT: port.default(9464),
  // /metrics and /healthz are unauthenticated: loopback unless widened (0.0.0.0 for a scraper elsewhere).
  INGEST_HTTP_HOST: z.union([z.ipv4(), z.ipv6(), z.literal("localhost")]).default("127.0.0.1"),
  INGEST_CLIENT_ID: z.string().min(1).default(`fieldwatch-ingest-${hostname()}`),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(10_000),
  INGEST_FLUSH_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  INGEST_PARALLEL_COMMITS: z.coerce.number().int().min(1).max(8).default(2),
  // Default: <DATA_DIR>/journal/<INGEST_CLIENT_ID>
  INGEST_JOURNAL_DIR: z.string().min(1).optional(),
  INGEST_JOURNAL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_048_576)
    .default(256 * 1_048_576),
  INGEST_JOURNAL_FSYNC_MS: z.coerce.number().int().min(1).max(1000).default(20),
  DEVICE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),

  // Webhooks to private, loopback or link-local addresses (a receiver on this network): off, so
  // an endpoint can't be used to reach internal services.
  WEBHOOK_ALLOW_PRIVATE: flag.default(false),

  DEMO: flag.optional(),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Settings whose value never appears in a message (they end up in terminals and logs): secrets
 * by name, and every URL, which may carry a password (`postgres://user:password@host`). By
 * pattern, so a setting added later under such a name is covered too.
 */
export const isSecretSetting = (name: string) => /SECRET|PASSWORD|TOKEN|_URL$/.test(name);

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`FOO=` in .env) means "not set", as in most tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const value = isSecretSetting(name) ? "value not shown" : `got ${JSON.stringify(cleaned[name])}`;
    return `${name}: ${issue.message} (${value})`;
  });
  throw new ConfigError(problems);
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** A setting this process cannot run without; the message says what to do. */
export function requireSetting<K extends keyof Env>(env: Env, name: K, hint: string): NonNullable<Env[K]> {
  const value = env[name];
  if (value === undefined || value === null) throw new ConfigError([`${String(name)} is not set: ${hint}`]);
  return value as NonNullable<Env[K]>;
}
