import type { PrintableInstance } from '../../kernel/flow';
import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import { CATEGORY_LABEL, DEFECTS, SEAL_KIND_LABEL, type Defect } from './rules';
import type { UseFacts } from './flows';

/**
 * 用印审批单 (《印章使用登记表》, GAP-E27: the layout is not in the seed, so the fields are the
 * ones §6.1 derives from the rules): the entry, each approval in order, and the keeper's check.
 */
export interface StampRecord { status: string; stampedBy: string | null; stampedAt: string | null; stampCount: number | null; refusedBy: string | null; refusedAt: string | null; refusalDefects: string[] | null; refusalNote: string | null;
  signedBy: string | null; signedEvidence: string | null; emergencyConsentBy: string | null; paperworkDue: string | null; applicantName: string; unitName: string | null; createdAt: string }

const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

export function useFormSpec(f: UseFacts, detail: PrintableInstance | null, rec: StampRecord | null): FormSpec {
  const applicant = rec?.applicantName ?? detail?.applicant.name ?? '';
  const unit = rec?.unitName ?? detail?.applicant.unitName ?? '';
  const rows: FormRow[] = [
    { kind: 'fields', cells: [{ label: '用印科室', value: unit }, { label: '经办人', value: applicant }, { label: '登记日期', value: local(rec?.createdAt ?? detail?.submittedAt ?? null) }] },
    { kind: 'fields', cells: [{ label: '印章', value: `${f.sealName}（${SEAL_KIND_LABEL[f.sealKind]}）` }, { label: '份数', value: String(f.copies) }, { label: '空白页面', value: f.blankPage ? '是（附书面申请）' : '否' }] },
    { kind: 'text', label: '用印文件名称', value: f.documentTitle },
    { kind: 'fields', cells: [{ label: '材料类别', value: CATEGORY_LABEL[f.category], span: 3 }] },
  ];
  if (f.blankApplication) rows.push({ kind: 'text', label: '空白页面用印书面申请', value: f.blankApplication });
  if (rec?.signedBy) rows.push({ kind: 'text', label: '办领导签发', value: `${rec.signedBy}已签发；签字凭证：${rec.signedEvidence ?? ''}` });
  if (f.emergency) rows.push({ kind: 'text', label: '紧急用章', value: `事由：${f.emergencyReason ?? ''}；已向分管领导${rec?.emergencyConsentBy ?? ''}汇报并同意，先行用章，事后补办（期限 ${rec?.paperworkDue ?? '用印后次一工作日'}）` });
  for (const s of detail?.steps ?? []) {
    const sig = s.signatures.at(-1);
    rows.push({ kind: 'signature', label: s.name, opinion: sig?.opinion ?? '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '', ...(sig?.onBehalfOf ? { onBehalfOf: sig.onBehalfOf } : {}) });
  }
  if (rec?.stampedAt) rows.push({ kind: 'signature', label: '印章管理人员用印', opinion: `已用印${rec.stampCount ?? f.copies}处`, signer: rec.stampedBy ?? '', date: local(rec.stampedAt) });
  else if (rec?.refusedAt) rows.push({ kind: 'signature', label: '印章管理人员拒绝用印', opinion: `${(rec.refusalDefects ?? []).map((d) => DEFECTS[d as Defect] ?? d).join('、')}${rec.refusalNote ? `：${rec.refusalNote}` : ''}`, signer: rec.refusedBy ?? '', date: local(rec.refusedAt) });
  else rows.push({ kind: 'signature', label: '印章管理人员用印', opinion: '', signer: '', date: '' });
  return {
    title: '白城市扶贫开发办公室用印审批单',
    subtitle: `登记编号：${f.entryNo}`,
    rows,
    notes: ['印章使用遵循“先审批，后用印”的原则（印章使用管理制度二.1）；单位印章一律不得在空白页面上使用（二.6）。', '行文不规范（字迹潦草、有明显涂改痕迹、表达不清、落款单位不明）的，拒绝加盖印章（二.5）。'],
  };
}
