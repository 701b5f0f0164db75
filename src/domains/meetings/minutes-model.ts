import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { chineseDate } from '../../kernel/render';
import { DEMO_OFFICE } from '../../demo/office';
import { personWithPosts } from '../../kernel/org';
import { BODY_NAMES } from './roster';
import { decisionDisclosures, meetingDecisions, meetingTopics, topicAttendees, topicRecusals } from './schema';
import { attendeesOf, body, loadMeeting, opinionsOf, type MeetingRow } from './store';

/**
 * The minutes as data (PG-26, DM-16, SZYD-23): time, place, chair, present, on leave, 列席,
 * and per topic the discussion in speaking order, written opinions, recusals, the vote and
 * the decision. Signed minutes store this snapshot; PDF and DOCX are drawn from it.
 */
export interface MinutesTopic {
  id: string;
  seq: number;
  title: string;
  kindLabel: string;
  staff: string[];
  recusals: string[];
  discussion: { name: string; role: string; stance: string; reason: string; text: string; conclusion: boolean }[];
  written: { name: string; stance: string; text: string }[];
  vote: string | null;
  outcome: string;
  outcomeReason: string;
  conclusion: string | null;
  decision: string | null;
  /** SZYD-16: who presented the materials, and the discussion's start and end (三重一大). */
  presentation?: string | null;
  /** WR-13: the decision's 公开属性. */
  disclosure?: string | null;
}

export interface MinutesContent {
  office: string;
  heading: string;
  meetingTitle: string;
  time: string;
  place: string;
  chair: string;
  recorder: string;
  present: string[];
  onLeave: string[];
  absent: string[];
  nonVoting: string[];
  topics: MinutesTopic[];
  correction?: { reason: string; correctsVersion: number; text: string };
}

const KIND: Record<string, string> = { ordinary: '一般议题', cadre: '干部工作（三重一大）', szyd: '“三重一大”事项', briefing: '通报事项' };
const STANCE: Record<string, string> = { agree: '同意', disagree: '不同意', defer: '缓议' };
const OUTCOME: Record<string, string> = { adopted: '通过', not_adopted: '未通过', deferred: '暂缓决定', briefed: '已通报' };
const METHOD: Record<string, string> = { oral: '口头表决', show_of_hands: '举手表决', secret: '无记名投票' };
const CAPACITY: Record<string, string> = { member: '', nonvoting: '（列席）', written: '（书面意见）' };

