import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { localDate } from '../../kernel/time';
import { secrecyRoutes } from './routes';
import { remindSecrecy, CUSTODIAN_POST, OFFICER_POST } from './service';
import './flows';

export const SECRECY_PERMISSIONS = [
  { code: 'secrecy.read', label: '查阅涉密文件登记簿、存储介质登记与报告（综合科、班子成员；每次查阅留痕）' },
  { code: 'secrecy.handle', label: '办理涉密文件登记、传阅、归档、借出、复制、销毁（综合科文书、绝密件专管人员）' },
  { code: 'secrecy.request', label: '申请借阅、复制、摘抄涉密文件（本人）' },
];

/**
 * The classified register (涉密安全管理制度; 公文运转管理制度 第五章). Only 综合科 and the
 * leaders see it; the 文书 and the 绝密件专管人员 handle it (their posts are checked on every
 * action); any staff member may ask to borrow or copy a document by its registration number.
 * Two duty posts are added to the catalogue here: 绝密件专管人员 (SEC-03) and 定密责任人
 * (SEC-20, held by default by the 综合科负责人, CONF-123).
 */
export const secrecyModule: Module = {
  name: 'secrecy',
  permissions: SECRECY_PERMISSIONS,
  routes: secrecyRoutes,
  jobs: [{ name: 'secrecy-reminders', everyMs: 3_600_000, run: remindSecrecy }],
  async seedBase(ctx) {
    await ctx.db.execute(sql`insert into posts (code, name, category, principal, sort_order) values
      (${CUSTODIAN_POST}, '绝密件专管人员', 'duty', false, 900), (${OFFICER_POST}, '定密责任人', 'duty', false, 910) on conflict (code) do nothing`);
    for (const role of ['hub', 'leader']) await grantPermissions(ctx.db, role, ['secrecy.read']);
    await grantPermissions(ctx.db, 'hub', ['secrecy.handle']);
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['secrecy.request']);
  },
  async seedDemo(ctx) {
    const now = ctx.clock.now().toISOString();
    const year = Number(localDate(ctx.clock.now()).slice(0, 4));
    await ctx.db.execute(sql`insert into post_holdings (id, person_id, post_code, unit_id, start_date) values
      ('ph_demo_custodian', 'psn_mali', ${CUSTODIAN_POST}, 'unit_zonghe', '2020-01-01'),
      ('ph_demo_officer', 'psn_liuyang', ${OFFICER_POST}, 'unit_zonghe', '2020-01-01') on conflict do nothing`);
    const scope = (units: string[]) => JSON.stringify({ unitIds: units, personIds: ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'] });
    const docs: [string, number, number, string, string, string, string, string, string, string, string, string | null][] = [
      ['sdoc_demo1', year - 1, 1, '关于做好年度扶贫资金专项审计工作的通知', '吉林省扶贫开发办公室', '吉扶办密〔2025〕3号', 'secret', '10年', scope(['unit_zonghe', 'unit_guihua']), `${year - 1}-03-12`, 'archived', 'A柜-秘密格'],
      ['sdoc_demo2', year - 1, 2, '关于贫困人口动态调整工作的意见', '吉林省扶贫开发办公室', '吉扶办密〔2025〕9号', 'confidential', '20年', scope(['unit_zonghe', 'unit_shehui']), `${year - 1}-11-20`, 'instructed', null],
      ['sdoc_demo3', year, 1, '关于脱贫攻坚专项巡视反馈问题整改的通知', '中共白城市委办公室', '白办密〔2026〕5号', 'confidential', '10年', scope(['unit_zonghe', 'unit_ducha']), `${year}-06-03`, 'archived', 'B柜-机密格'],
      ['sdoc_demo4', year, 2, '（绝密件）关于重要工作部署的通知', '吉林省人民政府办公厅', '吉政办绝〔2026〕1号', 'top_secret', '30年', scope(['unit_zonghe']), `${year}-08-15`, 'archived', 'C柜-绝密格'],
    ];
    for (const [id, y, seq, title, src, no, level, term, sc, received, status, cabinet] of docs) {
      await ctx.db.execute(sql`insert into secrecy_documents (id, year, seq, title, source_org, doc_no, level, term, knowledge_scope, copy_no, pages, direction, received_on, status, cabinet, archived_on, registered_by, created_at)
        values (${id}, ${y}, ${seq}, ${title}, ${src}, ${no}, ${level}, ${term}, ${sc}::jsonb, '000012', 6, 'incoming', ${received}, ${status}, ${cabinet},
          ${status === 'archived' ? received : null}, ${level === 'top_secret' ? 'psn_mali' : 'psn_huangjing'}, ${now}) on conflict do nothing`);
    }
    await ctx.db.execute(sql`insert into secrecy_media (id, number, kind, custodian_person_id, location, level, created_at)
      values ('smed_demo1', 'BM003', 'usb', 'psn_huangjing', '综合科保密柜A', 'confidential', ${now}) on conflict do nothing`);
    await ctx.db.execute(sql`insert into secrecy_media_items (id, medium_id, label, level, added_at) values
      ('smit_demo1', 'smed_demo1', '扶贫资金审计通知（扫描件）', 'secret', ${now}), ('smit_demo2', 'smed_demo1', '动态调整意见（扫描件）', 'confidential', ${now}) on conflict do nothing`);
  },
};
