import type { Env } from "../../lib/server/env";
import { checkBroker } from "./broker";
import type { Finding } from "./check";
import { checkDatabase } from "./database";
import { checkJournal, checkPublicUrl, checkSecrets, checkWorkerClock } from "./settings";

/**
 * `npm run doctor`: checks a deployment with the settings this process sees (environment and
 * .env) and says what is wrong, in words, with what to do. Exit code 1 when anything fails.
 */
export async function diagnose(env: Env): Promise<Finding[]> {
  return [
    ...(await checkDatabase(env.DATABASE_URL)),
    ...(await checkBroker({
      url: env.MQTT_URL,
      username: env.MQTT_USERNAME,
      password: env.MQTT_PASSWORD,
      protocolVersion: env.MQTT_PROTOCOL_VERSION,
      sharedGroup: env.MQTT_SHARED_GROUP,
    })),
    ...checkSecrets(env),
    ...(await checkPublicUrl(env)),
    checkJournal(env),
    await checkWorkerClock(env),
  ];
}

const MARK = { ok: "ok  ", warn: "warn", fail: "FAIL" } as const;

export function report(findings: Finding[]): string {
  return findings
    .map((f) => `${MARK[f.status]}  ${f.check}: ${f.detail}${f.fix ? `\n      → ${f.fix}` : ""}`)
    .join("\n");
}