function timeText(at: Date): string {
  const hm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${chineseDate(at)} ${hm}`;
}

async function topicOf(db: Db, t: typeof meetingTopics.$inferSelect, names: Map<string, string>): Promise<MinutesTopic> {
  const name = (id: string) => names.get(id) ?? id;
  const opinions = (await opinionsOf(db, t.id)).filter((o) => !o.voided);
  const staff = await db.select().from(topicAttendees).where(eq(topicAttendees.topicId, t.id));
  staff.forEach((s) => names.set(s.personId, s.name));
  const recusals = await db.select().from(topicRecusals).where(eq(topicRecusals.topicId, t.id));
  const [decision] = await db.select().from(meetingDecisions).where(eq(meetingDecisions.topicId, t.id));
  const [disclosure] = decision ? await db.select().from(decisionDisclosures).where(eq(decisionDisclosures.decisionId, decision.id)) : [];
  const hm = (at: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  const szyd = t.kind === 'szyd' || t.kind === 'cadre';
  const presenter = szyd && t.presenterId ? names.get(t.presenterId) ?? (await personWithPosts(db, t.presenterId))?.name ?? t.presenterId : null;
  const discussionEnd = t.voteOpenedAt ?? t.closedAt;
  const vote = t.voteMethod
    ? `${METHOD[t.voteMethod]}：同意 ${t.yesCount ?? 0} 票，不同意 ${t.noCount ?? 0} 票，弃权（缓议）${t.abstainCount ?? 0} 票；应到会成员 ${t.dueCount} 人`
    : null;
  return {
    id: t.id, seq: t.seq, title: t.title, kindLabel: KIND[t.kind] ?? t.kind,
    staff: staff.map((s) => s.name),
    recusals: recusals.map((r) => `${name(r.personId)}（${r.ground === 'self' ? '本人' : '亲属'}相关${r.note ? `：${r.note}` : ''}，已回避）`),
    discussion: opinions.filter((o) => o.capacity !== 'written').map((o) => ({ name: name(o.personId), role: CAPACITY[o.capacity] ?? '', stance: o.stance ? STANCE[o.stance] : '',
      reason: o.reason, text: o.body, conclusion: o.isConclusion })),
    written: opinions.filter((o) => o.capacity === 'written').map((o) => ({ name: name(o.personId), stance: o.stance ? STANCE[o.stance] : '', text: o.body })),
    vote, outcome: t.outcome ? OUTCOME[t.outcome] : '未审议', outcomeReason: t.outcomeReason ?? '', conclusion: t.chairConclusion, decision: decision?.body ?? null,
    presentation: presenter && t.openedAt ? `${presenter}介绍上会材料；讨论时间 ${hm(t.openedAt)}${discussionEnd ? `至 ${hm(discussionEnd)}` : ''}` : null,
    disclosure: disclosure ? disclosure.attribute : decision ? '未确定' : null,
  };
}

export async function buildMinutes(db: Db, meetingId: string): Promise<MinutesContent> {
  const m: MeetingRow = await loadMeeting(db, meetingId);
  const attendees = await attendeesOf(db, meetingId);
  const names = new Map(attendees.map((a) => [a.personId, a.name]));
  const members = attendees.filter((a) => a.capacity === 'member');
  const topics = await db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(asc(meetingTopics.seq));
  return {
    office: DEMO_OFFICE.name,
    heading: `${BODY_NAMES[body(m)]}纪要`,
    meetingTitle: m.title,
    time: timeText(m.startAt),
    place: m.place,
    chair: names.get(m.chairId) ?? m.chairId,
    recorder: m.recorderId ? (names.get(m.recorderId) ?? m.recorderId) : '',
    present: members.filter((a) => a.status === 'present').map((a) => a.name),
    onLeave: members.filter((a) => a.status === 'leave').map((a) => `${a.name}（${a.leaveReason}）`),
    absent: members.filter((a) => a.status === 'absent').map((a) => a.name),
    nonVoting: attendees.filter((a) => a.capacity !== 'member' && a.status === 'present').map((a) => a.name),
    topics: await Promise.all(topics.map((t) => topicOf(db, t, names))),
  };
}

/** What a topic-only 列席 may read: the header and their own topics (PG-28, AS-A31). */
export function restrictTopics(c: MinutesContent, topicIds: Set<string>): MinutesContent {
  return { ...c, topics: c.topics.filter((t) => topicIds.has(t.id)) };
}

/** The minutes as paragraphs, shared by the PDF and DOCX writers. */
export type Para = { kind: 'h1' | 'h2' | 'p' | 'list'; text: string; label?: string };

export function minutesParagraphs(c: MinutesContent): Para[] {
  const out: Para[] = [
    { kind: 'p', text: `${c.time}，${c.chair}在${c.place}主持召开${c.meetingTitle}。会议记录：${c.recorder || '（未指定）'}。` },
  ];
  if (c.correction) out.push({ kind: 'h1', text: `更正说明（更正第 ${c.correction.correctsVersion} 版）` }, { kind: 'p', text: `更正理由：${c.correction.reason}` }, { kind: 'p', text: c.correction.text });
  c.topics.forEach((t, i) => {
    out.push({ kind: 'h1', text: `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 1}、${t.title}（${t.kindLabel}）` });
    if (t.staff.length) out.push({ kind: 'p', text: `本议题列席：${t.staff.join('、')}。` });
    if (t.recusals.length) out.push({ kind: 'p', text: `回避：${t.recusals.join('；')}。` });
    if (t.presentation) out.push({ kind: 'p', text: `介绍：${t.presentation}。` });
    t.discussion.forEach((d, n) => out.push({ kind: 'p', text: `${n + 1}. ${d.name}${d.role}${d.conclusion ? '（末位表态，结论性意见）' : ''}：${d.stance ? `${d.stance}。` : ''}${d.text}${d.reason ? `（理由：${d.reason}）` : ''}` }));
    t.written.forEach((w) => out.push({ kind: 'p', text: `书面意见（不计入表决）：${w.name}：${w.stance ? `${w.stance}。` : ''}${w.text}` }));
    if (t.vote) out.push({ kind: 'p', text: `表决情况：${t.vote}。` });
    if (t.conclusion) out.push({ kind: 'p', text: `主持人结论：${t.conclusion}` });
    out.push({ kind: 'p', text: `会议决定：${t.outcome}。${t.outcomeReason ? `${t.outcomeReason}。` : ''}${t.decision ? `决定内容：${t.decision}` : ''}${t.disclosure ? `（公开属性：${t.disclosure}）` : ''}` });
  });
  out.push({ kind: 'list', label: '出席', text: c.present.join('、') || '无' });
  out.push({ kind: 'list', label: '请假', text: c.onLeave.join('、') || '无' });
  if (c.absent.length) out.push({ kind: 'list', label: '缺席', text: c.absent.join('、') });
  out.push({ kind: 'list', label: '列席', text: c.nonVoting.join('、') || '无' });
  return out;
}
