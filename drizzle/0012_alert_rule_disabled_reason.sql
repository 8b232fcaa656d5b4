ALTER TABLE "alert_rules" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
-- Devices moved before this release: their old site's device rules are switched off, the old
-- site's open episodes for them closed and their evaluation state forgotten, as a move does now.
UPDATE "alert_rules" r SET "enabled" = false, "disabled_reason" = 'device_moved'
FROM "devices" d WHERE d."id" = r."device_id" AND d."site_id" <> r."site_id";--> statement-breakpoint
UPDATE "alerts" a SET "resolved_at" = now()
FROM "alert_rules" r, "devices" d
WHERE r."id" = a."rule_id" AND d."id" = a."device_id" AND d."site_id" <> r."site_id" AND a."resolved_at" IS NULL;--> statement-breakpoint
DELETE FROM "alert_states" s USING "alert_rules" r, "devices" d
WHERE r."id" = s."rule_id" AND d."id" = s."device_id" AND d."site_id" <> r."site_id";
