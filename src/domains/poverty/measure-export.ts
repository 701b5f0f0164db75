import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { errors } from '../../kernel/errors';
import { chineseDate, renderFormPdf, type XlsxColumn } from '../../kernel/render';
import { HAZARD_LABEL, type Hazard } from './measure-rules';
import type { MeasureRow, SectorActionRow } from './measures';
import { assertHouseholdInScope } from './scope';

/** Chinese labels of the measure types (B-poverty.md 4.3, 四（三）1–7). */
export const MEASURE_TYPE_LABEL: Record<string, string> = {
  INDUSTRY: '产业帮扶', EMPLOYMENT: '就业帮扶', PUBLIC_WELFARE_POST: '公益岗位', RURAL_PROJECT_PARTICIPATION: '参与农村项目建设',
  SECTOR_POLICY_FOR_GUARANTEES: '行业部门落实“两不愁三保障”政策', STABLE_SUBSIDY_CHECK: '稳定补贴收入摸排', SOCIAL_SECURITY: '综合性社会保障',
  HEALTH_DISABILITY_DISASTER_POLICY: '健康扶贫、残疾人和灾害扶持政策', TEMPORARY_ASSISTANCE: '临时救助', INCENTIVE: '物质奖励和精神激励',
  SUPPORT_OBLIGATION: '赡养义务落实', MAJOR_DISASTER_RELIEF: '重大变故救助', INSURANCE_PURCHASE: '购买保险', SOCIAL_RESOURCES: '社会帮扶资源',
};
const STATUS_LABEL: Record<string, string> = { active: '实施中', done: '已办结', stopped: '已停止', open: '待落实', measure_recorded: '已落实措施', resolved: '问题已解决' };
const SUBSIDY_STATE: Record<string, string> = { paid: '已发放', not_paid: '未发放', not_applicable: '不适用' };
const SUPPORT_STEP: Record<string, string> = { publicity: '宣传赡养义务', refusal: '拒不履行', agreement: '三方赡养协议', litigation: '公益诉讼', mobile_court: '流动法庭' };
const RELIEF: Record<string, string> = { civil_affairs: '民政救助', donation: '社会捐助', paired_department: '包保部门帮助', relatives: '亲友帮助', one_case: '“一事一议”专项救助' };

/** The type-specific content in one line, for the ledger. */
export function detailText(type: string, d: Record<string, unknown>): string {
  if (type === 'SOCIAL_SECURITY') return String(d.item ?? '');
  if (type === 'SECTOR_POLICY_FOR_GUARANTEES') return `${d.sector ?? ''}：${HAZARD_LABEL[d.hazard as Hazard] ?? ''}`;
  if (type === 'STABLE_SUBSIDY_CHECK') {
    const items = (d.items ?? {}) as Record<string, string>;
    return `${d.checkKind === 'periodic' ? '定期' : '不定期'}摸排；${Object.entries(items).filter(([, v]) => v !== 'not_applicable').map(([k, v]) => `${k}${SUBSIDY_STATE[v] ?? v}`).join('、')}`;
  }
  if (type === 'SUPPORT_OBLIGATION') return `${SUPPORT_STEP[String(d.step)] ?? ''}（赡养人：${d.supporterName ?? ''}）`;
  if (type === 'MAJOR_DISASTER_RELIEF') return `${RELIEF[String(d.reliefKind)] ?? ''}${d.decisionRef ? `（${d.decisionRef}）` : ''}`;
  return '';
}

export const measureColumns: XlsxColumn<MeasureRow>[] = [
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '村', value: (r) => r.villageName },
  { header: '户主', value: (r) => r.householderName },
  { header: '措施类型', value: (r) => MEASURE_TYPE_LABEL[r.type] ?? r.type, width: 24 },
  { header: '措施内容', value: (r) => r.description, width: 40 },
  { header: '具体事项', value: (r) => detailText(r.type, r.detail), width: 40 },
  { header: '责任单位', value: (r) => r.responsibleBody },
  { header: '开始日期', value: (r) => r.startDate, width: 12 },
  { header: '金额（元）', value: (r) => (r.amountFen === null ? null : r.amountFen / 100), numFmt: '#,##0.00' },
  { header: '状态', value: (r) => STATUS_LABEL[r.status] ?? r.status },
  { header: '登记人', value: (r) => r.recordedByName },
];

