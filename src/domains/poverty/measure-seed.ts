import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { loadActor } from '../../kernel/identity/sessions';
import { addDays, localDate } from '../../kernel/time';
import { STABLE_SUBSIDIES } from './measure-rules';
import { recordMeasure, reportGuaranteeProblem } from './measures';
import { assessIncident, recordIncident } from './incidents';

/**
 * Demo data for MON-18…MON-23, recorded through the services as 黄静 (综合科) so that every
 * row has its audit entry: measures of several types, a housing problem overdue with 住建 and
 * a water problem answered by 水利, households without labour missing social security, subsidy
 * checks with unpaid items, a support-obligation path up to the tripartite agreement, a house
 * fire that proposed a general household for monitoring, and a hail disaster whose problems
 * remain after relief (proposed for the registered-poor system at the dynamic adjustment).
 */
export async function seedMeasuresDemo(base: Ctx): Promise<void> {
  const [acc] = await rows<{ id: string }>(base.db, sql`select id from accounts where username = 'huangjing'`);
  if (!acc) return;
  const ctx: Ctx = { ...base, actor: await loadActor(base.db, acc.id) };
  const today = localDate(ctx.clock.now());
  const hh = async (code: string) => (await rows<{ id: string }>(ctx.db, sql`select id from poverty_households where code = ${code}`))[0].id;
  const day = (n: number) => addDays(today, -n);

  // 青山村001: 特困, no labour — social security in force; 青山村002 and the other no-labour households stay on the MON-19 list.
  const q1 = await hh('220802100201001');
  await recordMeasure(ctx, { householdId: q1, type: 'SOCIAL_SECURITY', description: '纳入农村特困人员救助供养，按月发放特困供养金', responsibleBody: '洮北区民政局', startDate: day(90), amountFen: 98000, detail: { item: '特困人员救助供养' } });
  await recordMeasure(ctx, { householdId: q1, type: 'SOCIAL_SECURITY', description: '参加城乡居民基本医疗保险，个人缴费由医疗救助资助', responsibleBody: '洮北区医保局', startDate: day(80), detail: { item: '医疗保险' } });
  await recordMeasure(ctx, { householdId: q1, type: 'STABLE_SUBSIDY_CHECK', description: '季度稳定补贴收入摸排', responsibleBody: '青山镇人民政府', startDate: day(20), detail: { checkKind: 'periodic', items: subsidies({ 特困供养金: 'paid', 养老金: 'paid', 高龄补贴: 'not_paid', 残疾人补贴: 'paid' }) } });

  const q3 = await hh('220802100201003');
  await recordMeasure(ctx, { householdId: q3, type: 'EMPLOYMENT', description: '参加劳动技能培训（电焊），经劳务扶贫协作转移就业', responsibleBody: '洮北区人社局', startDate: day(60) });
  await recordMeasure(ctx, { householdId: q3, type: 'PUBLIC_WELFARE_POST', description: '安置村级保洁公益岗位（财政专项资金，非光伏收益）', responsibleBody: '青山村村委会', startDate: day(45), amountFen: 50000 });
  await recordMeasure(ctx, { householdId: q3, type: 'STABLE_SUBSIDY_CHECK', description: '不定期摸排', responsibleBody: '青山镇人民政府', startDate: day(10), detail: { checkKind: 'adhoc', items: subsidies({ 农业保护补贴: 'not_paid', 养老金: 'paid' }) } });
  const q4 = await hh('220802100201004');
  await recordMeasure(ctx, { householdId: q4, type: 'INDUSTRY', description: '发放扶贫小额信贷5万元，合作社带动肉牛养殖', responsibleBody: '青山村农民专业合作社', startDate: day(100), amountFen: 5_000_000 });
  await recordMeasure(ctx, { householdId: q4, type: 'INSURANCE_PURCHASE', description: '以社会帮扶资金购买防返贫保险', responsibleBody: '洮北区扶贫办', startDate: day(70), amountFen: 12000 });

  // MON-18: 西屯村003 — an unsafe house (住建, overdue) and unsafe water answered by 水利.
  const l3 = await hh('220802200202003');
  const house = await reportGuaranteeProblem(ctx, l3, { hazard: 'HOUSING_SAFETY', note: '入户走访发现房屋墙体开裂，疑似C级危房' });
  await ctx.db.execute(sql`update poverty_sector_actions set opened_on = ${day(25)}, due_on = ${day(11)} where id = ${house.id}`);
  await reportGuaranteeProblem(ctx, l3, { hazard: 'DRINKING_WATER', note: '水井水质检测不达标' });
  await recordMeasure(ctx, { householdId: l3, type: 'SECTOR_POLICY_FOR_GUARANTEES', description: '实施农村饮水安全巩固提升工程，接入集中供水管网', responsibleBody: '洮北区水利局', startDate: day(2), detail: { sector: '水利', hazard: 'DRINKING_WATER' } });

  // MON-21: 青山村002 — the householder (aged 60+) has a son living in a separate household.
  const q2 = await hh('220802100201002');
  const [elder] = await rows<{ id: string }>(ctx.db, sql`select id from poverty_persons where household_id = ${q2} and relation = '户主'`);
  const son = { supporterName: '李国华', supporterRelation: '之子', supportedPersonId: elder.id };
  await recordMeasure(ctx, { householdId: q2, type: 'SUPPORT_OBLIGATION', description: '村两委向赡养人宣传赡养义务', responsibleBody: '青山村村委会', startDate: day(40), detail: { ...son, step: 'publicity' } });
  await recordMeasure(ctx, { householdId: q2, type: 'SUPPORT_OBLIGATION', description: '赡养人拒不履行赡养义务（两次上门劝导无效）', responsibleBody: '青山村村委会', startDate: day(30), detail: { ...son, step: 'refusal' } });
  await recordMeasure(ctx, { householdId: q2, type: 'SUPPORT_OBLIGATION', description: '甲方每月支付赡养费400元，承担乙方医疗费用的自付部分，每周探望一次。', responsibleBody: '青山村村委会', startDate: day(21), amountFen: 40000, detail: { ...son, step: 'agreement', villageCommittee: '青山村村民委员会', signedOn: day(21) } });

  // MON-22: a house fire on a general household of 东岗村 (proposed for monitoring at once) …
  const d9 = await hh('220802100202010');
  const fire = await recordIncident(ctx, { householdId: d9, kind: 'family', eventType: '房屋火灾', eventDate: day(6), description: '住房及粮食被烧毁，家庭财产损失严重', channel: 'HOUSEHOLD_VISIT' });
  await recordMeasure(ctx, { householdId: d9, type: 'MAJOR_DISASTER_RELIEF', description: '发放临时救助金和棉被、粮油', responsibleBody: '青山镇民政办', startDate: day(5), amountFen: 300000, detail: { incidentId: fire.id, reliefKind: 'civil_affairs' } });
  // … and a hail disaster on 西屯村004: after relief the house is still unsafe → proposed for 建档立卡.
  const x4 = await hh('220802200202004');
  const hail = await recordIncident(ctx, { householdId: x4, kind: 'disaster', eventType: '冰雹灾害', eventDate: day(50), description: '冰雹致房屋受损、当年玉米绝收' });
  await recordMeasure(ctx, { householdId: x4, type: 'MAJOR_DISASTER_RELIEF', description: '社会捐助2000元', responsibleBody: '洮北区慈善总会', startDate: day(45), amountFen: 200000, detail: { incidentId: hail.id, reliefKind: 'donation' } });
  await recordMeasure(ctx, { householdId: x4, type: 'MAJOR_DISASTER_RELIEF', description: '县政府“一事一议”专项救助', responsibleBody: '洮北区人民政府', startDate: day(30), amountFen: 800000, detail: { incidentId: hail.id, reliefKind: 'one_case', decisionRef: '洮北区政府专题会议纪要〔2026〕12号' } });
  await assessIncident(ctx, hail.id, { problemsRemain: true, hazards: ['HOUSING_SAFETY'], assessment: '救助后房屋仍未修缮，住房安全无保障', assessedOn: day(3) });
}

function subsidies(set: Record<string, 'paid' | 'not_paid'>): Record<string, string> {
  return Object.fromEntries(STABLE_SUBSIDIES.map((s) => [s, set[s] ?? 'not_applicable']));
}
