import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { sites, users } from "./accounts";
import { deviceTypes, devices } from "./devices";

/**
 * A rule over one device, the devices of a type in a site, or a whole site (device_id and
 * type_id null). `kind` threshold: a comparison on `metric`; no_data: silence of `metric`
 * (or of anything, metric null) for `for_s`.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "cascade" }),
    typeId: uuid("type_id").references(() => deviceTypes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull().default("threshold"),
    metric: text("metric"),
    comparison: text("comparison"),
    threshold: doublePrecision("threshold"),
    thresholdHigh: doublePrecision("threshold_high"),
    forS: integer("for_s").notNull().default(0),
    clearThreshold: doublePrecision("clear_threshold"),
    clearThresholdHigh: doublePrecision("clear_threshold_high"),
    clearForS: integer("clear_for_s").notNull().default(0),
    severity: text("severity").notNull().default("warning"),
    repeatEveryS: integer("repeat_every_s"),
    enabled: boolean("enabled").notNull().default(true),
    // Why the system switched it off: "device_moved" — its device went to another site, where a
    // rule of this site must neither see its readings nor send them to this site's webhooks.
    disabledReason: text("disabled_reason"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_rules_site_idx").on(t.siteId)],
);

/** Where each rule stands for each device (lib/domain/alerts/evaluate.ts), kept so a restart resumes it. */
export const alertStates = pgTable(
  "alert_states",
  {
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    state: text("state").notNull().default("ok"),
    since: timestamp("since", { withTimezone: true, precision: 3 }),
    lastTs: timestamp("last_ts", { withTimezone: true, precision: 3 }),
    lastValue: doublePrecision("last_value"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.deviceId] })],
);

/** An episode: fired, maybe acknowledged, resolved. At most one open per rule and device. */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    severity: text("severity").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull(),
    value: doublePrecision("value"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, precision: 3 }),
    resolvedValue: doublePrecision("resolved_value"),
    ackedAt: timestamp("acked_at", { withTimezone: true }),
    ackedBy: uuid("acked_by").references(() => users.id, { onDelete: "set null" }),
    ackComment: text("ack_comment"),
    lastNotifiedAt: timestamp("last_notified_at", { withTimezone: true }),
  },
  (t) => [
    // Two evaluators (workers) racing to raise the same alert: the second insert does nothing.
    uniqueIndex("alerts_one_open_uq")
      .on(t.ruleId, t.deviceId)
      .where(sql`resolved_at is null`),
    index("alerts_started_idx").on(t.startedAt),
  ],
);