export const sectorActionColumns: XlsxColumn<SectorActionRow>[] = [
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '村', value: (r) => r.villageName },
  { header: '户主', value: (r) => r.householderName },
  { header: '问题', value: (r) => HAZARD_LABEL[r.hazard as Hazard] ?? r.hazard },
  { header: '行业部门', value: (r) => r.sector },
  { header: '登记日期', value: (r) => r.openedOn, width: 12 },
  { header: '落实期限', value: (r) => r.dueOn, width: 12 },
  { header: '状态', value: (r) => (r.overdue ? '逾期未落实' : STATUS_LABEL[r.status] ?? r.status) },
  { header: '落实措施', value: (r) => r.measure, width: 40 },
  { header: '解决日期', value: (r) => r.resolvedOn, width: 12 },
  { header: '解决情况', value: (r) => r.result, width: 40 },
];

/** 三方赡养协议 (MON-21, 四（三）5): the paper the supporter, the supported person and the village committee sign. */
export async function supportAgreementPdf(ctx: Ctx, measureId: string): Promise<{ pdf: Buffer | Uint8Array; fileName: string; householdId: string }> {
  const [m] = await rows<{ household_id: string; code: string; village: string; township: string; detail: Record<string, string>; description: string; start_date: string; person: string | null }>(
    ctx.db,
    sql`select s.household_id, h.code, v.name as village, t.name as township, s.detail, s.description, s.start_date::text, p.name as person
      from poverty_measures s join poverty_households h on h.id = s.household_id join poverty_regions v on v.code = h.village_code join poverty_regions t on t.code = h.township_code
      left join poverty_persons p on p.id = s.detail->>'supportedPersonId'
      where s.id = ${measureId} and s.type = 'SUPPORT_OBLIGATION' and s.detail->>'step' = 'agreement'`,
  );
  if (!m) throw errors.notFound('三方赡养协议');
  await assertHouseholdInScope(ctx, m.household_id);
  const d = m.detail;
  const pdf = await renderFormPdf({
    title: '三方赡养协议',
    subtitle: `${m.township}${m.village}　户编号 ${m.code}`,
    rows: [
      { kind: 'fields', cells: [{ label: '赡养人（甲方）', value: d.supporterName ?? '' }, { label: '与被赡养人关系', value: d.supporterRelation ?? '' }] },
      { kind: 'fields', cells: [{ label: '被赡养人（乙方）', value: m.person ?? '' }, { label: '监督方（丙方）', value: d.villageCommittee ?? '' }] },
      { kind: 'text', label: '赡养义务内容', value: m.description, minHeight: 120 },
      { kind: 'text', label: '履行方式与监督', value: d.terms ?? '甲方按月履行赡养义务，丙方监督履行情况并定期回访。', minHeight: 60 },
      { kind: 'signature', label: '甲方（赡养人）签字', opinion: '', signer: '', date: '' },
      { kind: 'signature', label: '乙方（被赡养人）签字', opinion: '', signer: '', date: '' },
      { kind: 'signature', label: '丙方（村委会）盖章', opinion: '', signer: '', date: chineseDate(d.signedOn ?? m.start_date) },
    ],
    notes: ['依据《白城市建立防止返贫监测和帮扶机制实施细则》四（三）5：对拒不履行赡养义务的，可签订赡养人、被赡养人和村委会监督的三方赡养协议（MON-21）。'],
  });
  return { pdf, fileName: `三方赡养协议-${m.code}.pdf`, householdId: m.household_id };
}
