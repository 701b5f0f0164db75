import { randomInt } from 'node:crypto';
import { lockNamed } from '../../kernel/db/mutex';
import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../../kernel/db';
import { requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { localDate, type Clock } from '../../kernel/time';
import { enforce } from '../../kernel/rules';
import { notify } from '../../kernel/notify';
import type { XlsxColumn } from '../../kernel/render';
import {
  checkSummary,
  halfLabel,
  RAIN24,
  RAIN26,
  RAIN27,
  REGISTRY_LABEL,
  SCHOOL_TYPES,
  semesterLabel,
  semesterOfHalf,
  summaryDueDate,
  type SchoolType,
} from './rules';
import { filesOf } from './files';
import { overdueConfirmations } from './payments';

/** 学期台账 (RAIN-20/21), 半年总结 (RAIN-23), 明察暗访 (RAIN-24), graduate data (RAIN-27), duties. */

export interface LedgerRow {
  countyName: string;
  townshipName: string;
  villageName: string;
  householdCode: string;
  householderName: string;
  studentName: string;
  idMasked: string;
  schoolName: string;
  schoolLocation: string | null;
  schoolType: string;
  registrySystem: string | null;
  inNationalRange: boolean;
  eligibility: string;
  status: string;
  amountFen: number | null;
  accountMasked: string | null;
  paidOn: string | null;
  flowRef: string | null;
  informedOn: string | null;
  enteredOn: string | null;
  id: string;
}

/**
 * The semester ledger to household and person, at county, township or village level: the same
 * query narrowed by region code prefix, so the three levels reconcile by construction (RAIN-20);
 * `reconcile` still checks it and reports any difference.
 */
export async function* ledgerRows(db: Db, semester: string, region: string): AsyncGenerator<LedgerRow> {
  let after = '';
  for (;;) {
    const page = await rows<LedgerRow>(
      db,
      sql`select d.id, c.name as "countyName", t.name as "townshipName", v.name as "villageName", h.code as "householdCode", h.householder_name as "householderName",
        s.name as "studentName", pp.id_masked as "idMasked", s.school_name as "schoolName", s.school_location as "schoolLocation", s.school_type as "schoolType",
        s.registry_system as "registrySystem", d.in_national_range as "inNationalRange", d.eligibility, d.status, p.amount_fen as "amountFen",
        p.account_masked as "accountMasked", b.paid_on as "paidOn", b.flow_ref as "flowRef", p.informed_on as "informedOn", p.entered_on as "enteredOn"
        from rain_determinations d join rain_students s on s.id = d.student_id join poverty_persons pp on pp.id = s.person_id
        join poverty_households h on h.id = d.household_id join poverty_regions v on v.code = d.village_code join poverty_regions t on t.code = d.township_code
        join poverty_regions c on c.code = d.county_code
        left join rain_payments p on p.determination_id = d.id left join rain_batches b on b.id = p.batch_id
        where d.semester = ${semester} and d.village_code like ${region + '%'} and d.id > ${after}
        order by d.id limit 2000`,
    );
    yield* page;
    if (page.length < 2000) return;
    after = page[page.length - 1].id;
  }
}

const STATUS_LABEL: Record<string, string> = { proposed: '待公示', publicised: '公示中', confirmed: '已确认', paid: '已发放', cancelled: '已取消' };
const ELIG_LABEL: Record<string, string> = { eligible: '符合', ineligible: '不符合', needs_decision: '待领导小组决定' };
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

export const ledgerColumns: XlsxColumn<LedgerRow>[] = [
  { header: '县（市、区）', value: (r) => r.countyName },
  { header: '乡（镇）', value: (r) => r.townshipName },
  { header: '村', value: (r) => r.villageName },
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '户主', value: (r) => r.householderName },
  { header: '学生姓名', value: (r) => r.studentName },
  { header: '证件号码', value: (r) => r.idMasked, width: 22 },
  { header: '就读学校', value: (r) => r.schoolName, width: 24 },
  { header: '学校所在地', value: (r) => r.schoolLocation },
  { header: '学校类型', value: (r) => SCHOOL_TYPES[r.schoolType as SchoolType]?.label ?? r.schoolType },
  { header: '学籍系统', value: (r) => (r.registrySystem ? REGISTRY_LABEL[r.registrySystem] : '无正式学籍') },
  { header: '国家标识范围', value: (r) => (r.inNationalRange ? '是' : '否') },
  { header: '资格', value: (r) => ELIG_LABEL[r.eligibility] ?? r.eligibility },
  { header: '状态', value: (r) => STATUS_LABEL[r.status] ?? r.status },
  { header: '补助金额（元）', value: (r) => yuan(r.amountFen), numFmt: '#,##0.00' },
  { header: '一卡通账号', value: (r) => r.accountMasked, width: 22 },
  { header: '发放日期', value: (r) => r.paidOn },
  { header: '补助流水', value: (r) => r.flowRef },
  { header: '发放确认日期', value: (r) => r.informedOn },
  { header: '录入系统日期', value: (r) => r.enteredOn },
];

