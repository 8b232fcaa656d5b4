ALTER TABLE "devices" ADD COLUMN "connectivity" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "connectivity_at" timestamp with time zone;--> statement-breakpoint
-- Carry the old reported status over: what a device said last, or online if heard of since.
UPDATE "devices" SET
  "connectivity" = CASE WHEN "last_seen_at" IS NULL THEN NULL
                        WHEN "reported_status" = 'offline' AND "reported_status_at" >= "last_seen_at" THEN 'offline'
                        ELSE 'online' END,
  "connectivity_at" = "last_seen_at";--> statement-breakpoint
-- Rows quarantined before message ids existed get a fresh one each.
ALTER TABLE "quarantine" ADD COLUMN "message_id" uuid NOT NULL DEFAULT gen_random_uuid();--> statement-breakpoint
ALTER TABLE "quarantine" ALTER COLUMN "message_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "quarantine" ADD COLUMN "replayed_by" uuid;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_replayed_by_users_id_fk" FOREIGN KEY ("replayed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quarantine_reason_idx" ON "quarantine" USING btree ("reason","received_at");--> statement-breakpoint
ALTER TABLE "devices" DROP COLUMN "reported_status";--> statement-breakpoint
ALTER TABLE "devices" DROP COLUMN "reported_status_at";--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_message_id_unique" UNIQUE("message_id");
