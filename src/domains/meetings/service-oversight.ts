import { and, asc, desc, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { leaderInChargeOfArea, personWithPosts, principalLeader, RESTRICTED_AREA_CODES } from '../../kernel/org';
import { enforce } from '../../kernel/rules';
import { addDays, localDate } from '../../kernel/time';
import { PG24, PG25, SZYD27, SZYD29, SZYD32, SZYD33, SZYD33_MEASURES, SZYD34, SZYD36 } from './rules';
import {
  accountabilityCases, decisionReports, decisionResponsibles, emergencyDisposals, institutionDecisions, meetingDecisions, meetingTopics, meetings,
} from './schema';

/**
 * After decisions (PG-24, PG-25, SZYD-29, SZYD-32…34, SZYD-36, SZYD-27): reports on a decision in
 * force, interim emergency disposals reported afterwards, accountability cases with the closed list
 * of measures, decisions of subordinate institutions registered for oversight, and the report that
 * lists candidates for accountability, the five areas and each leader's decisions.
 */
const mustManage = (ctx: Ctx) => { if (!can(ctx, 'meetings.manage') && !can(ctx, 'meetings.oversee')) throw errors.forbidden('由综合科或纪检监察登记'); };

export type DecisionReportKind = 'problem' | 'superior' | 'potential_loss' | 'correction';

/**
 * A report on a decision in force. problem (PG-25): the chair is told and must decide within the
 * rule's days whether the 党组 re-examines it; superior (PG-24): the report to a superior names
 * whom; potential_loss (SZYD-32 4): must be followed by a correction within the rule's days;
 * correction: answers the open problem / potential-loss reports of the decision.
 */
export async function reportOnDecision(ctx: Ctx, decisionId: string, input: { kind: DecisionReportKind; body: string; addressee?: string }): Promise<{ id: string; dueDate: string | null }> {
  const actor = requireActor(ctx);
  const text = input.body.trim();
  if (!text) throw errors.badRequest('请填写报告内容');
  return withTx(ctx, async (tx) => {
    const [d] = await tx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId)).for('update');
    if (!d) throw errors.notFound('会议决定');
    const responsibles = await tx.db.select().from(decisionResponsibles).where(eq(decisionResponsibles.decisionId, decisionId));
    const mine = responsibles.some((r) => r.personId === actor.personId);
    if (!mine && !can(tx, 'meetings.manage')) throw errors.forbidden('由负责落实的成员或综合科报告');
    if (d.status !== 'in_force' && input.kind !== 'correction') throw errors.conflict('该决定已不再有效');
    if (input.kind === 'superior' && !input.addressee?.trim()) enforce([PG24.block('向上级报告须写明报告的上级组织')]);
    const today = localDate(tx.clock.now());
    const dueDate = input.kind === 'problem' ? addDays(today, PG25.param('problemReportDecisionDays'))
      : input.kind === 'potential_loss' ? addDays(today, SZYD32.param('potentialLossCorrectionDays')) : null;
    const id = newId('dcr');
    await tx.db.insert(decisionReports).values({ id, decisionId, kind: input.kind, body: text, addressee: input.addressee?.trim() || null, dueDate,
      personId: actor.personId ?? actor.accountId, at: tx.clock.now() });
    if (input.kind === 'correction') {
      await tx.db.update(decisionReports).set({ resolvedAt: tx.clock.now() })
        .where(and(eq(decisionReports.decisionId, decisionId), inArray(decisionReports.kind, ['problem', 'potential_loss']), isNull(decisionReports.resolvedAt)));
    }
    if (input.kind === 'problem' || input.kind === 'potential_loss') {
      const [m] = await tx.db.select().from(meetings).where(eq(meetings.id, d.meetingId));
      await notify(tx.db, { recipientPersonId: m.chairId, kind: 'remind', title: `${input.kind === 'problem' ? '决定执行中出现新情况' : '执行中发现可能造成损失'}：${d.title}`,
        body: `${text}。请于 ${dueDate} 前决定是否提交重新研究或纠正（${input.kind === 'problem' ? PG25.id : SZYD32.id}）。`, link: '/meetings/oversight',
        objectType: 'meeting_decision', objectId: d.id }, tx.clock.now());
    }
    await audit(tx, { event: 'meetings.decision.report', objectType: 'meeting_decision', objectId: decisionId, detail: { id, kind: input.kind, dueDate } });
    return { id, dueDate };
  });
}

