import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { sites, users } from "./accounts";
import { alertRules } from "./alerts";

/**
 * An endpoint of a site that alert rules notify (Standard Webhooks). `paused_at` is the circuit
 * breaker (an admin or a successful test send resumes it); `disabled_reason` is set on 410 Gone.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    url: text("url").notNull(),
    // whsec_ + base64 key; kept readable because every delivery is signed with it.
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    pausedReason: text("paused_reason"),
    disabledReason: text("disabled_reason"),
    // The breaker's evidence: failed attempts in a row, and since when (null once one succeeds).
    failureStreak: integer("failure_streak").notNull().default(0),
    failingSince: timestamp("failing_since", { withTimezone: true, precision: 3 }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhooks_site_idx").on(t.siteId)],
);

/** Which endpoints a rule notifies. */
export const alertRuleWebhooks = pgTable(
  "alert_rule_webhooks",
  {
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.webhookId] }),
    index("alert_rule_webhooks_webhook_idx").on(t.webhookId),
  ],
);

/**
 * The outbox: written in the transaction that changes the alert, sent by the ingest workers.
 * `message_id` is the webhook-id header, the same on every attempt (receivers dedupe on it).
 * status: pending | delivered | failed (dead letter).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // A worker sending it holds it until then (a lease: a crashed worker's claim runs out).
    claimedUntil: timestamp("claimed_until", { withTimezone: true, precision: 3 }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_message_uq").on(t.messageId),
    // The workers' claim query: due pending rows only.
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);

/** Every HTTP attempt, for the endpoint's delivery log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);
