import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { localDate } from '../../kernel/time';
import { enforce } from '../../kernel/rules';
import { evaluateEligibility, SCHOOL_TYPES, type DecisionKind, type Eligibility, type EligibilityFacts, type SchoolType } from './rules';

/** Students of the register, their eligibility per semester, decisions and special approvals. */

/** Sort key of a semester in SQL: year × 2 (+1 for autumn). */
export const semOrdSql = (col: SQL) => sql`(substr(${col}, 1, 4)::int * 2 + case when ${col} like '%autumn' then 1 else 0 end)`;

interface FactRow {
  id: string;
  name: string;
  schoolType: string;
  formalStatus: boolean;
  registrySystem: string | null;
  enrolmentStatus: string;
  hukouMovedOut: boolean;
  secondaryGraduatedOn: string | null;
  enrolledOn: string | null;
  householdId: string;
  registeredStatus: string;
  exitYear: number | null;
  special: boolean;
  firstPaidYear: number | null;
  paidSecondary: boolean;
  decisions: Partial<Record<DecisionKind, boolean>> | null;
}

/** The facts of several students for one semester, in one query. */
export async function loadFacts(db: Db, studentIds: string[], semester: string): Promise<Map<string, { facts: EligibilityFacts; row: FactRow }>> {
  const out = new Map<string, { facts: EligibilityFacts; row: FactRow }>();
  if (studentIds.length === 0) return out;
  const ord = semOrdSql(sql`${semester}::text`);
  const found = await rows<FactRow>(
    db,
    sql`select s.id, s.name, s.school_type as "schoolType", s.formal_status as "formalStatus", s.registry_system as "registrySystem",
      s.enrolment_status as "enrolmentStatus", s.hukou_moved_out as "hukouMovedOut", s.secondary_graduated_on as "secondaryGraduatedOn",
      s.enrolled_on as "enrolledOn", s.household_id as "householdId", h.registered_status as "registeredStatus", h.exit_year as "exitYear",
      exists (select 1 from rain_special_approvals a where a.household_id = s.household_id) as special,
      (select min(substr(p.semester, 1, 4)::int) from rain_payments p where p.household_id = s.household_id and p.status = 'paid'
        and ${semOrdSql(sql`p.semester`)} < ${ord}) as "firstPaidYear",
      exists (select 1 from rain_payments p where p.student_id = s.id and p.status = 'paid' and p.education_level = 'SECONDARY') as "paidSecondary",
      (select jsonb_object_agg(d.kind, d.approved) from (select distinct on (kind) kind, approved from rain_decisions where student_id = s.id order by kind, at desc, id desc) d) as decisions
      from rain_students s join poverty_households h on h.id = s.household_id
      where s.id in (${sql.join(studentIds.map((i) => sql`${i}`), sql`, `)})`,
  );
  for (const r of found) {
    out.set(r.id, {
      row: r,
      facts: {
        semester,
        household: { registeredStatus: r.registeredStatus, exitYear: r.exitYear, specialApproval: r.special },
        student: {
          schoolType: r.schoolType,
          formalStatus: r.formalStatus,
          registrySystem: r.registrySystem,
          enrolmentStatus: r.enrolmentStatus,
          hukouMovedOut: r.hukouMovedOut,
          secondaryGraduatedOn: r.secondaryGraduatedOn,
          enrolledOn: r.enrolledOn,
        },
        householdFirstPaidYear: r.firstPaidYear,
        paidAsSecondary: r.paidSecondary,
        decisions: r.decisions ?? {},
      },
    });
  }
  return out;
}

export async function eligibilityOf(db: Db, studentId: string, semester: string): Promise<Eligibility> {
  const f = (await loadFacts(db, [studentId], semester)).get(studentId);
  if (!f) throw errors.notFound('学生');
  return evaluateEligibility(f.facts);
}

/**
 * Re-evaluate the open determinations (proposed / publicised / confirmed) of a semester, in chunks,
 * e.g. after a school-roll comparison or a leading-group decision. Paid and cancelled ones stay.
 */
