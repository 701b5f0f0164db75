import { and, eq, inArray, isNull } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { lockNamed } from '../../kernel/db/mutex';
import { errors } from '../../kernel/errors';
import { notifyOnce } from '../../kernel/notify';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { DISCLOSURES, NON_DISCLOSURE_REASONS, type Disclosure } from '../documents/model';
import { SZYD31, WR13 } from './rules';
import { decisionDisclosures, decisionResponsibles, meetingDecisions, meetingTopics, meetings } from './schema';
import { assertChairOrManager, loadMeeting } from './store';

/**
 * 公开属性 of meeting decisions (WR-13, SZYD-31, CONF-22): one attribute with the documents area
 * (主动公开 / 依申请公开 / 不予公开), set when the decision is made or before the minutes are
 * signed. A 主动公开 decision is due for publication a number of working days after it was made
 * (DISC-12); 综合科 and the responsible members are reminded before and after the due date until
 * the publication (channel and date) is recorded. A 不予公开 decision is never published.
 */
export interface DisclosureInput {
  disclosure?: string;
  /** 不予公开: a code of the documents area's NON_DISCLOSURE_REASONS (依法说明理由). */
  disclosureReason?: string;
}

export function disclosureVerdict(input: DisclosureInput): Verdict {
  if (!input.disclosure) return WR13.block('会议决定须确定公开属性（主动公开、依申请公开或不予公开）');
  if (!(DISCLOSURES as readonly string[]).includes(input.disclosure)) return WR13.block('公开属性只能是主动公开、依申请公开或不予公开之一');
  if (input.disclosure === '不予公开' && !(input.disclosureReason && input.disclosureReason in NON_DISCLOSURE_REASONS)) {
    return WR13.block('决定确定为不予公开的，须依法说明理由（选择不予公开的理由）');
  }
  return WR13.ok();
}

/** Record the attribute of a decision made on `decidedOn`, in the caller's transaction. */
export async function recordDisclosure(ctx: Ctx, decisionId: string, decidedOn: string, input: DisclosureInput): Promise<void> {
  enforce([disclosureVerdict(input)]);
  const attribute = input.disclosure as Disclosure;
  const dueDate = attribute === '主动公开' ? (await loadWorkingCalendar(ctx.db)).add(decidedOn, WR13.param('publishWorkingDays')) : null;
  const inserted = await ctx.db.insert(decisionDisclosures).values({
    decisionId, attribute, reasonCode: attribute === '不予公开' ? input.disclosureReason! : null, dueDate, setBy: requireActor(ctx).accountId, setAt: ctx.clock.now(),
  }).onConflictDoNothing().returning({ id: decisionDisclosures.decisionId });
  if (!inserted.length) throw errors.conflict(`该决定的公开属性已经确定，不能更改（${WR13.id}）`);
}

async function loadDecision(ctx: Ctx, decisionId: string) {
  const [d] = await ctx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId)).for('update');
  if (!d) throw errors.notFound('会议决定');
  return d;
}

/** The chair or 综合科 sets the attribute of a decision made without one, before the minutes are signed. */
export async function setDecisionDisclosure(ctx: Ctx, decisionId: string, input: DisclosureInput): Promise<{ dueDate: string | null }> {
  return withTx(ctx, async (tx) => {
    const d = await loadDecision(tx, decisionId);
    assertChairOrManager(tx, await loadMeeting(tx.db, d.meetingId));
    await recordDisclosure(tx, decisionId, d.decidedOn, input);
    const [row] = await tx.db.select().from(decisionDisclosures).where(eq(decisionDisclosures.decisionId, decisionId));
    await audit(tx, { event: 'meetings.decision.disclosure', objectType: 'meeting_decision', objectId: decisionId, detail: { ...input, dueDate: row.dueDate, rule: WR13.id } });
    return { dueDate: row.dueDate };
  });
}

/** WR-13 at the minutes' signature: every adopted decision of the meeting carries its attribute. */
export async function unclassifiedDecisions(ctx: Ctx, meetingId: string): Promise<string[]> {
  const found = await ctx.db.select({ title: meetingDecisions.title }).from(meetingDecisions)
    .leftJoin(decisionDisclosures, eq(decisionDisclosures.decisionId, meetingDecisions.id))
    .where(and(eq(meetingDecisions.meetingId, meetingId), isNull(decisionDisclosures.decisionId)));
  return found.map((f) => f.title);
}

/**
 * 综合科 records that a 主动公开 decision was published (channel and date, WR-14). A 不予公开
 * decision is refused citing SZYD-31 for 三重一大 and WR-13 otherwise; an 依申请公开 one is
 * answered on application, not published.
 */
