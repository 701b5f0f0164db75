import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * 财务管理制度 五 (固定资产管理, ASSET-01…11) and 六 (工会经费管理, UNION-01…04), ids of
 * ../shared/spec/D-finance.md §2.6.8–2.6.9; choices of CONFLICTS.md CONF-55, CONF-56, CONF-57.
 * Checks and computations are pure; money is integer fen.
 */
const FMS = '财务管理制度';
const c = (art: string) => `《${FMS}》${art}`;

export const ASSET01 = defineRule({ id: 'ASSET-01', cite: c('五（一）'), regulation: FMS, enforcement: 'enforce',
  text: '综合科是固定资产管理部门，需配备兼职的固定资产管理人员，并按固定资产使用部门建立台账。',
  params: { hubUnitCode: { value: 'zonghe', label: '综合科的机构代码', demo: true } } });
export const ASSET02 = defineRule({ id: 'ASSET-02', cite: c('五（一）'), regulation: FMS, enforcement: 'enforce',
  text: '财务科是固定资产的财务核算部门，应建立固定资产明细账和固定资产登记卡片；登记卡片和明细账建立前资产不得领发。' });
// Reading (CONF-55): 定期 = quarterly; discrepancies must be explained before the record closes.
export const ASSET03 = defineRule({ id: 'ASSET-03', cite: c('五（一）'), regulation: FMS, enforcement: 'enforce',
  text: '综合科与财务科应定期对账，做到账账相符、账卡相符、账实相符；有差异的须说明原因后方可结束对账。',
  params: { frequency: { value: 'QUARTERLY', label: '对账频率', demo: true } } });
export const ASSET04 = defineRule({ id: 'ASSET-04', cite: c('五（一）'), regulation: FMS, enforcement: 'remind',
  text: '机关每年要对固定资产进行一次盘点（12月31日前完成，11月1日起提醒）。',
  params: { dueMonthDay: { value: '12-31', label: '年度盘点截止日', demo: true }, remindFromMonthDay: { value: '11-01', label: '开始提醒日', demo: true } } });
export const ASSET05 = defineRule({ id: 'ASSET-05', cite: c('五（二）'), regulation: FMS, enforcement: 'record',
  text: '固定资产管理部门要严格执行固定资产验收、领发、保管、调拨、登记、检查和维修制度，做到底数清、情况明。' });
// Reading (CONF-56): 私自 = without authority; equipment may be lent only with an office leader's
// permission, processed by 综合科; vehicles are never lent (CAR-22).
export const ASSET06 = defineRule({ id: 'ASSET-06', cite: c('五（三）'), regulation: FMS, enforcement: 'enforce',
  text: '固定资产使用单位或个人，不得以任何借口私自出借固定资产（包括车辆）；办公设备经单位领导许可并由综合科办理方可出借，车辆一律不得出借。' });
export const ASSET07 = defineRule({ id: 'ASSET-07', cite: c('五（三）'), regulation: FMS, enforcement: 'enforce',
  text: '固定资产使用人或责任人调离原岗位时，须交还原配发公物，否则不予办理调离手续。' });
export const ASSET08 = defineRule({ id: 'ASSET-08', cite: c('五（四）'), regulation: FMS, enforcement: 'enforce',
  text: '固定资产由综合科统一调拨，资产使用部门之间不得自行调换固定资产。' });
export const ASSET09 = defineRule({ id: 'ASSET-09', cite: c('五（五）'), regulation: FMS, enforcement: 'enforce',
  text: '各部门接受捐赠、无偿调入固定资产等，要及时到财务科和综合科登记，并办理相关手续；两处登记完成前不得领发使用。',
  params: { registrationWorkingDays: { value: 5, label: '“及时”登记期限', unit: '个工作日', demo: true } } });
// Reading (CONF-55, GAP-D-FMS16): approvers 综合科科长 → 分管副主任 (the deputy supervising 综合科).
// Reading (issue #7; PG-S6 党组议事规则一（六）"大额资产处置", SZYD-05 三重一大四（三）): a disposal at
// or above the large line needs the linked 党组 decision before anyone approves it — stricter than
// CONF-55's warning. The line is CONF-02's 2万元 (the source gives no figure for 大额资产), a demo value.
export const ASSET10 = defineRule({ id: 'ASSET-10', cite: c('五（五）'), regulation: FMS, enforcement: 'enforce',
  text: '未经批准不得擅自处置固定资产（报损、报废、变卖须经综合科科长、分管副主任审批）；大额资产处置须先经办党组集体研究决定（党组议事规则一（六）、“三重一大”四（三）），审批时关联该决定。',
  params: { collectiveThresholdFen: { value: 2_000_000, label: '大额资产处置（须关联党组决定）的账面价值下限（CONF-02）', unit: '分', demo: true } } });
export const ASSET11 = defineRule({ id: 'ASSET-11', cite: c('五（六）'), regulation: FMS, enforcement: 'enforce',
  text: '经批准报损、报废、变卖的固定资产，残值变价收入一律上交市财政，严禁将其作为“小金库”或挪做他用。' });

// Reading (CONF-57): rates from the source; rounding half up to the fen in integer arithmetic.
export const UNION01 = defineRule({ id: 'UNION-01', cite: c('六（一）1'), regulation: FMS, enforcement: 'compute',
  text: '会费收入是指工会会员依照全国总工会规定按本人工资收入的5‰向所在基层工会缴纳的会费（按分四舍五入）。',
  params: { duesPerMille: { value: 5, label: '会费比例', unit: '‰' }, salaryBase: { value: '基本工资（岗位工资 + 薪级工资）', label: '工资收入的口径', demo: true } } });
