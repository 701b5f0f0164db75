import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * 白城市建立防止返贫监测和帮扶机制实施细则 (B-poverty.md §4, MON-xx). Checks are pure;
 * the SQL of the set-wise reclassification (reclassify.ts) mirrors `suggestLevel` and a test
 * holds the two equal.
 */
const REG = '白城市建立防止返贫监测和帮扶机制实施细则';

export const MON01 = defineRule({ id: 'MON-01', cite: '防返贫细则 二', regulation: REG, enforcement: 'enforce', text: '监测以户为单位：不稳定户须为已脱贫的建档立卡户，边缘户须为非建档立卡户。' });
export const MON02 = defineRule({ id: 'MON-02', cite: '防返贫细则 二（一）至（四）', regulation: REG, enforcement: 'enforce', text: '纳入监测须至少符合一项监测条件（收入、刚性支出、三保障及饮水安全隐患、重大事故灾害），并记录依据。' });
export const MON03 = defineRule({
  id: 'MON-03',
  cite: '防返贫细则 二（一）',
  regulation: REG,
  enforcement: 'compute',
  text: '人均可支配收入低于国家扶贫标准1.5倍左右的，标记符合收入条件；“左右”范围内提示人工判断；不自动纳入。',
  params: {
    nationalPovertyStandard: { value: { '2019': 400000, '2020': 400000, '2021': 400000, '2022': 400000, '2023': 400000, '2024': 400000, '2025': 400000, '2026': 400000 } as Record<string, number>, label: '国家扶贫标准（按年，分/人·年）', unit: '分', demo: true },
    multiplier: { value: 1.5, label: '收入监测线倍数', unit: '倍' },
    monIncomeTolerance: { value: 0.05 as number | null, label: '“1.5倍左右”容差（监测线的比例）', demo: true },
  },
});
export const MON04 = defineRule({
  id: 'MON-04',
  cite: '防返贫细则 二（二）',
  regulation: REG,
  enforcement: 'compute',
  text: '因病因残因灾等刚性支出明显超过上年度收入、或收入大幅缩减的，系统给出提示，由人工认定。',
  params: { monIncomeDropShare: { value: 0.3 as number | null, label: '收入大幅缩减提示比例', demo: true } },
});
export const MON05 = defineRule({ id: 'MON-05', cite: '防返贫细则 二（三）、二（四）', regulation: REG, enforcement: 'record', text: '义务教育、基本医疗、住房安全、饮水安全存在隐患，或遭遇重大事故、重大灾害的，记录为符合条件。' });
export const MON06 = defineRule({
  id: 'MON-06',
  cite: '防返贫细则 二',
  regulation: REG,
  enforcement: 'warn',
  text: '监测对象规模原则上控制在建档立卡人口的5%左右，深度贫困县原则上不超过10%；超出时提示，不阻止。',
  params: {
    targetShare: { value: 5, label: '一般县监测规模', unit: '%' },
    deepCeiling: { value: 10, label: '深度贫困县上限', unit: '%' },
    monScaleTolerance: { value: 1 as number | null, label: '“5%左右”容差', unit: '百分点', demo: true },
  },
});
export const MON07 = defineRule({ id: 'MON-07', cite: '防返贫细则 三（一）', regulation: REG, enforcement: 'enforce', text: '纳入监测须记录唯一的识别渠道（农户申报、入户排查、部门筛查、数据比对、第三方调查）及核实情况。' });
export const MON08 = defineRule({ id: 'MON-08', cite: '防返贫细则 三（一）1', regulation: REG, enforcement: 'enforce', text: '农户申报的，经驻村工作队、包村干部和村两委核实确认，县扶贫办审核确认后方可纳入。' });
export const MON09 = defineRule({ id: 'MON-09', cite: '防返贫细则 三（一）3', regulation: REG, enforcement: 'enforce', text: '行业部门筛查的，须注明所列行业部门（或“其他”并写明名称），报县级扶贫部门纳入。' });
export const MON10 = defineRule({ id: 'MON-10', cite: '防返贫细则 三（一）4、5', regulation: REG, enforcement: 'enforce', text: '数据比对、第三方调查发现的，须先核实确认后方可纳入。' });
export const MON14 = defineRule({ id: 'MON-14', cite: '防返贫细则 四（二）', regulation: REG, enforcement: 'enforce', text: '确认纳入的监测户须有且仅有一个预警等级：红色、黄色或蓝色。' });
export const MON15 = defineRule({ id: 'MON-15', cite: '防返贫细则 四（二）1', regulation: REG, enforcement: 'warn', text: '红色预警户：濒临返贫致贫户，含完全丧失劳动能力的特困户，以及预计人均可支配收入低于国家扶贫标准1.5倍左右或“两不愁三保障”无法有效保障的农户。' });
export const MON16 = defineRule({ id: 'MON-16', cite: '防返贫细则 四（二）2', regulation: REG, enforcement: 'record', text: '黄色预警户：极易返贫致贫户，无劳动力、无收入来源，仅靠资金扶持、产业分红、金融扶贫等维持。' });
export const MON17 = defineRule({ id: 'MON-17', cite: '防返贫细则 四（二）3', regulation: REG, enforcement: 'record', text: '蓝色预警户：容易返贫致贫户，因病因残等部分丧失劳动能力、收入来源不稳定，主要依靠产业项目和结对帮扶。' });
export const MON24 = defineRule({ id: 'MON-24', cite: '防返贫细则 三（二）2', regulation: REG, enforcement: 'enforce', text: '年人均纯收入稳定超过现行扶贫标准，且义务教育、基本医疗、住房安全和饮水安全均达标的，方可退出监测。' });

