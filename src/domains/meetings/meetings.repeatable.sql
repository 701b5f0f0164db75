-- Permanence of minutes and decisions (PG-23, PG-27, SZYD-28, CONF-34).
-- Idempotent; run after the drizzle migrations on every start (kernel/db/migrate.ts).
--
-- Signed minutes are never edited or deleted: a correction is a new row (corrects_id).
CREATE OR REPLACE FUNCTION meeting_minutes_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '会议纪要签发后永久保存，不得修改或删除；更正请另行形成更正记录（PG-27 《党组议事规则》五（四））'
    USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS meeting_minutes_no_change ON meeting_minutes;
CREATE TRIGGER meeting_minutes_no_change BEFORE UPDATE OR DELETE ON meeting_minutes
  FOR EACH ROW EXECUTE FUNCTION meeting_minutes_immutable();

-- A decision's content never changes; its status may only leave in_force when a later
-- decision names it (supersedes_id), i.e. by a new collective decision (PG-18, PG-23).
CREATE OR REPLACE FUNCTION meeting_decisions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '会议决定不得删除（PG-23 《党组议事规则》五（二））' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW) - 'status') IS DISTINCT FROM (to_jsonb(OLD) - 'status') THEN
    RAISE EXCEPTION '会议决定 % 的内容不得修改，改变决定须经新的集体决定（PG-23 《党组议事规则》五（二））', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    IF OLD.status <> 'in_force' OR NOT EXISTS (
      SELECT 1 FROM meeting_decisions d WHERE d.supersedes_id = OLD.id AND d.id <> OLD.id
        AND d.supersede_mode = CASE NEW.status WHEN 'revoked' THEN 'revoke' ELSE 'change' END) THEN
      RAISE EXCEPTION '会议决定 % 只能由点名撤销或改变它的新决定终止效力（PG-18 《党组议事规则》四（二））', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS meeting_decisions_guard ON meeting_decisions;
CREATE TRIGGER meeting_decisions_guard BEFORE UPDATE OR DELETE ON meeting_decisions
  FOR EACH ROW EXECUTE FUNCTION meeting_decisions_guard();
