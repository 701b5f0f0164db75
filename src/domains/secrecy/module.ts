import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { localDate } from '../../kernel/time';
import { secrecyRoutes } from './routes';
import { remindSecrecy, CUSTODIAN_POST, OFFICER_POST } from './service';
import { remindSecrecyDuties } from './reminders';
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
  jobs: [{ name: 'secrecy-reminders', everyMs: 3_600_000, run: remindSecrecy }, { name: 'secrecy-duty-reminders', everyMs: 3_600_000, run: remindSecrecyDuties }],
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
    // Equipment (SEC-17/22/23/26), the 微机管理人员, a dispatched outgoing document with its copies, work log and committee (SEC-27/29).
    await ctx.db.execute(sql`insert into post_holdings (id, person_id, post_code, unit_id, start_date) values ('ph_demo_itadmin', 'psn_linfeng', 'it_admin', 'unit_zonghe', '2020-01-01') on conflict do nothing`);
    await ctx.db.execute(sql`insert into secrecy_devices (id, number, kind, name, unit_id, user_person_id, is_classified, internet_connected, password_set, level, justification, device_file_no, location, status, created_at) values
      ('sdev_demo1', 'ZH-SM01', 'desktop', '联想启天M430 涉密单机', 'unit_zonghe', 'psn_huangjing', true, false, true, 'confidential', null, 'SMDJ-001', '综合科机要室', 'in_use', ${now}),
      ('sdev_demo2', 'ZH-PC07', 'desktop', '联想启天M430 办公计算机', 'unit_zonghe', 'psn_huangjing', false, true, true, null, null, null, '综合科办公室', 'in_use', ${now}),
      ('sdev_demo3', 'ZH-FAX01', 'fax', '松下KX-FT872 传真机', 'unit_zonghe', 'psn_huangjing', false, false, false, null, null, null, '综合科办公室', 'in_use', ${now}),
      ('sdev_demo4', 'ZH-NB02', 'laptop', 'ThinkPad X13 涉密便携机', 'unit_zonghe', 'psn_liuyang', true, false, true, 'secret', '下乡核查需在现场处理秘密级数据', 'SMDJ-002', '综合科保密柜B', 'in_use', ${now})
      on conflict do nothing`);
    const scopeAll = JSON.stringify({ unitIds: ['unit_zonghe', 'unit_guihua', 'unit_shehui', 'unit_ducha', 'unit_xinxi'], personIds: ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'] });
    const recips = JSON.stringify([{ org: '吉林省扶贫开发办公室' }, { org: '白城市人民政府办公室' }]);
    await ctx.db.execute(sql`insert into secrecy_outgoing (id, year, seq, title, doc_no, level, term, knowledge_scope, direction, copies, recipients, drafter_person_id, drafter_unit_id, level_decided_by, status, print_device_id, printed_by, printed_at, channel, dispatched_by, dispatched_at, created_at)
      values ('sout_demo1', ${year}, 1, '关于防返贫监测对象动态调整情况的报告', ${`白扶办密〔${year}〕1号`}, 'secret', '5年', ${scopeAll}::jsonb, 'upward', 3, ${recips}::jsonb, 'psn_hanbing', 'unit_guihua', 'psn_liuyang', 'dispatched',
        'sdev_demo1', 'psn_huangjing', ${now}, 'courier', 'psn_huangjing', ${now}, ${now}) on conflict do nothing`);
    for (const [n, to, who] of [['000001', '吉林省扶贫开发办公室', '王明'], ['000002', '白城市人民政府办公室', '李强'], ['000003', '本办存档', '黄静']]) {
      await ctx.db.execute(sql`insert into secrecy_outgoing_copies (id, outgoing_id, copy_no, recipient, receiver_name, distributed_by, distributed_at) values (${`soc_demo${n}`}, 'sout_demo1', ${n}, ${to}, ${who}, 'psn_huangjing', ${now}) on conflict do nothing`);
    }
    await ctx.db.execute(sql`insert into secrecy_records (id, kind, occurred_on, subject, device_id, person_id, approved_by, detail, findings, corrected_on, outcome, recorded_by, created_at) values
      ('srec_demo1', 'education', ${`${year}-03-15`}, '全体干部职工保密知识培训', null, null, null, ${JSON.stringify({ attendees: ['psn_chenzhiyuan', 'psn_liuyang', 'psn_huangjing', 'psn_hanbing', 'psn_fenglei'] })}::jsonb, null, null, null, 'psn_huangjing', ${now}),
      ('srec_demo2', 'inspection', ${`${year}-09-26`}, '国庆节前保密检查', null, null, null, ${JSON.stringify({ holiday: '国庆节', locks: { pcRoom: true, archiveRoom: true, leaderOffices: true, otherOffices: false } })}::jsonb, '未做到：其他办公室无人时关门', ${`${year}-09-28`}, '已通报并整改', 'psn_huangjing', ${now}),
      ('srec_demo3', 'maintenance', ${`${year}-06-10`}, '涉密计算机病毒库离线升级与磁盘检查', 'sdev_demo1', null, null, '{}'::jsonb, null, null, null, 'psn_linfeng', ${now})
      on conflict do nothing`);
    await ctx.db.execute(sql`insert into secrecy_committee (id, person_id, role, start_date, created_at) values
      ('scom_demo1', 'psn_chenzhiyuan', 'chair', '2020-01-01', ${now}), ('scom_demo2', 'psn_liuyang', 'member', '2020-01-01', ${now}), ('scom_demo3', 'psn_hanbing', 'member', '2020-01-01', ${now}),
      ('scom_demo4', 'psn_fenglei', 'member', '2020-01-01', ${now}), ('scom_demo5', 'psn_huangjing', 'daily', '2020-01-01', ${now}) on conflict do nothing`);
  },
};