export type Level = 'RED' | 'YELLOW' | 'BLUE';
export const LEVEL_RANK: Record<Level, number> = { RED: 3, YELLOW: 2, BLUE: 1 };
export const CHANNELS = ['HOUSEHOLD_APPLICATION', 'HOUSEHOLD_VISIT', 'SECTOR_SCREENING', 'DATA_COMPARISON', 'THIRD_PARTY_SURVEY'] as const;
export const SECTORS = ['住建', '卫健', '医保', '教育', '水利', '民政', '农业农村', '应急管理', '残联', '其他'] as const;
/** Bodies that verify a household application before the county confirms (MON-08). */
export const APPLICATION_VERIFIERS = ['驻村工作队', '包村干部', '村两委'] as const;
export const WORKING_CAPACITIES = ['full', 'skilled', 'weak'] as const;

/** The poverty standard of a year, in fen, or null when the office has not set it (CONF-99). */
export function povertyStandard(year: number): number | null {
  const table = MON03.param('nationalPovertyStandard');
  const v = table[String(year)];
  return typeof v === 'number' ? v : null;
}

export type C1Status = 'met' | 'near' | 'not_met' | 'unknown';

/** MON-03: disposable income per head against 1.5 × S, with the "左右" band above it. Integer fen throughout. */
export function checkIncomeC1(incomeFen: number | null, standardFen: number | null): { status: C1Status; thresholdFen?: number; ratio?: number } {
  if (incomeFen === null || standardFen === null) return { status: 'unknown' };
  const threshold = Math.round(standardFen * MON03.param('multiplier'));
  const ratio = Math.round((incomeFen / standardFen) * 1000) / 1000;
  if (incomeFen < threshold) return { status: 'met', thresholdFen: threshold, ratio };
  const tol = MON03.param('monIncomeTolerance');
  if (tol !== null && incomeFen <= Math.round(threshold * (1 + tol))) return { status: 'near', thresholdFen: threshold, ratio };
  return { status: 'not_met', thresholdFen: threshold, ratio };
}

export function c1Verdict(incomeFen: number | null, standardFen: number | null): Verdict {
  const r = checkIncomeC1(incomeFen, standardFen);
  if (r.status === 'met') return MON03.warn(`人均可支配收入低于国家扶贫标准的1.5倍（${r.ratio}倍），符合收入监测条件，是否纳入须按识别程序确认`, r);
  if (r.status === 'near') return MON03.warn('人均可支配收入在“1.5倍左右”范围内，请人工判断', r);
  return MON03.ok();
}