export const UNION02 = defineRule({ id: 'UNION-02', cite: c('六（一）2'), regulation: FMS, enforcement: 'compute',
  text: '拨缴经费收入是指建立工会组织的单位按全部职工工资总额2%依法向工会拨缴的经费中的留成部分。',
  params: { allocationPercent: { value: 2, label: '拨缴比例', unit: '%' }, retainedPercent: { value: 60, label: '留成比例', unit: '%', demo: true } } });
export const UNION_INCOME = { dues: '会费收入', allocation: '拨缴经费收入', higher_subsidy: '上级工会补助收入', admin_subsidy: '行政补助收入', undertaking: '事业收入' } as const;
export const UNION_EXPENSE = { activities: '职工活动支出', rights: '维权支出', operations: '业务支出', capital: '资本性支出', undertaking: '事业支出', other: '其他支出' } as const;
export const UNION03 = defineRule({ id: 'UNION-03', cite: c('六（一）'), regulation: FMS, enforcement: 'enforce',
  text: `基层工会经费收入包括：${Object.values(UNION_INCOME).join('、')}。` });
export const UNION04 = defineRule({ id: 'UNION-04', cite: c('六（二）'), regulation: FMS, enforcement: 'enforce',
  text: `基层工会经费支出范围包括：${Object.values(UNION_EXPENSE).join('、')}；各项支出标准按照（吉会办字【2018】7号）文件执行。`,
  params: { standards: { value: { '节日慰问（每人每节）': 50_000, '全年节日慰问合计（每人）': 180_000 } as Record<string, number>, label: '开支标准（吉会办字【2018】7号，每人，分）', demo: true } } });

// ---------------------------------------------------------------- computations

/** Half-up division of non-negative integers, exact (no binary floating point). */
export function divHalfUp(numerator: number, denominator: number): number {
  const n = BigInt(Math.round(numerator));
  const d = BigInt(denominator);
  return Number((n * 2n + d) / (d * 2n));
}

/** UNION-01: dues = salary × 5‰, half up to the fen. 432,100 fen → 2,161 fen. */
export function unionDuesFen(salaryFen: number): number {
  return divHalfUp(salaryFen * (UNION01.param('duesPerMille') as number), 1000);
}

/** UNION-02: gross = payroll × 2%; retained = gross × the retained share, each half up to the fen. */
export function unionAllocation(payrollFen: number): { grossFen: number; retainedFen: number } {
  const grossFen = divHalfUp(payrollFen * (UNION02.param('allocationPercent') as number), 100);
  const retained = UNION02.param('retainedPercent') as number | null;
  if (retained == null) throw new Error('UNION-02: 留成比例未设置');
  return { grossFen, retainedFen: divHalfUp(grossFen * retained, 100) };
}

export function checkIncomeCategory(category: string): Verdict[] {
  return category in UNION_INCOME ? [UNION03.ok()] : [UNION03.block(`工会经费收入类别“${category}”不在规定的五类之内（${Object.values(UNION_INCOME).join('、')}）`)];
}

/** UNION-04: one of the six categories, and within the standard per person (per item and per year). */
export function checkExpense(e: { category: string; amountFen: number; standardItem?: string | null; persons?: number | null }, yearToDatePerPersonFen = 0): Verdict[] {
  if (!(e.category in UNION_EXPENSE)) return [UNION04.block(`工会经费支出类别“${e.category}”不在规定的六类支出范围之内`)];
  if (!e.standardItem) return [UNION04.ok()];
  const standards = UNION04.param('standards') as Record<string, number>;
  const cap = standards[e.standardItem];
  if (cap === undefined) return [UNION04.block(`开支标准“${e.standardItem}”未在吉会办字【2018】7号标准中设置`)];
  const persons = e.persons ?? 0;
  if (persons < 1) return [UNION04.block('按人计的开支须填写人数')];
  if (e.amountFen > cap * persons) return [UNION04.block(`${e.standardItem}标准为每人 ${(cap / 100).toFixed(2)} 元，本次每人 ${(e.amountFen / persons / 100).toFixed(2)} 元，超过标准`)];
  const annual = standards['全年节日慰问合计（每人）'];
  if (annual !== undefined && e.standardItem.startsWith('节日慰问') && yearToDatePerPersonFen + e.amountFen / persons > annual) {
    return [UNION04.block(`全年节日慰问每人合计不超过 ${(annual / 100).toFixed(2)} 元，本次后将达 ${((yearToDatePerPersonFen + e.amountFen / persons) / 100).toFixed(2)} 元`)];
  }
  return [UNION04.ok()];
}

/** ASSET-03: closing a reconciliation with any mismatch needs an explanation. */
export function checkReconciliationClose(checks: { ledgerVsAccount: boolean; ledgerVsCards: boolean; ledgerVsPhysical: boolean }, explanation: string | null): Verdict[] {
  const bad = [!checks.ledgerVsAccount && '账账不符', !checks.ledgerVsCards && '账卡不符', !checks.ledgerVsPhysical && '账实不符'].filter(Boolean);
  if (bad.length && !explanation?.trim()) return [ASSET03.block(`对账存在差异（${bad.join('、')}），须说明原因后方可结束对账`)];
  return [ASSET03.ok()];
}

/** ASSET-02 / ASSET-09: an asset is issued only once both registrations exist. */
export function checkIssuable(a: { source: string; ledgerRegistered: boolean; cardRegistered: boolean }): Verdict[] {
  if (a.ledgerRegistered && a.cardRegistered) return [ASSET02.ok(), ASSET09.ok()];
  const missing = [!a.ledgerRegistered && '综合科台账', !a.cardRegistered && '财务科登记卡片和明细账'].filter(Boolean).join('、');
  return [(a.source === 'purchase' ? ASSET02 : ASSET09).block(`资产尚未在${missing}登记，不得领发使用`)];
}
