import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * 印章使用管理制度 (SEAL-01…14, SEAL-16) and 公文运转管理制度 第十三条 (SEAL-15), ids and readings
 * from ../shared/spec/E-documents.md §6 and CONFLICTS.md CONF-126.
 */
const SEAL = '印章使用管理制度';
const DOCF = '公文运转管理制度';

export const SEAL01 = defineRule({ id: 'SEAL-01', cite: `《${SEAL}》二.1`, regulation: SEAL, enforcement: 'enforce',
  text: '印章使用遵循“先审批，后用印”的原则；凡使用印章，经办人应请示领导同意并填写《印章使用登记表》。' });
export const SEAL02 = defineRule({ id: 'SEAL-02', cite: `《${SEAL}》二.2`, regulation: SEAL, enforcement: 'enforce',
  text: '办领导已签发的文件、信函、合同、项目协议、授权书、承诺书等，经办人出示领导签字并登记后可直接用章；未经签发的须由办领导签字同意后方可用章。' });
export const SEAL03 = defineRule({ id: 'SEAL-03', cite: `《${SEAL}》二.3`, regulation: SEAL, enforcement: 'enforce',
  text: '各科室日常性报送材料、程序性文件、联系单、介绍信、便函及证明材料，经分管领导同意、由科室负责人审核签字后方可用章。' });
export const SEAL04 = defineRule({ id: 'SEAL-04', cite: `《${SEAL}》二.4`, regulation: SEAL, enforcement: 'enforce',
  text: '凡涉及个人事项（贷款、担保、落户口等）需加盖公章的材料，由综合科负责人签字同意后方可用章。',
  params: { hubUnitCode: { value: 'zonghe', label: '综合科的机构代码', demo: true } } });
export const SEAL05 = defineRule({ id: 'SEAL-05', cite: `《${SEAL}》二.5`, regulation: SEAL, enforcement: 'enforce',
  text: '行文不规范（字迹潦草、有明显涂改痕迹、表达不清、落款单位不明）的文档，拒绝加盖印章，拒绝及其理由予以登记。' });
export const SEAL06 = defineRule({ id: 'SEAL-06', cite: `《${SEAL}》二.6`, regulation: SEAL, enforcement: 'enforce',
  text: '单位印章一律不得在空白页面（空白纸张、表格、合同、协议、证明等）上使用；特殊情况须提出书面申请，经主要领导签字同意后方可用章。' });
export const SEAL07 = defineRule({ id: 'SEAL-07', cite: `《${SEAL}》二.7`, regulation: SEAL, enforcement: 'enforce',
  text: '印章原则上在综合科使用，禁止带出本单位；特殊需要须经综合科负责人签字同意后方可带出，借用人只可将印章用于申请事由。' });
export const SEAL08 = defineRule({ id: 'SEAL-08', cite: `《${SEAL}》二.8`, regulation: SEAL, enforcement: 'enforce',
  text: '印章管理人员须严格用印把关，对不符合规定的，不予用章。' });
export const SEAL09 = defineRule({ id: 'SEAL-09', cite: `《${SEAL}》二.8`, regulation: SEAL, enforcement: 'enforce',
  text: '特殊情况急需使用公章的，由使用人注明事由并向分管领导汇报同意后先行用章，事后及时补办手续。',
  params: {
    // GAP-E25 / CONFLICTS.md §9 sealEmergencyPaperworkDeadline: the end of the next working day.
    paperworkWorkingDays: { value: 1, label: '紧急用章补办手续期限', unit: '个工作日', demo: true },
  } });
export const SEAL10 = defineRule({ id: 'SEAL-10', cite: `《${SEAL}》二.8`, regulation: SEAL, enforcement: 'record',
  text: '凡未经批准违反本制度擅用印章的，将给予当事人严肃处理（登记违规用印）。' });
export const SEAL11 = defineRule({ id: 'SEAL-11', cite: `《${SEAL}》二.9`, regulation: SEAL, enforcement: 'enforce',
  text: '单位名称变动、公章使用损坏、公章遗失或被盗（声明作废）的，公章必须停用；停用的公章由综合科统一封存或送相关部门销毁，不得私自处理。' });
export const SEAL12 = defineRule({ id: 'SEAL-12', cite: `《${SEAL}》三.1`, regulation: SEAL, enforcement: 'enforce',
  text: '印章由专人负责管理；保管人员出差、请休假的，须事前报告相关领导指定其他人暂时代管印章。' });
export const SEAL13 = defineRule({ id: 'SEAL-13', cite: `《${SEAL}》三.2`, regulation: SEAL, enforcement: 'enforce',
  text: '印章丢失的，要迅速报告办领导，按规定办理遗失声明，并报有关部门备案。' });
export const SEAL14 = defineRule({ id: 'SEAL-14', cite: `《${SEAL}》三.3`, regulation: SEAL, enforcement: 'enforce',
  text: '原有印章损坏或因工作需要新增印章的，相关处室提出申请，报分管领导签字同意后，交由综合科统一更换或制作。' });
