import os from 'node:os';
import type { Command } from './commands';
import { readEnv } from './env';
import { openDatabase, type Database } from '../kernel/db';
import { sqlState } from '../kernel/db/transaction';
import { systemCtx } from '../kernel/context';
import { systemClock } from '../kernel/time';
import { audit } from '../kernel/audit/write';
import { sealAuditLog } from '../kernel/audit/seal';
import { DEFAULT_MAX_UNSEALED_SECONDS, verifyAuditChain, type VerifyReport } from '../kernel/audit/verify';

/** The report in Chinese, one line per fact, for the terminal and for cron mail. */
export function formatReport(r: VerifyReport): string {
  const lines = ['审计日志完整性校验（SM3 哈希链）'];
  lines.push(`  已校验记录：${r.checked} 条（链头序号 ${r.headSeq}）`);
  if (r.firstBroken) {
    const b = r.firstBroken;
    lines.push(`  首个断点：序号 ${b.seq}${b.id !== null ? `（记录编号 ${b.id}）` : ''}——${b.reason}：${b.detail}`);
  } else {
    lines.push('  哈希链：完整，未发现篡改、缺失或伪造的记录');
  }
  if (r.unsealedTooLongCount > 0) {
    lines.push(`  超时未封存：${r.unsealedTooLongCount} 条记录超过 ${r.maxUnsealedSeconds} 秒仍未链入哈希链`);
    for (const u of r.unsealedTooLong.slice(0, 10)) {
      lines.push(`    记录编号 ${u.id}  ${u.at}  ${u.event}  已等待 ${u.ageSeconds} 秒`);
    }
  }
  lines.push(`  结论：${r.ok ? '通过' : '未通过'}`);
  return lines.join('\n');
}

/** Verify (optionally sealing pending records first), audit the run, return the exit code. */
export async function runAuditVerify(
  database: Database,
  opts: { maxUnsealedSeconds?: number; seal?: boolean },
  print: (text: string) => void = console.log,
): Promise<number> {
  if (opts.seal) await sealAuditLog(database);
  const report = await verifyAuditChain(database, { maxUnsealedSeconds: opts.maxUnsealedSeconds });
  await audit(systemCtx(database.db, systemClock), {
    event: 'audit.verify',
    objectType: 'audit_chain',
    objectId: 'main',
    outcome: report.ok ? 'success' : 'failure',
    detail: { source: 'cli', osUser: os.userInfo().username, ok: report.ok, checked: report.checked, firstBroken: report.firstBroken ?? null },
  });
  print(formatReport(report));
  return report.ok ? 0 : 1;
}

export const auditVerifyCommand: Command = {
  summary: '校验审计日志的 SM3 哈希链（--max-unsealed-seconds N，--seal 先封存待链接记录）；发现问题时退出码为 1',
  options: {
    'max-unsealed-seconds': { type: 'string' },
    seal: { type: 'boolean', default: false },
  },
  async run(values) {
    const raw = values['max-unsealed-seconds'];
    const maxUnsealedSeconds = raw === undefined ? DEFAULT_MAX_UNSEALED_SECONDS : Number(raw);
    if (!Number.isInteger(maxUnsealedSeconds) || maxUnsealedSeconds < 0) {
      throw new Error('--max-unsealed-seconds 应为非负整数（秒）');
    }
    const env = readEnv();
    const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
    try {
      process.exitCode = await runAuditVerify(database, { maxUnsealedSeconds, seal: Boolean(values.seal) });
    } catch (err) {
      if (sqlState(err) === '42P01') throw new Error('数据库中没有审计日志表：该数据库尚未初始化（请先启动一次服务或运行初始化命令）');
      throw err;
    } finally {
      await database.close();
    }
  },
};
