ALTER TABLE "quarantine" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quarantine_device_id_idx" ON "quarantine" USING btree ("device_id");--> statement-breakpoint
-- Backfill: a row is the device's that holds its key now if it came while that device existed,
-- or if it came while the key was nobody's (unknown_device) and no device of that key has been
-- deleted since (else it may have been that earlier device's, claimed when it was provisioned).
UPDATE "quarantine" q SET "device_id" = d."id" FROM "devices" d
WHERE d."key" = q."device_key"
  AND (q."received_at" >= d."created_at"
       OR (q."reason" = 'unknown_device' AND NOT EXISTS (
             SELECT 1 FROM "audit_log" a
             WHERE a."action" = 'device.delete' AND a."target_id" = q."device_key" AND a."at" > q."received_at")));--> statement-breakpoint
-- Rows of devices deleted with their data before this release were left behind, to be seen and
-- replayed by whoever got the key next: they go now, as they would have with the device.
DELETE FROM "quarantine" q
WHERE q."device_id" IS NULL AND EXISTS (
  SELECT 1 FROM "audit_log" a
  WHERE a."action" = 'device.delete' AND a."details"->>'data' = 'drop'
    AND a."target_id" = q."device_key" AND a."at" > q."received_at");