/** RAIN-21: the three county counts; RAIN-20: totals by level and the reconciliation. */
export async function semesterCounts(db: Db, countyCode: string, semester: string) {
  const [c] = await rows<{ inRangePaid: number; inRangeNotPaid: number; outRangeEligible: number; outRangePaid: number; paid: number; paidFen: number }>(
    db,
    sql`select count(*) filter (where d.in_national_range and p.status = 'paid')::int as "inRangePaid",
      count(*) filter (where d.in_national_range and (p.status is null or p.status <> 'paid'))::int as "inRangeNotPaid",
      count(*) filter (where not d.in_national_range and d.eligibility = 'eligible' and d.status <> 'cancelled')::int as "outRangeEligible",
      count(*) filter (where not d.in_national_range and p.status = 'paid')::int as "outRangePaid",
      count(*) filter (where p.status = 'paid')::int as paid, coalesce(sum(p.amount_fen) filter (where p.status = 'paid'), 0)::float8 as "paidFen"
      from rain_determinations d left join rain_payments p on p.determination_id = d.id
      where d.county_code = ${countyCode} and d.semester = ${semester}`,
  );
  return c;
}

export async function reconcile(db: Db, countyCode: string, semester: string) {
  const levels = await rows<{ level: string; code: string; name: string; persons: number; households: number; amountFen: number }>(
    db,
    sql`select 'township' as level, p.township_code as code, t.name, count(*)::int as persons, count(distinct p.household_id)::int as households, sum(p.amount_fen)::float8 as "amountFen"
        from rain_payments p join rain_batches b on b.id = p.batch_id join poverty_regions t on t.code = p.township_code
        where b.county_code = ${countyCode} and p.semester = ${semester} and p.status = 'paid' group by p.township_code, t.name
      union all
      select 'village', p.village_code, v.name, count(*)::int, count(distinct p.household_id)::int, sum(p.amount_fen)::float8
        from rain_payments p join rain_batches b on b.id = p.batch_id join poverty_regions v on v.code = p.village_code
        where b.county_code = ${countyCode} and p.semester = ${semester} and p.status = 'paid' group by p.village_code, v.name
      order by 1, 2`,
  );
  const county = await semesterCounts(db, countyCode, semester);
  const sum = (level: string, k: 'persons' | 'amountFen') => levels.filter((l) => l.level === level).reduce((s, l) => s + l[k], 0);
  const differences: string[] = [];
  for (const level of ['township', 'village']) {
    if (sum(level, 'persons') !== county.paid) differences.push(`${level === 'township' ? '乡镇' : '村'}台账人数合计${sum(level, 'persons')}与县台账${county.paid}不一致`);
    if (sum(level, 'amountFen') !== county.paidFen) differences.push(`${level === 'township' ? '乡镇' : '村'}台账金额合计与县台账不一致`);
  }
  return { county, levels, differences };
}

// ------------------------------------------------------------------------------------------
// RAIN-23 half-year summary.