export async function recordPublication(ctx: Ctx, decisionId: string, input: { channel: string; publishedOn?: string }): Promise<void> {
  const actor = requireActor(ctx);
  if (!can(ctx, 'meetings.manage')) throw errors.forbidden('决定的公开由综合科登记');
  const channel = input.channel.trim();
  if (!channel) throw errors.badRequest('请写明公开渠道（如门户网站、政务公开栏）');
  await withTx(ctx, async (tx) => {
    const d = await loadDecision(tx, decisionId);
    const [row] = await tx.db.select().from(decisionDisclosures).where(eq(decisionDisclosures.decisionId, decisionId)).for('update');
    const [topic] = await tx.db.select({ kind: meetingTopics.kind }).from(meetingTopics).where(eq(meetingTopics.id, d.topicId));
    const rule = topic?.kind === 'szyd' || topic?.kind === 'cadre' ? SZYD31 : WR13;
    if (!row) {
      enforce([WR13.block('该决定尚未确定公开属性，不能公开')]);
      return;
    }
    if (row.attribute === '不予公开') enforce([rule.block(`该决定确定为不予公开（${NON_DISCLOSURE_REASONS[row.reasonCode!] ?? row.reasonCode}），依法需要保密的不得公开`)]);
    if (row.attribute !== '主动公开') throw errors.badRequest('依申请公开的决定按申请答复，不登记主动公开');
    if (row.publishedOn) throw errors.conflict(`该决定已于 ${row.publishedOn} 公开`);
    const today = localDate(tx.clock.now());
    const publishedOn = input.publishedOn ?? today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) || publishedOn > today || publishedOn < d.decidedOn) throw errors.badRequest('公开日期应在决定日期与今天之间');
    await tx.db.update(decisionDisclosures).set({ publishedOn, channel, publishedBy: actor.personId ?? actor.accountId, publishedAt: tx.clock.now() })
      .where(eq(decisionDisclosures.decisionId, decisionId));
    await audit(tx, { event: 'meetings.decision.publish', objectType: 'meeting_decision', objectId: decisionId,
      detail: { channel, publishedOn, dueDate: row.dueDate, late: publishedOn > row.dueDate!, rule: rule.id } });
  });
}

type Stage = 'due3' | 'due1' | 'overdue';

/**
 * Remind unpublished 主动公开 decisions in force (WR-13 REMIND, SZYD-31): the recorder (综合科
 * 科长, the disclosure office) and the responsible members, once at each stage — the first and
 * the last reminder working days before the due date, and once overdue. The sweep holds a named
 * lock and notifyOnce keys each stage, so several servers send each notice once.
 */
export async function remindDecisionDisclosures(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const today = localDate(now);
  return withTx(ctx, async (tx) => {
    await lockNamed(tx.db, 'meetings.decision-disclosure');
    const pending = await tx.db.select({ d: meetingDecisions, dueDate: decisionDisclosures.dueDate, recorderId: meetings.recorderId, chairId: meetings.chairId, kind: meetingTopics.kind })
      .from(decisionDisclosures).innerJoin(meetingDecisions, eq(meetingDecisions.id, decisionDisclosures.decisionId)).innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
      .innerJoin(meetingTopics, eq(meetingTopics.id, meetingDecisions.topicId))
      .where(and(eq(decisionDisclosures.attribute, '主动公开'), isNull(decisionDisclosures.publishedOn), eq(meetingDecisions.status, 'in_force')));
    if (!pending.length) return 0;
    const cal = await loadWorkingCalendar(tx.db);
    const responsibles = await tx.db.select().from(decisionResponsibles).where(inArray(decisionResponsibles.decisionId, pending.map((p) => p.d.id)));
    let sent = 0;
    for (const { d, dueDate, recorderId, chairId, kind } of pending) {
      const due = dueDate!;
      const stage: Stage | null = today > due ? 'overdue' : today >= cal.add(due, -WR13.param('lastReminderWorkingDays')) ? 'due1'
        : today >= cal.add(due, -WR13.param('firstReminderWorkingDays')) ? 'due3' : null;
      if (!stage) continue;
      const to = [recorderId ?? chairId, ...responsibles.filter((r) => r.decisionId === d.id).map((r) => r.personId)];
      const title = stage === 'overdue' ? `会议决定逾期未公开：${d.title}` : `会议决定待公开：${d.title}`;
      const rules = kind === 'szyd' || kind === 'cadre' ? `${WR13.id}、${SZYD31.id}` : WR13.id;
      const body = `该决定确定为主动公开，应于 ${due} 前公开${stage === 'overdue' ? '，已逾期' : ''}；公开后请由综合科登记公开渠道和日期（${rules}）。`;
      if (await notifyOnce(tx.db, to, { kind: stage === 'overdue' ? 'overdue' : 'remind', title, body, link: '/meetings/decisions', objectType: 'meeting_decision_disclosure', objectId: `${d.id}:${stage}` }, now)) sent++;
    }
    if (sent) await audit(tx, { event: 'meetings.decision.disclosure_remind', detail: { sent, rule: WR13.id } });
    return sent;
  });
}