/**
 * SZYD-29: a leader records an interim disposal of a major emergency. It must be reported to the
 * leadership team within the rule's days or at the next meeting if earlier; a reminder job chases it.
 */
export async function recordEmergencyDisposal(ctx: Ctx, input: { matter: string; personId?: string; needsRedecision?: boolean }): Promise<{ id: string; reportDueDate: string }> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明作出临时处置的领导');
  if (personId !== actor.personId && !can(ctx, 'meetings.manage')) throw errors.forbidden('由本人或综合科登记');
  const matter = input.matter.trim();
  if (!matter) throw errors.badRequest('请写明处置事项');
  if (!(await personWithPosts(ctx.db, personId))) throw errors.badRequest('人员不存在');
  return withTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const today = localDate(now);
    const [next] = await tx.db.select({ date: meetings.meetingDate }).from(meetings)
      .where(and(gte(meetings.meetingDate, today), eq(meetings.status, 'planned'))).orderBy(asc(meetings.meetingDate)).limit(1);
    const byDays = addDays(today, SZYD29.param('emergencyReportDays'));
    const reportDueDate = next && next.date < byDays ? next.date : byDays;
    const id = newId('emd');
    await tx.db.insert(emergencyDisposals).values({ id, personId, matter, disposedAt: now, reportDueDate, needsRedecision: input.needsRedecision ?? false, recordedBy: actor.accountId });
    await notify(tx.db, { recipientPersonId: personId, kind: 'remind', title: `临时处置须事后报告：${matter}`, body: `请于 ${reportDueDate} 前向领导班子报告（${SZYD29.id}）。`,
      link: '/meetings/oversight', objectType: 'emergency_disposal', objectId: id }, now);
    await audit(tx, { event: 'meetings.emergency.record', objectType: 'emergency_disposal', objectId: id, detail: { personId, reportDueDate, rule: SZYD29.id } });
    return { id, reportDueDate };
  });
}

/** SZYD-29: the disposal was reported to the leadership team at a meeting (or on a date, recorded by 综合科). */
export async function reportEmergencyDisposal(ctx: Ctx, id: string, input: { meetingId?: string }): Promise<void> {
  mustManage(ctx);
  await withTx(ctx, async (tx) => {
    const [e] = await tx.db.select().from(emergencyDisposals).where(eq(emergencyDisposals.id, id)).for('update');
    if (!e) throw errors.notFound('临时处置');
    if (e.reportedAt) throw errors.conflict('该临时处置已向领导班子报告');
    if (input.meetingId && !(await tx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId))).length) throw errors.notFound('会议');
    await tx.db.update(emergencyDisposals).set({ reportedAt: tx.clock.now(), reportedMeetingId: input.meetingId ?? null }).where(eq(emergencyDisposals.id, id));
    await audit(tx, { event: 'meetings.emergency.report', objectType: 'emergency_disposal', objectId: id, detail: { meetingId: input.meetingId ?? null } });
  });
}

/** Remind leaders whose disposal report is overdue, once a local day (SKIP LOCKED: safe on several servers). */
export async function remindEmergencyDisposals(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.clock.now());
  return withTx(ctx, async (tx) => {
    const due = await tx.db.select().from(emergencyDisposals)
      .where(and(isNull(emergencyDisposals.reportedAt), lt(emergencyDisposals.reportDueDate, today), or(isNull(emergencyDisposals.lastRemindedOn), lt(emergencyDisposals.lastRemindedOn, today))))
      .for('update', { skipLocked: true });
    for (const e of due) {
      await notify(tx.db, { recipientPersonId: e.personId, kind: 'overdue', title: `临时处置逾期未报告：${e.matter}`, body: `应于 ${e.reportDueDate} 前向领导班子报告（${SZYD29.id}）。`,
        link: '/meetings/oversight', objectType: 'emergency_disposal', objectId: e.id }, tx.clock.now());
      await tx.db.update(emergencyDisposals).set({ lastRemindedOn: today }).where(eq(emergencyDisposals.id, e.id));
    }
    if (due.length) await audit(tx, { event: 'meetings.emergency.remind', detail: { disposals: due.map((e) => e.id) } });
    return due.length;
  });
}

