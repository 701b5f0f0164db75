import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type Facts, type InstanceRef } from '../../kernel/flow';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { audit } from '../../kernel/audit/write';
import { localDate } from '../../kernel/time';
import { SEAL_KIND_LABEL, type SealKind, type UseCategory } from './rules';
import { useFormSpec } from './print';

/**
 * The seal flows on the approval engine. A use request (用印审批) carries only the register
 * entry's id: the entry (seal, material kind, blank page, emergency) is read from the
 * 用印登记簿 at submission, so the route follows what was registered and a resubmission
 * cannot change the material behind an approval.
 *
 * Who approves, by material kind (E-documents.md §6.2, CONF-126, GAP-E24):
 * - unsigned (B, SEAL-02): an 办领导 signs consent — the 分管领导 of the applicant's section
 *   (reading: "办领导" unnamed; the leader in charge of the section is the one who answers for it).
 * - routine (C, SEAL-03) and 便函 (H, SEAL-03 + SEAL-15): the section head reviews and signs,
 *   then the 分管领导 consents (reading: the head's review is the lower signature, signed first).
 * - 公文 (G, SEAL-15): the section re-checks (科室负责人复核), then the 分管领导 approves.
 * - personal (D, SEAL-04): the 综合科负责人 signs consent.
 * - any material on a blank page (SEAL-06): the 主要领导 signs the written application, last.
 */
export const UseFlowForm = z.object({ useId: z.string().min(1), hubChiefId: z.string().optional() });
type UseFlowForm = z.infer<typeof UseFlowForm>;

export interface UseFacts {
  useId: string; entryNo: string; sealName: string; sealKind: SealKind; category: UseCategory; documentTitle: string; copies: number;
  blankPage: boolean; blankApplication: string | null; emergency: boolean; emergencyReason: string | null; applicantIsChief: boolean;
}
const uf = (f: Facts<UseFlowForm>) => f.derived as unknown as UseFacts;
const isLeader = (f: Facts<UseFlowForm>) => f.applicant.grade === 'principal' || f.applicant.grade === 'deputy';

