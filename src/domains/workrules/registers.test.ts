import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../../kernel/db';
import { remindWorkRules } from './reminders';

/** The 工作规则 registers through the API: WR-12 规范性文件, WR-14 公开, WR-15 监督问题, WR-18 讲话文章, WR-20. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const HUB = 'huangjing';
async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, headers: res.headers };
}
const notices = async (objectType: string, idPrefix: string) =>
  rows<{ recipient_person_id: string; object_id: string; body: string }>(t.database.db, sql`select recipient_person_id, object_id, body from notifications
    where object_type = ${objectType} and object_id like ${`${idPrefix}:%`} order by object_id, recipient_person_id`);
const DAY = 86_400_000;

describe('规范性文件 (WR-12)', () => {
  it('WR-12 refuses a normative document that names no interpreting section, and records the one named', async () => {
    const base = { title: '白城市扶贫小额信贷风险补偿金管理办法', role: 'lead', draftingUnitId: 'unit_guihua', draftStartedOn: '2026-09-01' };
    const refused = await call(HUB, 'POST', '/workrules/normative', base);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'WR-12' } });
    expect(refused.body.error.message).toContain('负责解释的职能科室');
    const ok = await call(HUB, 'POST', '/workrules/normative', { ...base, interpretingUnitId: 'unit_guihua' });
    expect(ok.status).toBe(201);
    const list = await call('liminghua', 'GET', '/workrules/normative');
    expect(list.body.items.find((d: { id: string }) => d.id === ok.body.id)).toMatchObject({ status: 'drafting', interpretingUnitName: '规划项目科' });
    expect((await call('tangning', 'POST', '/workrules/normative', { ...base, interpretingUnitId: 'unit_guihua' })).status).toBe(403);
  });

  it('WR-12 an issued document is reminded from 15 calendar days after issue, once a period, until its filing with the 市政府 is recorded', async () => {
    const { body: { id } } = await call(HUB, 'POST', '/workrules/normative', { title: '扶贫项目库管理办法', role: 'lead', draftingUnitId: 'unit_guihua', interpretingUnitId: 'unit_guihua', draftStartedOn: '2026-08-01' });
    const issued = await call(HUB, 'POST', `/workrules/normative/${id}/issue`, { docNo: '白扶办发〔2026〕21号', issuedOn: '2026-10-13' });
    expect(issued.body).toMatchObject({ status: 'in_force', filingDueOn: '2026-10-28', filingOverdue: true });
    await remindWorkRules(t.database, t.clock);
    await remindWorkRules(t.database, t.clock);
    const first = await notices('wr_normative_filing', id);
    // 综合科 (four keepers) and the drafting section's head (韩冰), each once however often the sweep runs.
    expect(first.map((n) => n.recipient_person_id)).toEqual(['psn_hanbing', 'psn_huangjing', 'psn_linfeng', 'psn_liuyang', 'psn_mali']);
    expect(first[0].body).toContain('WR-12');
    t.clock.advance(7 * DAY);
    await remindWorkRules(t.database, t.clock);
    expect(new Set((await notices('wr_normative_filing', id)).map((n) => n.object_id)).size).toBe(2);
    expect((await call(HUB, 'POST', `/workrules/normative/${id}/file`, { filedOn: '2026-10-12', filingRef: '白政备〔2026〕30号' })).status).toBe(400);
    const filed = await call(HUB, 'POST', `/workrules/normative/${id}/file`, { filedOn: '2026-11-05', filingRef: '白政备〔2026〕30号' });
    expect(filed.body).toMatchObject({ filedOn: '2026-11-05', filingOverdue: false });
    expect((await call(HUB, 'POST', `/workrules/normative/${id}/file`, { filedOn: '2026-11-05', filingRef: 'x' })).status).toBe(409);
    t.clock.advance(14 * DAY);
    await remindWorkRules(t.database, t.clock);
    expect(new Set((await notices('wr_normative_filing', id)).map((n) => n.object_id)).size).toBe(2);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('WR-12 amending drafts a new version; issuing it marks the old one amended; a document in force can be repealed', async () => {
    const { body: { id } } = await call(HUB, 'POST', '/workrules/normative', { title: '到户产业补助办法', role: 'joint', draftingUnitId: 'unit_shehui', interpretingUnitId: 'unit_shehui', draftStartedOn: '2026-06-01' });
    expect((await call(HUB, 'POST', `/workrules/normative/${id}/amend`, { title: '到户产业补助办法（修订）', role: 'joint', draftingUnitId: 'unit_shehui', interpretingUnitId: 'unit_shehui', draftStartedOn: '2026-09-01' })).status).toBe(409);
    await call(HUB, 'POST', `/workrules/normative/${id}/issue`, { docNo: '白扶办发〔2026〕5号', issuedOn: '2026-07-01' });
    const v2 = await call(HUB, 'POST', `/workrules/normative/${id}/amend`, { title: '到户产业补助办法（修订）', role: 'joint', draftingUnitId: 'unit_shehui', interpretingUnitId: 'unit_shehui', draftStartedOn: '2026-09-01' });
    expect(v2.status).toBe(201);
    await call(HUB, 'POST', `/workrules/normative/${v2.body.id}/issue`, { docNo: '白扶办发〔2026〕25号', issuedOn: '2026-10-30' });
    const list = (await call(HUB, 'GET', '/workrules/normative')).body.items as { id: string; status: string; amendsId: string | null }[];
    expect(list.find((d) => d.id === id)?.status).toBe('amended');
    expect(list.find((d) => d.id === v2.body.id)).toMatchObject({ status: 'in_force', amendsId: id });
    const repealed = await call(HUB, 'POST', `/workrules/normative/${v2.body.id}/repeal`, { repealedOn: '2026-11-02', repealRef: '白扶办发〔2026〕30号' });
    expect(repealed.body.status).toBe('repealed');
  });

  it('WR-20 a document issued before 2019-03-19 is registered but neither overdue nor reminded; the rule shows the effective date', async () => {
    const { body: { id } } = await call(HUB, 'POST', '/workrules/normative', { title: '扶贫资金管理暂行办法', role: 'lead', draftingUnitId: 'unit_guihua', interpretingUnitId: 'unit_guihua', draftStartedOn: '2018-10-01' });
    const issued = await call(HUB, 'POST', `/workrules/normative/${id}/issue`, { docNo: '白扶办发〔2019〕1号', issuedOn: '2019-01-10' });
    expect(issued.body.filingOverdue).toBe(false);
    await remindWorkRules(t.database, t.clock);
    expect(await notices('wr_normative_filing', id)).toEqual([]);
    const rules = (await t.app.inject({ method: 'GET', url: '/api/v1/rules' }).then((r) => r.json())).rules as { id: string; cite: string; regulation: string; params: { key: string; value: unknown }[] }[];
    const wr20 = rules.find((r) => r.id === 'WR-20')!;
    expect(wr20.cite).toContain('第三十五条');
    expect(wr20.params).toContainEqual(expect.objectContaining({ key: 'effectiveDate', value: '2019-03-19' }));
    for (const id of ['WR-11', 'WR-12', 'WR-14', 'WR-15', 'WR-16', 'WR-17', 'WR-18', 'WR-19', 'WR-20']) {
      expect(rules.filter((r) => r.id === id).map((r) => r.regulation)).toEqual(['白城市扶贫开发办公室工作规则']);
    }
  });
});

describe('向社会公开 (WR-14)', () => {
  it('WR-14 a public-interest disclosure needs its channel (website, press conference or media) and date; the register exports', async () => {
    const bad = await call(HUB, 'POST', '/workrules/disclosures', { title: '2026年到户产业补助对象名单', matterKind: 'low_income', channel: 'wechat_group', channelDetail: '村民群', disclosedOn: '2026-10-20' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('网站、新闻发布会或新闻媒体');
    const ok = await call(HUB, 'POST', '/workrules/disclosures', { title: '2026年到户产业补助对象名单', matterKind: 'low_income', channel: 'press_conference', channelDetail: '市政府新闻办第12场发布会', disclosedOn: '2026-10-20', unitId: 'unit_shehui' });
    expect(ok.status).toBe(201);
    const list = (await call('liminghua', 'GET', '/workrules/disclosures')).body.items;
    expect(list.find((d: { id: string }) => d.id === ok.body.id)).toMatchObject({ channel: 'press_conference', disclosedOn: '2026-10-20', unitName: '社会扶贫科' });
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/workrules/disclosures.xlsx', headers: { cookie: await t.cookieFor(HUB) } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('监督发现问题 (WR-15)', () => {
  it('WR-15 an audit finding is reported to the 市政府 only after rectification, and is reminded until the report is recorded', async () => {
    const { body: { id } } = await call(HUB, 'POST', '/workrules/findings', { source: 'audit', sourceDetail: '市审计局', title: '项目资产未及时确权登记', foundOn: '2026-10-10', responsibleUnitId: 'unit_guihua' });
    const early = await call(HUB, 'POST', `/workrules/findings/${id}/report`, { reportedOn: '2026-10-20', reportRef: '白扶办呈〔2026〕11号' });
    expect(early.status).toBe(422);
    expect(early.body.error.rule.id).toBe('WR-15');
    await remindWorkRules(t.database, t.clock);
    expect(await notices('wr_finding_report', id)).toEqual([]);
    const rectified = await call(HUB, 'POST', `/workrules/findings/${id}/rectify`, { rectification: '逐项确权登记并建立台账', rectifiedOn: '2026-10-30' });
    expect(rectified.body.pending).toEqual(['向市政府报告']);
    await remindWorkRules(t.database, t.clock);
    expect((await notices('wr_finding_report', id)).map((n) => n.recipient_person_id)).toContain('psn_hanbing');
    const reported = await call(HUB, 'POST', `/workrules/findings/${id}/report`, { reportedOn: '2026-11-02', reportRef: '白扶办呈〔2026〕11号' });
    expect(reported.body.pending).toEqual([]);
    t.clock.advance(8 * DAY);
    await remindWorkRules(t.database, t.clock);
    expect(new Set((await notices('wr_finding_report', id)).map((n) => n.object_id)).size).toBe(1);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('WR-15 a media report is verified first; a confirmed one is rectified, reported and its result published', async () => {
    const { body: { id } } = await call(HUB, 'POST', '/workrules/findings', { source: 'media', sourceDetail: '白城新闻网', title: '网民反映公益岗工资发放迟缓', foundOn: '2026-10-15', responsibleUnitId: 'unit_shehui' });
    expect((await call(HUB, 'POST', `/workrules/findings/${id}/rectify`, { rectification: '督促发放', rectifiedOn: '2026-10-20' })).status).toBe(409);
    const verified = await call(HUB, 'POST', `/workrules/findings/${id}/verify`, { verification: 'confirmed', note: '经核实，两个乡镇延迟发放一个月' });
    expect(verified.body.pending).toEqual(['纠治整改', '向市政府报告', '向社会公布处理结果']);
    await call(HUB, 'POST', `/workrules/findings/${id}/rectify`, { rectification: '已补发并建立按月发放台账', rectifiedOn: '2026-10-25' });
    await call(HUB, 'POST', `/workrules/findings/${id}/report`, { reportedOn: '2026-10-28', reportRef: '白扶办呈〔2026〕12号' });
    const published = await call(HUB, 'POST', `/workrules/findings/${id}/publish`, { publishedOn: '2026-10-29', publishChannel: '白城市精准扶贫网站' });
    expect(published.body.pending).toEqual([]);
    expect((await call(HUB, 'POST', `/workrules/findings/${id}/publish`, { publishedOn: '2026-10-29', publishChannel: 'x' })).status).toBe(409);
  });
});

describe('讲话、文章事先报党组同意 (WR-18)', () => {
  const request = { kind: 'office', title: '在全市产业帮扶现场会上的讲话', venue: '全市产业帮扶现场会', plannedOn: '2026-11-20', summary: '部署产业帮扶工作' };

  it('WR-18 a leader asks for the 党组\'s consent for themselves only; staff cannot file', async () => {
    expect((await call('tangning', 'POST', '/workrules/speeches', request)).status).toBe(403);
    expect((await call('liminghua', 'POST', '/workrules/speeches', { ...request, speakerId: 'psn_sunli' })).status).toBe(403);
    const mine = await call('liminghua', 'POST', '/workrules/speeches', request);
    expect(mine.body).toMatchObject({ status: 'requested', speakerName: '李明华', requestedOn: '2026-11-02' });
  });

  it('WR-18 publication without the 党组\'s prior consent must be confirmed and is flagged; consent given first is not', async () => {
    const a = (await call('liminghua', 'POST', '/workrules/speeches', request)).body;
    const warned = await call(HUB, 'POST', `/workrules/speeches/${a.id}/publish`, { form: { publishedOn: '2026-11-01' } });
    expect(warned.status).toBe(422);
    expect(warned.body.error).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'WR-18' } });
    const flagged = await call(HUB, 'POST', `/workrules/speeches/${a.id}/publish`, { form: { publishedOn: '2026-11-01' }, acknowledged: ['WR-18'] });
    expect(flagged.body).toMatchObject({ publishedOn: '2026-11-01', withoutPriorConsent: true });

    const b = (await call('sunli', 'POST', '/workrules/speeches', { ...request, kind: 'personal_major', title: '关于易地搬迁后续扶持的署名文章' })).body;
    expect((await call('sunli', 'POST', `/workrules/speeches/${b.id}/decision`, { decision: 'consented', decidedOn: '2026-10-30', decisionRef: 'x' })).status).toBe(403);
    expect((await call(HUB, 'POST', `/workrules/speeches/${b.id}/decision`, { decision: 'consented' })).status).toBe(400);
    const consented = await call(HUB, 'POST', `/workrules/speeches/${b.id}/decision`, { decision: 'consented', decidedOn: '2026-10-30', decisionRef: '2026年第10次党组会议纪要' });
    expect(consented.body.status).toBe('consented');
    const late = await call(HUB, 'POST', `/workrules/speeches/${b.id}/publish`, { form: { publishedOn: '2026-10-29' } });
    expect(late.body.error.message).toContain('晚于发表日期');
    const ok = await call(HUB, 'POST', `/workrules/speeches/${b.id}/publish`, { form: { publishedOn: '2026-11-02' } });
    expect(ok.body).toMatchObject({ publishedOn: '2026-11-02', withoutPriorConsent: false });
  });

  it('WR-18 a consent naming a decision must be a 党组会议 decision in the system', async () => {
    const s = (await call('liminghua', 'POST', '/workrules/speeches', request)).body;
    expect((await call(HUB, 'POST', `/workrules/speeches/${s.id}/decision`, { decision: 'consented', consentDecisionId: 'dec_none' })).status).toBe(400);
  });
});