export async function summaryStats(db: Db, countyCode: string, half: string) {
  const semester = semesterOfHalf(half);
  const counts = await semesterCounts(db, countyCode, semester);
  const byTownship = await rows<{ name: string; persons: number; amountFen: number; confirmed: number }>(
    db,
    sql`select t.name, count(p.id)::int as persons, coalesce(sum(p.amount_fen), 0)::float8 as "amountFen", count(p.informed_on)::int as confirmed
      from rain_payments p join rain_batches b on b.id = p.batch_id join poverty_regions t on t.code = p.township_code
      where b.county_code = ${countyCode} and p.semester = ${semester} and p.status = 'paid' group by t.name order by t.name`,
  );
  const [o] = await rows<{ objections: number; cancelled: number; corrections: number }>(
    db,
    sql`select (select count(*)::int from rain_objections o join rain_publicities pb on pb.id = o.publicity_id where pb.semester = ${semester}) as objections,
      (select count(*)::int from rain_determinations where county_code = ${countyCode} and semester = ${semester} and status = 'cancelled') as cancelled,
      (select count(*)::int from rain_corrections where semester = ${semester}) as corrections`,
  );
  return { semester, semesterLabel: semesterLabel(semester), ...counts, byTownship, ...o };
}

export async function saveSummary(ctx: Ctx, input: { countyCode: string; half: string; summaryText: string }): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [r] = await rows<{ id: string; submitted_on: string | null }>(
      tx.db,
      sql`insert into rain_summaries (id, county_code, half, summary_text, created_at) values (${newId('rsum')}, ${input.countyCode}, ${input.half}, ${input.summaryText}, ${tx.clock.now().toISOString()})
        on conflict (county_code, half) do update set summary_text = excluded.summary_text where rain_summaries.submitted_on is null
        returning id, submitted_on`,
    );
    if (!r) throw errors.conflict('该半年总结已上报，不能修改');
    await audit(tx, { event: 'rain.summary.save', objectType: 'rain_summary', objectId: r.id, detail: { countyCode: input.countyCode, half: input.half } });
    return { id: r.id };
  });
}

export async function approveSummary(ctx: Ctx, id: string, input: { approverName: string; approvedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [s] = await rows<{ submitted_on: string | null }>(tx.db, sql`select submitted_on from rain_summaries where id = ${id} for update`);
    if (!s) throw errors.notFound('半年总结');
    if (s.submitted_on) throw errors.conflict('该半年总结已上报');
    await tx.db.execute(sql`update rain_summaries set approved_by_name = ${input.approverName}, approved_on = ${input.approvedOn} where id = ${id}`);
    await audit(tx, { event: 'rain.summary.approve', objectType: 'rain_summary', objectId: id, detail: input });
  });
}

export async function submitSummary(ctx: Ctx, id: string, input: { submittedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [s] = await rows<{ submitted_on: string | null; approved_on: string | null }>(tx.db, sql`select submitted_on, approved_on from rain_summaries where id = ${id} for update`);
    if (!s) throw errors.notFound('半年总结');
    if (s.submitted_on) throw errors.conflict('该半年总结已上报');
    const attachments = (await filesOf(tx.db, 'rain_summary', id)).map((f) => f.label ?? '');
    enforce([checkSummary({ attachments, approvedOn: s.approved_on })]);
    await tx.db.execute(sql`update rain_summaries set submitted_on = ${input.submittedOn} where id = ${id}`);
    await audit(tx, { event: 'rain.summary.submit', objectType: 'rain_summary', objectId: id, detail: input });
  });
}

/** The city's compilation (市级汇总): every county's summary of the half, with its figures. */
export async function compilation(db: Db, half: string) {
  const list = await rows<{ id: string; countyCode: string; countyName: string; approvedOn: string | null; approvedByName: string | null; submittedOn: string | null; summaryText: string }>(
    db,
    sql`select s.id, s.county_code as "countyCode", c.name as "countyName", s.approved_on as "approvedOn", s.approved_by_name as "approvedByName", s.submitted_on as "submittedOn", s.summary_text as "summaryText"
      from rain_summaries s join poverty_regions c on c.code = s.county_code where s.half = ${half} order by s.county_code`,
  );
  const out = [];
  for (const s of list) out.push({ ...s, dueDate: summaryDueDate(half), attachments: await filesOf(db, 'rain_summary', s.id), stats: await summaryStats(db, s.countyCode, half) });
  return { half, halfLabel: halfLabel(half), dueDate: summaryDueDate(half), counties: out };
}

