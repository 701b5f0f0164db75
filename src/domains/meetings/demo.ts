import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { CalendarYearNotPublished, loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import { loadActor } from '../../kernel/identity/sessions';
import { addDays, localDate, type LocalDate } from '../../kernel/time';
import { topicQuorum } from './checks';
import { createTask, reportProgress } from './followup';
import { rosterOf } from './roster';
import { closeMeeting, createMeeting, openMeeting, type TopicInput } from './service-meetings';
import { recordPublication } from './service-disclosure';
import { signMinutes } from './service-minutes';
import { approveMeetingTime, commentOnAgenda, requestLeave, sendNotice } from './service-prep';
import { addOpinion, openTopic, openVote } from './service-topics';
import { castVote, closeTopic, type CloseInput } from './service-votes';
import { meetingTopics } from './schema';

/**
 * The demo office's meetings (A-meetings.md), run through the real services so every rule
 * applies: last month's 党组会议 held in full (notice, leave, 三重一大 topics with stances and
 * itemized votes, decisions, follow-up, minutes signed), a 主任办公会议 decided by the chair's
 * conclusion, and the next 党组会议 notified. Each step runs at its own instant on a fixed
 * clock, so dates, deadlines and audit details read as if the office had done it then.
 * Dates come from the office calendar (a demo started on a holiday still meets on working days).
 */
const CHAIR = 'chenzhiyuan';
const HUB = 'liuyang';
const PG_OTHERS = ['liminghua', 'zhaoguoqiang', 'sunli', 'wuhai', 'zhengxiaoyan', 'hejianjun'];
const ON_LEAVE = 'hejianjun';
const psn = (username: string) => `psn_${username}`;

/** Every date the demo needs, worked out before anything is written. */
export interface DemoDates {
  /** Last month's 党组会议: the 6th working day before the 1st, so its follow-up can be overdue by now. */
  held: LocalDate;
  prep: LocalDate;
  notice: LocalDate;
  leave: LocalDate;
  signed: LocalDate;
  published: LocalDate;
  reported: LocalDate;
  /** Working days from `held` to the in-progress task's deadline (ten working days from today). */
  openTaskDays: number;
  /** The 主任办公会议: the last working day before today (last month's when today is the month's first). */
  director: LocalDate;
  directorPrep: LocalDate;
  /** The next 党组会议, five working days (a week) ahead, notified today. */
  upcoming: LocalDate;
}

/** Null when the calendar of a year the demo needs is not published: the meetings demo is then left out. */
export function planDemoDates(cal: WorkingCalendar, today: LocalDate): DemoDates | null {
  try {
    const held = cal.add(`${today.slice(0, 7)}-01`, -6);
    const openTaskDue = cal.add(today, 10);
    const director = cal.add(today, -1);
    const dates: DemoDates = {
      held, prep: cal.add(held, -3), notice: cal.add(held, -2), leave: cal.add(held, -1), signed: cal.add(held, 1),
      published: cal.add(held, 2), reported: cal.add(held, 5), openTaskDays: cal.count(addDays(held, 1), openTaskDue),
      director, directorPrep: cal.add(director, -2), upcoming: cal.add(today, 5),
    };
    // What the services will compute themselves: 主动公开 deadlines (WR-13) of both meetings.
    cal.add(held, 10);
    cal.add(director, 10);
    return dates;
  } catch (e) {
    if (e instanceof CalendarYearNotPublished) return null;
    throw e;
  }
}

const instant = (date: LocalDate, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/** A demo account acting at a fixed instant, inside the seeding transaction. */
async function as(ctx: Ctx, username: string, at: Date): Promise<Ctx> {
  const actor = await loadActor(ctx.db, `acct_${username}`, at);
  if (!actor) throw new Error(`demo account ${username} missing`);
  return { ...ctx, actor, requestId: `demo-${username}`, clock: { now: () => new Date(at.getTime()) } };
}

const monthTitle = (date: LocalDate, body: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${body}`;

async function topicIds(ctx: Ctx, meetingId: string): Promise<string[]> {
  const found = await ctx.db.select({ id: meetingTopics.id }).from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(asc(meetingTopics.seq));
  return found.map((t) => t.id);
}

type Stance = { username: string; stance: 'agree' | 'disagree' | 'defer'; reason: string; body: string };

/** Members speak with stance and reason; 陈志远 concludes last (PG-19, SZYD-17, FIVE-17). */
async function deliberate(hub: Ctx, topicId: string, stances: Stance[], conclusion: string): Promise<void> {
  for (const s of stances) await addOpinion(hub, topicId, { personId: psn(s.username), body: s.body, stance: s.stance, reason: s.reason });
  await addOpinion(hub, topicId, { personId: psn(CHAIR), body: conclusion, stance: 'agree', reason: '集体研究，综合大家意见' });
}

const agreeing = (present: string[], reason: string): Stance[] => present.filter((u) => u !== CHAIR).map((username) => ({ username, stance: 'agree', reason, body: '同意' }));

export async function seedMeetingsDemo(ctx: Ctx): Promise<void> {
  const dates = planDemoDates(await loadWorkingCalendar(ctx.db), localDate(ctx.clock.now()));
  if (!dates) return;
  await heldPartyMeeting(ctx, dates);
  await directorMeeting(ctx, dates);
  await upcomingPartyMeeting(ctx, dates);
}

const FUND = (year: string): TopicInput => ({
  title: `研究${year}年度扶贫项目资金安排`, presenterId: psn('zhaoguoqiang'), relatedStaffIds: [psn('hanbing')],
  matter: { kind: 'special_fund', amountFen: 38_000_000, purpose: '扶贫项目资金' },
  materials: `《${year}年度扶贫项目资金安排方案》（规划项目科）：产业扶贫项目28.6万元、小额信贷贴息6.4万元、雨露计划补助3.0万元，合计38.0万元`,
  preferredOpinion: '规划项目科建议：按方案安排，资金拨付前报市财政局备案',
});
const DISPOSAL: TopicInput = {
  title: '报废处置一批老旧办公设备（固定资产处置）', presenterId: psn('liminghua'),
  matter: { kind: 'fixed_assets', amountFen: 4_860_000, purpose: '老旧办公设备报废处置' },
  materials: '《老旧办公设备报废处置清单》（综合科）：使用年限已满的计算机、打印机、扫描仪等18台（件），账面原值合计4.86万元，经技术鉴定无维修价值',
  preferredOpinion: '综合科建议：按规定程序报废处置，残值变价收入全额上交市财政',
};
const CADRE: TopicInput = {
  title: '研究推荐科级后备干部人选', presenterId: psn('liminghua'), matter: { kind: 'reserve_cadre' },
  materials: '综合科（人事）：经民主推荐、组织考察，拟推荐2名同志为科级后备干部人选（名单及考察材料附后）',
  preferredOpinion: '建议按考察结果推荐，报市委组织部备案',
};

/** PG-13: the cadre topic only when enough members are present for the stricter quorum. */
async function cadreQuorumHolds(ctx: Ctx, date: LocalDate, present: number): Promise<boolean> {
  const due = (await rosterOf(ctx.db, 'party_group', date, true)).members.length;
  return topicQuorum('party_group', 'cadre', present, due).every((v) => v.outcome === 'ok');
}

async function heldPartyMeeting(ctx: Ctx, d: DemoDates): Promise<void> {
  const present = [...PG_OTHERS.filter((u) => u !== ON_LEAVE), CHAIR];
  const withCadre = await cadreQuorumHolds(ctx, d.held, present.length);
  const hubPrep = await as(ctx, HUB, instant(d.prep, '10:00'));
  const { id } = await createMeeting(hubPrep, { bodyCode: 'party_group', title: monthTitle(d.held, '党组会议'), startAt: instant(d.held, '09:00').toISOString(),
    place: '三楼会议室', topics: [FUND(d.held.slice(0, 4)), DISPOSAL, ...(withCadre ? [CADRE] : [])] });
  await approveMeetingTime(await as(ctx, CHAIR, instant(d.prep, '11:00')), id);
  await commentOnAgenda(await as(ctx, 'liminghua', instant(d.prep, '15:00')), id, { body: '同意议程，建议资金安排议题请规划项目科科长列席说明' });
  await sendNotice(await as(ctx, HUB, instant(d.notice, '09:30')), id);
  await requestLeave(await as(ctx, ON_LEAVE, instant(d.leave, '16:00')), id, { reason: '参加市委党校中青年干部培训班' });
  const hub = (hhmm: string) => as(ctx, HUB, instant(d.held, hhmm));
  await openMeeting(await hub('09:00'), id);
  const [fund, disposal, cadre] = await topicIds(ctx, id);
  const fundDecision = await decideFund(await hub('09:10'), fund, present);
  const disposalDecision = await decideDisposal(await hub('10:00'), disposal, present);
  if (cadre) await decideCadre(ctx, await hub('10:40'), cadre, present, d.held);
  await closeMeeting(await hub('11:30'), id);
  await followUp(ctx, d, fundDecision, disposalDecision);
  await signMinutes(await as(ctx, HUB, instant(d.signed, '10:00')), id);
  await recordPublication(await as(ctx, HUB, instant(d.published, '10:00')), fundDecision, { channel: '白城市扶贫开发办公室门户网站', publishedOn: d.published });
}

/** Opened, discussed with the principal last, voted item by item by show of hands (PG-17). */
async function voteShowOfHands(hub: Ctx, topicId: string, stances: Stance[], conclusion: string, votes: Record<string, 'agree' | 'disagree' | 'abstain'>): Promise<void> {
  await openTopic(hub, topicId);
  await deliberate(hub, topicId, stances, conclusion);
  await openVote(hub, topicId, { method: 'show_of_hands' });
  for (const [username, choice] of Object.entries(votes)) await castVote(hub, topicId, { personId: psn(username), choice });
}

async function adopt(hub: Ctx, topicId: string, input: CloseInput): Promise<string> {
  const { decisionId } = await closeTopic(hub, topicId, input);
  if (!decisionId) throw new Error('demo decision was not adopted');
  return decisionId;
}

async function decideFund(hub: Ctx, topicId: string, present: string[]): Promise<string> {
  await voteShowOfHands(hub, topicId, agreeing(present, '资金安排符合年度计划，项目已入库论证'), '同意按方案安排，规划项目科抓紧拨付，确保资金安全',
    Object.fromEntries(present.map((u) => [u, 'agree' as const])));
  return adopt(hub, topicId, {
    decisionText: '同意规划项目科提出的资金安排方案，合计38.0万元；赵国强同志牵头、李明华同志配合组织实施，规划项目科承办，资金拨付前报市财政局备案，年底前拨付完毕。',
    responsibleMemberIds: [psn('zhaoguoqiang'), psn('liminghua')], leadMemberId: psn('zhaoguoqiang'), undertakingUnitIds: ['unit_guihua'], disclosure: '主动公开',
  });
}

async function decideDisposal(hub: Ctx, topicId: string, present: string[]): Promise<string> {
  const stances = agreeing(present, '设备已达使用年限，经鉴定无维修价值').map((s): Stance => (s.username === 'wuhai'
    ? { username: 'wuhai', stance: 'defer', reason: '建议先完成年度资产清查，再统一处置', body: '建议缓议' } : s));
  await voteShowOfHands(hub, topicId, stances, '同意报废处置，严格履行审批程序，残值收入上交市财政',
    Object.fromEntries(present.map((u) => [u, u === 'wuhai' ? ('abstain' as const) : ('agree' as const)])));
  return adopt(hub, topicId, {
    decisionText: '同意报废处置老旧办公设备18台（件），账面原值4.86万元；李明华同志负责，综合科承办，按固定资产处置审批程序办理，残值变价收入全额上交市财政。',
    responsibleMemberIds: [psn('liminghua')], undertakingUnitIds: ['unit_zonghe'], disclosure: '依申请公开',
  });
}

/** Cadre work: secret ballot, each member casting his own (SZYD-20, CONF-29). */
async function decideCadre(ctx: Ctx, hub: Ctx, topicId: string, present: string[], date: LocalDate): Promise<void> {
  await openTopic(hub, topicId);
  await deliberate(hub, topicId, agreeing(present, '推荐人选经民主推荐和组织考察，符合条件'), '同意推荐，按程序报市委组织部备案');
  await openVote(hub, topicId, { method: 'secret' });
  for (const username of present) await castVote(await as(ctx, username, instant(date, '10:55')), topicId, { choice: 'agree' });
  await adopt(hub, topicId, {
    decisionText: '同意推荐2名同志为科级后备干部人选；李明华同志负责，综合科承办，报市委组织部备案。',
    responsibleMemberIds: [psn('liminghua')], undertakingUnitIds: ['unit_zonghe'], disclosure: '不予公开', disclosureReason: 'E4',
  });
}

/** 督办 (SZYD-30): one task already overdue, one in progress with a report (WR-10). */
async function followUp(ctx: Ctx, d: DemoDates, fund: string, disposal: string): Promise<void> {
  const hub = await as(ctx, HUB, instant(d.held, '16:00'));
  await createTask(hub, fund, { title: '拨付第一批产业扶贫项目资金并报送拨付明细', ownerId: psn('hanbing'), coOwnerIds: [psn('mali')], dueWorkingDays: 3 });
  const { id } = await createTask(hub, disposal, { title: '组织报废资产技术鉴定并办理固定资产处置审批', ownerId: psn('linfeng'), coOwnerIds: [psn('mali')], dueWorkingDays: d.openTaskDays });
  await reportProgress(await as(ctx, 'linfeng', instant(d.reported, '15:00')), id, { body: '已完成资产清查和技术鉴定，正在办理处置审批', evidence: '资产清查表、技术鉴定意见书' });
}

/** A 主任办公会议 with one ordinary topic, decided by the chair's conclusion (DM-04, CONF-25). */
async function directorMeeting(ctx: Ctx, d: DemoDates): Promise<void> {
  const { id } = await createMeeting(await as(ctx, HUB, instant(d.directorPrep, '10:00')), {
    bodyCode: 'director_meeting', title: monthTitle(d.director, '主任办公会议'), startAt: instant(d.director, '14:30').toISOString(), place: '二楼小会议室',
    topics: [{ title: '部署扶贫项目资金使用情况专项督查', presenterId: psn('sunli'), materials: '《扶贫项目资金使用情况专项督查方案（草案）》（督查科）',
      preferredOpinion: '督查科建议：分两组对各县（市、区）开展督查，督查结果在全办通报' }],
  });
  await approveMeetingTime(await as(ctx, CHAIR, instant(d.directorPrep, '11:00')), id);
  await sendNotice(await as(ctx, HUB, instant(d.directorPrep, '15:00')), id);
  const hub = (hhmm: string) => as(ctx, HUB, instant(d.director, hhmm));
  await openMeeting(await hub('14:30'), id);
  const [topic] = await topicIds(ctx, id);
  const chair = await hub('14:40');
  await openTopic(chair, topic);
  for (const u of ['sunli', 'liminghua', 'zhaoguoqiang']) await addOpinion(chair, topic, { personId: psn(u), body: '同意督查方案，建议督查与年度考核结合' });
  await closeTopic(await hub('15:20'), topic, {
    conclusion: '同意督查科方案，由孙丽同志牵头组织实施，督查结果报主任办公会议', chairOutcome: 'adopted', undertakingUnitIds: ['unit_ducha'], disclosure: '主动公开',
    decisionText: '同意开展扶贫项目资金使用情况专项督查；孙丽同志牵头，督查科承办，分两组对各县（市、区）开展督查，督查结果在全办通报。',
  });
  await closeMeeting(await hub('15:40'), id);
  await signMinutes(await hub('17:00'), id);
}

/** The next 党组会议: agenda set, time approved, a member's comment on record, notice sent (PG-03, PG-04, PG-10). */
async function upcomingPartyMeeting(ctx: Ctx, d: DemoDates): Promise<void> {
  const now = ctx.clock.now();
  const { id } = await createMeeting(await as(ctx, HUB, now), {
    bodyCode: 'party_group', title: monthTitle(d.upcoming, '党组会议'), startAt: instant(d.upcoming, '09:00').toISOString(), place: '三楼会议室',
    topics: [
      { title: '研究推进消费扶贫工作', presenterId: psn('sunli'), relatedStaffIds: [psn('fenglei')], materials: '《消费扶贫工作推进方案》（社会扶贫科）',
        preferredOpinion: '社会扶贫科建议：组织机关干部职工认购扶贫产品，开展消费扶贫进机关活动' },
      { title: '通报主任办公会议议定事项和上次党组会议决定落实情况', kind: 'briefing', materials: '综合科：督办事项落实情况汇总' },
    ],
  });
  await approveMeetingTime(await as(ctx, CHAIR, now), id);
  await commentOnAgenda(await as(ctx, 'sunli', now), id, { body: '同意议程' });
  await sendNotice(await as(ctx, HUB, now), id);
}