export async function reevaluate(db: Db, semester: string, studentIds?: string[], onProgress?: (n: number) => Promise<void>): Promise<number> {
  const ids = studentIds ?? (await rows<{ id: string }>(db, sql`select student_id as id from rain_determinations where semester = ${semester} and status in ('proposed', 'publicised', 'confirmed')`)).map((r) => r.id);
  let done = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const facts = await loadFacts(db, chunk, semester);
    const values = [...facts.entries()].map(([id, f]) => {
      const e = evaluateEligibility(f.facts);
      return sql`(${id}, ${e.status}, ${JSON.stringify(e.reasons)})`;
    });
    if (values.length > 0) {
      await db.execute(sql`update rain_determinations d set eligibility = v.status, reasons = v.reasons::jsonb
        from (values ${sql.join(values, sql`, `)}) as v(student_id, status, reasons)
        where d.student_id = v.student_id and d.semester = ${semester} and d.status in ('proposed', 'publicised', 'confirmed')`);
    }
    done += chunk.length;
    if (onProgress) await onProgress(done);
  }
  return done;
}

export interface StudentInput {
  personId: string;
  schoolName: string;
  schoolLocation?: string | null;
  schoolType: SchoolType;
  registrySystem?: 'MOE' | 'MOHRSS' | null;
  studentStatusNo?: string | null;
  enrolmentStatus: string;
  enrolledOn?: string | null;
  hukouMovedOut?: boolean;
  secondaryGraduatedOn?: string | null;
  certificateRef?: string | null;
}

/** Record a student (源头确认 / manual entry): the person must be in the household register. */
export async function saveStudent(ctx: Ctx, input: StudentInput): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ id: string; name: string; household_id: string }>(tx.db, sql`select id, name, household_id from poverty_persons where id = ${input.personId}`);
    if (!p) throw errors.badRequest('该人员不在农户台账中，请先导入或登记其家庭');
    const now = tx.clock.now().toISOString();
    const level = SCHOOL_TYPES[input.schoolType].level;
    const [s] = await rows<{ id: string; created: boolean }>(
      tx.db,
      sql`insert into rain_students (id, person_id, household_id, name, school_name, school_location, education_level, school_type, formal_status, registry_system,
        student_status_no, enrolment_status, enrolled_on, hukou_moved_out, secondary_graduated_on, certificate_ref, created_at, updated_at)
        values (${newId('rst')}, ${p.id}, ${p.household_id}, ${p.name}, ${input.schoolName}, ${input.schoolLocation ?? null}, ${level}, ${input.schoolType},
          ${!!input.registrySystem}, ${input.registrySystem ?? null}, ${input.studentStatusNo ?? null}, ${input.enrolmentStatus}, ${input.enrolledOn ?? null},
          ${input.hukouMovedOut ?? false}, ${input.secondaryGraduatedOn ?? null}, ${input.certificateRef ?? null}, ${now}, ${now})
        on conflict (person_id) do update set school_name = excluded.school_name, school_location = excluded.school_location, education_level = excluded.education_level,
          school_type = excluded.school_type, formal_status = excluded.formal_status, registry_system = excluded.registry_system,
          student_status_no = excluded.student_status_no, enrolment_status = excluded.enrolment_status, enrolled_on = excluded.enrolled_on,
          hukou_moved_out = excluded.hukou_moved_out, secondary_graduated_on = excluded.secondary_graduated_on,
          certificate_ref = coalesce(excluded.certificate_ref, rain_students.certificate_ref), updated_at = excluded.updated_at
        returning id, (xmax = 0) as created`,
    );
    await audit(tx, { event: s.created ? 'rain.student.create' : 'rain.student.update', objectType: 'rain_student', objectId: s.id, detail: { personId: p.id, schoolName: input.schoolName, schoolType: input.schoolType, enrolmentStatus: input.enrolmentStatus } });
    // Open determinations follow the new facts.
    for (const d of await rows<{ semester: string }>(tx.db, sql`select semester from rain_determinations where student_id = ${s.id} and status in ('proposed', 'publicised', 'confirmed')`)) {
      await reevaluate(tx.db, d.semester, [s.id]);
    }
    return { id: s.id };
  });
}

