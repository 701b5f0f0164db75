import { expect } from 'vitest';
import type { Ctx } from '../../kernel/context';
import type { AppError } from '../../kernel/errors';
import { ctxFor } from '../../../test/support/ctx';
import type { TestApp } from '../../../test/support/app';
import { createMeeting, openMeeting, setAttendance, type TopicInput } from './service-meetings';
import { addOpinion, openTopic, openVote } from './service-topics';
import { castVote } from './service-votes';

/** The demo office's 党组 of 7 (demo-office.md): 陈志远 is the principal leader and 书记. */
export const PRINCIPAL = 'psn_chenzhiyuan';
export const PG_OTHERS = ['psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli', 'psn_wuhai', 'psn_zhengxiaoyan', 'psn_hejianjun'];
export const PG_MEMBERS = [PRINCIPAL, ...PG_OTHERS];
export const HUB = 'liuyang';
export const START = '2026-11-03T09:00:00+08:00';

export const username = (personId: string) => personId.replace(/^psn_/, '');

/** A 党组会议 with the given topics, members outside `present` on leave; opened when `open`. */
export async function partyMeeting(t: TestApp, topics: TopicInput[], present: string[] = PG_MEMBERS, open = true): Promise<{ hub: Ctx; id: string }> {
  const hub = await ctxFor(t, HUB);
  const { id } = await createMeeting(hub, { bodyCode: 'party_group', title: '2026年第11次党组会议', startAt: START, place: '三楼会议室', topics });
  for (const p of PG_MEMBERS.filter((m) => !present.includes(m))) await setAttendance(hub, id, p, 'leave', '外出开会');
  if (open) await openMeeting(hub, id);
  return { hub, id };
}

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
