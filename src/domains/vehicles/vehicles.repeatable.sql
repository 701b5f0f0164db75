-- One vehicle, one driver, one trip at a time (公务用车使用管理细则 第二条：综合科统一调度; CAR-02).
-- Idempotent; run after the drizzle migrations on every start (kernel/db/migrate.ts).
-- Two active bookings of the same resource whose [start, end) periods overlap are refused by
-- the database itself, so two dispatchers acting at the same moment can never double-book.
CREATE EXTENSION IF NOT EXISTS btree_gist;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'vehicle_bookings_no_overlap') THEN
    ALTER TABLE vehicle_bookings ADD CONSTRAINT vehicle_bookings_no_overlap
      EXCLUDE USING gist (resource_kind WITH =, resource_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
      WHERE (active);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'vehicle_bookings_period') THEN
    ALTER TABLE vehicle_bookings ADD CONSTRAINT vehicle_bookings_period CHECK (end_at > start_at);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'vehicle_fuel_two_signers') THEN
    -- CAR-13: the driver and the vehicle manager sign each other's entry; one person cannot be both.
    ALTER TABLE vehicle_fuel ADD CONSTRAINT vehicle_fuel_two_signers CHECK (manager_person_id IS NULL OR manager_person_id <> driver_person_id);
  END IF;
END
$$;