// ------------------------------------------------------------------------------------------
// RAIN-24 明察暗访 with a random sample.

function pick<T>(list: T[], n: number): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.max(0, n));
}

/**
 * Draw townships, then villages within them, then beneficiaries within those villages, at random
 * (crypto.randomInt) among the half's paid beneficiaries; sizes from the parameter (相应数量,
 * CONF-92) or the request. The sample is stored with the inspection.
 */
export async function createInspection(
  ctx: Ctx,
  input: { countyCode: string; half: string; kind: 'OPEN' | 'COVERT'; conductedOn: string; note?: string; sizes?: { townships: number; villages: number; beneficiaries: number } },
) {
  const actor = requireActor(ctx);
  const sizes = input.sizes ?? RAIN24.param('rainInspectionSampleSizes');
  const semester = semesterOfHalf(input.half);
  return withTx(ctx, async (tx) => {
    const pool = await rows<{ studentId: string; name: string; householdCode: string; householderName: string; townshipCode: string; townshipName: string; villageCode: string; villageName: string }>(
      tx.db,
      sql`select s.id as "studentId", s.name, h.code as "householdCode", h.householder_name as "householderName", p.township_code as "townshipCode", t.name as "townshipName",
        p.village_code as "villageCode", v.name as "villageName"
        from rain_payments p join rain_batches b on b.id = p.batch_id join rain_students s on s.id = p.student_id join poverty_households h on h.id = p.household_id
        join poverty_regions t on t.code = p.township_code join poverty_regions v on v.code = p.village_code
        where b.county_code = ${input.countyCode} and p.semester = ${semester} and p.status = 'paid' order by p.id`,
    );
    if (pool.length === 0) throw errors.badRequest(`${halfLabel(input.half)}没有已发放的补助对象可供抽查`);
    const townships = pick([...new Map(pool.map((p) => [p.townshipCode, { code: p.townshipCode, name: p.townshipName }])).values()], sizes.townships);
    const tset = new Set(townships.map((t) => t.code));
    const villages = pick([...new Map(pool.filter((p) => tset.has(p.townshipCode)).map((p) => [p.villageCode, { code: p.villageCode, name: p.villageName }])).values()], sizes.villages);
    const vset = new Set(villages.map((v) => v.code));
    const beneficiaries = pick(pool.filter((p) => vset.has(p.villageCode)), sizes.beneficiaries);
    const id = newId('rins');
    const sample = { townships, villages, beneficiaries, sizes };
    await tx.db.execute(sql`insert into rain_inspections (id, county_code, half, kind, conducted_on, sample, note, created_by, created_at)
      values (${id}, ${input.countyCode}, ${input.half}, ${input.kind}, ${input.conductedOn}, ${JSON.stringify(sample)}::jsonb, ${input.note ?? null}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'rain.inspection.create', objectType: 'rain_inspection', objectId: id, detail: { ...input, sampled: { townships: townships.length, villages: villages.length, beneficiaries: beneficiaries.length } } });
    return { id, sample };
  });
}

export async function addProblem(ctx: Ctx, inspectionId: string, description: string): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [i] = await rows(tx.db, sql`select id from rain_inspections where id = ${inspectionId}`);
    if (!i) throw errors.notFound('明察暗访记录');
    const id = newId('rprb');
    await tx.db.execute(sql`insert into rain_problems (id, inspection_id, description, created_at) values (${id}, ${inspectionId}, ${description}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'rain.problem.add', objectType: 'rain_problem', objectId: id, detail: { inspectionId, description } });
    return { id };
  });
}

