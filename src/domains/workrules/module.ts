import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import type { Ctx } from '../../kernel/context';
import { grantPermissions } from '../../kernel/access/grants';
import { addDays, localDate } from '../../kernel/time';
import { remindWorkRules } from './reminders';
import { workrulesRoutes } from './routes';
import './rules';

export const WORKRULES_PERMISSIONS = [
  { code: 'workrules.read', label: '查阅工作规则登记簿：规范性文件、公开、监督问题、来信来访、讲话文章、逾期事项报告（综合科、班子成员、纪检监察）' },
  { code: 'workrules.keep', label: '登记和办理工作规则登记簿（综合科）' },
  { code: 'workrules.annotate', label: '阅批重要来信来访和12317电话（办领导、科室负责人）' },
  { code: 'workrules.speech', label: '讲话、文章报党组同意（班子成员本人；综合科代为登记）' },
];

/**
 * The records, reminders and reports of the 工作规则 (WR-11…WR-20 except WR-13, WR-19): 综合科
 * keeps the registers, leaders and section heads annotate, leaders ask the 党组's consent for
 * speeches and articles. WR-19 (leaving Baicheng) lives on the leave and trip records (personnel).
 */
export const workrulesModule: Module = {
  name: 'workrules',
  permissions: WORKRULES_PERMISSIONS,
  routes: workrulesRoutes,
  // Each reminder is sent once per period (notifyOnce), so hourly is plenty.
  jobs: [{ name: 'workrules-reminders', everyMs: 3_600_000, run: remindWorkRules }],
  async seedBase(ctx) {
    for (const role of ['hub', 'leader', 'inspector']) await grantPermissions(ctx.db, role, ['workrules.read']);
    await grantPermissions(ctx.db, 'hub', ['workrules.keep', 'workrules.speech']);
    for (const role of ['leader', 'section_chief']) await grantPermissions(ctx.db, role, ['workrules.annotate']);
    await grantPermissions(ctx.db, 'leader', ['workrules.speech']);
  },
  seedDemo: (ctx) => seedWorkRulesDemo(ctx),
};

/** A few rows per register, dated back from today, so the page shows each state. */
async function seedWorkRulesDemo(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const d = (days: number) => addDays(localDate(ctx.clock.now()), -days);
  const y = Number(d(0).slice(0, 4));
  const by = 'psn_huangjing';
  await ctx.db.execute(sql`insert into wr_normative_docs (id, title, role, drafting_unit_id, interpreting_unit_id, status, draft_started_on, doc_no, issued_on, filing_due_on, filed_on, filing_ref, filed_by, created_by, created_at) values
    ('wrn_demo1', '白城市防止返贫动态监测和帮扶工作实施细则', 'lead', 'unit_guihua', 'unit_guihua', 'in_force', ${d(200)}, ${`白扶办发〔${y}〕3号`}, ${d(150)}, ${d(135)}, ${d(140)}, ${`白政备〔${y}〕12号`}, 'psn_huangjing', ${by}, ${now}),
    ('wrn_demo2', '白城市扶贫项目资产后续管理办法', 'lead', 'unit_guihua', 'unit_guihua', 'in_force', ${d(60)}, ${`白扶办发〔${y}〕9号`}, ${d(20)}, ${d(5)}, null, null, null, ${by}, ${now}),
    ('wrn_demo3', '白城市雨露计划补助资金发放管理办法（修订）', 'joint', 'unit_shehui', 'unit_shehui', 'drafting', ${d(10)}, null, null, null, null, null, null, ${by}, ${now})
    on conflict do nothing`);
  await ctx.db.execute(sql`insert into wr_disclosures (id, title, matter_kind, channel, channel_detail, disclosed_on, unit_id, created_by, created_at) values
    ('wrd_demo1', ${`${y}年度防返贫监测帮扶政策问答`}, 'low_income', 'website', '白城市精准扶贫网站·政策解读栏目', ${d(30)}, 'unit_xinxi', ${by}, ${now}) on conflict do nothing`);
  await ctx.db.execute(sql`insert into wr_findings (id, source, source_detail, title, found_on, responsible_unit_id, verification, verification_note, rectification, rectified_on, reported_on, report_ref, created_by, created_at) values
    ('wrf_demo1', 'audit', '市审计局', '部分扶贫项目资金拨付进度滞后', ${d(90)}, 'unit_guihua', 'confirmed', null, '建立资金拨付周调度台账，逐项督促拨付', ${d(60)}, ${d(50)}, ${`白扶办呈〔${y}〕7号`}, ${by}, ${now}),
    ('wrf_demo2', 'media', '白城日报', '网民反映某村光伏收益分配公示不及时', ${d(12)}, 'unit_shehui', 'pending', null, null, null, null, null, ${by}, ${now})
    on conflict do nothing`);
  await ctx.db.execute(sql`insert into wr_letters (id, year, seq, channel, received_on, contact, subject, important, annotator_id, first_responder_id, owner_id, annotated_by, annotated_on, annotation, result, closed_on, created_by, created_at) values
    ('wrl_demo1', ${y}, 1, 'hotline', ${d(40)}, '匿名', '反映某村监测户帮扶措施未落实', true, 'psn_liminghua', 'psn_huangjing', 'psn_huangjing', 'psn_liminghua', ${d(39)}, '请社会扶贫科三日内核实并回复', '经核实已落实产业帮扶措施，已电话回复', ${d(30)}, ${by}, ${now}),
    ('wrl_demo2', ${y}, 2, 'letter', ${d(3)}, '张某', '反映雨露计划补助未到账', true, 'psn_sunli', 'psn_huangjing', 'psn_huangjing', null, null, null, null, null, ${by}, ${now})
    on conflict do nothing`);
  await ctx.db.execute(sql`insert into wr_speeches (id, kind, speaker_id, title, venue, planned_on, summary, requested_on, status, decided_on, decision_ref, decision_recorded_by, published_on, created_by, created_at) values
    ('wrs_demo1', 'office', 'psn_chenzhiyuan', '在全市巩固脱贫成果推进会上的讲话', '全市巩固脱贫成果推进会', ${d(25)}, '通报全市巩固脱贫成果情况，部署下步工作', ${d(35)}, 'consented', ${d(30)}, ${`${y}年第9次党组会议纪要`}, 'psn_liuyang', ${d(25)}, 'psn_liuyang', ${now})
    on conflict do nothing`);
}
