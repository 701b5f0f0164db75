import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { financeRoutes } from './routes';
import './flows';

export const FINANCE_PERMISSIONS = [
  { code: 'finance.claim', label: '费用报销、公务接待申请与本人（本科室）记录' },
  { code: 'finance.ledger', label: '财务台账查阅与导出、化整为零预警（综合科、班子成员、纪检监察）' },
];

/**
 * Finance and reception (财务管理制度, 公务接待制度, and the expense chains of 五不直接分管).
 * Every staff role files claims; the ledgers belong to 综合科 and are open to the leaders and
 * the discipline inspector for supervision (FIVE-18).
 */
export const financeModule: Module = {
  name: 'finance',
  permissions: FINANCE_PERMISSIONS,
  routes: financeRoutes,
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['finance.claim']);
    for (const role of ['hub', 'leader', 'inspector']) await grantPermissions(ctx.db, role, ['finance.ledger']);
  },
};
