-- RECEP-26 (《公务接待制度》第11条；公务接待流程图 第6步): once the full set of a reception is filed
-- with 综合科 it is kept for reference and never changed or deleted — the database refuses it
-- as well, so no code path can bypass the service's check.
-- Idempotent; run after the drizzle migrations on every start (kernel/db/migrate.ts).
CREATE OR REPLACE FUNCTION finance_receptions_filed_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.filed_on IS NOT NULL THEN
    RAISE EXCEPTION '公务接待 %年第%号的材料已交综合科备案，留存备查，不得修改或删除（RECEP-26 《公务接待制度》第11条）', OLD.year, OLD.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

DROP TRIGGER IF EXISTS finance_receptions_filed_no_change ON finance_receptions;
CREATE TRIGGER finance_receptions_filed_no_change BEFORE UPDATE OR DELETE ON finance_receptions
  FOR EACH ROW EXECUTE FUNCTION finance_receptions_filed_guard();
