import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { lockNamed } from '../../kernel/db/mutex';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notifyOnce } from '../../kernel/notify';
import { membersOfBody } from '../../kernel/org';
import type { XlsxColumn } from '../../kernel/render/xlsx';
import { enforce } from '../../kernel/rules';
import { isLocalDate, localDate, type Clock } from '../../kernel/time';
import { attendanceKeepers } from './notices';
import {
  APPOINTMENT_TYPES, PROB01, PROB02, PROB03, checkAssessment, checkHasProbation, checkOutcome, probationDates, thresholdMet, type AppointmentType, type Evaluation,
} from './probation-rules';

/**
 * 试用期管理 (PROB-01…03): 综合科 registers the probation when a promotion or transfer-in to a
 * section-level leadership post takes effect; the system reminds 综合科 and the 党组 before the
 * assessment is due; after the probation 综合科 records the democratic evaluation, the Party
 * Group's finding and the outcome, which the rules check.
 */
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Text = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max);
const Count = (label: string) => z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000);

export const NewProbation = z.strictObject({
  personId: Text('试用对象', 100),
  post: Text('试任职务', 100),
  appointmentType: z.enum(Object.keys(APPOINTMENT_TYPES) as [AppointmentType, ...AppointmentType[]], { error: '请选择任职方式' }),
  appointmentRef: Text('任职文件或决定'),
  effectiveOn: Day,
});

export const Assessment = z.strictObject({
  assessedOn: Day,
  ballots: Count('有效票数'),
  excellent: Count('优秀票数'),
  competent: Count('称职票数'),
  basicallyCompetent: Count('基本称职票数'),
  incompetent: Count('不称职票数'),
  partyGroupFindsUnfit: z.boolean().nullable().default(null),
  outcome: z.enum(['formal', 'removed'], { error: '请选择考核结果' }),
  decisionRef: Text('办党组研究决定的会议或文号'),
  placement: z.string().trim().max(200).nullable().default(null),
  acknowledged: z.array(z.string().max(20)).max(10).default([]),
});

export const STATUS_LABEL: Record<string, string> = { on_probation: '试用期中', formal: '正式任职', removed: '免去试任职务' };

export interface ProbationView {
  id: string; personId: string; personName: string; unitName: string | null; post: string; appointmentType: AppointmentType; appointmentTypeLabel: string;
  appointmentRef: string; effectiveOn: string; endOn: string; dueOn: string; remindOn: string; status: string; statusLabel: string;
  assessedOn: string | null; ballots: number | null; excellent: number | null; competent: number | null; basicallyCompetent: number | null; incompetent: number | null;
  partyGroupFindsUnfit: boolean | null; decisionRef: string | null; placement: string | null;
  /** 基本称职 + 不称职 above one third of the valid ballots (PROB-03); null before the assessment. */
  thresholdMet: boolean | null;
  /** Due and not yet assessed. */
  overdue: boolean;
}

const VIEW = sql`select b.id, b.person_id as "personId", p.name as "personName", u.name as "unitName", b.post, b.appointment_type as "appointmentType",
    b.appointment_ref as "appointmentRef", b.effective_on::text as "effectiveOn", b.end_on::text as "endOn", b.due_on::text as "dueOn", b.remind_on::text as "remindOn",
    b.status, b.assessed_on::text as "assessedOn", b.ballots, b.excellent, b.competent, b.basically_competent as "basicallyCompetent", b.incompetent,
    b.party_group_finds_unfit as "partyGroupFindsUnfit", b.decision_ref as "decisionRef", b.placement
  from personnel_probations b join people p on p.id = b.person_id left join org_units u on u.id = p.unit_id`;
type Row = Omit<ProbationView, 'appointmentTypeLabel' | 'statusLabel' | 'thresholdMet' | 'overdue'>;

function decorate(r: Row, today: string): ProbationView {
  const e = r.ballots === null ? null : (r as Evaluation);
  return { ...r, appointmentTypeLabel: APPOINTMENT_TYPES[r.appointmentType], statusLabel: STATUS_LABEL[r.status] ?? r.status,
    thresholdMet: e ? thresholdMet(e) : null, overdue: r.status === 'on_probation' && r.dueOn <= today };
}

function requireHub(ctx: Ctx): void {
  if (!can(ctx, 'personnel.attendance')) throw errors.forbidden('试用期管理由综合科办理');
}

