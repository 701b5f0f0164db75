import type { Module } from '../module';
import { grantPermissions } from '../access/grants';
import { DEMO_ADMINS, DEMO_PEOPLE, demoPersonId } from '../../demo/office';
import { hashPassword } from './passwords';
import { insertAccount } from './store';
import { authRoutes } from './routes';
import { accountRoutes } from './account-routes';

export const identityModule: Module = {
  name: 'identity',
  permissions: [
    { code: 'account.manage', label: '管理账号：新建、停用、重置密码、关联人员（系统管理员）' },
    { code: 'account.unlock', label: '解除账号登录锁定（安全管理员）' },
    { code: 'security.policy', label: '设置口令、锁定与会话策略（安全管理员）' },
  ],
  async routes(app, opts) {
    await authRoutes(app, opts);
    await accountRoutes(app, opts);
  },
  async seedBase(ctx) {
    await grantPermissions(ctx.db, 'sysadmin', ['account.manage']);
    await grantPermissions(ctx.db, 'secadmin', ['account.unlock', 'security.policy']);
  },
  /**
   * One account per demo person with the roles of src/demo/office.ts, and the three
   * administrators. One hash for everyone: argon2 is slow on purpose, and the demo password
   * is public anyway.
   */
  async seedDemo(ctx, opts) {
    const passwordHash = await hashPassword(opts.password);
    const now = ctx.clock.now();
    for (const p of DEMO_PEOPLE) {
      await insertAccount(
        ctx.db,
        { id: `acct_${p.username}`, username: p.username, displayName: p.name, personId: demoPersonId(p.username), passwordHash, mustChangePassword: false, roles: p.roles },
        now,
      );
    }
    for (const a of DEMO_ADMINS) {
      await insertAccount(ctx.db, { id: `acct_${a.username}`, username: a.username, displayName: a.name, passwordHash, mustChangePassword: false, roles: [a.role] }, now);
    }
  },
};
