import {
  bigserial,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  customType,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { devices } from "./devices";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** One metric of one device. The latest value lives here so "current value" is one lookup. */
export const series = pgTable(
  "series",
  {
    id: serial("id").primaryKey(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    metric: text("metric").notNull(),
    // Moves forward in device time only: a late reading never becomes the current value.
    latestTs: timestamp("latest_ts", { withTimezone: true }),
    latestValue: doublePrecision("latest_value"),
  },
  (t) => [unique("series_device_metric_uq").on(t.deviceId, t.metric)],
);

/**
 * Narrow table, idempotent on (series, ts): a redelivered message writes nothing twice.
 * No foreign key to series: its per-row check cost a quarter of every ingest batch. A trigger
 * on series deletes the readings and rollups of a deleted series instead (migration 0004).
 */
export const readings = pgTable(
  "readings",
  {
    seriesId: integer("series_id").notNull(),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    // Bit 1: device time not trusted, server receive time used instead.
    flags: smallint("flags").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.ts] })],
);

/** Messages that could not be used, kept byte for byte with the reason, for the app and replay. */
export const quarantine = pgTable(
  "quarantine",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // The journal's id for the message: a replayed journal quarantines nothing twice.
    messageId: uuid("message_id").notNull().unique(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    topic: text("topic").notNull(),
    deviceKey: text("device_key"),
    // The device the message was for, when one had its key (or got it by being provisioned for
    // it): the row is that device's, seen by its site and dropped with its data. Not the key:
    // a key freed by dropping a device may be given to a device of another site.
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "cascade" }),
    payload: bytea("payload").notNull(),
    // Set when only the payload's first bytes are kept (lib/domain/quarantine/payload.ts): its whole length and SHA-256.
    payloadTotalBytes: integer("payload_total_bytes"),
    payloadSha256: text("payload_sha256"),
    reason: text("reason").notNull(),
    detail: text("detail"),
    // Set when a replay from the app got the message through; the row stays as history.
    replayedAt: timestamp("replayed_at", { withTimezone: true }),
    replayedBy: uuid("replayed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("quarantine_received_idx").on(t.receivedAt),
    index("quarantine_device_idx").on(t.deviceKey),
    index("quarantine_device_id_idx").on(t.deviceId),
    index("quarantine_reason_idx").on(t.reason, t.receivedAt),
  ],
);

/** Per-minute and per-hour aggregates, kept in the same transaction as the readings (docs/architecture.md, "Data model"). */
const rollupColumns = {
  // No foreign key, as for readings.
  seriesId: integer("series_id").notNull(),
  bucket: timestamp("bucket", { withTimezone: true }).notNull(),
  min: doublePrecision("min").notNull(),
  max: doublePrecision("max").notNull(),
  sum: doublePrecision("sum").notNull(),
  count: integer("count").notNull(),
};

export const rollupsMinute = pgTable("rollups_1m", rollupColumns, (t) => [
  primaryKey({ columns: [t.seriesId, t.bucket] }),
]);
export const rollupsHour = pgTable("rollups_1h", rollupColumns, (t) => [
  primaryKey({ columns: [t.seriesId, t.bucket] }),
]);
