import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../../kernel/db';
import { remindProbations } from './probation';
import { clearParamOverrides, setParamOverrides } from '../../kernel/rules';
import { checkOutcome, probationDates, thresholdMet } from './probation-rules';

/** 试用期管理 (《科级干部选拔任用工作规范》八（二）, PROB-01…03, CONF-80). Demo clock: 2026-11-02. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body && res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : res.body, headers: res.headers };
}
const register = (personId: string, post: string, effectiveOn: string, appointmentType = 'promotion') =>
  call('liuyang', 'POST', '/personnel/probations', { personId, post, appointmentType, appointmentRef: '白扶贫党组〔2025〕3号', effectiveOn });
const count = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from personnel_probations`))[0].n;
const ballots = (competent: number, basicallyCompetent: number, incompetent: number, excellent = 0) =>
  ({ ballots: excellent + competent + basicallyCompetent + incompetent, excellent, competent, basicallyCompetent, incompetent });
const assess = (id: string, body: Record<string, unknown>) =>
  call('liuyang', 'POST', `/personnel/probations/${id}/assessment`, { assessedOn: '2026-11-02', decisionRef: '2026年第12次党组会议', ...body });

describe('试用期 (PROB-01)', () => {
  it('PROB-01 one year from the effective day: 2024-07-01 ends 2025-06-30, assessed from 2025-07-01, reminded 2025-06-01', () => {
    expect(probationDates('2024-07-01')).toEqual({ endOn: '2025-06-30', dueOn: '2025-07-01', remindOn: '2025-06-01' });
    // A 29 February start: the anniversary in a common year is 1 March, so the year still has 365 days.
    expect(probationDates('2024-02-29')).toEqual({ endOn: '2025-02-28', dueOn: '2025-03-01', remindOn: '2025-01-30' });
  });

  it('PROB-01 a promotion is registered with its dates; a 转任 or 交流 has no probation and changes nothing', async () => {
    const r = await register('psn_hanbing', '规划财务科科长', '2025-12-15');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ personName: '韩冰', status: 'on_probation', endOn: '2026-12-14', dueOn: '2026-12-15', remindOn: '2026-11-15', overdue: false, thresholdMet: null });
    const before = await count();
    for (const type of ['transfer', 'exchange']) {
      const refused = await register('psn_tangning', '综合科副科长', '2026-10-01', type);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-01' } });
      expect(refused.body.error.message).toContain('不设试用期');
    }
    expect((await register('psn_hanbing', '规划财务科科长', '2025-12-15')).status).toBe(409);
    expect(await count()).toBe(before);
    const trail = await rows<{ event: string }>(t.database.db, sql`select event from audit_log where object_id = ${r.body.id}`);
    expect(trail.map((a) => a.event)).toEqual(['personnel.probation.create']);
  });

  it('PROB-01 综合科 and the 党组 are reminded once, from 30 days before the assessment is due', async () => {
    const r = await register('psn_xunuo', '综合科副科长', '2025-12-20');
    expect(r.body.remindOn).toBe('2026-11-20');
    const clock = { now: () => new Date('2026-11-19T09:00:00+08:00') };
    const sentBefore = await remindProbations(t.database, clock);
    const mine = async () => rows<{ recipient_person_id: string; body: string }>(t.database.db, sql`select recipient_person_id, body from notifications where object_type = 'personnel_probation' and object_id = ${r.body.id}`);
    expect(await mine()).toEqual([]);
    await remindProbations(t.database, { now: () => new Date('2026-11-20T09:00:00+08:00') });
    const told = await mine();
    const recipients = told.map((n) => n.recipient_person_id);
    expect(recipients).toContain('psn_liuyang'); // 综合科
    expect(recipients).toContain('psn_chenzhiyuan'); // 党组书记
    expect(told[0].body).toContain('民主测评');
    expect(told[0].body).toContain('PROB-01');
    await remindProbations(t.database, { now: () => new Date('2026-11-21T09:00:00+08:00') });
    expect((await mine()).length).toBe(told.length);
    expect(sentBefore).toBeGreaterThanOrEqual(0);
  });

  it('PROB-01 only 综合科 keeps the register', async () => {
    expect((await call('tangning', 'GET', '/personnel/probations')).status).toBe(403);
    expect((await call('tangning', 'POST', '/personnel/probations', { personId: 'psn_tangning', post: '综合科科长', appointmentType: 'promotion', appointmentRef: 'x', effectiveOn: '2026-01-01' })).status).toBe(403);
  });
});

describe('试用期满考核 (PROB-02, PROB-03)', () => {
  it('PROB-02 the assessment waits for the end of the probation and must carry a complete democratic evaluation', async () => {
    const early = await register('psn_dongxue', '项目科副科长', '2026-01-10');
    const tooEarly = await assess(early.body.id, { ...ballots(30, 0, 0), outcome: 'formal' });
    expect(tooEarly.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-02' } });
    expect(tooEarly.body.error.message).toContain('2027-01-10起方可登记');

    const due = await register('psn_dongxue', '项目科科长', '2025-11-01');
    const none = await assess(due.body.id, { ballots: 0, excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0, outcome: 'formal' });
    expect(none.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-02' } });
    expect(none.body.error.message).toContain('民主测评');
    const short = await assess(due.body.id, { ballots: 30, excellent: 5, competent: 20, basicallyCompetent: 2, incompetent: 1, outcome: 'formal' });
    expect(short.body.error.message).toContain('合计 28 张，与有效票 30 张不一致');
    const bad = await assess(due.body.id, { ballots: 'thirty', outcome: 'formal' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的内容有误。字段 ballots：请填写有效票数' });
    const [row] = await rows<{ status: string; ballots: number | null }>(t.database.db, sql`select status, ballots from personnel_probations where id = ${due.body.id}`);
    expect(row).toEqual({ status: 'on_probation', ballots: null });
    const list = (await call('liuyang', 'GET', '/personnel/probations?status=on_probation')).body.items as { id: string; overdue: boolean }[];
    expect(list.find((b) => b.id === due.body.id)?.overdue).toBe(true);
    expect(list.find((b) => b.id === early.body.id)?.overdue).toBe(false);
  });

  it('PROB-03 T=30 with x=10 (exactly one third) is not above: removal is refused, formal appointment recorded', async () => {
    const b = await register('psn_xiechen', '监测科副科长', '2025-10-01');
    const removed = await assess(b.body.id, { ...ballots(20, 6, 4), outcome: 'removed', partyGroupFindsUnfit: true, placement: '按试任前职级安排' });
    expect(removed.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-03' } });
    expect(removed.body.error.message).toContain('未超过三分之一');
    const formal = await assess(b.body.id, { ...ballots(20, 6, 4), outcome: 'formal' });
    expect(formal.status).toBe(200);
    expect(formal.body).toMatchObject({ status: 'formal', statusLabel: '正式任职', thresholdMet: false, placement: null });
    expect((await assess(b.body.id, { ...ballots(30, 0, 0), outcome: 'formal' })).status).toBe(409);
  });

  it('PROB-03 T=30 with x=11 is above one third: the Party Group\'s finding decides; fit is a warning before formal appointment', async () => {
    const b = await register('psn_xiaoran', '信息中心副主任', '2025-09-01');
    const unknown = await assess(b.body.id, { ...ballots(19, 8, 3), outcome: 'formal' });
    expect(unknown.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-03' } });
    expect(unknown.body.error.message).toContain('请登记办党组是否认定');
    const warned = await assess(b.body.id, { ...ballots(19, 8, 3), outcome: 'formal', partyGroupFindsUnfit: false });
    expect(warned.body.error).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'PROB-03' } });
    expect((await rows<{ status: string }>(t.database.db, sql`select status from personnel_probations where id = ${b.body.id}`))[0].status).toBe('on_probation');
    const fitRemoved = await assess(b.body.id, { ...ballots(19, 8, 3), outcome: 'removed', partyGroupFindsUnfit: false, placement: '原职级' });
    expect(fitRemoved.body.error.message).toContain('胜任现职，不能免去');
    const ok = await assess(b.body.id, { ...ballots(19, 8, 3), outcome: 'formal', partyGroupFindsUnfit: false, acknowledged: ['PROB-03'] });
    expect(ok.body).toMatchObject({ status: 'formal', thresholdMet: true, partyGroupFindsUnfit: false });
    const [a] = await rows<{ detail: { acknowledgedWarnings: string[]; thresholdMet: boolean } }>(t.database.db,
      sql`select detail from audit_log where object_id = ${b.body.id} and event = 'personnel.probation.assess'`);
    expect(a.detail).toMatchObject({ acknowledgedWarnings: ['PROB-03'], thresholdMet: true });
  });

  it('PROB-03 above one third and found unfit: removed, with where the cadre works next', async () => {
    const b = await register('psn_chengyuan', '社会扶贫科科长', '2025-08-01');
    const formal = await assess(b.body.id, { ...ballots(15, 10, 5), outcome: 'formal', partyGroupFindsUnfit: true });
    expect(formal.body.error.message).toContain('应免去试任职务');
    const noPlace = await assess(b.body.id, { ...ballots(15, 10, 5), outcome: 'removed', partyGroupFindsUnfit: true });
    expect(noPlace.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PROB-03' } });
    expect(noPlace.body.error.message).toContain('免职后的工作安排');
    const removed = await assess(b.body.id, { ...ballots(15, 10, 5), outcome: 'removed', partyGroupFindsUnfit: true, placement: '按试任前职级（一级主任科员）安排工作' });
    expect(removed.body).toMatchObject({ status: 'removed', statusLabel: '免去试任职务', placement: '按试任前职级（一级主任科员）安排工作' });
  });

  it('PROB-03 the register exports to XLSX with the evaluation and outcome, and the export is audited', async () => {
    const res = await call('liuyang', 'GET', '/personnel/probations.xlsx');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const raw = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/probations.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('基本称职和不称职超过三分之一');
    const names = ws.getColumn(1).values.slice(2);
    expect(names).toContain('程远');
    const exported = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'personnel.probation.export'`);
    expect(exported[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('the office\'s own ratio (PROB-03 params)', () => {
  it('PROB-03 follows the ratio the office sets: at one quarter, 8 of 30 is above and removal becomes possible', () => {
    const e = ballots(22, 5, 3);
    expect(thresholdMet(e)).toBe(false);
    try {
      setParamOverrides('PROB-03', { thresholdDen: 4 });
      expect(thresholdMet(e)).toBe(true);
      const v = checkOutcome(e, { outcome: 'formal', partyGroupFindsUnfit: null, placement: null });
      expect(v).toMatchObject({ outcome: 'block', ruleId: 'PROB-03' });
      expect(v.outcome === 'block' && v.message).toContain('超过四分之一');
    } finally {
      clearParamOverrides();
    }
  });
});