/** 销号: a problem is closed only with its rectification written. */
export async function closeProblem(ctx: Ctx, id: string, input: { rectification: string; closedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [p] = await rows<{ closed_on: string | null }>(tx.db, sql`select closed_on from rain_problems where id = ${id} for update`);
    if (!p) throw errors.notFound('问题');
    if (p.closed_on) throw errors.conflict('该问题已销号');
    await tx.db.execute(sql`update rain_problems set rectification = ${input.rectification}, closed_on = ${input.closedOn} where id = ${id}`);
    await audit(tx, { event: 'rain.problem.close', objectType: 'rain_problem', objectId: id, detail: input });
  });
}

export async function listInspections(db: Db) {
  const list = await rows<{ id: string; countyCode: string; half: string; kind: string; conductedOn: string; sample: unknown; note: string | null }>(
    db,
    sql`select id, county_code as "countyCode", half, kind, conducted_on as "conductedOn", sample, note from rain_inspections order by conducted_on desc, id desc`,
  );
  const problems = await rows<{ id: string; inspectionId: string; description: string; rectification: string | null; closedOn: string | null }>(
    db,
    sql`select id, inspection_id as "inspectionId", description, rectification, closed_on as "closedOn" from rain_problems order by created_at`,
  );
  return list.map((i) => ({ ...i, problems: problems.filter((p) => p.inspectionId === i.id) }));
}

// ------------------------------------------------------------------------------------------
// RAIN-27 graduate data.

