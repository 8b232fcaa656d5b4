ALTER TABLE "quarantine" ADD COLUMN "payload_total_bytes" integer;--> statement-breakpoint
ALTER TABLE "quarantine" ADD COLUMN "payload_sha256" text;