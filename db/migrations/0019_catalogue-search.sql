-- Catalogue search compares lower-cased text with strpos; these keep it, lowered once on write (issue 11).
ALTER TABLE "services" ADD COLUMN "search_name" text GENERATED ALWAYS AS (lower(name_zh || ' ' || name_en)) STORED;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_keywords" text GENERATED ALWAYS AS (lower(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_description" text GENERATED ALWAYS AS (lower(description_zh)) STORED;