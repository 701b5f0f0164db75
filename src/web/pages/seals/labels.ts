/** Labels shared by the seal pages (mirrors src/domains/seals/rules.ts and ledger.ts). */
export const SEAL_KIND: Record<string, string> = { party: '党组章', official: '公章', finance: '财务章', legal: '法人章', section: '科室公章', business: '业务专用章' };
export const SEAL_STATUS: Record<string, string> = { active: '在用', stopped: '停用', sealed_up: '封存', destroyed: '销毁' };
export const CATEGORY: Record<string, string> = {
  signed: 'A 办领导已签发的材料',
  unsigned: 'B 未经签发的重要材料（办领导签字同意）',
  routine: 'C 科室日常业务材料（分管领导同意、科室负责人审核）',
  memo: 'H 便函（科室负责人签字、分管领导批准）',
  personal: 'D 个人事项（综合科负责人签字同意）',
  gongwen: 'G 公文（科室复核、分管领导批准）',
};
export const USE_STATUS: Record<string, string> = { pending: '审批中', approved: '已批准待用印', emergency: '紧急先用（待补办）', stamped: '已用印', refused: '拒绝用印', rejected: '未批准', withdrawn: '已撤回' };
export const DEFECTS: Record<string, string> = { scrawled: '字迹潦草', altered: '有明显涂改痕迹', unclear: '表达不清', signer_unclear: '落款单位不明' };
export const TAKEOUT_STATUS: Record<string, string> = { pending: '审批中', approved: '已同意待交付', out: '外带中', returned: '已交回', rejected: '未同意', withdrawn: '已撤回' };

export interface Seal { id: string; name: string; kind: string; ownerUnitName: string | null; usageScope: string | null; keeperName: string; tempKeeperName: string | null; status: string; custody: string; stopReason: string | null }
export interface UseRow { id: string; entryNo: string; sealName: string; applicantName: string; unitName: string | null; category: string; documentTitle: string; copies: number; blankPage: boolean;
  status: string; flowInstanceId: string | null; emergencyReason: string | null; paperworkDue: string | null; stampedByName: string | null; stampedAt: string | null; refusalDefects: string[] | null; createdAt: string }