/** MON-04: hints only (E − Y0 and Y1/Y0); "明显/大幅" is a person's judgement (CONF-100). */
export function expenditureHint(rigidFen: number | null, lastYearIncomeFen: number | null, currentIncomeFen: number | null): { expenditureExceeds: boolean; incomeDropped: boolean; excessFen: number | null } {
  const excess = rigidFen !== null && lastYearIncomeFen !== null ? rigidFen - lastYearIncomeFen : null;
  const share = MON04.param('monIncomeDropShare');
  const dropped = share !== null && lastYearIncomeFen !== null && currentIncomeFen !== null && lastYearIncomeFen > 0 && currentIncomeFen < lastYearIncomeFen * (1 - share);
  return { expenditureExceeds: excess !== null && excess > 0, incomeDropped: dropped, excessFen: excess };
}

/** MON-06: monitored persons over registered-poor persons, compared in basis points. */
export function scaleVerdict(registeredPersons: number, monitoredPersons: number, deepPoverty: boolean): Verdict {
  if (registeredPersons <= 0) return MON06.ok();
  const limitPct = deepPoverty ? MON06.param('deepCeiling') : MON06.param('targetShare') + (MON06.param('monScaleTolerance') ?? 0);
  const limitBp = Math.round(limitPct * 100);
  const pct = Math.round((monitoredPersons / registeredPersons) * 10000) / 100;
  if (monitoredPersons * 10000 > registeredPersons * limitBp) {
    const text = deepPoverty ? '深度贫困县监测对象原则上不超过建档立卡人口的10%' : '监测对象规模原则上控制在建档立卡人口的5%左右';
    return MON06.warn(`${text}，当前为${pct}%`, { pct, registeredPersons, monitoredPersons });
  }
  return MON06.ok();
}

export type Category = 'UNSTABLE_EXITED' | 'MARGINAL';

/** MON-01: the category must match the registration status. */
export function categoryVerdict(registeredStatus: string, category: Category): Verdict {
  if (category === 'UNSTABLE_EXITED' && registeredStatus !== 'exited') return MON01.block('不稳定户须为已脱贫的建档立卡户');
  if (category === 'MARGINAL' && registeredStatus !== 'none') return MON01.block('边缘户须为非建档立卡户，建档立卡户不得作为边缘户纳入');
  return MON01.ok();
}

export interface Criteria {
  C1?: { incomeFen: number; standardFen: number; year: number };
  C2?: { cause: 'ILLNESS' | 'DISABILITY' | 'DISASTER' | 'COVID19' | 'OTHER'; rigidExpenditureFen: number; previousYearIncomeFen: number; currentIncomeFen?: number };
  C3?: { hazards: ('COMPULSORY_EDUCATION' | 'BASIC_MEDICAL' | 'HOUSING_SAFETY' | 'DRINKING_WATER')[] };
  C4?: { eventType: string; eventDate: string };
}

export interface Verification {
  body: string;
  actorName: string;
}

/** MON-02, MON-07, MON-08, MON-09, MON-10, MON-14 at confirmation by the county poverty office. */
export function confirmVerdicts(m: { channel: string; sectorDepartment: string | null; criteria: Criteria }, verifications: Verification[], level: string | null | undefined): Verdict[] {
  const v: Verdict[] = [];
  const c = m.criteria;
  const hasCriterion = Boolean(c.C1 || c.C2 || (c.C3 && c.C3.hazards.length > 0) || c.C4);
  v.push(hasCriterion ? MON02.ok() : MON02.block('未记录任何监测条件及其依据，不能确认纳入'));
  v.push((CHANNELS as readonly string[]).includes(m.channel) ? MON07.ok() : MON07.block('未记录识别渠道'));
  if (m.channel === 'HOUSEHOLD_APPLICATION') {
    const missing = APPLICATION_VERIFIERS.filter((b) => !verifications.some((x) => x.body === b));
    v.push(missing.length === 0 ? MON08.ok() : MON08.block(`农户申报须经${missing.join('、')}核实确认后，方可由县扶贫办确认纳入`, { missing }));
  }
  if (m.channel === 'SECTOR_SCREENING') {
    v.push(m.sectorDepartment && m.sectorDepartment.trim() ? MON09.ok() : MON09.block('行业部门筛查须注明报送的行业部门'));
  }
  if (m.channel === 'DATA_COMPARISON' || m.channel === 'THIRD_PARTY_SURVEY') {
    v.push(verifications.length > 0 ? MON10.ok() : MON10.block('数据比对或第三方调查发现的，须先记录核实确认'));
  }
  v.push(level === 'RED' || level === 'YELLOW' || level === 'BLUE' ? MON14.ok() : MON14.block('确认纳入时须确定一个预警等级（红、黄、蓝）'));
  return v;
}