export interface StudentFilter {
  semester: string;
  region?: string;
  eligibility?: 'eligible' | 'ineligible' | 'needs_decision';
  q?: string;
}

export interface StudentRow {
  id: string;
  name: string;
  personId: string;
  idMasked: string;
  householdId: string;
  householdCode: string;
  householderName: string;
  registeredStatus: string;
  exitYear: number | null;
  countyCode: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  schoolName: string;
  schoolLocation: string | null;
  educationLevel: string;
  schoolType: string;
  registrySystem: string | null;
  enrolmentStatus: string;
  hukouMovedOut: boolean;
  determinationId: string | null;
  determinationStatus: string | null;
  comparison: string | null;
  inNationalRange: boolean | null;
  countyReview: string | null;
  eligibility: string;
  reasons: { ruleId: string; text: string }[];
  paidFen: number | null;
}

const STUDENT_SELECT = (semester: string) => sql`select s.id, s.name, s.person_id as "personId", p.id_masked as "idMasked", s.household_id as "householdId",
  h.code as "householdCode", h.householder_name as "householderName", h.registered_status as "registeredStatus", h.exit_year as "exitYear",
  h.county_code as "countyCode", t.name as "townshipName", h.village_code as "villageCode", v.name as "villageName",
  s.school_name as "schoolName", s.school_location as "schoolLocation", s.education_level as "educationLevel", s.school_type as "schoolType",
  s.registry_system as "registrySystem", s.enrolment_status as "enrolmentStatus", s.hukou_moved_out as "hukouMovedOut",
  d.id as "determinationId", d.status as "determinationStatus", d.comparison, d.in_national_range as "inNationalRange", d.county_review as "countyReview",
  d.eligibility, d.reasons, pay.amount_fen as "paidFen"
  from rain_students s
  join poverty_persons p on p.id = s.person_id
  join poverty_households h on h.id = s.household_id
  join poverty_regions v on v.code = h.village_code
  join poverty_regions t on t.code = h.township_code
  left join rain_determinations d on d.student_id = s.id and d.semester = ${semester}
  left join rain_payments pay on pay.student_id = s.id and pay.semester = ${semester}`;

function studentWhere(f: StudentFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.region) parts.push(sql`h.village_code like ${f.region + '%'}`);
  if (f.q?.trim()) parts.push(sql`(s.name like ${'%' + f.q.trim() + '%'} or s.school_name like ${'%' + f.q.trim() + '%'} or h.code like ${f.q.trim() + '%'})`);
  return sql.join(parts, sql` and `);
}

/**
 * The 学生名单 of a semester with eligibility and the reasons. Students without a determination
 * for the semester are evaluated on the fly (same pure function), so every row has a verdict.
 */
export async function listStudents(ctx: Ctx, f: StudentFilter, page = 1, pageSize = 50): Promise<{ items: StudentRow[]; total: number }> {
  const w = studentWhere(f);
  const all = await rows<StudentRow>(ctx.db, sql`${STUDENT_SELECT(f.semester)} where ${w} order by h.village_code, h.code, s.name`);
  const missing = all.filter((r) => !r.determinationId).map((r) => r.id);
  const facts = await loadFacts(ctx.db, missing, f.semester);
  for (const r of all) {
    if (r.determinationId) continue;
    const fx = facts.get(r.id);
    if (!fx) continue;
    const e = evaluateEligibility(fx.facts);
    r.eligibility = e.status;
    r.reasons = e.reasons;
  }
  const filtered = f.eligibility ? all.filter((r) => r.eligibility === f.eligibility) : all;
  return { items: filtered.slice((page - 1) * pageSize, page * pageSize), total: filtered.length };
}