/** SZYD-32 / SZYD-33: an accountability case, its circumstance 1–5 and measures from the closed list. */
export async function recordAccountabilityCase(ctx: Ctx, input: { circumstance: number; personIds: string[]; facts: string; measures: string[]; otherMeasure?: string; decisionId?: string; disposalId?: string }): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  mustManage(ctx);
  if (!Number.isInteger(input.circumstance) || input.circumstance < 1 || input.circumstance > 5) enforce([SZYD32.block('责任追究情形应为六（一）1 至 5 之一')]);
  const bad = input.measures.filter((m) => !(SZYD33_MEASURES as readonly string[]).includes(m));
  if (bad.length || input.measures.length === 0) enforce([SZYD33.block(`责任追究方式只能从“${SZYD33_MEASURES.join('、')}”中选择${bad.length ? `，不能是“${bad.join('、')}”` : ''}`)]);
  if (input.measures.includes('其他') && !input.otherMeasure?.trim()) enforce([SZYD33.block('选择“其他”须写明具体方式')]);
  if (!input.facts.trim() || input.personIds.length === 0) throw errors.badRequest('请写明责任人员和事实');
  return withTx(ctx, async (tx) => {
    const id = newId('acc');
    await tx.db.insert(accountabilityCases).values({ id, circumstance: input.circumstance, personIds: input.personIds, facts: input.facts.trim(), measures: input.measures,
      otherMeasure: input.otherMeasure?.trim() || null, decisionId: input.decisionId ?? null, disposalId: input.disposalId ?? null, recordedBy: actor.accountId, at: tx.clock.now() });
    await audit(tx, { event: 'meetings.accountability.record', objectType: 'accountability_case', objectId: id, detail: { circumstance: input.circumstance, measures: input.measures } });
    return { id };
  });
}

/** SZYD-36: a subordinate institution's own 三重一大 decision registered for oversight; the oversight note follows. */
export async function registerInstitutionDecision(ctx: Ctx, input: { institution: string; title: string; decidedOn: string; category: string; summary: string }): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  mustManage(ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn)) throw errors.badRequest('日期格式应为 YYYY-MM-DD');
  return withTx(ctx, async (tx) => {
    const id = newId('ind');
    await tx.db.insert(institutionDecisions).values({ id, institution: input.institution.trim(), title: input.title.trim(), decidedOn: input.decidedOn, category: input.category,
      summary: input.summary.trim(), recordedBy: actor.accountId, at: tx.clock.now() });
    await audit(tx, { event: 'meetings.institution.register', objectType: 'institution_decision', objectId: id, detail: { rule: SZYD36.id } });
    return { id };
  });
}

export async function superviseInstitutionDecision(ctx: Ctx, id: string, input: { note: string }): Promise<void> {
  const actor = requireActor(ctx);
  mustManage(ctx);
  await withTx(ctx, async (tx) => {
    const updated = await tx.db.update(institutionDecisions).set({ oversightNote: input.note.trim(), oversightBy: actor.personId ?? actor.accountId, oversightAt: tx.clock.now() })
      .where(eq(institutionDecisions.id, id)).returning({ id: institutionDecisions.id });
    if (!updated.length) throw errors.notFound('所属事业单位决策');
    await audit(tx, { event: 'meetings.institution.oversee', objectType: 'institution_decision', objectId: id });
  });
}

/**
 * The oversight report: accountability candidates (SZYD-32: overdue emergency reports —
 * circumstance 1; potential losses not corrected in time — circumstance 4), problem reports still
 * undecided (PG-25), the five areas and who leads them (SZYD-27), each leader's decisions with the
 * accountability cases naming him (SZYD-34), and the institutions' registered decisions (SZYD-36).
 */
