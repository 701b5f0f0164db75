import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { localDate } from '../../kernel/time';
import { sealsRoutes } from './routes';
import { remindSeals } from './service';
import './flows';

export const SEALS_PERMISSIONS = [
  { code: 'seals.use', label: '用印申请、印章带出申请、刻制申请（本人）' },
  { code: 'seals.keep', label: '印章保管：登记印章、用印、拒绝用印、带出与交回、遗失与处置（综合科）' },
  { code: 'seals.ledger', label: '查阅与导出用印登记簿、紧急用章与违规用印报告（综合科、班子成员、纪检监察）' },
];

/**
 * Seals (印章使用管理制度). Everyone may ask to use a seal; 综合科 keeps the seals and the
 * 用印登记簿 (the keeper's own actions are checked against the keeper of each seal, SEAL-12);
 * the leaders and the discipline inspector read the ledger.
 */
export const sealsModule: Module = {
  name: 'seals',
  permissions: SEALS_PERMISSIONS,
  routes: sealsRoutes,
  jobs: [{ name: 'seal-reminders', everyMs: 3_600_000, run: remindSeals }],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['seals.use']);
    await grantPermissions(ctx.db, 'hub', ['seals.keep', 'seals.ledger']);
    for (const role of ['leader', 'inspector']) await grantPermissions(ctx.db, role, ['seals.ledger']);
  },
  async seedDemo(ctx) {
    const now = ctx.clock.now().toISOString();
    const year = Number(localDate(ctx.clock.now()).slice(0, 4));
    const seals: [string, string, string, string, string | null, string | null][] = [
      ['seal_party', '中共白城市扶贫开发办公室党组', 'party', 'psn_linfeng', null, null],
      ['seal_official', '白城市扶贫开发办公室', 'official', 'psn_linfeng', null, null],
      ['seal_finance', '白城市扶贫开发办公室财务专用章', 'finance', 'psn_mali', null, null],
      ['seal_legal', '法定代表人印鉴（陈志远）', 'legal', 'psn_linfeng', null, null],
      ['seal_zonghe', '白城市扶贫开发办公室综合科', 'section', 'psn_linfeng', 'unit_zonghe', '综合科对外联系函件、复制件加盖（涉密文件复制件加盖“白城市扶贫办综合科”）'],
      ['seal_guihua', '白城市扶贫开发办公室规划项目科业务专用章', 'business', 'psn_hanbing', 'unit_guihua', '项目申报材料、项目验收单'],
    ];
    for (const [id, name, kind, keeper, unit, scope] of seals) {
      await ctx.db.execute(sql`insert into seals (id, name, kind, owner_unit_id, usage_scope, keeper_person_id, status, custody, created_at)
        values (${id}, ${name}, ${kind}, ${unit}, ${scope}, ${keeper}, 'active', 'in', ${now}) on conflict do nothing`);
    }
    // Two entries of the 用印登记簿: a signed document stamped, and a refused certificate.
    await ctx.db.execute(sql`insert into seal_uses (id, year, seq, seal_id, applicant_person_id, unit_id, category, document_title, copies, signed_by_person_id, signed_evidence,
        status, stamped_by, stamped_at, stamp_count, created_at)
      values ('suse_demo1', ${year}, 1, 'seal_official', 'psn_tangning', 'unit_guihua', 'signed', '白城市扶贫开发办公室与洮北区扶贫办项目合作协议', 4, 'psn_zhaoguoqiang',
        '协议签发页扫描件（档案号 GH-2026-031）', 'stamped', 'psn_linfeng', ${now}, 4, ${now}) on conflict do nothing`);
    await ctx.db.execute(sql`insert into seal_uses (id, year, seq, seal_id, applicant_person_id, unit_id, category, document_title, copies, status, refused_by, refused_at,
        refusal_defects, refusal_note, created_at)
      values ('suse_demo2', ${year}, 2, 'seal_official', 'psn_dongxue', 'unit_shehui', 'personal', '董雪个人收入证明（贷款用）', 1, 'refused', 'psn_linfeng', ${now},
        '["altered"]'::jsonb, '收入金额处有涂改', ${now}) on conflict do nothing`);
  },
};
