import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type InstanceRef, type PrintableInstance } from '../../kernel/flow';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { LEVEL_LABEL, type Level } from './rules';

/**
 * Approvals of the classified register on the engine. The forms carry only register ids and
 * the titles speak of registration numbers and levels, never of content (SEC-23).
 * Approvers (CONF-120, CONF-122): instructions 综合科负责人 → 主任 (SEC-02); loans the
 * 综合科负责人 (SEC-05); copies and excerpts the 分管领导 of the applicant's section (SEC-07,
 * SEC-08, “主管办领导”); destruction the 综合科负责人 and the 定密责任人 (SEC-09).
 */
async function docFacts(ctx: Ctx, documentId: string): Promise<Record<string, unknown>> {
  const [d] = await rows<{ year: number; seq: number; level: Level; copy_no: string }>(ctx.db, sql`select year, seq, level, copy_no from secrecy_documents where id = ${documentId}`);
  if (!d) throw errors.notFound('涉密文件登记');
  return { regNo: regNo(d.year, d.seq), level: d.level, levelLabel: LEVEL_LABEL[d.level], copyNo: d.copy_no };
}

export const regNo = (year: number, seq: number) => `${year}-${String(seq).padStart(4, '0')}`;

const sigRows = (d: PrintableInstance) => d.steps.map((s) => { const sig = s.signatures.at(-1); return { kind: 'signature' as const, label: s.name, opinion: sig?.opinion ?? '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '' }; });
const header = (d: PrintableInstance) => ({ kind: 'fields' as const, cells: [{ label: '登记号', value: String(d.facts.regNo) }, { label: '密级', value: String(d.facts.levelLabel) }, { label: '份号', value: String(d.facts.copyNo) }] });

const setStatus = (table: string) => async (ctx: Ctx, inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn') => {
  await ctx.db.execute(sql`update ${sql.raw(table)} set status = ${outcome} where flow_instance_id = ${inst.id} and status = 'pending'`);
};

export const InstructForm = z.object({ documentId: z.string().min(1), hubChiefId: z.string().min(1) });
export const INSTRUCT_FLOW = defineFlow<z.infer<typeof InstructForm>>({
  key: 'secrecy.instruct', version: 1, name: '涉密来文签批', form: InstructForm as never,
  title: (f) => `涉密来文 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}）签批`,
  derive: (ctx, form) => docFacts(ctx, form.documentId),
  printForm: (d) => ({ title: '涉密文件签批单', rows: [header(d), ...sigRows(d)], notes: ['涉密来文由文书登记，报综合科负责人签批后呈送主任批示（涉密安全管理制度一（二））。'] }),
  onComplete: async (ctx, inst, outcome) => {
    await ctx.db.execute(sql`update secrecy_documents set status = ${outcome === 'approved' ? 'instructed' : 'registered'}, instruct_instance_id = case when ${outcome} = 'approved' then instruct_instance_id else null end
      where instruct_instance_id = ${inst.id}`);
  },
  steps: [
    { id: 'hub', name: '综合科负责人签批', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', ruleIds: ['SEC-02'] },
    { id: 'director', name: '主任批示', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve', ruleIds: ['SEC-02'] },
  ],
});

export const LoanForm = z.object({ loanId: z.string().min(1), documentId: z.string().min(1), hubChiefId: z.string().min(1) });
export const LOAN_FLOW = defineFlow<z.infer<typeof LoanForm>>({
  key: 'secrecy.loan', version: 1, name: '涉密文件借阅审批', form: LoanForm as never,
  title: (f) => `${f.applicant.name}借阅涉密文件 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}，${String(f.derived.dueDate)}前归还）`,
  derive: async (ctx, form) => {
    const [l] = await rows<{ due_date: string }>(ctx.db, sql`select due_date::text from secrecy_loans where id = ${form.loanId}`);
    return { ...(await docFacts(ctx, form.documentId)), dueDate: l?.due_date };
  },
  printForm: (d) => ({ title: '涉密文件借阅审批单', rows: [header(d), { kind: 'fields', cells: [{ label: '借阅人', value: d.applicant.name }, { label: '科室', value: d.applicant.unitName ?? '' }, { label: '归还期限', value: String(d.facts.dueDate) }] }, ...sigRows(d)],
    notes: ['借阅已归档的涉密文件要办理借阅手续，限期归还，不得遗失（涉密安全管理制度一（四））。绝密件不允许借阅。'] }),
  onComplete: setStatus('secrecy_loans'),
  steps: [{ id: 'hub', name: '综合科负责人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'approve', ruleIds: ['SEC-05'] }],
});

export const CopyForm = z.object({ requestId: z.string().min(1), documentId: z.string().min(1), kind: z.enum(['copy', 'excerpt']), count: z.number().int() });
export const COPY_FLOW = defineFlow<z.infer<typeof CopyForm>>({
  key: 'secrecy.copy', version: 1, name: '涉密文件复制（摘抄）审批', form: CopyForm as never,
  title: (f) => `${f.applicant.name}申请${f.form.kind === 'copy' ? `复制${f.form.count}份` : '摘抄'}涉密文件 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}）`,
  derive: (ctx, form) => docFacts(ctx, form.documentId),
  printForm: (d) => ({ title: `涉密文件${d.form.kind === 'copy' ? '复制' : '摘抄'}审批单`, rows: [header(d), { kind: 'fields', cells: [{ label: '申请人', value: d.applicant.name }, { label: '科室', value: d.applicant.unitName ?? '' }, { label: '份数', value: String(d.form.count) }] }, ...sigRows(d)],
    notes: ['复制件加盖“白城市扶贫办综合科”印章，按原件的密级、保密期限和知悉范围管理，用后及时退回综合科销毁（公文运转管理制度第二十五条）。'] }),
  onComplete: setStatus('secrecy_copy_requests'),
  steps: [{ id: 'leader', name: '主管办领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'approve', ruleIds: ['SEC-07', 'SEC-08'] }],
});

export const DestroyForm = z.object({ destructionId: z.string().min(1), documentId: z.string().min(1), hubChiefId: z.string().min(1), officerId: z.string().min(1) });
export const DESTROY_FLOW = defineFlow<z.infer<typeof DestroyForm>>({
  key: 'secrecy.destroy', version: 1, name: '涉密文件销毁审批', form: DestroyForm as never,
  title: (f) => `销毁涉密文件 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}）`,
  derive: (ctx, form) => docFacts(ctx, form.documentId),
  printForm: (d) => ({ title: '涉密文件销毁审批单', rows: [header(d), ...sigRows(d)], notes: ['涉密文件的销毁必须严格履行审批、登记手续（公文运转管理制度第二十三条）。'] }),
  onComplete: setStatus('secrecy_destructions'),
  steps: [
    { id: 'hub', name: '综合科负责人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'approve', ruleIds: ['SEC-09'] },
    { id: 'officer', name: '定密责任人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'officerId' }], verb: 'approve', ruleIds: ['SEC-09'] },
  ],
});

/**
 * SEC-10 + SEC-11: a classified outgoing document is reviewed by 综合科 (reading: the
 * 综合科负责人 stands for the “综合科专职人员”), signed by the 分管领导 of the drafting section
 * and checked (把关) by the 主任; for an upward (上报) document the 主任's step is the
 * signature itself (SEC-11). Printing and dispatch wait for the whole chain.
 */
async function outgoingFacts(ctx: Ctx, outgoingId: string): Promise<Record<string, unknown>> {
  const [o] = await rows<{ year: number; seq: number; level: Level; direction: string; copies: number }>(ctx.db, sql`select year, seq, level, direction, copies from secrecy_outgoing where id = ${outgoingId}`);
  if (!o) throw errors.notFound('涉密发文登记');
  return { regNo: `密发${regNo(o.year, o.seq)}`, level: o.level, levelLabel: LEVEL_LABEL[o.level], copyNo: `共${o.copies}份`, direction: o.direction };
}
export const OutgoingForm = z.object({ outgoingId: z.string().min(1), hubChiefId: z.string().min(1) });
export const OUTGOING_FLOW = defineFlow<z.infer<typeof OutgoingForm>>({
  key: 'secrecy.outgoing', version: 1, name: '涉密文件发文审批', form: OutgoingForm as never,
  title: (f) => `涉密发文 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}）签发`,
  derive: (ctx, form) => outgoingFacts(ctx, form.outgoingId),
  printForm: (d) => ({ title: '涉密文件发文审批单', rows: [header(d), ...sigRows(d)],
    notes: ['对外印发的涉密文件由分管领导签发、主任把关；上报的涉密文件由主任签发（涉密安全管理制度一（五）（九）（十））。本单只登记标识信息，文件正文在涉密计算机上办理。'] }),
  onComplete: setStatus('secrecy_outgoing'),
  steps: [
    { id: 'hub', name: '综合科审核', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', ruleIds: ['SEC-10'] },
    { id: 'leader', name: '分管领导签发', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: (f) => (f.derived.direction === 'upward' ? 'review' : 'sign'), ruleIds: ['SEC-10'] },
    { id: 'director', name: '主任把关（上报文件由主任签发）', kind: 'single', approvers: [{ kind: 'principal' }], verb: (f) => (f.derived.direction === 'upward' ? 'sign' : 'approve'), ruleIds: ['SEC-10', 'SEC-11'] },
  ],
});

export const TakeoutForm = z.object({ takeoutId: z.string().min(1), documentId: z.string().min(1), hubChiefId: z.string().min(1) });
export const TAKEOUT_FLOW = defineFlow<z.infer<typeof TakeoutForm>>({
  key: 'secrecy.takeout', version: 1, name: '涉密文件带离审批', form: TakeoutForm as never,
  title: (f) => `${f.applicant.name}带离涉密文件 ${String(f.derived.regNo)}（${String(f.derived.levelLabel)}，${String(f.derived.dueDate)}前带回）`,
  derive: async (ctx, form) => {
    const [x] = await rows<{ due_date: string; destination: string }>(ctx.db, sql`select due_date::text, destination from secrecy_takeouts where id = ${form.takeoutId}`);
    return { ...(await docFacts(ctx, form.documentId)), dueDate: x?.due_date, destination: x?.destination };
  },
  printForm: (d) => ({ title: '涉密文件带离审批单', rows: [header(d), { kind: 'fields', cells: [{ label: '带离人', value: d.applicant.name }, { label: '去向', value: String(d.facts.destination) }, { label: '带回期限', value: String(d.facts.dueDate) }] }, ...sigRows(d)],
    notes: ['涉密文件原则上不可带离工作场所（公文运转管理制度第二十四条）；确需带离的须经批准并登记带出、带回。'] }),
  onComplete: setStatus('secrecy_takeouts'),
  steps: [{ id: 'hub', name: '综合科负责人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'approve', ruleIds: ['SEC-15'] }],
});
