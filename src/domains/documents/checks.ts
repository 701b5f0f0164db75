import type { Verdict } from '../../kernel/rules';
import { NON_DISCLOSURE_REASONS, type DraftInputValue } from './model';
import { DISC01, DISC02, DISC04, DISC05, DISC06, DISC07, DISC08, DOC04, DOC05, DOC11, DOC13, SEC23 } from './rules';

/** The parts of a draft the checks read (a saved row or the input). */
export type DraftFacts = Pick<
  DraftInputValue,
  | 'kind' | 'direction' | 'category' | 'title' | 'mainRecipients' | 'body' | 'attachments' | 'classification' | 'workSecret' | 'urgency'
  | 'disclosure' | 'disclosureMethod' | 'nonDisclosureReasonCode' | 'nonDisclosureReasonText' | 'isForwarding' | 'forwardedSourceAttribute'
  | 'forwardingDeviationReason' | 'counterpartSignerLevel' | 'requestedSignBy'
>;

/** Checks on every save: what may never be stored at all. */
export function checkSave(d: DraftFacts): Verdict[] {
  const out: Verdict[] = [];
  if (d.classification !== '无') {
    out.push(SEC23.block(`涉密信息不上网：标为“${d.classification}”的公文不得在本系统起草或保存，请按涉密文件管理规定在涉密计算机上办理，纸质件到综合科登记`));
  }
  if (d.workSecret && d.disclosure && d.disclosure !== '不予公开') out.push(DISC05.block('涉及工作秘密的公文只能确定为不予公开'));
  if (d.disclosure === '主动公开') {
    const mixed = d.attachments.filter((a) => a.attribute && a.attribute !== '主动公开');
    if (mixed.length) out.push(DISC08.block(`主动公开的公文不可夹带依申请公开或不予公开的内容：附件“${mixed.map((a) => a.title).join('、')}”的属性与正文不一致`));
  }
  return out;
}

/** The attribute the rules suggest (DISC-06; DISC-07 for forwarded documents). */
export function suggestedDisclosure(d: Pick<DraftFacts, 'kind' | 'direction' | 'isForwarding' | 'forwardedSourceAttribute'>): { disclosure: string; reasonCode?: string } | null {
  if (d.isForwarding) return d.forwardedSourceAttribute && d.forwardedSourceAttribute !== '未标注' ? { disclosure: d.forwardedSourceAttribute } : null;
  if (d.direction === 'up' && (d.kind === '请示' || d.kind === '报告')) return { disclosure: '不予公开', reasonCode: 'G1' };
  return null;
}

/**
 * Checks when the draft leaves drafting (submitted for review): the attribute and its reason,
 * the required elements, the signer facts of joint documents and the time left for review.
 * `minSignBy` is the submission date plus DOC-13's working days (computed by the caller).
 */
export function checkSubmit(d: DraftFacts, minSignBy: string | null): Verdict[] {
  const out = checkSave(d);
  if (!d.disclosure) {
    out.push(DISC02.block('公文未标识公开属性，退回承办科室：请确定主动公开、依申请公开或不予公开后再送审（NO_DISCLOSURE_ATTRIBUTE）'));
  } else {
    out.push(DISC01.ok());
    if (d.disclosure === '不予公开' && (!d.nonDisclosureReasonCode || !NON_DISCLOSURE_REASONS[d.nonDisclosureReasonCode] || !d.nonDisclosureReasonText?.trim())) {
      out.push(DISC04.block('拟不予公开的，须选择理由并依法依规说明理由'));
    }
    if (d.disclosure === '主动公开' && !d.disclosureMethod?.trim()) out.push(DOC05.block('主动公开的公文须注明公开方式（如政府信息公开平台、门户网站）'));
  }
  if (d.isForwarding) {
    if (!d.forwardedSourceAttribute) out.push(DISC07.block('转发类公文须先登记被转发文件的公开属性（或“未标注”）'));
    else if (d.forwardedSourceAttribute !== '未标注' && d.disclosure && d.disclosure !== d.forwardedSourceAttribute && !d.forwardingDeviationReason?.trim()) {
      out.push(DISC07.warn(`被转发文件为“${d.forwardedSourceAttribute}”，本件确定为“${d.disclosure}”，请说明改变公开属性的理由`));
    }
  } else {
    const s = suggestedDisclosure(d);
    if (s && d.disclosure && d.disclosure !== s.disclosure) out.push(DISC06.warn(`报上级机关的请示和报告一般确定为不予公开，本件确定为“${d.disclosure}”，请确认`));
  }
  const missing = [!d.title.trim() && '标题', d.mainRecipients.length === 0 && '主送机关', d.body.length === 0 && '正文'].filter(Boolean);
  if (missing.length) out.push(DOC04.block(`公文要素不全：缺少${missing.join('、')}`));
  if (d.category === 'joint' && !d.counterpartSignerLevel) out.push(DOC11.block('会签文、联合发文须登记对方签发人为正职还是副职，以按对等原则确定签发人'));
  if (minSignBy && d.urgency === '非紧急' && d.requestedSignBy && d.requestedSignBy < minSignBy) {
    out.push(DOC13.warn(`非紧急公文应为领导审签预留至少${DOC13.param('minWorkingDays')}个工作日：要求签发日期 ${d.requestedSignBy} 早于 ${minSignBy}`));
  }
  return out;
}
