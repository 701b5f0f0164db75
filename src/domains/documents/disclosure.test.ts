import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { createDraft, submitDraft } from './service';
import { loadDoc } from './store';
import { baseDraft, DRAFTER, draft, failure } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const create = async (over: Record<string, unknown>) => createDraft(await ctxFor(t, DRAFTER), baseDraft(over));
const submit = async (id: string, ack: string[] = []) => submitDraft(await ctxFor(t, DRAFTER), id, ack);

describe('涉密信息不上网 (SEC-23)', () => {
  it('SEC-23: a draft marked 秘密 or above is refused, citing the rule', async () => {
    for (const level of ['秘密', '机密', '绝密']) {
      const f = await failure(create({ classification: level, disclosure: '不予公开', nonDisclosureReasonCode: 'E1', nonDisclosureReasonText: '国家秘密' }));
      expect(f).toMatchObject({ code: 'RULE_BLOCKED', rule: 'SEC-23' });
      expect(f.message).toContain('涉密信息不上网');
    }
  });
});

describe('公开属性 (DISC)', () => {
  it('DISC-01, DISC-02 (AS-E04): a draft without an attribute cannot go to review; it is returned citing GIP-1（四）', async () => {
    const id = await draft(t, { disclosure: null });
    const f = await failure(submit(id));
    expect(f).toMatchObject({ code: 'RULE_BLOCKED', rule: 'DISC-02' });
    expect(f.message).toContain('NO_DISCLOSURE_ATTRIBUTE');
    expect(f.message).toContain('一（四）');
  });

  it('DISC-03: the value set is closed; 不公开 is stored as 不予公开', async () => {
    expect((await failure(create({ disclosure: '部分公开' }))).code).toBe('BAD_REQUEST');
    const { id } = await create({ disclosure: '不公开', nonDisclosureReasonCode: 'C1', nonDisclosureReasonText: '内部事务' });
    expect((await loadDoc(t.database.db, id)).disclosure).toBe('不予公开');
  });

  it('DISC-04 (AS-E05): 不予公开 needs a reason code and text', async () => {
    const id = await draft(t, { disclosure: '不予公开' });
    expect(await failure(submit(id))).toMatchObject({ rule: 'DISC-04' });
    const ok = await draft(t, { disclosure: '不予公开', nonDisclosureReasonCode: 'E4', nonDisclosureReasonText: '正在调查处理过程中' });
    expect((await submit(ok)).instanceId).toBeTruthy();
  });

  it('DISC-05: a work-secret document can only be 不予公开', async () => {
    expect(await failure(create({ workSecret: true, disclosure: '依申请公开' }))).toMatchObject({ rule: 'DISC-05' });
  });

  it('DISC-06 (AS-E02): an upward 请示 is pre-set to 不予公开 with reason 报上级机关的请示和报告; another choice warns', async () => {
    const { id, disclosure } = await create({ kind: '请示', direction: 'up', disclosure: null, mainRecipients: ['市人民政府'] });
    expect(disclosure).toBe('不予公开');
    expect((await loadDoc(t.database.db, id)).nonDisclosureReasonCode).toBe('G1');
    const other = await draft(t, { kind: '请示', direction: 'up', disclosure: '依申请公开', mainRecipients: ['市人民政府'] });
    expect(await failure(submit(other))).toMatchObject({ code: 'RULE_WARNING', rule: 'DISC-06' });
  });

  it('DISC-07 (AS-E08): forwarded documents inherit the source attribute, a change needs a reason, 未标注 must be re-decided', async () => {
    expect(await failure(submit(await draft(t, { isForwarding: true, forwardedSourceAttribute: null })))).toMatchObject({ rule: 'DISC-07' });
    const { disclosure } = await create({ isForwarding: true, forwardedSourceAttribute: '主动公开', disclosure: null, attachments: [] });
    expect(disclosure).toBe('主动公开');
    const changed = await draft(t, { isForwarding: true, forwardedSourceAttribute: '主动公开', disclosure: '依申请公开' });
    expect(await failure(submit(changed))).toMatchObject({ code: 'RULE_WARNING', rule: 'DISC-07' });
    const unmarked = await create({ isForwarding: true, forwardedSourceAttribute: '未标注', disclosure: null });
    expect(unmarked.disclosure).toBeNull();
    expect(await failure(submit(unmarked.id))).toMatchObject({ rule: 'DISC-02' });
  });

  it('DISC-08 (AS-E06): a 主动公开 document may not carry an attachment of another attribute', async () => {
    const mixed = [{ title: '附件一', attribute: '主动公开' }, { title: '附件二', attribute: '依申请公开' }];
    expect(await failure(create({ disclosure: '主动公开', disclosureMethod: '政府信息公开平台', attachments: mixed }))).toMatchObject({ rule: 'DISC-08' });
    const fixed = mixed.map((a) => ({ ...a, attribute: '主动公开' }));
    expect((await create({ disclosure: '主动公开', disclosureMethod: '政府信息公开平台', attachments: fixed })).id).toBeTruthy();
  });

  it('DOC-05: 主动公开 needs the disclosure method', async () => {
    const id = await draft(t, { disclosure: '主动公开', attachments: [] });
    expect(await failure(submit(id))).toMatchObject({ rule: 'DOC-05' });
  });

  it('DOC-04: title, main recipients and body are required elements; the kind is one of the 15', async () => {
    expect(await failure(submit(await draft(t, { mainRecipients: [] })))).toMatchObject({ rule: 'DOC-04' });
    expect((await failure(create({ kind: '简报' }))).message).toContain('15种');
  });

  it('DOC-13 (AS-E09): a non-urgent draft leaving less than 2 working days for sign-off warns; 特急 does not', async () => {
    // 2026-11-02 is a Monday: 2 working days later is Wednesday 11-04.
    const early = await draft(t, { requestedSignBy: '2026-11-03' });
    expect(await failure(submit(early))).toMatchObject({ code: 'RULE_WARNING', rule: 'DOC-13' });
    expect((await submit(early, ['DOC-13'])).warnings.map((w) => w.ruleId)).toEqual(['DOC-13']);
    expect((await submit(await draft(t, { requestedSignBy: '2026-11-04' }))).warnings).toEqual([]);
    expect((await submit(await draft(t, { requestedSignBy: '2026-11-02', urgency: '特急' }))).warnings).toEqual([]);
  });
});
