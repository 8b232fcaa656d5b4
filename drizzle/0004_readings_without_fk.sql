ALTER TABLE "readings" DROP CONSTRAINT "readings_series_id_series_id_fk";
--> statement-breakpoint
ALTER TABLE "rollups_1h" DROP CONSTRAINT "rollups_1h_series_id_series_id_fk";
--> statement-breakpoint
ALTER TABLE "rollups_1m" DROP CONSTRAINT "rollups_1m_series_id_series_id_fk";
--> statement-breakpoint
-- What the dropped foreign keys' ON DELETE CASCADE did, checked only when a series goes
-- (with its device) instead of on every inserted reading.
CREATE FUNCTION "delete_series_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "readings" WHERE "series_id" = OLD."id";
  DELETE FROM "rollups_1m" WHERE "series_id" = OLD."id";
  DELETE FROM "rollups_1h" WHERE "series_id" = OLD."id";
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "series_delete_data" AFTER DELETE ON "series" FOR EACH ROW EXECUTE FUNCTION "delete_series_data"();
