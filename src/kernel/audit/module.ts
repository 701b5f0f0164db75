import { sql } from 'drizzle-orm';
import type { Module } from '../module';
import { grantPermissions } from '../access/grants';
import { CHAIN_ID, GENESIS_HASH } from './chain';
import { auditRoutes } from './routes';
import { sealAuditLog } from './seal';

export const AUDIT_PERMISSIONS = [
  { code: 'audit.read', label: '查询、导出审计日志' },
  { code: 'audit.verify', label: '校验审计日志完整性' },
];

export const auditModule: Module = {
  name: 'audit',
  permissions: AUDIT_PERMISSIONS,
  routes: auditRoutes,
  // Seal every second: records are linked to the chain shortly after their transaction commits.
  jobs: [{ name: 'audit-seal', everyMs: 1_000, run: (database) => sealAuditLog(database) }],
  async seedBase(ctx) {
    // Only the 审计管理员 reads the log (三员分立, security.md §3.2).
    await grantPermissions(ctx.db, 'auditadmin', AUDIT_PERMISSIONS.map((p) => p.code));
    // The chain's genesis head (audit.repeatable.sql creates it too; both are idempotent).
    await ctx.db.execute(sql`insert into audit_chain_head (id, last_seq, last_hash)
      values (${CHAIN_ID}, 0, ${GENESIS_HASH}) on conflict (id) do nothing`);
  },
};
