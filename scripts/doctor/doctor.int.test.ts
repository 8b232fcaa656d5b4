import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../../lib/server/db/connect";
import { applyMigrations } from "../../lib/server/db/migrate";
import { parseEnv } from "../../lib/server/env";
import { createOrResetAdmin } from "../../lib/server/users/admin-account";
import { uniqueId } from "../../test/support/fixtures";
import { freePort } from "../embedded/ports";
import type { Finding } from "./check";
import { dateHeaderSkew } from "./settings";
import { diagnose } from "./index";

// `npm run doctor` against a real PostgreSQL and broker: what it finds right and, for each
// thing it checks, the words it finds a broken deployment with.
let server: Db;
let emptyDbUrl: string;
let notFieldwatch: Server;
let notFieldwatchUrl: string;
const emptyDb = `fieldwatch_doctor_${uniqueId()}`;
const STRONG = "Zq8r1mXv0bT5kLs9wP2nYd7cHf4gJa6e";

beforeAll(async () => {
  server = connectDb(inject("databaseUrl"), { max: 1 });
  await createOrResetAdmin(server.sql, {
    email: `doctor-${uniqueId()}@example.com`,
    password: "Harvest-moon-over-the-barn",
  });
  await server.sql.unsafe(`create database ${emptyDb}`);
  const u = new URL(inject("databaseUrl"));
  u.pathname = `/${emptyDb}`;
  emptyDbUrl = u.toString();
  notFieldwatch = createServer((_req, res) =>
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>It works!</h1>"),
  );
  const port = await freePort();
  await new Promise<void>((r) => notFieldwatch.listen(port, "127.0.0.1", r));
  notFieldwatchUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  notFieldwatch.close();
  await server.sql.unsafe(`drop database if exists ${emptyDb} with (force)`);
  await server.close();
});

const settings = (overrides: Record<string, string> = {}) =>
  parseEnv({
    DATABASE_URL: inject("databaseUrl"),
    MQTT_URL: inject("mqttUrl"),
    MQTT_PROTOCOL_VERSION: String(inject("mqttProtocolVersion")),
    NEXTAUTH_SECRET: STRONG,
    NEXTAUTH_URL: notFieldwatchUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "fieldwatch-doctor-")),
    INGEST_HTTP_PORT: "1",
    ...overrides,
  });

const byCheck = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.check, f]));

describe("npm run doctor", () => {
  it("finds a reachable, migrated database with an admin, a working broker, strong secrets, a writable journal", async () => {
    const found = byCheck(await diagnose(settings()));
    for (const check of [
      "database",
      "database clock",
      "migrations",
      "admins",
      "broker",
      "NEXTAUTH_SECRET",
      "journal",
    ])
      expect(found[check], check).toMatchObject({ status: "ok" });
    expect(found["shared subscription"]!.status).toBe(inject("mqttProtocolVersion") === 5 ? "ok" : "warn");
  });

  it("says what is wrong with a database: unreachable, not migrated, nobody to sign in", async () => {
    const closed = `postgres://postgres@127.0.0.1:${await freePort()}/none`;
    expect(byCheck(await diagnose(settings({ DATABASE_URL: closed }))).database).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^not reachable: /),
    });
    const empty = byCheck(await diagnose(settings({ DATABASE_URL: emptyDbUrl })));
    expect(empty.migrations).toMatchObject({ status: "fail", fix: "run npm run db:migrate" });
    await applyMigrations(emptyDbUrl);
    const migrated = byCheck(await diagnose(settings({ DATABASE_URL: emptyDbUrl })));
    expect(migrated.migrations!.status).toBe("ok");
    expect(migrated.admins).toMatchObject({
      status: "fail",
      fix: expect.stringContaining("npm run admin:create"),
    });
  });

  it("says what is wrong with the broker, the secrets, the public URL and the journal", async () => {
    const found = byCheck(
      await diagnose(
        settings({
          MQTT_URL: `mqtt://127.0.0.1:${await freePort()}`,
          NEXTAUTH_SECRET: "changeme-changeme-changeme-changeme",
          MQTT_USERNAME: "fieldwatch-service",
          MQTT_PASSWORD: "short",
          INGEST_JOURNAL_MAX_BYTES: String(2 ** 52),
        }),
      ),
    );
    expect(found.broker).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^can't connect to /),
    });
    expect(found.NEXTAUTH_SECRET).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/placeholder/),
    });
    expect(found.MQTT_PASSWORD).toMatchObject({ status: "fail", detail: "only 5 characters" });
    expect(found.NEXTAUTH_URL).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/not Fieldwatch's health/),
    });
    expect(found.journal).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/less than its .* budget/),
    });

    const file = path.join(mkdtempSync(path.join(tmpdir(), "fieldwatch-doctor-")), "a-file");
    writeFileSync(file, "");
    expect(
      byCheck(await diagnose(settings({ INGEST_JOURNAL_DIR: path.join(file, "journal") }))).journal,
    ).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/is not writable/),
    });
    const nobody = byCheck(
      await diagnose(settings({ NEXTAUTH_URL: `http://127.0.0.1:${await freePort()}` })),
    );
    expect(nobody.NEXTAUTH_URL).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/doesn't answer/),
    });
  });

  it("reads a clock from a Date header to the second it was cut to", () => {
    const at = Date.parse("Wed, 02 Dec 2026 15:00:00 GMT");
    expect(dateHeaderSkew("Wed, 02 Dec 2026 15:00:00 GMT", at + 400, at + 600)).toBe(0);
    expect(dateHeaderSkew("Wed, 02 Dec 2026 15:00:03 GMT", at + 400, at + 600)).toBe(2500);
    expect(dateHeaderSkew("Wed, 02 Dec 2026 14:59:57 GMT", at + 400, at + 600)).toBe(-2500);
  });
});
