import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { DEMO_DEVICE_TYPES } from "./fleet";
import { ensureDemoFleet } from "./seed";

let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"));
});
afterAll(() => db.close());

describe("ensureDemoFleet", () => {
  it("creates sites, types with their metric schemas as JSON arrays, and devices — idempotently", async () => {
    const first = await ensureDemoFleet(db.sql, 6);
    const again = await ensureDemoFleet(db.sql, 9);
    expect(again.slice(0, 6).map((d) => d.id)).toEqual(first.map((d) => d.id));
    const types = await db.sql<{ slug: string; kind: string; metrics: unknown }[]>`
      select slug, jsonb_typeof(metrics) as kind, metrics from device_types where slug = any(${DEMO_DEVICE_TYPES.map((t) => t.slug)})`;
    expect(types).toHaveLength(DEMO_DEVICE_TYPES.length);
    for (const t of types) {
      expect(t.kind).toBe("array");
      expect(t.metrics).toEqual(DEMO_DEVICE_TYPES.find((d) => d.slug === t.slug)?.metrics);
    }
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from devices where key = any(${again.map((d) => d.key)})`;
    expect(row?.n).toBe(9);
  });
});
