import { z } from 'zod';
import { defineFlow } from '../registry';
import { defineRule } from '../../rules';
import { chineseDate } from '../../render/dates';
import type { FormRow } from '../../render/form-spec';

/** Flows used only by the engine's tests: they exercise every step kind on the demo office. */
export const completed: { id: string; outcome: string }[] = [];

export const TEST_SEQUENTIAL = defineFlow({
  key: 'test.sequential',
  version: 1,
  name: '测试审批',
  form: z.object({ days: z.number().positive(), note: z.string().optional() }),
  title: (f) => `测试事项 ${f.form.days} 天`,
  steps: [
    { id: 'section', name: '科室负责人意见', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'consent', dueWorkingDays: 2, escalateAfterWorkingDays: 2 },
    { id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'approve', when: (f) => f.form.days > 1 },
    { id: 'cc', name: '抄送综合科', kind: 'notify', approvers: [{ kind: 'post', post: 'section_chief', unit: 'unit_zonghe' }], verb: 'read' },
  ],
  async onComplete(_ctx, inst, outcome) {
    completed.push({ id: inst.id, outcome });
  },
});

export const TEST_COUNTERSIGN = defineFlow({
  key: 'test.countersign',
  version: 1,
  name: '测试会签',
  form: z.object({ ratio: z.number().optional() }),
  title: () => '会签测试',
  steps: [
    {
      id: 'leaders',
      name: '班子成员会签',
      kind: 'countersign',
      approvers: [
        { kind: 'leaderOfArea', area: 'finance_approval' },
        { kind: 'leaderOfArea', area: 'construction' },
        { kind: 'leaderOfArea', area: 'procurement' },
      ],
      verb: 'consent',
    },
    { id: 'principal', name: '主要领导审批', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve' },
  ],
});

export const TEST_ANYONE = defineFlow({
  key: 'test.anyone',
  version: 1,
  name: '测试或签',
  form: z.object({}),
  title: () => '或签测试',
  steps: [
    {
      id: 'either',
      name: '任一副主任审批',
      kind: 'anyOne',
      approvers: [
        { kind: 'leaderOfArea', area: 'finance_approval' },
        { kind: 'leaderOfArea', area: 'procurement' },
      ],
      verb: 'approve',
    },
  ],
});

export const TEST_EXTERNAL = defineFlow({
  key: 'test.external',
  version: 1,
  name: '测试外部审批',
  form: z.object({}),
  title: () => '外部审批测试',
  steps: [{ id: 'gov', name: '政府分管领导审批', kind: 'external', approvers: [{ kind: 'applicant' }], verb: 'record', externalLabel: '政府分管领导' }],
});

export const TEST_RULE = defineRule({
  id: 'TEST-901',
  cite: '《测试规则》第一条',
  text: '测试用规则：主要领导只能在最后一步签字',
  regulation: '测试',
  enforcement: 'enforce',
});

export const TEST_GUARDED = defineFlow({
  key: 'test.guarded',
  version: 1,
  name: '测试规则校验',
  form: z.object({ amountFen: z.number().int() }),
  title: () => '规则测试',
  checkSubmit: (_ctx, f) => (f.form.amountFen > 100_000_00 ? [TEST_RULE.block(`金额 ${f.form.amountFen / 100} 元超过上限`)] : []),
  checkAction: (a) => (a.action === 'approve' && !a.isLastStep && a.actorPersonId === 'psn_chenzhiyuan' ? [TEST_RULE.block('主要领导不能在非最后一步签字')] : []),
  steps: [
    { id: 'principal', name: '主要领导意见', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'consent' },
    { id: 'finance', name: '财务审批', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'approve' },
  ],
});

/** A flow with a paper form, for the print route: two signature boxes filled from the trail. */
export const TEST_PRINTED = defineFlow({
  key: 'test.printed',
  version: 1,
  name: '测试公出',
  form: z.object({ destination: z.string(), reason: z.string() }),
  title: (f) => `${f.applicant.name}赴${f.form.destination}公出`,
  steps: [
    { id: 'section', name: '科室负责人意见', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'consent' },
    { id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'approve' },
  ],
  printForm: (d) => ({
    title: '白城市扶贫开发办公室公出审批单',
    subtitle: `填表日期：${chineseDate(d.submittedAt)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '公出人姓名', value: d.applicant.name }, { label: '科室', value: d.applicant.unitName ?? '' }] },
      { kind: 'fields', cells: [{ label: '公出目的地', value: String(d.form.destination) }] },
      { kind: 'text', label: '公出事由', value: String(d.form.reason) },
      ...d.steps.map((s): FormRow => {
        const sig = s.signatures.at(-1);
        return { kind: 'signature', label: s.name, opinion: sig?.opinion ?? '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '', onBehalfOf: sig?.onBehalfOf ?? undefined };
      }),
    ],
    notes: ['此审批单为报销差旅费的必备附件'],
  }),
});
