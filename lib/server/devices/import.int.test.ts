import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import type { Viewer } from "../db/queries/users";
import { createTestDevice, uniqueId, type TestDevice } from "../../../test/support/fixtures";
import { deviceTokenMatches } from "../../domain/devices/credentials";
import { parseCsv } from "../../domain/devices/csv-parse";
import { CREDENTIALS_HEADER, importDevices, type ImportOutcome } from "./import";

// CSV import against a real PostgreSQL: all or nothing, every bad row reported on its line.
let db: Db;
let existing: TestDevice;
let site: string;
let type: string;
let otherSite: string;
let siteAdmin: Viewer;
const broker = { host: "mqtt.example", port: 1883, url: "mqtt://mqtt.example:1883" };

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  existing = await createTestDevice(db.sql);
  const [slugs] = await db.sql<{ site: string; type: string }[]>`
    select s.slug as site, t.slug as type from devices d join sites s on s.id = d.site_id join device_types t on t.id = d.type_id where d.id = ${existing.id}`;
  ({ site, type } = slugs!);
  otherSite = (await createTestDevice(db.sql)).siteId;
  const [user] = await db.sql<{ id: string; email: string }[]>`
    insert into users (email, name, password_hash) values (${`importer-${uniqueId()}@it.test`}, 'Importer', 'x') returning id, email`;
  siteAdmin = {
    id: user!.id,
    email: user!.email,
    name: "Importer",
    isAdmin: false,
    roles: [
      { siteId: existing.siteId, role: "admin" },
      { siteId: otherSite, role: "operator" },
    ],
  };
});
afterAll(() => db.close());

const run = (csv: string, dryRun = false) =>
  importDevices(db.sql, siteAdmin, csv, { dryRun, broker, ip: "127.0.0.1" });
const countWithPrefix = async (prefix: string) =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from devices where key like ${`${prefix}%`}`)[0]!
    .n;
const reportOf = (outcome: ImportOutcome) => {
  if (outcome.kind !== "report") throw new Error(`expected a report, got ${outcome.kind}`);
  return outcome.report;
};

describe("device CSV import", () => {
  it("imports nothing from a file with bad rows, and reports each on its line", async () => {
    const p = `mix-${uniqueId()}`;
    const [otherSlug] = await db.sql<{ slug: string }[]>`select slug from sites where id = ${otherSite}`;
    const csv = [
      "key,name,site,type,latitude",
      `${p}-ok,Fine,${site},${type}`, // line 2: good
      `${p}-dup,First,${site},`, // 3: good on its own
      `${p}-dup,Second,${site},`, // 4: repeats line 3
      `${existing.key},Taken,${site},`, // 5: in the database already
      `${p}-nosite,No site,no-such-site-${p},`, // 6
      `${p}-notype,No type,${site},no-such-type-${p}`, // 7
      `Bad Key!,Bad,${site},`, // 8
      `${p}-theirs,Not mine,${otherSlug!.slug},`, // 9: operator there, not admin
      `${p}-both,Both,${site},no-such-type-${p},95`, // 10: its own problem and the database's, in one pass
    ].join("\r\n");
    for (const dryRun of [true, false]) {
      const report = reportOf(await run(csv, dryRun));
      expect(report).toMatchObject({ valid: 2, invalid: 7 });
      expect(report.rows.filter((r) => r.errors.length > 0).map((r) => [r.line, r.errors])).toEqual([
        [4, [{ field: "key", message: `"${p}-dup" is also on line 3` }]],
        [5, [{ field: "key", message: `a device "${existing.key}" exists already` }]],
        [6, [{ field: "site", message: `no site "no-such-site-${p}"` }]],
        [7, [{ field: "type", message: `no device type "no-such-type-${p}"` }]],
        [8, [{ field: "key", message: expect.stringContaining("use lower-case letters") }]],
        [9, [{ field: "site", message: `you can't add devices to site "${otherSlug!.slug}"` }]],
        [
          10,
          [
            { field: "latitude", message: "latitude is between -90 and 90" },
            { field: "type", message: `no device type "no-such-type-${p}"` },
          ],
        ],
      ]);
    }
    expect(await countWithPrefix(p)).toBe(0);
  });

  it("imports 1,000 devices in one go, with credentials that verify", async () => {
    const p = `bulk-${uniqueId()}`;
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `${p}-${i},Sensor ${i},${site},${type},"Row ${i}, bay ${i % 7}",${(i % 180) - 90},${(i % 360) - 180},${60 + i}`,
    );
    const csv = `key,name,site,type,location,latitude,longitude,inactivity_timeout_s\n${rows.join("\n")}\n`;

    const preview = performance.now();
    expect(reportOf(await run(csv, true))).toMatchObject({ valid: 1000, invalid: 0 });
    const started = performance.now();
    const outcome = await run(csv);
    const took = performance.now() - started;
    console.log(
      `CSV import: dry run of 1,000 rows ${(started - preview).toFixed(0)} ms, import ${took.toFixed(0)} ms`,
    );
    if (outcome.kind !== "imported") throw new Error(JSON.stringify(outcome).slice(0, 500));
    expect(outcome.imported).toBe(1000);

    const parsed = parseCsv(outcome.credentialsCsv);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...creds] = parsed.records.map((r) => r.fields);
    expect(header!.join(",")).toBe(CREDENTIALS_HEADER);
    expect(creds).toHaveLength(1000);
    expect(creds[7]).toEqual([
      `${p}-7`,
      `${p}-7`,
      expect.stringMatching(/^fwd_/),
      "mqtt.example",
      "1883",
      `devices/${p}-7/telemetry`,
    ]);
    const hashes = new Map(
      (
        await db.sql<{ key: string; hash: string }[]>`
        select d.key, t.token_hash as hash from devices d join device_tokens t on t.device_id = d.id where d.key like ${`${p}-%`}`
      ).map((r) => [r.key, r.hash]),
    );
    expect(creds.filter(([key, , token]) => deviceTokenMatches(token!, hashes.get(key!) ?? "")).length).toBe(
      1000,
    );

    const [stored] =
      await db.sql`select name, location, latitude, longitude, inactivity_timeout_s from devices where key = ${`${p}-8`}`;
    expect(stored).toEqual({
      name: "Sensor 8",
      location: "Row 8, bay 1",
      latitude: -82,
      longitude: -172,
      inactivity_timeout_s: 68,
    });
    const [entry] =
      await db.sql`select details, site_id from audit_log where action = 'device.import' and actor_id = ${siteAdmin.id}`;
    expect(entry).toMatchObject({ details: { count: 1000, sites: [site] }, site_id: existing.siteId });
    // A second run of the same file is refused whole: every key is taken now.
    expect(reportOf(await run(csv))).toMatchObject({ valid: 0, invalid: 1000 });
  });
});