/** 源头确认: put a student on the semester's determination list by hand (comparison MANUAL). */
export async function proposeDetermination(ctx: Ctx, input: { studentId: string; semester: string; inNationalRange: boolean }): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [s] = await rows<{ household_id: string; county_code: string; township_code: string; village_code: string }>(
      tx.db,
      sql`select s.household_id, h.county_code, h.township_code, h.village_code from rain_students s join poverty_households h on h.id = s.household_id where s.id = ${input.studentId}`,
    );
    if (!s) throw errors.notFound('学生');
    const id = newId('rdt');
    const inserted = await rows<{ id: string }>(
      tx.db,
      sql`insert into rain_determinations (id, student_id, semester, household_id, county_code, township_code, village_code, comparison, in_national_range,
        eligibility, reasons, status, created_at)
        values (${id}, ${input.studentId}, ${input.semester}, ${s.household_id}, ${s.county_code}, ${s.township_code}, ${s.village_code}, 'MANUAL',
          ${input.inNationalRange}, 'ineligible', '[]'::jsonb, 'proposed', ${tx.clock.now().toISOString()})
        on conflict (student_id, semester) do nothing returning id`,
    );
    if (inserted.length === 0) throw errors.conflict('该学生本学期已在补助对象确认名单中');
    await reevaluate(tx.db, input.semester, [input.studentId]);
    await audit(tx, { event: 'rain.determination.propose', objectType: 'rain_determination', objectId: id, detail: input });
    return { id };
  });
}

/**
 * 县级复核 (三（一）(1)): re-evaluate the semester's proposed determinations of a county and set the
 * review result: 补助对象 when eligible, else 非补助对象. Returns the counts.
 */
export async function reviewSemester(ctx: Ctx, input: { countyCode: string; semester: string }): Promise<{ target: number; nonTarget: number; pending: number }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    await reevaluate(tx.db, input.semester);
    const [r] = await rows<{ target: number; non_target: number; pending: number }>(
      tx.db,
      sql`with upd as (update rain_determinations set county_review = case when eligibility = 'eligible' then 'TARGET' when eligibility = 'ineligible' then 'NON_TARGET' else null end
        where county_code = ${input.countyCode} and semester = ${input.semester} and status = 'proposed' returning county_review)
        select count(*) filter (where county_review = 'TARGET')::int as target, count(*) filter (where county_review = 'NON_TARGET')::int as non_target,
          count(*) filter (where county_review is null)::int as pending from upd`,
    );
    await audit(tx, { event: 'rain.semester.review', objectType: 'rain_semester', objectId: `${input.countyCode}:${input.semester}`, detail: r });
    return { target: r.target, nonTarget: r.non_target, pending: r.pending };
  });
}

/** The semester's records: special notice, hukou screening, source confirmation, entry deadline. */
export async function recordSemester(
  ctx: Ctx,
  input: { countyCode: string; semester: string; what: 'notice' | 'hukou' | 'source' | 'deadline'; date: string; note?: string },
): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    await tx.db.execute(sql`insert into rain_semesters (county_code, semester) values (${input.countyCode}, ${input.semester}) on conflict do nothing`);
    const note = input.note?.trim() || null;
    if (input.what === 'notice') {
      if (!note) throw errors.badRequest('请填写专项通知文号或标题');
      await tx.db.execute(sql`update rain_semesters set notice_issued_on = ${input.date}, notice_ref = ${note} where county_code = ${input.countyCode} and semester = ${input.semester}`);
    } else if (input.what === 'hukou') {
      await tx.db.execute(sql`update rain_semesters set hukou_screened_on = ${input.date}, hukou_screen_note = ${note} where county_code = ${input.countyCode} and semester = ${input.semester}`);
    } else if (input.what === 'source') {
      if (!note) throw errors.badRequest('请说明源头确认情况（逐村逐户排查）');
      await tx.db.execute(sql`update rain_semesters set source_confirmed_on = ${input.date}, source_confirm_note = ${note} where county_code = ${input.countyCode} and semester = ${input.semester}`);
    } else {
      await tx.db.execute(sql`update rain_semesters set entry_deadline = ${input.date} where county_code = ${input.countyCode} and semester = ${input.semester}`);
    }
    await audit(tx, { event: `rain.semester.${input.what}`, objectType: 'rain_semester', objectId: `${input.countyCode}:${input.semester}`, detail: input });
  });
}

