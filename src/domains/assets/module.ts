import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { actOnTask } from '../../kernel/flow';
import { rows } from '../../kernel/db';
import { loadActor } from '../../kernel/identity/sessions';
import { localDate } from '../../kernel/time';
import { assetRoutes } from './routes';
import * as svc from './service';
import * as union from './union';
import './flows';

export const ASSET_PERMISSIONS = [
  { code: 'assets.read', label: '固定资产：查看本部门台账，财务登记卡片，上交处置收入' },
  { code: 'assets.manage', label: '固定资产管理：验收登记、领发、调拨、交还、处置、对账、盘点（综合科）' },
  { code: 'assets.ledger', label: '固定资产全部台账查阅（班子成员、纪检监察）' },
  { code: 'union.read', label: '工会经费台账查阅与导出' },
  { code: 'union.manage', label: '工会经费：会费与拨缴经费计算、收支登记（综合科）' },
];

/** 固定资产 and 工会经费 (财务管理制度 五、六). 综合科 keeps both; leaders and the inspector supervise. */
export const assetsModule: Module = {
  name: 'assets',
  permissions: ASSET_PERMISSIONS,
  routes: assetRoutes,
  jobs: [{ name: 'assets.reminders', everyMs: 60 * 60_000, run: (database, clock) => svc.assetReminders(database.db, clock) }],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub', 'inspector']) await grantPermissions(ctx.db, role, ['assets.read']);
    await grantPermissions(ctx.db, 'hub', ['assets.manage', 'union.manage']);
    for (const role of ['hub', 'leader', 'inspector']) await grantPermissions(ctx.db, role, ['assets.ledger', 'union.read']);
  },
  seedDemo,
};

async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const actor = await loadActor(ctx.db, `acct_${username}`, ctx.clock.now());
  if (!actor) throw new Error(`demo account ${username} missing`);
  return { ...ctx, actor, requestId: `demo-${username}` };
}

/**
 * Demo assets: 林峰 (综合科) is the part-time asset manager; a few assets per section, carded by
 * 马丽 (财务负责人) and issued; the two own vehicles; three old PCs scrapped with approval, the
 * 450.00 proceeds remitted to 市财政 and the disposal closed; a donated server registered only
 * with 综合科 (awaiting Finance, ASSET-09); last month's union dues and allocation, one expense.
 */
async function seedDemo(ctx: Ctx): Promise<void> {
  await svc.setAssetManager(await as(ctx, 'liuyang'), 'psn_linfeng');
  const keeper = await as(ctx, 'linfeng');
  const finance = await as(ctx, 'mali');
  const today = localDate(ctx.clock.now());
  const items: [string, string, string, string, number, string, string | null][] = [
    ['FA-0012', '笔记本电脑', '计算机设备', '联想ThinkPad T14', 650_000, 'guihua', 'psn_tangning'],
    ['FA-0031', '激光打印机', '办公设备', '惠普M404dn', 180_000, 'guihua', 'psn_tangning'],
    ['FA-0100', '办公桌', '家具', '1.6米', 120_000, 'guihua', 'psn_tangning'],
    ['FA-0200', '投影仪', '办公设备', '爱普生CB-X06', 420_000, 'guihua', 'psn_hanbing'],
    ['FA-0201', '台式计算机', '计算机设备', '联想启天M430', 480_000, 'ducha', 'psn_xunuo'],
    ['FA-0202', '复印机', '办公设备', '理光MP2555', 2_350_000, 'zonghe', 'psn_huangjing'],
    ['FA-0300', '小型轿车 吉G·A1234', '交通工具', '大众帕萨特', 21_800_000, 'zonghe', null],
    ['FA-0301', '越野车 吉G·A5678', '交通工具', '丰田汉兰达', 26_800_000, 'zonghe', null],
  ];
  for (const [no, name, category, spec, value, unit, holder] of items) {
    const { id } = await svc.registerAsset(keeper, { assetNo: no, name, category, specModel: spec, quantity: 1, originalValueFen: value, acquiredOn: '2022-03-15', source: 'purchase', unitId: `unit_${unit}`, location: '机关办公楼', isVehicle: category === '交通工具' });
    await svc.registerCard(finance, id, { cardNo: `KP-${no.slice(3)}` });
    if (holder) await svc.issueAsset(keeper, id, { toPersonId: holder });
    if (category === '交通工具') await ctx.db.execute(sql`update vehicles set asset_id = ${id} where plate = ${name.split(' ')[1]}`);
  }
  const pcs: string[] = [];
  for (const n of [1, 2, 3]) {
    const { id } = await svc.registerAsset(keeper, { assetNo: `FA-00${50 + n}`, name: '旧台式计算机', category: '计算机设备', specModel: '联想启天M4000', quantity: 1, originalValueFen: 450_000, acquiredOn: '2014-06-01', source: 'purchase', unitId: 'unit_shehui', location: '库房' });
    await svc.registerCard(finance, id, { cardNo: `KP-00${50 + n}` });
    pcs.push(id);
  }
  const disposal = await svc.submitDisposal(keeper, { assetIds: pcs, kind: 'scrap', reason: '使用年限已满，经鉴定无法修复', expectedProceedsFen: 45_000 });
  for (const u of ['liuyang', 'liminghua']) {
    const [task] = await rows<{ id: string }>(ctx.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id where ft.instance_id = ${disposal.instanceId} and ft.status = 'pending' and a.username = ${u}`);
    await actOnTask(await as(ctx, u), task.id, 'approve', { comment: '同意' });
  }
  await svc.recordProceeds(keeper, disposal.id, { proceedsFen: 45_000, target: 'city_finance' });
  await svc.remitProceeds(finance, disposal.id, { amountFen: 45_000, remittedOn: today, voucher: '非税收入缴款书No.2026-0451' });
  await svc.closeDisposal(keeper, disposal.id);
  await svc.registerAsset(keeper, { assetNo: 'FA-0400', name: '服务器（受赠）', category: '计算机设备', specModel: '浪潮NF5280', quantity: 1, originalValueFen: 3_200_000, acquiredOn: today, source: 'donation', unitId: 'unit_xinxi', location: '机房' });

  const month = localDate(new Date(new Date(`${today.slice(0, 7)}-01T00:00:00+08:00`).getTime() - 86_400_000)).slice(0, 7);
  const lines = [['陈志远', 865_000], ['李明华', 742_000], ['刘洋', 612_000], ['马丽', 583_000], ['韩冰', 596_000], ['唐宁', 432_100], ['许诺', 450_000], ['高伟', 500_000], ['吴军', 485_000]] as const;
  await union.computeDues(finance, { period: month, lines: lines.map(([memberName, salaryFen]) => ({ memberName, salaryFen })) });
  await union.computeAllocation(finance, { period: month, payrollFen: 30_000_000, employees: 28 });
  await union.addUnionEntry(finance, { direction: 'expense', category: 'activities', amountFen: 600_000, onDate: `${month}-20`, summary: '职工健步走活动', standardItem: null, persons: null });
}