export const SEAL15 = defineRule({ id: 'SEAL-15', cite: `《${DOCF}》第十三条`, regulation: DOCF, enforcement: 'enforce',
  text: '各科室对公文进行复核无误后，请示办主要领导或分管领导批准后加盖印章；便函需要加盖印章的，需请示主要领导或分管领导批准。' });
export const SEAL16 = defineRule({ id: 'SEAL-16', cite: `《${SEAL}》一.1`, regulation: SEAL, enforcement: 'warn',
  text: '办机关各科室的公章及业务专用章由各科室负责人明确使用范围及要求；超出范围使用的予以提示。' });

export type SealKind = 'party' | 'official' | 'finance' | 'legal' | 'section' | 'business';
export const SEAL_KIND_LABEL: Record<SealKind, string> = { party: '党组章', official: '公章', finance: '财务章', legal: '法人章', section: '科室公章', business: '业务专用章' };

/** The material kinds of §6.2; the kind decides who must approve (CONF-126, GAP-E24). */
export type UseCategory = 'signed' | 'unsigned' | 'routine' | 'memo' | 'personal' | 'gongwen';
export const CATEGORY_LABEL: Record<UseCategory, string> = {
  signed: 'A 办领导已签发的材料',
  unsigned: 'B 未经签发的重要材料（办领导签字同意）',
  routine: 'C 科室日常业务材料（分管领导同意、科室负责人审核）',
  memo: 'H 便函（科室负责人签字、分管领导批准）',
  personal: 'D 个人事项（综合科负责人签字同意）',
  gongwen: 'G 公文（科室复核、分管领导批准）',
};
export const CATEGORIES = Object.keys(CATEGORY_LABEL) as UseCategory[];

/** SEAL-05: the four defects the keeper may flag. */
export const DEFECTS = { scrawled: '字迹潦草', altered: '有明显涂改痕迹', unclear: '表达不清', signer_unclear: '落款单位不明' } as const;
export type Defect = keyof typeof DEFECTS;

export interface SealState { id: string; name: string; kind: string; status: string; custody: string; ownerUnitId: string | null; usageScope: string | null }

/** SEAL-11: a stopped, sealed-up or destroyed seal takes no new use. */
export function checkSealUsable(seal: SealState): Verdict {
  if (seal.status !== 'active') return SEAL11.block(`“${seal.name}”已${seal.status === 'stopped' ? '停用' : seal.status === 'sealed_up' ? '封存' : '销毁'}，不得再登记用印`);
  return SEAL11.ok();
}

export interface UseRequest {
  category: UseCategory;
  blankPage: boolean;
  blankApplication?: string;
  signedByIsLeader?: boolean;
  signedEvidence?: string;
  reviewedOk?: boolean;
  emergency?: { reason: string; consentIsLeaderInCharge: boolean; sealKind: string } | null;
  applicantUnitId: string | null;
  scopeConfirmed?: boolean;
}

/** The submission checks of a use request (pure): SEAL-02, SEAL-06, SEAL-09, SEAL-15, SEAL-16. */
export function checkUseRequest(seal: SealState, r: UseRequest): Verdict[] {
  const v: Verdict[] = [checkSealUsable(seal)];
  if (r.category === 'signed') {
    if (!r.signedByIsLeader) v.push(SEAL02.block('“办领导已签发”须登记签发的办领导，且其于今日在任领导职务'));
    else if (!r.signedEvidence?.trim()) v.push(SEAL02.block('“办领导已签发”须出示领导签字（登记签发件的扫描件或档案号）'));
    else v.push(SEAL02.ok());
  }
  if (r.blankPage && !r.blankApplication?.trim()) v.push(SEAL06.block('印章一律不得在空白页面上使用；特殊情况须提出书面申请并经主要领导签字同意'));
  if (r.category === 'gongwen' && !r.reviewedOk) v.push(SEAL15.block('公文加盖印章前，须由科室复核无误'));
  if (r.emergency) {
    if (r.emergency.sealKind !== 'official') v.push(SEAL09.block('紧急先行用章只适用于公章'));
    else if (!r.emergency.reason.trim()) v.push(SEAL09.block('紧急用章须注明事由'));
    else if (!r.emergency.consentIsLeaderInCharge) v.push(SEAL09.block('紧急用章须向本科室的分管领导汇报并取得同意'));
    else if (r.category === 'signed') v.push(SEAL09.block('已签发的材料可直接用章，无须走紧急程序'));
  }
  if ((seal.kind === 'section' || seal.kind === 'business') && (seal.ownerUnitId !== r.applicantUnitId || !r.scopeConfirmed)) {
    v.push(SEAL16.warn(`“${seal.name}”的使用范围为：${seal.usageScope ?? '（科室负责人未明确）'}；本次用印可能超出该范围`));
  }
  return v;
}

/** SEAL-05: the keeper's refusal needs at least one of the four defects. */
export function checkRefusal(defects: string[]): Verdict {
  const bad = defects.filter((d) => !(d in DEFECTS));
  if (defects.length === 0 || bad.length) return SEAL05.block('拒绝用印须注明行文不规范的情形（字迹潦草、有明显涂改痕迹、表达不清、落款单位不明）');
  return SEAL05.ok();
}
