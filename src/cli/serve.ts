import type { Command } from './commands';
import { readEnv } from './env';
import { startServer } from '../server/start';
import { openDatabase } from '../kernel/db';
import { isInitialised } from '../kernel/identity/bootstrap';

/** SECREQ-11: production never starts on a database without its administrators. */
async function assertInitialised(env: ReturnType<typeof readEnv>): Promise<void> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
  try {
    if (await isInitialised(database.db)) return;
  } finally {
    await database.close();
  }
  throw new Error('数据库尚未初始化：请先运行 npm run guicheng -- init 创建三员管理员账号（或以 --demo 启动演示环境）。');
}

export const serveCommand: Command = {
  summary: '启动服务（--demo：首次启动时载入演示单位）',
  options: { demo: { type: 'boolean', default: false } },
  async run(values) {
    const env = readEnv();
    const demo = Boolean(values.demo);
    if (!demo) await assertInitialised(env);
    const started = Date.now();
    const running = await startServer({ ...env, demo, logger: false });
    const where = env.databaseUrl ? 'PostgreSQL 服务器' : `嵌入式数据库（${env.dataDir}）`;
    console.log(`规程 Guicheng 已启动：${running.url}  （${where}，用时 ${Date.now() - started} ms）`);
    if (demo) {
      console.log(`【演示环境】演示账号密码均为 ${env.demoPassword}`);
      console.log('  主任 chenzhiyuan · 副主任 liminghua / zhaoguoqiang / sunli · 综合科科长 liuyang · 科员 mali / xunuo');
      console.log('  系统管理员 weiqiang · 安全管理员 qiumin · 审计管理员 pengying');
    }
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`收到 ${signal}，正在安全关闭…`);
      await running.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  },
};
