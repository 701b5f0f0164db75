import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { audit } from '../audit/write';
import type { Ctx } from '../context';
import { BUILTIN_ROLES } from '../access/grants';
import { hashPassword, oneTimePassword } from './passwords';
import { insertAccount } from './store';
import { AppError } from '../errors';

export const INITIALISED_KEY = 'system.initialised';

/** Has this database been set up, by `guicheng init` or by loading the demo office? Safe on an empty database. */
export async function isInitialised(db: Db): Promise<boolean> {
  const [t] = await rows<{ t: string | null }>(db, sql`select to_regclass('public.settings')::text as t`);
  if (!t?.t) return false;
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from settings where key in (${INITIALISED_KEY}, 'demo.seeded')`);
  return (row?.n ?? 0) > 0;
}

export interface AdminUsernames {
  system: string;
  security: string;
  audit: string;
}

export const DEFAULT_ADMIN_USERNAMES: AdminUsernames = { system: 'sysadmin', security: 'secadmin', audit: 'auditadmin' };

export interface BootstrapAccount {
  username: string;
  role: string;
  roleName: string;
  password: string;
}

export const ALREADY_INITIALISED = '数据库已经初始化过，不能重复执行 init。如需找回管理员密码，请由另一位管理员重置。';

/**
 * SECREQ-11 / 等保 8.1.4.2 b: no default credentials. The three administrators (三员分立)
 * get random one-time passwords that must be changed at first login. Runs in the caller's
 * transaction; the `system.initialised` marker makes a second run fail even when two start at once.
 */
export async function createBootstrapAdmins(ctx: Ctx, names: AdminUsernames): Promise<BootstrapAccount[]> {
  const marked = await rows(
    ctx.db,
    sql`insert into settings (key, value, updated_at) values (${INITIALISED_KEY}, ${JSON.stringify({ at: ctx.clock.now().toISOString() })}::jsonb, now())
        on conflict (key) do nothing returning key`,
  );
  const [existing] = await rows(ctx.db, sql`select 1 from accounts limit 1`);
  if (marked.length === 0 || existing) throw new AppError('ALREADY_INITIALISED', 409, ALREADY_INITIALISED);
  const plan = [
    { username: names.system, role: 'sysadmin' as const },
    { username: names.security, role: 'secadmin' as const },
    { username: names.audit, role: 'auditadmin' as const },
  ];
  const out: BootstrapAccount[] = [];
  for (const p of plan) {
    const password = oneTimePassword();
    const roleName = BUILTIN_ROLES[p.role].name;
    const id = await insertAccount(
      ctx.db,
      { username: p.username, displayName: roleName, passwordHash: await hashPassword(password), mustChangePassword: true, roles: [p.role] },
      ctx.clock.now(),
    );
    await audit(ctx, { event: 'account.create', objectType: 'account', objectId: id, detail: { username: p.username, role: p.role, bootstrap: true } });
    out.push({ username: p.username, role: p.role, roleName, password });
  }
  return out;
}
