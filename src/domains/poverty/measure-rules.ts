import { defineRule, type Verdict } from '../../kernel/rules';
import { SECTORS } from './rules';

/**
 * 防返贫细则 四（三） 分类精准帮扶 and 三（二）1 动态调整 (B-poverty.md MON-18…MON-23). Checks are
 * pure; measures.ts and incidents.ts load the facts and record.
 */
const REG = '白城市建立防止返贫监测和帮扶机制实施细则';

export const MON18 = defineRule({
  id: 'MON-18',
  cite: '防返贫细则 四（三）',
  regulation: REG,
  enforcement: 'warn',
  text: '帮扶措施按类型记录；“两不愁三保障”（含饮水安全）出现问题的，由县脱贫攻坚领导小组统筹、行业部门及时落实行业政策，须记录行业部门落实措施。',
  params: {
    sectorActionWorkingDays: { value: 10, label: '行业部门落实期限', unit: '工作日', demo: true },
    hazardSector: {
      value: { COMPULSORY_EDUCATION: '教育', BASIC_MEDICAL: '卫健', HOUSING_SAFETY: '住建', DRINKING_WATER: '水利' } as Record<string, string>,
      label: '问题对应的行业部门',
      demo: true,
    },
  },
});
export const MON19 = defineRule({ id: 'MON-19', cite: '防返贫细则 四（三）4', regulation: REG, enforcement: 'warn', text: '对无劳动能力的监测对象，强化农村低保、医疗、养老保险、特困人员救助供养和临时救助等综合性社会保障措施，确保应保尽保。' });
export const MON20 = defineRule({ id: 'MON-20', cite: '防返贫细则 四（三）3', regulation: REG, enforcement: 'record', text: '定期或不定期摸排抚恤金、特困供养金、最低生活保障金等稳定补贴收入发放情况，逐户记录各项补贴已发放或未发放。' });
export const MON21 = defineRule({
  id: 'MON-21',
  cite: '防返贫细则 四（三）5',
  regulation: REG,
  enforcement: 'record',
  text: '有法定赡养人但单独分户生活的老人户，向赡养人宣传履行赡养义务；拒不履行的，可签订赡养人、被赡养人和村委会监督的三方赡养协议，可通过公益诉讼、“流动法庭”等方式推进落实。',
  params: { elderlyAge: { value: 60, label: '老人年龄', unit: '周岁', demo: true } },
});
export const MON22 = defineRule({ id: 'MON-22', cite: '防返贫细则 四（三）6', regulation: REG, enforcement: 'remind', text: '遭遇重大自然灾害或家庭重大变故的，区别贫困人口和非贫困人口落实民政救助、社会捐助、包保部门和亲友帮助等措施，必要时县级政府“一事一议”专项救助；采取措施后仍有明显“两不愁三保障”问题的，在动态调整时纳入建档立卡系统。' });
export const MON23 = defineRule({
  id: 'MON-23',
  cite: '防返贫细则 三（二）1',
  regulation: REG,
  enforcement: 'remind',
  text: '符合贫困户识别标准的非建档立卡农户，按程序及时识别为贫困户，待国办系统相关功能开放后录入全国扶贫开发信息系统。',
  params: { nationalSystemOpenedOn: { value: null as string | null, label: '国办系统相关录入功能开放日期', demo: true } },
});

