import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { meetingMinutes, meetingTopics } from './schema';
import { addOpinion, recuse } from './service-topics';
import { closeMeeting } from './service-meetings';
import { closeTopic } from './service-votes';
import { correctMinutes, signMinutes } from './service-minutes';
import { partyMeeting, PG_MEMBERS, rejected, voteOn } from './test-helpers';
import { RESP } from './test-helpers';

let t: TestApp;
let meetingId: string;
beforeAll(async () => {
  t = await createTestApp();
  const present = PG_MEMBERS.slice(0, 6);
  const { hub, id } = await partyMeeting(t, [{ title: '研究2027年度工作计划', relatedStaffIds: ['psn_hanbing'] }, { title: '社会扶贫捐赠事项' }], present);
  meetingId = id;
  const [first, second] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id)).orderBy(meetingTopics.seq);
  await recuse(hub, first.id, { personId: 'psn_hejianjun', ground: 'self', note: '' }).catch(() => undefined);
  await addOpinion(hub, first.id, { personId: 'psn_hejianjun', body: '书面：同意', written: true }).catch(() => undefined);
  await voteOn(t, hub, first.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
  await addOpinion(await ctxFor(t, 'hanbing'), first.id, { body: '规划项目科建议增加产业项目' }).catch(() => undefined);
  await closeTopic(hub, first.id, { ...RESP, decisionText: '通过2027年度工作计划，由李明华牵头落实', disclosure: '主动公开' });
  await closeMeeting(hub, id);
  void second;
});
afterAll(async () => t?.close());

describe('minutes (PG-26, PG-27, SZYD-23)', () => {
  it('PG-26 SZYD-23: the draft PDF carries time, place, chair, present, on leave, 列席, opinions in order, the vote and the decision', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}/minutes/draft.pdf`, headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, '');
    for (const s of ['白城市扶贫开发办公室党组会议纪要', '2026年11月3日', '三楼会议室', '陈志远', '出席：', '请假：', '何建军（外出开会）', '列席：', '刘洋', '周文斌',
      '研究2027年度工作计划', '末位表态', '同意6票', '应到会成员7人', '会议决定：通过', '通过2027年度工作计划', '社会扶贫捐赠事项', '暂缓决定']) {
      expect(text).toContain(s);
    }
    expect(text.indexOf('李明华')).toBeLessThan(text.indexOf('末位表态'));
  });

  it('PG-26: only the recorder (综合科科长) signs; PG-27: signed minutes are permanent and corrected by a new version', async () => {
    expect((await rejected(signMinutes(await ctxFor(t, 'huangjing'), meetingId))).rule?.id).toBe('PG-26');
    const liuyang = await ctxFor(t, 'liuyang');
    const { id } = await signMinutes(liuyang, meetingId);
    await expect(t.database.db.update(meetingMinutes).set({ signedBy: 'x' }).where(eq(meetingMinutes.id, id))).rejects.toThrow();
    await expect(t.database.db.delete(meetingMinutes).where(eq(meetingMinutes.id, id))).rejects.toThrow();
    const v2 = await correctMinutes(liuyang, id, { reason: '笔误', text: '第一项议题“产业项目”应为“产业扶贫项目”。' });
    expect(v2.version).toBe(2);
    const [row] = await t.database.db.select().from(meetingMinutes).where(eq(meetingMinutes.id, v2.id));
    expect(row.correctsId).toBe(id);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/minutes/${v2.id}/file.pdf`, headers: { cookie: await t.cookieFor('chenzhiyuan') } });
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, '')).toContain('更正说明（更正第1版）');
    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/minutes/${id}/file.docx`, headers: { cookie: await t.cookieFor('chenzhiyuan') } });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const views = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'meetings.minutes.view'`);
    expect(views[0].n).toBeGreaterThanOrEqual(3);
  });

  it('PG-28 AS-A31: a topic 列席 gets only their topic in the minutes; an outsider is refused', async () => {
    const [signed] = await t.database.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).limit(1);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/minutes/${signed.id}/file.pdf`, headers: { cookie: await t.cookieFor('hanbing') } });
    const text = pdfText(own.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('研究2027年度工作计划');
    expect(text).not.toContain('社会扶贫捐赠事项');
    const outsider = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/minutes/${signed.id}/file.pdf`, headers: { cookie: await t.cookieFor('xunuo') } });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.rule.id).toBe('PG-28');
  });
});
