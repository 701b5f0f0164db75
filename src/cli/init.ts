import type { Command } from './commands';
import { readEnv } from './env';
import { openDatabase, type Db } from '../kernel/db';
import { migrateDatabase } from '../kernel/db/migrate';
import { systemCtx, withTx } from '../kernel/context';
import { systemClock, type Clock } from '../kernel/time';
import { seedBase } from '../demo/seed';
import { AppError } from '../kernel/errors';
import {
  ALREADY_INITIALISED,
  createBootstrapAdmins,
  DEFAULT_ADMIN_USERNAMES,
  isInitialised,
  type AdminUsernames,
  type BootstrapAccount,
} from '../kernel/identity/bootstrap';

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

/**
 * Production set-up of an empty database: built-in roles and every module's base data, then
 * the three administrators with one-time passwords (SECREQ-11). Refuses a second run.
 */
export async function initOffice(db: Db, clock: Clock, names: AdminUsernames = DEFAULT_ADMIN_USERNAMES): Promise<BootstrapAccount[]> {
  const list = [names.system, names.security, names.audit].map((n) => n.trim().toLowerCase());
  if (list.some((n) => !USERNAME.test(n))) throw new AppError('BAD_REQUEST', 400, '管理员用户名须为 3–32 位字母、数字、点、下划线或连字符，以字母开头');
  if (new Set(list).size !== 3) throw new AppError('BAD_REQUEST', 400, '三员分立：三位管理员须使用三个不同的账号');
  if (await isInitialised(db)) throw new AppError('ALREADY_INITIALISED', 409, ALREADY_INITIALISED);
  await seedBase(db, clock);
  return withTx(systemCtx(db, clock), (ctx) =>
    createBootstrapAdmins(ctx, { system: list[0], security: list[1], audit: list[2] }),
  );
}

export const initCommand: Command = {
  summary: '初始化生产数据库：创建系统管理员、安全管理员、审计管理员（一次性密码）',
  options: {
    sysadmin: { type: 'string', default: DEFAULT_ADMIN_USERNAMES.system },
    secadmin: { type: 'string', default: DEFAULT_ADMIN_USERNAMES.security },
    auditadmin: { type: 'string', default: DEFAULT_ADMIN_USERNAMES.audit },
  },
  async run(values) {
    const env = readEnv();
    const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
    try {
      await migrateDatabase(database);
      const accounts = await initOffice(database.db, systemClock, {
        system: String(values.sysadmin),
        security: String(values.secadmin),
        audit: String(values.auditadmin),
      });
      const where = env.databaseUrl ? 'PostgreSQL 服务器' : `嵌入式数据库（${env.dataDir}）`;
      console.log(`规程 Guicheng 已初始化（${where}）。三员账号及一次性密码如下，只显示这一次：`);
      for (const a of accounts) console.log(`  ${a.roleName.padEnd(6, '　')}  用户名 ${a.username.padEnd(12)}  一次性密码 ${a.password}`);
      console.log('请分别交给三位管理员本人；首次登录须修改密码。现在可以运行：npm run serve');
    } finally {
      await database.close();
    }
  },
};
