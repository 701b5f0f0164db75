-- Indexes of kernel/flow added after the init migration was generated (kernel/db/migrate.ts
-- runs this after the drizzle migrations on every start; idempotent). The same index is
-- declared in schema.ts, so the next `drizzle-kit generate` puts it into the migration and
-- this statement becomes a no-op.

-- cancelPending (every approval that closes a step) finds the instance's open timers by
-- instance_id; without an index that is a scan of every timer ever written.
CREATE INDEX IF NOT EXISTS flow_timers_instance_idx ON flow_timers (instance_id);
