import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { meetingTopics, topicBallotBox, topicBallotVoters, topicVotes } from './schema';
import { openTopic, openVote } from './service-topics';
import { closeTopic } from './service-votes';
import { discuss, partyMeeting, PG_MEMBERS, username } from './test-helpers';
import { RESP } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function votingTopic() {
  const { hub, id } = await partyMeeting(t, [{ title: '研究年度计划' }], PG_MEMBERS);
  const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
  await openTopic(hub, topic.id);
  await discuss(t, hub, topic.id, PG_MEMBERS);
  await openVote(hub, topic.id, { method: 'secret' });
  return { hub, topicId: topic.id };
}

const vote = async (topicId: string, personId: string, choice = 'agree') =>
  t.app.inject({ method: 'POST', url: `/api/v1/meetings/topics/${topicId}/votes`, headers: { cookie: await t.cookieFor(username(personId)) }, payload: { choice } });

/** Secret ballots (the vote method of these tests): markers say who voted, the box counts choices. */
const voters = (topicId: string) => t.database.db.select().from(topicBallotVoters).where(eq(topicBallotVoters.topicId, topicId));
const ballots = async (topicId: string) => (await t.database.db.select().from(topicBallotBox).where(eq(topicBallotBox.topicId, topicId))).reduce((n, b) => n + b.count, 0);

describe('concurrent secret voting (PG-17, SZYD-20)', () => {
  it('PG-17: all seven members voting at once are all counted', async () => {
    const { topicId } = await votingTopic();
    const results = await Promise.all(PG_MEMBERS.map((p) => vote(topicId, p)));
    expect(results.map((r) => r.statusCode)).toEqual(PG_MEMBERS.map(() => 204));
    expect(await voters(topicId)).toHaveLength(7);
    expect(await ballots(topicId)).toBe(7);
    expect(await t.database.db.select().from(topicVotes).where(eq(topicVotes.topicId, topicId))).toHaveLength(0); // nothing named
  });

  it('PG-17: the same member voting twice at once leaves one vote and one Chinese 409', async () => {
    const { topicId } = await votingTopic();
    const [a, b] = await Promise.all([vote(topicId, PG_MEMBERS[1], 'agree'), vote(topicId, PG_MEMBERS[1], 'disagree')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.message).toContain('每人每项只能投一票');
    expect(await voters(topicId)).toHaveLength(1);
    expect(await ballots(topicId)).toBe(1);
  });

  it('PG-17: a vote arriving after the close is refused with a Chinese 409, and the close and late votes never mix', async () => {
    const { hub, topicId } = await votingTopic();
    for (const p of PG_MEMBERS.slice(0, 4)) expect((await vote(topicId, p)).statusCode).toBe(204);
    const [closed, ...late] = await Promise.all([closeTopic(hub, topicId, { ...RESP, decisionText: '按计划执行' }), ...PG_MEMBERS.slice(4).map((p) => vote(topicId, p, 'disagree'))]);
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, topicId));
    expect(topic.yesCount! + topic.noCount! + topic.abstainCount!).toBe(await ballots(topicId));
    expect((await voters(topicId)).length).toBe(await ballots(topicId));
    for (const r of late.filter((x) => x.statusCode !== 204)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.message).toBe('该议题表决已结束，不能再投票');
    }
    const after = await vote(topicId, PG_MEMBERS[6]);
    expect(after.statusCode).toBe(409);
    expect(['adopted', 'not_adopted']).toContain(closed.outcome);
  });
});