export async function semesterRecord(db: Db, countyCode: string, semester: string) {
  const [r] = await rows<{ noticeIssuedOn: string | null; noticeRef: string | null; hukouScreenedOn: string | null; hukouScreenNote: string | null; sourceConfirmedOn: string | null; sourceConfirmNote: string | null; entryDeadline: string | null; entryCompletedOn: string | null }>(
    db,
    sql`select notice_issued_on as "noticeIssuedOn", notice_ref as "noticeRef", hukou_screened_on as "hukouScreenedOn", hukou_screen_note as "hukouScreenNote",
      source_confirmed_on as "sourceConfirmedOn", source_confirm_note as "sourceConfirmNote", entry_deadline as "entryDeadline", entry_completed_on as "entryCompletedOn"
      from rain_semesters where county_code = ${countyCode} and semester = ${semester}`,
  );
  return r;
}

/** A county leading-group decision on one student (RAIN-08 “等”, RAIN-10, RAIN-13); history kept. */
export async function recordDecision(ctx: Ctx, studentId: string, input: { kind: DecisionKind; approved: boolean; decidedOn: string; ref: string; note?: string }): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [s] = await rows<{ id: string }>(tx.db, sql`select id from rain_students where id = ${studentId} for update`);
    if (!s) throw errors.notFound('学生');
    const id = newId('rdc');
    await tx.db.execute(sql`insert into rain_decisions (id, student_id, kind, approved, decided_on, ref, note, account_id, at)
      values (${id}, ${studentId}, ${input.kind}, ${input.approved}, ${input.decidedOn}, ${input.ref}, ${input.note ?? null}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    for (const d of await rows<{ semester: string }>(tx.db, sql`select semester from rain_determinations where student_id = ${studentId} and status in ('proposed', 'publicised', 'confirmed')`)) {
      await reevaluate(tx.db, d.semester, [studentId]);
    }
    await audit(tx, { event: 'rain.decision', objectType: 'rain_student', objectId: studentId, detail: { id, ...input } });
    return { id };
  });
}

/** RAIN-06 / RAIN-12: a household outside the system approved by the county leading group. */
export async function recordSpecialApproval(ctx: Ctx, householdId: string, input: { reason: 'INCOMPLETE_INFO' | 'RETURNED_TO_POVERTY' | 'OTHER'; approvedOn: string; procedureRef: string }): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [h] = await rows<{ id: string }>(tx.db, sql`select id from poverty_households where id = ${householdId}`);
    if (!h) throw errors.notFound('农户');
    await tx.db.execute(sql`insert into rain_special_approvals (household_id, reason, approved_on, procedure_ref, account_id, at)
      values (${householdId}, ${input.reason}, ${input.approvedOn}, ${input.procedureRef}, ${actor.accountId}, ${tx.clock.now().toISOString()})
      on conflict (household_id) do update set reason = excluded.reason, approved_on = excluded.approved_on, procedure_ref = excluded.procedure_ref, account_id = excluded.account_id, at = excluded.at`);
    for (const d of await rows<{ semester: string; student_id: string }>(tx.db, sql`select d.semester, d.student_id from rain_determinations d where d.household_id = ${householdId} and d.status in ('proposed', 'publicised', 'confirmed')`)) {
      await reevaluate(tx.db, d.semester, [d.student_id]);
    }
    await audit(tx, { event: 'rain.special_approval', objectType: 'poverty_household', objectId: householdId, detail: input });
  });
}

/** Leading-group decisions of one student, newest first (history). */
export async function studentDecisions(db: Db, studentId: string) {
  return rows<{ id: string; kind: string; approved: boolean; decidedOn: string; ref: string; note: string | null }>(
    db,
    sql`select id, kind, approved, decided_on as "decidedOn", ref, note from rain_decisions where student_id = ${studentId} order by at desc, id desc`,
  );
}

export const today = (ctx: Ctx) => localDate(ctx.clock.now());
export { enforce };