async function viewOf(ctx: Ctx, id: string): Promise<ProbationView> {
  const [r] = await rows<Row>(ctx.db, sql`${VIEW} where b.id = ${id}`);
  if (!r) throw errors.notFound('试用期记录');
  return decorate(r, localDate(ctx.clock.now()));
}

/** PROB-01: register a probation with its dates; 转任 and 交流 are refused (they have none). */
export function createProbation(ctx: Ctx, raw: unknown): Promise<ProbationView> {
  const v = NewProbation.parse(raw);
  return withTx(ctx, async (tx) => {
    requireHub(tx);
    enforce([checkHasProbation(v.appointmentType)]);
    const [person] = await rows<{ id: string }>(tx.db, sql`select id from people where id = ${v.personId}`);
    if (!person) throw errors.badRequest('试用对象不存在');
    const [dup] = await rows<{ id: string }>(tx.db, sql`select id from personnel_probations where person_id = ${v.personId} and post = ${v.post} and effective_on = ${v.effectiveOn}`);
    if (dup) throw errors.conflict('该人员此职务的试用期已登记');
    const d = probationDates(v.effectiveOn);
    const id = newId('prb');
    await tx.db.execute(sql`insert into personnel_probations (id, person_id, post, appointment_type, appointment_ref, effective_on, end_on, due_on, remind_on, status, created_by, created_at)
      values (${id}, ${v.personId}, ${v.post}, ${v.appointmentType}, ${v.appointmentRef}, ${v.effectiveOn}, ${d.endOn}, ${d.dueOn}, ${d.remindOn}, 'on_probation',
        ${requireActor(tx).accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'personnel.probation.create', objectType: 'personnel_probation', objectId: id, detail: { ...v, ...d, ruleId: PROB01.id } });
    return viewOf(tx, id);
  });
}

/** PROB-02 / PROB-03: record the assessment once, after the probation, with its evaluation and outcome. */
export function recordAssessment(ctx: Ctx, id: string, raw: unknown): Promise<ProbationView> {
  const v = Assessment.parse(raw);
  return withTx(ctx, async (tx) => {
    requireHub(tx);
    const [b] = await rows<{ status: string; due_on: string }>(tx.db, sql`select status, due_on::text from personnel_probations where id = ${id} for update`);
    if (!b) throw errors.notFound('试用期记录');
    if (b.status !== 'on_probation') throw errors.conflict(`考核结果已登记（${STATUS_LABEL[b.status]}）`);
    if (v.assessedOn > localDate(tx.clock.now())) throw errors.badRequest('考核日期不能晚于今天');
    enforce([checkAssessment(v, b.due_on, v.assessedOn)]);
    const placement = v.outcome === 'removed' ? v.placement || null : null;
    const warnings = enforce([checkOutcome(v, { outcome: v.outcome, partyGroupFindsUnfit: v.partyGroupFindsUnfit, placement })], v.acknowledged);
    await tx.db.execute(sql`update personnel_probations set status = ${v.outcome}, assessed_on = ${v.assessedOn}, ballots = ${v.ballots}, excellent = ${v.excellent},
        competent = ${v.competent}, basically_competent = ${v.basicallyCompetent}, incompetent = ${v.incompetent}, party_group_finds_unfit = ${v.partyGroupFindsUnfit},
        decision_ref = ${v.decisionRef}, placement = ${placement}, assessed_by = ${requireActor(tx).accountId}
      where id = ${id}`);
    const { acknowledged: _ack, ...detail } = v;
    await audit(tx, { event: 'personnel.probation.assess', objectType: 'personnel_probation', objectId: id,
      detail: { ...detail, placement, thresholdMet: thresholdMet(v), ruleIds: [PROB02.id, PROB03.id], acknowledgedWarnings: warnings.map((w) => w.ruleId) } });
    return viewOf(tx, id);
  });
}

/** Every probation (综合科), newest first, optionally by status. */
export async function listProbations(ctx: Ctx, q: { status?: string }): Promise<ProbationView[]> {
  requireHub(ctx);
  const found = await rows<Row>(ctx.db, sql`${VIEW} ${q.status ? sql`where b.status = ${q.status}` : sql``} order by b.status = 'on_probation' desc, b.due_on, b.id limit 2000`);
  const today = localDate(ctx.clock.now());
  return found.map((r) => decorate(r, today));
}

/**
 * PROB-01 REMIND: from `remindOn`, 综合科 and the 党组's members are told once that the
 * assessment is due (notifyOnce under the sweep's named mutex).
 */
export async function remindProbations(database: Database, clock: Clock): Promise<number> {
  const today = localDate(clock.now());
  return withTx(systemCtx(database.db, clock), async (tx) => {
    await lockNamed(tx.db, 'personnel_probation_reminders');
    const due = (await rows<Row>(tx.db, sql`${VIEW} where b.status = 'on_probation' and b.remind_on <= ${today}`)).map((r) => decorate(r, today));
    if (due.length === 0) return 0;
    const recipients = [...new Set([...(await attendanceKeepers(tx)), ...(await membersOfBody(tx.db, 'party_group', today)).members.map((m) => m.id)])];
    let sent = 0;
    for (const b of due) {
      if (await notifyOnce(tx.db, recipients, { kind: 'remind', title: `试用期考核：${b.personName}（${b.post}）${b.overdue ? '已到期' : `${b.dueOn}到期`}`,
        body: `${b.personName}自${b.effectiveOn}起试任${b.post}，试用期至${b.endOn}届满，请组织考核并进行民主测评（${PROB01.id}、${PROB02.id} ${PROB01.cite}）`,
        link: '/personnel/probations', objectType: 'personnel_probation', objectId: b.id }, clock.now())) sent++;
    }
    return sent;
  });
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
export const PROBATION_COLUMNS: XlsxColumn<ProbationView>[] = [
  { header: '姓名', value: (r) => r.personName },
  { header: '科室', value: (r) => r.unitName, width: 16 },
  { header: '试任职务', value: (r) => r.post, width: 18 },
  { header: '任职方式', value: (r) => r.appointmentTypeLabel },
  { header: '任职文件或决定', value: (r) => r.appointmentRef, width: 24 },
  { header: '任职日期', value: (r) => r.effectiveOn, width: 12 },
  { header: '试用期满', value: (r) => r.endOn, width: 12 },
  { header: '考核日期', value: (r) => r.assessedOn ?? (r.overdue ? `应于${r.dueOn}考核（已到期）` : `应于${r.dueOn}考核`), width: 22 },
  { header: '有效票', value: (r) => r.ballots },
  { header: '优秀', value: (r) => r.excellent },
  { header: '称职', value: (r) => r.competent },
  { header: '基本称职', value: (r) => r.basicallyCompetent },
  { header: '不称职', value: (r) => r.incompetent },
  { header: '基本称职和不称职超过三分之一', value: (r) => yesNo(r.thresholdMet), width: 14 },
  { header: '办党组认定不适应岗位', value: (r) => yesNo(r.partyGroupFindsUnfit), width: 12 },
  { header: '办党组决定', value: (r) => r.decisionRef, width: 20 },
  { header: '结果', value: (r) => r.statusLabel },
  { header: '免职后工作安排', value: (r) => r.placement, width: 20 },
];

/** Demo: a cadre promoted a year ago minus 20 days (assessment due soon, reminder on) and one due already. */
export async function seedProbationDemo(ctx: Ctx): Promise<void> {
  const today = localDate(ctx.clock.now());
  const [y, m, d] = today.split('-').map(Number);
  const yearAgo = (days: number) => new Date(Date.UTC(y - 1, m - 1, d + days)).toISOString().slice(0, 10);
  const demo = [
    { personId: 'psn_hanbing', post: '规划项目科科长', type: 'promotion', ref: '白扶贫党组〔2025〕12号', effectiveOn: yearAgo(20) },
    { personId: 'psn_xunuo', post: '督查科副科长', type: 'promotion', ref: '白扶贫党组〔2025〕9号', effectiveOn: yearAgo(-10) },
  ];
  for (const p of demo) {
    const d = probationDates(p.effectiveOn);
    await ctx.db.execute(sql`insert into personnel_probations (id, person_id, post, appointment_type, appointment_ref, effective_on, end_on, due_on, remind_on, status, created_by, created_at)
      select ${newId('prb')}, ${p.personId}, ${p.post}, ${p.type}, ${p.ref}, ${p.effectiveOn}, ${d.endOn}, ${d.dueOn}, ${d.remindOn}, 'on_probation', 'acct_liuyang', ${ctx.clock.now().toISOString()}
      where exists (select 1 from people where id = ${p.personId})`);
  }
}
