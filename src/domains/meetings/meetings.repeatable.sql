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

-- A decision exists only as the result of a topic deliberated in a meeting that is being held
-- (WR-07 《工作规则》第十三条（三）); a 三重一大 decision also needs the vote (SZYD-02 《三重一大》三（一）).
-- No path — circulation, one leader, an import — can write a decision outside a meeting.
CREATE OR REPLACE FUNCTION meeting_decisions_collective() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  m_status text;
  t_meeting text;
  t_opened timestamptz;
  t_kind text;
  t_vote text;
BEGIN
  SELECT status INTO m_status FROM meetings WHERE id = NEW.meeting_id;
  SELECT meeting_id, opened_at, kind, vote_method INTO t_meeting, t_opened, t_kind, t_vote FROM meeting_topics WHERE id = NEW.topic_id;
  IF m_status IS DISTINCT FROM 'open' OR t_meeting IS DISTINCT FROM NEW.meeting_id OR t_opened IS NULL THEN
    RAISE EXCEPTION '决定重大事项必须以会议形式进行：决定只能由正在召开的会议审议议题后形成（WR-07 《工作规则》第十三条（三））'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF t_kind IN ('szyd', 'cadre') AND t_vote IS NULL THEN
    RAISE EXCEPTION '“三重一大”事项必须集体讨论并经表决作出决定（SZYD-02 《“三重一大”事项决策制度》三（一））'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS meeting_decisions_collective ON meeting_decisions;
CREATE TRIGGER meeting_decisions_collective BEFORE INSERT ON meeting_decisions
  FOR EACH ROW EXECUTE FUNCTION meeting_decisions_collective();
