import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { MetricSpec } from "../../../domain/devices/types";
import { sites, users } from "./accounts";

export const deviceTypes = pgTable("device_types", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  metrics: jsonb("metrics").$type<MetricSpec[]>().notNull().default([]),
  inactivityTimeoutS: integer("inactivity_timeout_s").notNull().default(300),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // docs/mqtt.md: [a-z0-9][a-z0-9_-]{0,63}, immutable, used in topics and URLs.
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    typeId: uuid("type_id").references(() => deviceTypes.id, { onDelete: "set null" }),
    // Free text ("Greenhouse 2, north wall") and/or coordinates.
    location: text("location"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    // Null: the type's timeout applies.
    inactivityTimeoutS: integer("inactivity_timeout_s"),
    // Disabled: the broker refuses its connections, the worker quarantines its messages.
    disabled: boolean("disabled").notNull().default(false),
    // Deleted with its data kept: gone from the fleet, key reserved, readings still exported.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    // online / offline, kept by the ingest worker: a message or an "online" status sets online;
    // an "offline" status (or the Last Will) or silence past the inactivity timeout sets offline.
    // Null until the device is first heard of ("never seen").
    connectivity: text("connectivity"),
    connectivityAt: timestamp("connectivity_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("devices_site_idx").on(t.siteId), index("devices_type_idx").on(t.typeId)],
);

/** A device's MQTT password, stored as its SHA-256 (tokens are 256 random bits). One live token a device. */
export const deviceTokens = pgTable(
  "device_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("device_tokens_device_idx").on(t.deviceId)],
);

/**
 * A command sent to a device on devices/{key}/commands; the device answers on
 * devices/{key}/commands/ack with the same id. Not acknowledged in time: timed out.
 */
export const deviceCommands = pgTable(
  "device_commands",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    // sent → acknowledged | failed; "timed_out" is computed when read (lib/domain/commands/protocol.ts)
    status: text("status").notNull().default("sent"),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    ackedAt: timestamp("acked_at", { withTimezone: true }),
    // What the device said back ({"ok": true, "state": …}), as it said it.
    response: jsonb("response"),
  },
  (t) => [index("device_commands_device_idx").on(t.deviceId, t.sentAt)],
);
