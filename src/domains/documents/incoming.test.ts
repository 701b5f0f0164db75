import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { circulationVerdicts, extensionVerdicts } from './incoming-checks';
import { chaseDueIncoming } from './incoming-jobs';
import { incomingDetail, overdueReport } from './incoming-queries';
import {
  archiveIncoming, assignHandling, loadIncoming, markMisdelivered, markRead, recordExtension, recordHandover, recordInstruction, recordReply,
  registerHandedOver, registerIncoming, returnCirculation, routeToLeader, sendCirculation,
} from './incoming-service';
import { failure } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const as = (u: string) => ctxFor(t, u);
const letter = (over: Record<string, unknown> = {}) => ({
  receiptChannel: '邮政', addressedTo: '白城市扶贫开发办公室', sender: '白城市财政局', senderDocNo: '白财函〔2026〕101号',
  title: '关于报送扶贫资金使用情况的函', urgency: '非紧急', receivedOn: '2026-11-02', copies: 1, complete: true, ...over,
});
const count = async (table: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

/** Register → 批示 by 孙丽 → 督查科 with the given deadline. */
async function inHandling(over: Record<string, unknown> = {}, due?: string) {
  const { id } = await registerIncoming(await as('huangjing'), letter(over));
  await routeToLeader(await as('huangjing'), id, { leaderPersonId: 'psn_sunli' });
  await recordInstruction(await as('sunli'), id, { text: '请督查科办理。' });
  await assignHandling(await as('huangjing'), id, { handlingUnitId: 'unit_ducha', dueDate: due });
  return id;
}

describe('收文 registration (DOC-23, DOC-24, DOC-25, SEC-23)', () => {
  it('DOC-25 AS-E16: another section cannot register; it records the hand-over and 综合科 registers it', async () => {
    const before = await count('doc_incoming');
    const refused = await failure(registerIncoming(await as('luomin'), letter()));
    expect(refused.rule).toBe('DOC-25');
    expect(refused.status).toBe(422);
    expect(await count('doc_incoming')).toBe(before);

    const { id } = await recordHandover(await as('luomin'), { addressedTo: '白城市扶贫开发办公室', sender: '白城市网信办', title: '关于开展政务新媒体检查的通知', receivedOn: '2026-11-02', copies: 1 });
    expect((await loadIncoming(t.database.db, id)).registerNo).toBeNull();
    expect((await failure(registerHandedOver(await as('luomin'), id, { complete: true }))).rule).toBe('DOC-25');
    const { registerNo } = await registerHandedOver(await as('huangjing'), id, { complete: true });
    expect(registerNo).toMatch(/^白扶办收〔2026〕\d+号$/);
    const detail = await incomingDetail(await as('huangjing'), id);
    const log = (detail.events as { kind: string; fromLabel: string; toLabel: string }[]).map((e) => `${e.kind}:${e.fromLabel}→${e.toLabel}`);
    expect(log).toEqual(['handover:信息宣传科→综合科', 'register:信息宣传科→综合科']);
  });

  it('SEC-23: a 机密 paper document is refused here (classified register) and nothing is stored', async () => {
    const before = await count('doc_incoming');
    const refused = await failure(registerIncoming(await as('huangjing'), letter({ classification: '机密' })));
    expect(refused.rule).toBe('SEC-23');
    expect(refused.message).toContain('涉密文件登记簿');
    expect((await failure(recordHandover(await as('luomin'), { addressedTo: '市扶贫办', sender: '某单位', title: '密件', classification: '秘密', receivedOn: '2026-11-02', copies: 1 }))).rule).toBe('SEC-23');
    expect(await count('doc_incoming')).toBe(before);
  });

  it('DOC-24: an incomplete receipt must say what is missing', async () => {
    expect((await failure(registerIncoming(await as('huangjing'), letter({ complete: false })))).rule).toBe('DOC-24');
    const { id } = await registerIncoming(await as('huangjing'), letter({ complete: false, missingNote: '缺附件2' }));
    expect((await loadIncoming(t.database.db, id)).missingNote).toBe('缺附件2');
  });

  it('DOC-24 AS-E15: a misdelivered document forwarded to 市民政局 is terminal; routing it is refused', async () => {
    const { id } = await registerIncoming(await as('huangjing'), letter({ receiptChannel: '机要交换', addressedTo: '白城市民政局', sender: '吉林省民政厅' }));
    expect((await markMisdelivered(await as('huangjing'), id, { action: '转投', target: '白城市民政局' })).status).toBe('forwarded');
    const refused = await failure(routeToLeader(await as('huangjing'), id, { leaderPersonId: 'psn_sunli' }));
    expect(refused.rule).toBe('DOC-24');
    expect((await failure(sendCirculation(await as('huangjing'), id, { readerPersonId: 'psn_sunli' }))).rule).toBe('DOC-24');
    expect((await loadIncoming(t.database.db, id)).misdelivered).toMatchObject({ action: '转投', target: '白城市民政局' });
  });

  it('DOC-01: only 综合科 routes, assigns and archives (permission guard on the API)', async () => {
    const { id } = await registerIncoming(await as('huangjing'), letter());
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incoming/${id}/route`, headers: { cookie: await t.cookieFor('xunuo') }, payload: { leaderPersonId: 'psn_sunli' } });
    expect(res.statusCode).toBe(403);
    expect((await loadIncoming(t.database.db, id)).status).toBe('registered');
  });
});

describe('收文编号 under concurrency (DOC-23)', () => {
  it('DOC-23: 12 parallel registrations get 12 consecutive numbers of the year, no gaps or duplicates', async () => {
    const [before] = await rows<{ last: number | null }>(t.database.db, sql`select last_seq as last from doc_incoming_counters where year = 2026`);
    const cookie = await t.cookieFor('huangjing');
    const res = await Promise.all(Array.from({ length: 12 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/v1/incoming', headers: { cookie }, payload: letter({ title: `并发登记${i}` }) })));
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 201));
    const seqs = (await rows<{ reg_seq: number }>(t.database.db, sql`select reg_seq from doc_incoming where title like '并发登记%' order by reg_seq`)).map((r) => r.reg_seq);
    const start = Number(before?.last ?? 0) + 1;
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => start + i));
    expect(new Set(res.map((r) => r.json().registerNo)).size).toBe(12);
  });
});

describe('批示 and 交办 (DOC-26)', () => {
  it('DOC-26: only an 办领导 gives 批示; only the leader routed to writes it; handling only after it', async () => {
    const { id } = await registerIncoming(await as('huangjing'), letter());
    expect((await failure(routeToLeader(await as('huangjing'), id, { leaderPersonId: 'psn_zhutao' }))).rule).toBe('DOC-26');
    expect((await failure(assignHandling(await as('huangjing'), id, { handlingUnitId: 'unit_ducha' }))).rule).toBe('DOC-26');
    await routeToLeader(await as('huangjing'), id, { leaderPersonId: 'psn_sunli', proposal: '拟请督查科办理' });
    expect((await failure(recordInstruction(await as('liminghua'), id, { text: '同意' }))).rule).toBe('DOC-26');
    t.clock.advance(60_000);
    await recordInstruction(await as('sunli'), id, { text: '请督查科抓紧办理。' });
    const row = await loadIncoming(t.database.db, id);
    expect(row.instructionText).toBe('请督查科抓紧办理。');
    expect(row.instructedAt?.toISOString()).toBe(t.clock.now().toISOString());
    // No sender deadline: 5 working days on the office calendar (2026-11-02 Mon → 11-09 Mon).
    expect((await assignHandling(await as('huangjing'), id, { handlingUnitId: 'unit_ducha' })).dueDate).toBe('2026-11-09');
  });

  it('DOC-26: an urgent copy to the handling section only for 特急/加急 documents, logged', async () => {
    const plain = await registerIncoming(await as('huangjing'), letter());
    expect((await failure(routeToLeader(await as('huangjing'), plain.id, { leaderPersonId: 'psn_sunli', handlingUnitId: 'unit_ducha', urgentCopy: true }))).rule).toBe('DOC-26');
    const urgent = await registerIncoming(await as('huangjing'), letter({ urgency: '特急' }));
    await routeToLeader(await as('huangjing'), urgent.id, { leaderPersonId: 'psn_sunli', handlingUnitId: 'unit_ducha', urgentCopy: true });
    const d = await incomingDetail(await as('huangjing'), urgent.id);
    expect((d.events as { kind: string; toLabel: string }[]).find((e) => e.kind === 'urgent_copy')?.toLabel).toBe('督查科');
  });
});

describe('deadlines and agreed extensions (DOC-27)', () => {
  it('DOC-27 AS-E17: an agreement recorded before the deadline moves it; the overdue list follows', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ sender: '白城市财政局', title: 'AS-E17 商定延期' }, '2026-11-13');
    t.clock.set('2026-11-11T10:00:00+08:00');
    // No agreement recorded: refused, the deadline stays.
    const refused = await failure(recordExtension(await as('zhutao'), id, { newDueDate: '2026-11-20' }));
    expect(refused.rule).toBe('DOC-27');
    expect((await loadIncoming(t.database.db, id)).effectiveDueDate).toBe('2026-11-13');
    const r = await recordExtension(await as('zhutao'), id, { agreedWith: '市财政局 张某', agreedOn: '2026-11-11', newDueDate: '2026-11-20', replyMethod: '书面函件' });
    expect(r).toEqual({ counted: true, effectiveDueDate: '2026-11-20' });
    t.clock.set('2026-11-16T09:00:00+08:00');
    expect((await overdueReport(await as('huangjing'))).overdue.map((o) => o.id)).not.toContain(id);
    t.clock.set('2026-11-23T09:00:00+08:00');
    const later = (await overdueReport(await as('huangjing'))).overdue.find((o) => o.id === id);
    expect(later?.effectiveDueDate).toBe('2026-11-20');
  });

  it('DOC-27 AS-E17 variant: an agreement recorded after the deadline is filed but the document stays overdue against it', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ title: 'AS-E17 逾期后商定' }, '2026-11-13');
    t.clock.set('2026-11-16T09:00:00+08:00');
    const r = await recordExtension(await as('zhutao'), id, { agreedWith: '市财政局 张某', agreedOn: '2026-11-16', newDueDate: '2026-11-20', replyMethod: '电话答复' });
    expect(r).toEqual({ counted: false, effectiveDueDate: '2026-11-13' });
    const row = (await overdueReport(await as('huangjing'))).overdue.find((o) => o.id === id);
    expect(row).toMatchObject({ effectiveDueDate: '2026-11-13', lateExtension: true });
  });

  it('DOC-27: only the handling section (or 综合科) records an extension, and a new date must be later', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ title: '延期校验' }, '2026-11-13');
    await expect(recordExtension(await as('luomin'), id, { agreedWith: 'x', agreedOn: '2026-11-04', newDueDate: '2026-11-20', replyMethod: '书面函件' })).rejects.toMatchObject({ status: 403 });
    expect(extensionVerdicts({ agreedWith: 'x', agreedOn: '2026-11-04', replyMethod: '函', newDueDate: '2026-11-12', effectiveDueDate: '2026-11-13', today: '2026-11-04' }).verdicts[0].outcome).toBe('block');
  });

  it('DOC-27: the chase job reminds once a day at or after the deadline, and stops when the document is completed', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ title: '催办任务' }, '2026-11-05');
    const chases = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from doc_incoming_events where incoming_id = ${id} and kind = 'chase'`))[0].n;
    const notices = async (kind: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${id} and kind = ${kind} and recipient_person_id = 'psn_zhutao'`))[0].n;
    await chaseDueIncoming(t.database, t.clock);
    expect(await chases()).toBe(0);
    t.clock.set('2026-11-05T08:00:00+08:00');
    await Promise.all([chaseDueIncoming(t.database, t.clock), chaseDueIncoming(t.database, t.clock)]);
    await chaseDueIncoming(t.database, t.clock);
    expect(await chases()).toBe(1);
    expect(await notices('due')).toBe(1);
    t.clock.set('2026-11-06T08:00:00+08:00');
    await chaseDueIncoming(t.database, t.clock);
    await chaseDueIncoming(t.database, t.clock);
    expect(await chases()).toBe(2);
    expect(await notices('overdue')).toBe(1);
    await recordReply(await as('zhutao'), id, { resultText: '已办结' });
    t.clock.set('2026-11-09T08:00:00+08:00');
    await chaseDueIncoming(t.database, t.clock);
    expect(await chases()).toBe(2);
  });
});

describe('传阅 (DOC-28)', () => {
  it('DOC-28 AS-E18: never sideways; each leg out from and back to 综合科, with the check recorded', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ title: '传阅件' }, '2026-11-20');
    await sendCirculation(await as('huangjing'), id, { readerPersonId: 'psn_zhutao' });
    // The reader tries to pass it to 信息宣传科: refused.
    const sideways = await failure(sendCirculation(await as('zhutao'), id, { readerPersonId: 'psn_luomin' }));
    expect(sideways.rule).toBe('DOC-28');
    const viaApi = await t.app.inject({ method: 'POST', url: `/api/v1/incoming/${id}/circulation`, headers: { cookie: await t.cookieFor('zhutao') }, payload: { readerPersonId: 'psn_luomin' } });
    expect(viaApi.statusCode).toBe(422);
    expect(viaApi.json().error.rule.id).toBe('DOC-28');
    // 综合科 cannot send a second leg while the first is out.
    expect((await failure(sendCirculation(await as('huangjing'), id, { readerPersonId: 'psn_luomin' }))).rule).toBe('DOC-28');
    expect((await incomingDetail(await as('huangjing'), id)).holder).toBe('朱涛（传阅中）');
    await markRead(await as('zhutao'), id, { note: '已阅' });
    await returnCirculation(await as('huangjing'), id, { missingPages: false, hasInstructions: true, note: '无短缺，有批办意见' });
    await sendCirculation(await as('huangjing'), id, { readerPersonId: 'psn_luomin' });
    const d = await incomingDetail(await as('huangjing'), id);
    expect((d.legs as unknown as { readerName: string; returnedAt: string | null; hasInstructions: boolean | null }[]).map((l) => [l.readerName, !!l.returnedAt, l.hasInstructions])).toEqual([
      ['朱涛', true, true],
      ['罗敏', false, null],
    ]);
    expect(d.holder).toBe('罗敏（传阅中）');
    // Archiving waits until the paper is back.
    await recordReply(await as('zhutao'), id, { resultText: '已办结' });
    expect((await failure(archiveIncoming(await as('huangjing'), id, {}))).rule).toBe('DOC-28');
  });

  it('DOC-28: two clerks sending the same paper at once: one leg goes out, the other is refused', async () => {
    const { id } = await registerIncoming(await as('huangjing'), letter({ title: '并发传阅' }));
    const results = await Promise.allSettled([
      sendCirculation(await as('huangjing'), id, { readerPersonId: 'psn_zhutao' }),
      sendCirculation(await as('liuyang'), id, { readerPersonId: 'psn_luomin' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [legs] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from doc_incoming_circulation where incoming_id = ${id}`);
    expect(legs.n).toBe(1);
  });
});