export const MEASURE_TYPES = [
  'INDUSTRY', 'EMPLOYMENT', 'PUBLIC_WELFARE_POST', 'RURAL_PROJECT_PARTICIPATION', 'SECTOR_POLICY_FOR_GUARANTEES', 'STABLE_SUBSIDY_CHECK', 'SOCIAL_SECURITY',
  'HEALTH_DISABILITY_DISASTER_POLICY', 'TEMPORARY_ASSISTANCE', 'INCENTIVE', 'SUPPORT_OBLIGATION', 'MAJOR_DISASTER_RELIEF', 'INSURANCE_PURCHASE', 'SOCIAL_RESOURCES',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const HAZARDS = ['COMPULSORY_EDUCATION', 'BASIC_MEDICAL', 'HOUSING_SAFETY', 'DRINKING_WATER'] as const;
export type Hazard = (typeof HAZARDS)[number];
/** The household flag (poverty_households) that records each hazard as secured. */
export const HAZARD_FLAG: Record<Hazard, string> = { COMPULSORY_EDUCATION: 'education_secured', BASIC_MEDICAL: 'medical_secured', HOUSING_SAFETY: 'housing_secured', DRINKING_WATER: 'water_secured' };
/** 四（三）4: the comprehensive social-security measures. */
export const SOCIAL_SECURITY_ITEMS = ['农村低保', '医疗保险', '养老保险', '特困人员救助供养', '临时救助'] as const;
/** 四（三）3: the eleven stable subsidies, in the article's order. */
export const STABLE_SUBSIDIES = ['抚恤金', '特困供养金', '最低生活保障金', '养老金', '贫困老年人补贴', '残疾人补贴', '高龄补贴', '退耕还林补偿', '公益林补偿', '农业保护补贴', '计生奖励扶助金'] as const;
export const SUBSIDY_STATES = ['paid', 'not_paid', 'not_applicable'] as const;
/** 四（三）5: publicity, refusal, then agreement, litigation or mobile court. */
export const SUPPORT_STEPS = ['publicity', 'refusal', 'agreement', 'litigation', 'mobile_court'] as const;
/** 四（三）6: relief for a major disaster or family incident. */
export const RELIEF_KINDS = ['civil_affairs', 'donation', 'paired_department', 'relatives', 'one_case'] as const;

/** Measures a household may get while its inclusion is still being confirmed: relief cannot wait. */
export const IMMEDIATE_TYPES: readonly string[] = ['MAJOR_DISASTER_RELIEF', 'TEMPORARY_ASSISTANCE'];

export interface MeasureFacts {
  /** Members of the household: id, birth date. */
  members: { id: string; birthDate: string }[];
  /** SUPPORT_OBLIGATION steps already recorded, by supporter name. */
  supportSteps: { supporterName: string; step: string }[];
  /** Open incidents (MON-22) of the household. */
  openIncidents: string[];
  today: string;
}

type Detail = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Age in whole years on `day` (dates as YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The type-specific content a measure must carry (MON-18…MON-22); a block names what is missing. */
export function measureDetailVerdict(type: MeasureType, d: Detail, f: MeasureFacts): Verdict {
  switch (type) {
    case 'SOCIAL_SECURITY':
      return (SOCIAL_SECURITY_ITEMS as readonly string[]).includes(str(d.item)) ? MON19.ok() : MON19.block(`社会保障措施须注明项目：${SOCIAL_SECURITY_ITEMS.join('、')}`);
    case 'SECTOR_POLICY_FOR_GUARANTEES':
      if (!(SECTORS as readonly string[]).includes(str(d.sector))) return MON18.block('行业政策措施须注明落实的行业部门');
      return (HAZARDS as readonly string[]).includes(str(d.hazard)) ? MON18.ok() : MON18.block('行业政策措施须注明解决的问题（义务教育、基本医疗、住房安全或饮水安全）');
    case 'STABLE_SUBSIDY_CHECK':
      return subsidyCheckVerdict(d);
    case 'SUPPORT_OBLIGATION':
      return supportVerdict(d, f);
    case 'MAJOR_DISASTER_RELIEF':
      if (!f.openIncidents.includes(str(d.incidentId))) return MON22.block('重大变故救助须关联该户已登记、尚未评估的重大灾害或变故');
      if (!(RELIEF_KINDS as readonly string[]).includes(str(d.reliefKind))) return MON22.block('须注明救助方式：民政救助、社会捐助、包保部门帮助、亲友帮助或“一事一议”专项救助');
      if (d.reliefKind === 'one_case' && !str(d.decisionRef)) return MON22.block('“一事一议”专项救助须记录县级政府的议定文件');
      return MON22.ok();
    default:
      return MON18.ok();
  }
}

/** MON-20: every one of the eleven subsidies answered paid / not paid / not applicable. */
export function subsidyCheckVerdict(d: Detail): Verdict {
  if (d.checkKind !== 'periodic' && d.checkKind !== 'adhoc') return MON20.block('须注明摸排方式：定期或不定期');
  const items = (d.items ?? {}) as Record<string, unknown>;
  const missing = STABLE_SUBSIDIES.filter((s) => !(SUBSIDY_STATES as readonly string[]).includes(String(items[s])));
  if (missing.length > 0) return MON20.block(`稳定补贴摸排须逐项记录发放情况，未填：${missing.join('、')}`, { missing });
  const extra = Object.keys(items).filter((k) => !(STABLE_SUBSIDIES as readonly string[]).includes(k));
  return extra.length > 0 ? MON20.block(`不属于稳定补贴的项目：${extra.join('、')}`) : MON20.ok();
}

/** MON-21: the supported person is an elderly member; agreement, litigation and court follow a recorded refusal. */
export function supportVerdict(d: Detail, f: MeasureFacts): Verdict {
  const step = str(d.step);
  if (!(SUPPORT_STEPS as readonly string[]).includes(step)) return MON21.block('须注明赡养事项：宣传、拒不履行、三方协议、公益诉讼或流动法庭');
  const supporter = str(d.supporterName);
  if (!supporter) return MON21.block('须填写法定赡养人姓名');
  const member = f.members.find((m) => m.id === d.supportedPersonId);
  if (!member) return MON21.block('被赡养人须为本户成员');
  const min = MON21.param('elderlyAge');
  if (ageOn(member.birthDate, f.today) < min) return MON21.block(`被赡养人未满${min}周岁，不属于老人户赡养事项`);
  if (step === 'publicity' || step === 'refusal') return MON21.ok();
  const refused = f.supportSteps.some((s) => s.step === 'refusal' && s.supporterName === supporter);
  if (!refused) return MON21.block('须先记录赡养人拒不履行赡养义务，方可签订三方协议或通过公益诉讼、流动法庭推进');
  if (step === 'agreement' && (!str(d.villageCommittee) || !str(d.signedOn))) return MON21.block('三方赡养协议须写明监督的村委会和签订日期');
  return MON21.ok();
}

/** MON-18: a C3 household whose hazards have no sector measure yet (open items). */
export function sectorMeasureVerdict(openWithoutMeasure: { hazard: string; sector: string }[]): Verdict {
  if (openWithoutMeasure.length === 0) return MON18.ok();
  return MON18.warn(`“两不愁三保障”问题尚无行业部门落实措施：${openWithoutMeasure.map((a) => `${HAZARD_LABEL[a.hazard as Hazard] ?? a.hazard}（${a.sector}）`).join('、')}`, { items: openWithoutMeasure });
}

/** MON-19: a household without labour capacity and without a social-security measure. */
export function socialSecurityVerdict(workingMembers: number, socialMeasures: number): Verdict {
  if (workingMembers > 0 || socialMeasures > 0) return MON19.ok();
  return MON19.warn('该户无劳动能力，尚未落实低保、特困供养、临时救助等社会保障措施（应保尽保）');
}

export const HAZARD_LABEL: Record<Hazard, string> = { COMPULSORY_EDUCATION: '义务教育', BASIC_MEDICAL: '基本医疗', HOUSING_SAFETY: '住房安全', DRINKING_WATER: '饮水安全' };

/** MON-23: identification needs the procedure recorded; income not below the standard only warns. */
export function identifyVerdicts(f: { registeredStatus: string; category: string | null; source: string; netIncomePerHeadFen: number | null; standardFen: number | null; procedureRef: string; identifiedOn: string; today: string }): Verdict[] {
  const v: Verdict[] = [];
  if (f.source === 'standard' && (f.registeredStatus !== 'none' || f.category !== 'MARGINAL')) v.push(MON23.block('只有监测中的非建档立卡边缘户可按此程序识别为贫困户'));
  if (f.source === 'incident' && f.registeredStatus === 'poor') v.push(MON22.block('该户已是未脱贫的建档立卡户'));
  if (!f.procedureRef.trim()) v.push(MON23.block('须记录识别程序的依据（如民主评议、公示、乡镇审核、县级审定的文件）'));
  if (f.identifiedOn > f.today) v.push(MON23.block('识别日期不能晚于今天'));
  const below = f.netIncomePerHeadFen !== null && f.standardFen !== null && f.netIncomePerHeadFen < f.standardFen;
  if (f.source === 'standard' && !below) v.push(MON23.warn('该户人均纯收入未低于现行扶贫标准（或未记录），请确认其符合贫困户识别标准'));
  return v;
}

/** MON-23: the national system entry waits for the function to open. */
export function entryVerdict(openedOn: string | null, identifiedOn: string, enteredOn: string, today: string): Verdict {
  if (!openedOn) return MON23.block('国办系统相关录入功能尚未开放，录入保持“待录入”');
  if (enteredOn < openedOn) return MON23.block(`录入日期早于国办系统功能开放日期（${openedOn}）`);
  if (enteredOn < identifiedOn || enteredOn > today) return MON23.block('录入日期应在识别日期之后、且不晚于今天');
  return MON23.ok();
}