export interface LevelFacts {
  extremePoor: boolean;
  /** Members with some labour capacity (full, skilled or weak). */
  workingMembers: number;
  /** Members recorded as 丧失劳动力. */
  lostMembers: number;
  disposableIncomePerHeadFen: number | null;
  standardFen: number | null;
  educationSecured: boolean;
  medicalSecured: boolean;
  housingSecured: boolean;
  waterSecured: boolean;
  incomeOnlyTransfers: boolean;
}

/**
 * MON-15…17 as data: the most severe colour whose definition fits (CONF-101). Blue is the
 * floor: every monitored household carries one colour (MON-14), and blue's definition
 * (unstable income, relying on projects and paired help) is the mildest the text has.
 */
export function suggestLevel(f: LevelFacts): { level: Level; ruleId: string; reason: string } {
  if (f.extremePoor && f.workingMembers === 0) return { level: 'RED', ruleId: 'MON-15', reason: '完全丧失劳动能力的特困户' };
  if (f.disposableIncomePerHeadFen !== null && f.standardFen !== null && f.disposableIncomePerHeadFen < Math.round(f.standardFen * MON03.param('multiplier'))) {
    return { level: 'RED', ruleId: 'MON-15', reason: '人均可支配收入低于国家扶贫标准1.5倍' };
  }
  if (!f.educationSecured || !f.medicalSecured || !f.housingSecured || !f.waterSecured) return { level: 'RED', ruleId: 'MON-15', reason: '“两不愁三保障”及饮水安全未有效保障' };
  if (f.workingMembers === 0 && f.incomeOnlyTransfers) return { level: 'YELLOW', ruleId: 'MON-16', reason: '无劳动力、仅靠资金扶持或分红等维持' };
  return { level: 'BLUE', ruleId: 'MON-17', reason: f.lostMembers > 0 ? '部分丧失劳动能力，收入来源不稳定' : '收入来源不稳定，依靠产业项目和结对帮扶' };
}

/** MON-15: a household the rules put in red, set lower without a reason → WARN. */
export function levelChoiceVerdict(chosen: Level, suggested: Level, reason: string | undefined): Verdict {
  if (LEVEL_RANK[chosen] < LEVEL_RANK[suggested] && !(reason && reason.trim())) {
    return MON15.warn(`按预警定义应为${suggested === 'RED' ? '红色' : '黄色'}预警，设为较低等级须说明理由`, { suggested });
  }
  return MON15.ok();
}

export interface ExitFacts {
  netIncomePerHeadFen: number | null;
  standardFen: number | null;
  incomeStable: boolean;
  stabilityEvidence?: string;
  educationSecured: boolean;
  medicalSecured: boolean;
  housingSecured: boolean;
  waterSecured: boolean;
}

/** MON-24: exit needs net income stably above 1 × S (not 1.5 ×, CONF-99) and all four guarantees. */
export function exitVerdict(f: ExitFacts): Verdict {
  const unmet = [
    !f.educationSecured && '义务教育',
    !f.medicalSecured && '基本医疗',
    !f.housingSecured && '住房安全',
    !f.waterSecured && '饮水安全',
  ].filter(Boolean);
  if (unmet.length > 0) return MON24.block(`${unmet.join('、')}未达标，不能退出监测`, { unmet });
  if (f.standardFen === null) return MON24.block('当年国家扶贫标准未设置，无法判断收入是否稳定超过标准');
  if (f.netIncomePerHeadFen === null || f.netIncomePerHeadFen <= f.standardFen) return MON24.block('年人均纯收入未超过现行扶贫标准，不能退出监测');
  if (!f.incomeStable || !f.stabilityEvidence?.trim()) return MON24.block('须记录收入稳定超过标准的依据，方可退出监测');
  return MON24.ok();
}
