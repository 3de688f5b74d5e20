-- Custom SQL migration file, put your code below! --
-- The outbox retries failed messages until their fifth attempt (lib/notifications/delivery/deliver-pending.ts).
CREATE INDEX IF NOT EXISTS "notification_deliveries_retry_idx" ON "notification_deliveries" USING btree ("created_at") WHERE "status" = 'failed' AND "attempts" < 5;