export async function oversightReport(ctx: Ctx) {
  mustManage(ctx);
  const today = localDate(ctx.clock.now());
  const name = async (id: string) => (await personWithPosts(ctx.db, id))?.name ?? id;
  const disposals = await ctx.db.select().from(emergencyDisposals).orderBy(desc(emergencyDisposals.disposedAt)).limit(200);
  const reports = await ctx.db.select({ r: decisionReports, title: meetingDecisions.title }).from(decisionReports)
    .innerJoin(meetingDecisions, eq(meetingDecisions.id, decisionReports.decisionId)).orderBy(desc(decisionReports.at)).limit(500);
  const candidates = [
    ...disposals.filter((e) => !e.reportedAt && e.reportDueDate < today).map((e) => ({ circumstance: 1, ruleId: SZYD29.id, what: `临时处置“${e.matter}”逾期未向领导班子报告（应于 ${e.reportDueDate} 前）`, personIds: [e.personId], disposalId: e.id })),
    ...reports.filter(({ r }) => r.kind === 'potential_loss' && !r.resolvedAt && r.dueDate && r.dueDate < today)
      .map(({ r, title }) => ({ circumstance: 4, ruleId: SZYD32.id, what: `决定“${title}”执行中发现可能造成损失，逾期未纠正（应于 ${r.dueDate} 前）`, personIds: [r.personId], decisionId: r.decisionId })),
  ];
  const principals = [await principalLeader(ctx.db, today, 'administrative'), await principalLeader(ctx.db, today, 'party')].filter((p): p is NonNullable<typeof p> => !!p);
  const areas = await Promise.all(RESTRICTED_AREA_CODES.map(async (code) => {
    const leader = await leaderInChargeOfArea(ctx.db, code, today);
    const ok = !!leader && !principals.some((p) => p.id === leader.id);
    return { code, leader, ok, ruleId: SZYD27.id };
  }));
  const responsibles = await ctx.db.select({ personId: decisionResponsibles.personId, isLead: decisionResponsibles.isLead, title: meetingDecisions.title, status: meetingDecisions.status,
    kind: meetingTopics.kind, decidedOn: meetingDecisions.decidedOn })
    .from(decisionResponsibles).innerJoin(meetingDecisions, eq(meetingDecisions.id, decisionResponsibles.decisionId)).innerJoin(meetingTopics, eq(meetingTopics.id, meetingDecisions.topicId));
  const cases = await ctx.db.select().from(accountabilityCases).orderBy(desc(accountabilityCases.at));
  const people = [...new Set([...responsibles.map((r) => r.personId), ...cases.flatMap((c) => c.personIds)])];
  const byMember = await Promise.all(people.map(async (personId) => ({
    personId, name: await name(personId), ruleId: SZYD34.id,
    decisions: responsibles.filter((r) => r.personId === personId).map(({ title, status, kind, decidedOn, isLead }) => ({ title, status, kind, decidedOn, isLead })),
    cases: cases.filter((c) => c.personIds.includes(personId)).map((c) => ({ id: c.id, circumstance: c.circumstance, measures: c.measures, facts: c.facts })),
  })));
  return {
    candidates: await Promise.all(candidates.map(async (c) => ({ ...c, names: await Promise.all(c.personIds.map(name)) }))),
    openProblems: reports.filter(({ r }) => r.kind === 'problem' && !r.resolvedAt).map(({ r, title }) => ({ ...r, decisionTitle: title, overdue: !!r.dueDate && r.dueDate < today, ruleId: PG25.id })),
    reports: reports.map(({ r, title }) => ({ ...r, decisionTitle: title })),
    disposals: await Promise.all(disposals.map(async (e) => ({ ...e, name: await name(e.personId), overdue: !e.reportedAt && e.reportDueDate < today }))),
    fiveAreas: areas,
    byMember,
    cases,
    institutions: await ctx.db.select().from(institutionDecisions).orderBy(desc(institutionDecisions.decidedOn)).limit(200),
    measures: SZYD33_MEASURES,
  };
}
