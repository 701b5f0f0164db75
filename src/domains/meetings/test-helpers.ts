import { expect } from 'vitest';
import type { Ctx } from '../../kernel/context';
import type { AppError } from '../../kernel/errors';
import { ctxFor } from '../../../test/support/ctx';
import type { TestApp } from '../../../test/support/app';
import { createMeeting, openMeeting, setAttendance, type TopicInput } from './service-meetings';
import { addOpinion, openTopic, openVote } from './service-topics';
import { castVote } from './service-votes';
import { approveMeetingTime, commentOnAgenda, sendNotice } from './service-prep';

/** The demo office's 党组 of 7 (demo-office.md): 陈志远 is the principal leader and 书记. */
export const PRINCIPAL = 'psn_chenzhiyuan';
export const PG_OTHERS = ['psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli', 'psn_wuhai', 'psn_zhengxiaoyan', 'psn_hejianjun'];
export const PG_MEMBERS = [PRINCIPAL, ...PG_OTHERS];
export const HUB = 'liuyang';
export const START = '2026-11-03T09:00:00+08:00';

export const username = (personId: string) => personId.replace(/^psn_/, '');

/** The 分管领导 who presents topics unless a test says otherwise (SZYD-16). */
export const PRESENTER = 'psn_liminghua';

/** Topics carry materials (PG-05, SZYD-13, WR-08) and a presenter (SZYD-16) unless a test says otherwise. */
const withMaterials = (topics: TopicInput[]) => topics.map((x) => ({ materials: `${x.title}：上会材料`, presenterId: PRESENTER, ...x }));

/**
 * What must happen before a meeting opens: the chair approves the time (PG-03 / DM-07), a 党组成员
 * comments on the draft agenda (PG-10) and 综合科 sends the notice with the materials (PG-04 / DM-11).
 */
export async function prepare(t: TestApp, meetingId: string, bodyCode: 'party_group' | 'director_meeting' = 'party_group'): Promise<void> {
  await approveMeetingTime(await ctxFor(t, username(PRINCIPAL)), meetingId);
  if (bodyCode === 'party_group') await commentOnAgenda(await ctxFor(t, username(PG_OTHERS[0])), meetingId, { body: '同意议程' });
  await sendNotice(await ctxFor(t, HUB), meetingId, { acknowledged: ['PG-05'] });
}

/** A 党组会议 with the given topics, members outside `present` on leave; prepared and opened when `open`. */
export async function partyMeeting(t: TestApp, topics: TopicInput[], present: string[] = PG_MEMBERS, open = true): Promise<{ hub: Ctx; id: string }> {
  const hub = await ctxFor(t, HUB);
  const { id } = await createMeeting(hub, { bodyCode: 'party_group', title: '2026年第11次党组会议', startAt: START, place: '三楼会议室', topics: withMaterials(topics) });
  for (const p of PG_MEMBERS.filter((m) => !present.includes(m))) await setAttendance(hub, id, p, 'leave', '外出开会');
  if (open) {
    await prepare(t, id);
    await openMeeting(hub, id);
  }
  return { hub, id };
}

/** A 主任办公会议 with the given topics, prepared (time approved, notice sent), not yet opened. */
export async function directorMeeting(t: TestApp, topics: TopicInput[]): Promise<{ hub: Ctx; id: string }> {
  const hub = await ctxFor(t, HUB);
  const { id } = await createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: START, place: '会议室', topics: withMaterials(topics) });
  await prepare(t, id, 'director_meeting');
  return { hub, id };
}

/** Responsibility for an adopted 党组 decision (PG-22). */
export const RESP = { responsibleMemberIds: ['psn_liminghua'] };
/** 承办科室 of an adopted 主任办公会议 decision (DM-17). */
export const UNDERTAKER = { undertakingUnitIds: ['unit_zonghe'] };

/** Every present non-principal member speaks, then the principal concludes; stances for 三重一大. */
export async function discuss(t: TestApp, hub: Ctx, topicId: string, present: string[], skip: string[] = []): Promise<void> {
  const speakers = present.filter((p) => p !== PRINCIPAL && !skip.includes(p));
  for (const p of speakers) await addOpinion(hub, topicId, { personId: p, body: '同意议题方案', stance: 'agree', reason: '符合工作需要' });
  if (present.includes(PRINCIPAL) && !skip.includes(PRINCIPAL)) await addOpinion(hub, topicId, { personId: PRINCIPAL, body: '综合大家意见，同意', stance: 'agree', reason: '集体研究' });
}

/** Open topic, discuss, open vote, then cast the given votes (by the recorder, show of hands). */
export async function voteOn(t: TestApp, hub: Ctx, topicId: string, present: string[], votes: Record<string, 'agree' | 'disagree' | 'abstain'>): Promise<void> {
  await openTopic(hub, topicId);
  await discuss(t, hub, topicId, present);
  await openVote(hub, topicId, { method: 'show_of_hands' });
  for (const [p, choice] of Object.entries(votes)) await castVote(hub, topicId, { personId: p, choice });
}

export async function rejected(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: AppError) => e);
  expect(err, 'expected the call to be refused').not.toBeNull();
  return err!;
}