export async function recordGraduateData(ctx: Ctx, input: { year: number; receivedOn: string; description: string }): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const id = newId('rgrd');
    await tx.db.execute(sql`insert into rain_graduate_data (id, year, received_on, description, created_at) values (${id}, ${input.year}, ${input.receivedOn}, ${input.description}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'rain.graduate_data', objectType: 'rain_graduate_data', objectId: id, detail: input });
    return { id };
  });
}

// ------------------------------------------------------------------------------------------
// Duties (REMIND / REPORT): what is due or overdue today, per rule.

export interface Duty {
  ruleId: string;
  key: string;
  title: string;
  due: string;
  overdue: boolean;
}

export async function duties(db: Db, countyCode: string, today: string): Promise<Duty[]> {
  const out: Duty[] = [];
  const year = Number(today.slice(0, 4));
  // RAIN-26: special notices from 03-01 (spring) and 09-01 (autumn).
  const [springDate, autumnDate] = RAIN26.param('rainNoticeReminderDates');
  for (const [season, md] of [['spring', springDate], ['autumn', autumnDate]] as const) {
    const due = `${year}-${md}`;
    if (today < due) continue;
    const semester = `${year}-${season}`;
    const [s] = await rows<{ notice_issued_on: string | null }>(db, sql`select notice_issued_on from rain_semesters where county_code = ${countyCode} and semester = ${semester}`);
    if (!s?.notice_issued_on) out.push({ ruleId: 'RAIN-26', key: `notice:${semester}`, title: `${semesterLabel(semester)}“雨露计划”专项通知尚未下发`, due, overdue: today > due });
  }
  // RAIN-27: graduate data each graduation season (July by default).
  const month = RAIN27.param('rainGraduateDataMonth');
  const gradDue = `${year}-${String(month).padStart(2, '0')}-01`;
  if (today >= gradDue) {
    const [g] = await rows<{ n: number }>(db, sql`select count(*)::int as n from rain_graduate_data where year = ${year}`);
    if (g.n === 0) out.push({ ruleId: 'RAIN-27', key: `graduates:${year}`, title: `${year}年毕业季教育部门贫困家庭初、高中毕业生基础信息尚未登记`, due: gradDue, overdue: today > gradDue });
  }
  // RAIN-23 and RAIN-24 for each closed half of this and last year.
  for (const half of [`${year - 1}-H2`, `${year}-H1`, `${year}-H2`]) {
    const end = half.endsWith('H1') ? `${half.slice(0, 4)}-06-30` : `${half.slice(0, 4)}-12-31`;
    if (today <= end) continue;
    const [s] = await rows<{ submitted_on: string | null }>(db, sql`select submitted_on from rain_summaries where county_code = ${countyCode} and half = ${half}`);
    const due = summaryDueDate(half);
    if (!s?.submitted_on) out.push({ ruleId: 'RAIN-23', key: `summary:${half}`, title: `${halfLabel(half)}“雨露计划”工作总结尚未上报`, due, overdue: today > due });
    const [i] = await rows<{ n: number }>(db, sql`select count(*)::int as n from rain_inspections where county_code = ${countyCode} and half = ${half}`);
    if (i.n === 0) out.push({ ruleId: 'RAIN-24', key: `inspection:${half}`, title: `${halfLabel(half)}尚未组织明察暗访`, due: end, overdue: true });
  }
  const [p] = await rows<{ n: number }>(db, sql`select count(*)::int as n from rain_problems pr join rain_inspections i on i.id = pr.inspection_id where i.county_code = ${countyCode} and pr.closed_on is null`);
  if (p.n > 0) out.push({ ruleId: 'RAIN-24', key: 'problems', title: `明察暗访发现的问题尚有${p.n}项未销号`, due: today, overdue: false });
  // RAIN-19: confirmations.
  const conf = await overdueConfirmations(db, today);
  if (conf.length > 0) out.push({ ruleId: 'RAIN-19', key: `confirm:${conf[0].batchId}`, title: `${conf.length}名补助对象发放后尚未组织发放确认`, due: conf[0].paidOn, overdue: true });
  // RAIN-22: entry deadline (only when set, CONF-92).
  const late = await rows<{ semester: string; entry_deadline: string }>(db, sql`select semester, entry_deadline from rain_semesters where county_code = ${countyCode} and entry_deadline is not null and entry_completed_on is null and entry_deadline <= ${today}`);
  for (const l of late) out.push({ ruleId: 'RAIN-22', key: `entry:${l.semester}`, title: `${semesterLabel(l.semester)}补助信息录入全国系统的期限为${l.entry_deadline}，尚未完成`, due: l.entry_deadline, overdue: today > l.entry_deadline });
  return out;
}

/** The reminder job: each duty is told once per kind (due / overdue) to holders of rain.manage. */
export async function remindDuties(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const today = localDate(clock.now());
  const counties = await rows<{ code: string }>(ctx.db, sql`select code from poverty_regions where level = 'county' order by code`);
  let sent = 0;
  for (const c of counties) {
    for (const d of await duties(ctx.db, c.code, today)) {
      const kind = d.overdue ? 'overdue' : 'due';
      const objectId = `${c.code}:${d.key}`;
      const delivered = await withTx(ctx, async (tx) => {
        // One transaction per duty, serialised by a named mutex, so several servers notify once.
        await lockNamed(tx.db, `rain-duty:${objectId}`);
        const [seen] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from notifications where object_type = 'rain_duty' and object_id = ${objectId} and kind = ${kind}`);
        if (seen.n > 0) return false;
        const people = await rows<{ person_id: string }>(
          tx.db,
          sql`select distinct a.person_id from accounts a join account_roles ar on ar.account_id = a.id join role_permissions rp on rp.role_id = ar.role_id
            where rp.permission = 'rain.manage' and a.person_id is not null order by a.person_id`,
        );
        for (const p of people) await notify(tx.db, { recipientPersonId: p.person_id, kind, title: d.title, body: `期限：${d.due}（${d.ruleId}）`, link: '/rain/inspections', objectType: 'rain_duty', objectId }, tx.clock.now());
        return true;
      });
      if (delivered) sent++;
    }
  }
  return sent;
}

// ------------------------------------------------------------------------------------------
// Dashboard chart: paid subsidies by county and semester, one aggregate statement.

export async function subsidiesByCountyAndSemester(db: Db) {
  const r = await rows<{ countyCode: string; countyName: string; semester: string; persons: number; amountFen: number }>(
    db,
    sql`select b.county_code as "countyCode", c.name as "countyName", p.semester, count(*)::int as persons, sum(p.amount_fen)::float8 as "amountFen"
      from rain_payments p join rain_batches b on b.id = p.batch_id join poverty_regions c on c.code = b.county_code
      where p.status = 'paid' group by b.county_code, c.name, p.semester order by p.semester, b.county_code`,
  );
  return r.map((x) => ({ ...x, semesterLabel: semesterLabel(x.semester) }));
}