async function useFacts(ctx: Ctx, useId: string, applicantPersonId: string): Promise<UseFacts> {
  const [u] = await rows<{ year: number; seq: number; seal_name: string; kind: SealKind; category: UseCategory; document_title: string; copies: number; blank_page: boolean;
    blank_application: string | null; emergency_reason: string | null; applicant_person_id: string; unit_id: string | null }>(ctx.db,
    sql`select u.year, u.seq, s.name as seal_name, s.kind, u.category, u.document_title, u.copies, u.blank_page, u.blank_application, u.emergency_reason,
        u.applicant_person_id, u.unit_id from seal_uses u join seals s on s.id = u.seal_id where u.id = ${useId}`);
  if (!u) throw errors.notFound('用印登记');
  if (u.applicant_person_id !== applicantPersonId) throw errors.forbidden('只能为本人登记的用印申请发起审批');
  const today = localDate(ctx.clock.now());
  const [chief] = u.unit_id
    ? await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from org_units o join post_holdings h on h.post_code = o.head_post_code and h.unit_id = o.id
        where o.id = ${u.unit_id} and h.person_id = ${applicantPersonId}
        and h.start_date <= ${today} and (h.end_date is null or h.end_date >= ${today})`)
    : [{ n: 0 }];
  return {
    useId, entryNo: `${u.year}年第${u.seq}号`, sealName: u.seal_name, sealKind: u.kind, category: u.category, documentTitle: u.document_title, copies: u.copies,
    blankPage: u.blank_page, blankApplication: u.blank_application, emergency: !!u.emergency_reason, emergencyReason: u.emergency_reason, applicantIsChief: chief.n > 0,
  };
}

export const USE_FLOW = defineFlow<UseFlowForm>({
  key: 'seals.use',
  version: 1,
  name: '用印审批',
  form: UseFlowForm as never,
  title: (f) => `${f.applicant.name}申请使用${uf(f).sealName}：${uf(f).documentTitle}${uf(f).blankPage ? '（空白页面）' : ''}${uf(f).emergency ? '（紧急先用，补办）' : ''}`,
  derive: async (ctx, form, applicant) => ({ ...(await useFacts(ctx, form.useId, applicant.personId)) }),
  printForm: (detail) => useFormSpec(detail.facts as unknown as UseFacts, detail, null),
  onComplete: settleUse,
  steps: [
    { id: 'section', name: '科室负责人审核', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: (f) => (uf(f).category === 'gongwen' ? 'review' : 'sign'),
      when: (f) => ['routine', 'memo', 'gongwen'].includes(uf(f).category) && !uf(f).applicantIsChief && !isLeader(f), ruleIds: ['SEAL-03', 'SEAL-15'] },
    { id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: (f) => (['gongwen', 'memo'].includes(uf(f).category) ? 'approve' : 'consent'),
      when: (f) => ['unsigned', 'routine', 'memo', 'gongwen'].includes(uf(f).category) && !isLeader(f), ruleIds: ['SEAL-02', 'SEAL-03', 'SEAL-15'] },
    { id: 'leader_self', name: '主要领导意见', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'consent',
      when: (f) => ['unsigned', 'routine', 'memo', 'gongwen'].includes(uf(f).category) && isLeader(f) && !uf(f).blankPage, ruleIds: ['SEAL-02', 'SEAL-15'] },
    { id: 'hub', name: '综合科负责人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'consent', when: (f) => uf(f).category === 'personal', ruleIds: ['SEAL-04'] },
    { id: 'principal', name: '主要领导意见（空白页面书面申请）', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve', when: (f) => uf(f).blankPage, ruleIds: ['SEAL-06'] },
  ],
});

/** The entry follows its approval; an emergency stamping whose paperwork is refused is a violation (SEAL-10). */
async function settleUse(ctx: Ctx, inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  const [u] = await rows<{ id: string; status: string; seal_id: string; applicant_person_id: string }>(ctx.db,
    sql`select id, status, seal_id, applicant_person_id from seal_uses where flow_instance_id = ${inst.id} for update`);
  if (!u) return;
  const now = ctx.clock.now().toISOString();
  if (u.status === 'stamped') {
    await ctx.db.execute(sql`update seal_uses set paperwork_done_at = ${now} where id = ${u.id}`);
    if (outcome !== 'approved') {
      const id = newId('sviol');
      await ctx.db.execute(sql`insert into seal_violations (id, seal_id, use_id, person_id, description, recorded_by, created_at)
        values (${id}, ${u.seal_id}, ${u.id}, ${u.applicant_person_id}, ${'紧急先行用章后补办的审批未获同意（' + (outcome === 'rejected' ? '未批准' : '已撤回') + '），属未经批准擅用印章'}, null, ${now})`);
      await audit(ctx, { event: 'seals.violation.record', objectType: 'seal_use', objectId: u.id, detail: { violationId: id, ruleId: 'SEAL-10' } });
    }
    await audit(ctx, { event: 'seals.use.paperwork', objectType: 'seal_use', objectId: u.id, detail: { outcome } });
    return;
  }
  const status = outcome;
  await ctx.db.execute(sql`update seal_uses set status = ${status}, paperwork_done_at = case when emergency_reason is not null and ${outcome} = 'approved' then ${now}::timestamptz else paperwork_done_at end
    where id = ${u.id} and status in ('pending', 'emergency')`);
}

/** SEAL-07: a take-out is signed by the 综合科负责人. */
export const TakeoutFlowForm = z.object({ takeoutId: z.string().min(1), hubChiefId: z.string().min(1) });
type TakeoutFlowForm = z.infer<typeof TakeoutFlowForm>;
export const TAKEOUT_FLOW = defineFlow<TakeoutFlowForm>({
  key: 'seals.takeout',
  version: 1,
  name: '印章带出审批',
  form: TakeoutFlowForm as never,
  title: (f) => `${f.applicant.name}申请带出${String(f.derived.sealName)}：${String(f.derived.purpose)}（${String(f.derived.dueBack)}前交回）`,
  derive: async (ctx, form) => {
    const [t] = await rows<{ seal_name: string; purpose: string; due_back: string }>(ctx.db,
      sql`select s.name as seal_name, t.purpose, t.due_back::text from seal_takeouts t join seals s on s.id = t.seal_id where t.id = ${form.takeoutId}`);
    if (!t) throw errors.notFound('印章带出申请');
    return { sealName: t.seal_name, purpose: t.purpose, dueBack: t.due_back };
  },
  printForm: (d) => ({
    title: '白城市扶贫开发办公室印章带出审批单',
    subtitle: `申请日期：${d.submittedAt.slice(0, 10)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '印章', value: String(d.facts.sealName) }, { label: '借用人', value: d.applicant.name }, { label: '科室', value: d.applicant.unitName ?? '' }] },
      { kind: 'text', label: '带出事由', value: String(d.facts.purpose) },
      { kind: 'fields', cells: [{ label: '交回期限', value: String(d.facts.dueBack) }] },
      ...d.steps.map((s) => { const sig = s.signatures.at(-1); return { kind: 'signature' as const, label: s.name, opinion: sig?.opinion ?? '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '' }; }),
    ],
    notes: ['印章带出期间，借用人只可将印章用于申请事由，并对印章的使用后果承担相应责任（印章使用管理制度二.7）。'],
  }),
  onComplete: async (ctx, inst, outcome) => {
    await ctx.db.execute(sql`update seal_takeouts set status = ${outcome} where flow_instance_id = ${inst.id} and status = 'pending'`);
  },
  steps: [{ id: 'hub', name: '综合科负责人意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'consent', ruleIds: ['SEAL-07'] }],
});