describe('涉密公文传阅 (DOC-29 = SEC-04 + SEC-19 in the classified register)', () => {
  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(user) }, ...(payload === undefined ? {} : { payload: payload as never }) });
  const approve = async (instanceId: string, username: string) => {
    const [task] = await rows<{ id: string }>(t.database.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id
      where ft.instance_id = ${instanceId} and ft.status = 'pending' and a.username = ${username}`);
    const res = await call(username, 'POST', `/flow/tasks/${task.id}/approve`, { comment: '同意，按知悉范围传阅' });
    expect(res.statusCode, res.body).toBe(200);
  };
  const legsOf = async (id: string) =>
    ((await call('huangjing', 'GET', `/secrecy/documents/${id}`)).json().legs as { holderName: string; returnedAt: string | null }[]).map((l) => [l.holderName, !!l.returnedAt]);

  it('DOC-29: a 机密 paper never enters 收文 circulation — the API refuses it, the circulation check and the table refuse it too', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const before = await count('doc_incoming');
    const refused = await call('huangjing', 'POST', '/incoming', letter({ classification: '机密', title: '关于扶贫资金专项检查的通知' }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.rule.id).toBe('SEC-23');
    expect(refused.json().error.message).toContain('在涉密文件登记簿中签收、登记、传阅');
    expect(await count('doc_incoming')).toBe(before);
    // Second fence: the 收文 circulation check itself refuses a classified paper, citing DOC-29 and 第二十二条.
    const [fence] = circulationVerdicts({ isHub: true, actorPersonId: 'psn_huangjing', status: 'registered', classification: '秘密', openLeg: null, readerPersonId: 'psn_zhutao' });
    expect(fence).toMatchObject({ outcome: 'block', ruleId: 'DOC-29', cite: '《公文运转管理制度》第二十二条' });
    expect((fence as { message: string }).message).toContain('涉密文件登记簿');
    // Third fence: a 收文 row can never be marked classified afterwards (table check).
    const { id } = await registerIncoming(await as('huangjing'), letter({ title: '事后改为涉密' }));
    const err = await t.database.db.execute(sql`update doc_incoming set classification = '机密' where id = ${id}`).then(() => null, (e: { message?: string; cause?: { message?: string } }) => e);
    expect(`${err?.message} ${err?.cause?.message ?? ''}`).toContain('doc_incoming_secret_ck');
  });

  it('DOC-29 SEC-19 SEC-04: in the classified register a leg goes only inside the 知悉范围, one at a time, back to the 文书; refusals cite the rule and article', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const reg = await call('huangjing', 'POST', '/secrecy/documents', {
      title: '关于扶贫资金专项检查的通知', sourceOrg: '吉林省扶贫开发办公室', docNo: '吉扶办密〔2026〕3号', level: 'confidential', term: '10年',
      knowledgeScope: { unitIds: ['unit_zonghe', 'unit_xinxi'], personIds: ['psn_chenzhiyuan'] }, copyNo: '000012', pages: 4, direction: 'incoming', receivedOn: '2026-11-04',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().id as string;
    const circulate = (user: string, leg: { toUnitId: string; holderPersonId: string }) => call(user, 'POST', `/secrecy/documents/${id}/circulate`, leg);
    const ins = await call('huangjing', 'POST', `/secrecy/documents/${id}/instruct`);
    expect(ins.statusCode, ins.body).toBe(201);
    await approve(ins.json().instanceId, 'liuyang');
    await approve(ins.json().instanceId, 'chenzhiyuan');

    // Outside the 知悉范围: refused citing SEC-19, 《公文运转管理制度》第二十二条 (the article of DOC-29).
    const outside = await circulate('huangjing', { toUnitId: 'unit_guihua', holderPersonId: 'psn_hanbing' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEC-19', cite: '《公文运转管理制度》第二十二条' } });
    expect(outside.json().error.message).toContain('韩冰不在该涉密文件的知悉范围内');
    expect(outside.json().error.message).toContain('第二十二条');

    const first = await circulate('huangjing', { toUnitId: 'unit_xinxi', holderPersonId: 'psn_luomin' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().dueDate).toBe('2026-11-06');
    // The reader cannot pass it on, and the 文书 cannot send a second leg before it is back (no sideways circulation).
    expect((await circulate('luomin', { toUnitId: 'unit_zonghe', holderPersonId: 'psn_liuyang' })).statusCode).toBe(403);
    const sideways = await circulate('huangjing', { toUnitId: 'unit_zonghe', holderPersonId: 'psn_liuyang' });
    expect(sideways.statusCode).toBe(422);
    expect(sideways.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEC-04', cite: '《涉密安全管理制度》一（三）（八）' } });
    expect(sideways.json().error.message).toContain('不得横向传阅');
    const archive = await call('huangjing', 'POST', `/secrecy/documents/${id}/archive`, { cabinet: '保密柜B', compartmentLevel: 'confidential' });
    expect(archive.json().error.rule.id).toBe('SEC-04');
    expect(await legsOf(id)).toEqual([['罗敏', false]]);

    // Back to the 文书 the next morning; then the next leg goes out.
    t.clock.set('2026-11-05T09:00:00+08:00');
    expect((await call('huangjing', 'POST', `/secrecy/circulations/${first.json().legId}/return`)).statusCode).toBe(204);
    expect((await circulate('huangjing', { toUnitId: 'unit_zonghe', holderPersonId: 'psn_liuyang' })).statusCode).toBe(201);
    expect(await legsOf(id)).toEqual([['罗敏', true], ['刘洋', false]]);
  });
});

describe('answer, archive and the printed forms', () => {
  it('DOC-26 DOC-27: reply links the outgoing reply; archive; 收文处理笺, 文件传阅单 and 收文登记簿 show it', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const id = await inHandling({ title: '关于报送资金使用情况的函（打印）' }, '2026-11-20');
    await expect(recordReply(await as('zhutao'), id, { resultText: '已复函', replyDocumentId: 'doc_missing' })).rejects.toMatchObject({ status: 400 });
    await recordReply(await as('zhutao'), id, { resultText: '已按要求报送资金使用情况。' });
    await archiveIncoming(await as('huangjing'), id, { location: '2026-文书-0031' });
    const row = await loadIncoming(t.database.db, id);
    expect(row.status).toBe('archived');
    const cookie = await t.cookieFor('huangjing');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/incoming/${id}/processing.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('收文处理笺');
    expect(text).toContain(row.registerNo!);
    expect(text).toContain('请督查科办理。');
    expect(text).toContain('已按要求报送资金使用情况。');
    const circ = await t.app.inject({ method: 'GET', url: `/api/v1/incoming/${id}/circulation.pdf`, headers: { cookie } });
    expect(pdfText(circ.rawPayload).replace(/\s+/g, '')).toContain('文件传阅单');
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/incoming/register.xlsx?year=2026', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(values).toContain(row.registerNo);
    expect(values).toContain('关于报送资金使用情况的函（打印）');
  });

  it('the list shows overdue marks and the demo documents; a section sees only what reached it', async () => {
    t.clock.set('2026-11-02T09:00:00+08:00');
    const all = (await (await t.app.inject({ method: 'GET', url: '/api/v1/incoming', headers: { cookie: await t.cookieFor('huangjing') } })).json()).items as { title: string; overdue: boolean; status: string }[];
    expect(all.find((r) => r.title.includes('衔接推进乡村振兴补助资金'))?.overdue).toBe(true);
    expect(all.some((r) => r.status === 'forwarded')).toBe(true);
    const mine = (await (await t.app.inject({ method: 'GET', url: '/api/v1/incoming', headers: { cookie: await t.cookieFor('tangning') } })).json()).items as { handlingUnitName: string | null }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.handlingUnitName === '规划项目科')).toBe(true);
  });
});