/** SEAL-14: a new or replacement seal is requested by the section and consented by its 分管领导. */
export const MakeFlowForm = z.object({
  kind: z.enum(['party', 'official', 'finance', 'legal', 'section', 'business']),
  name: z.string().trim().min(2, '请填写印章名称').max(60),
  reason: z.string().trim().min(2, '请填写申请理由').max(300),
  replacesSealId: z.string().max(100).optional(),
});
type MakeFlowForm = z.infer<typeof MakeFlowForm>;
export const MAKE_FLOW = defineFlow<MakeFlowForm>({
  key: 'seals.make',
  version: 1,
  name: '印章刻制（更换）申请',
  form: MakeFlowForm as never,
  title: (f) => `${f.applicant.unitName ?? f.applicant.name}申请${f.form.replacesSealId ? '更换' : '刻制'}${SEAL_KIND_LABEL[f.form.kind]}“${f.form.name}”`,
  derive: async (ctx, form) => {
    if (!form.replacesSealId) return {};
    const [s] = await rows<{ status: string; name: string }>(ctx.db, sql`select status, name from seals where id = ${form.replacesSealId}`);
    if (!s) throw errors.notFound('被更换的印章');
    return { replaces: s.name };
  },
  printForm: (d) => ({
    title: '白城市扶贫开发办公室印章刻制（更换）申请表',
    rows: [
      { kind: 'fields', cells: [{ label: '申请科室', value: d.applicant.unitName ?? '' }, { label: '经办人', value: d.applicant.name }] },
      { kind: 'fields', cells: [{ label: '印章名称', value: String(d.form.name) }, { label: '类别', value: SEAL_KIND_LABEL[d.form.kind as SealKind] }, { label: '更换', value: String(d.facts.replaces ?? '新增') }] },
      { kind: 'text', label: '申请理由', value: String(d.form.reason) },
      ...d.steps.map((s) => { const sig = s.signatures.at(-1); return { kind: 'signature' as const, label: s.name, opinion: sig?.opinion ?? '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '' }; }),
    ],
    notes: ['分管领导签字同意后，交由综合科统一更换或制作（印章使用管理制度三.3）。'],
  }),
  steps: [{ id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'consent', ruleIds: ['SEAL-14'] }],
});
