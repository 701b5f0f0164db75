#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { commands } from './commands';

const [name = 'serve', ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`未知命令：${name}\n可用命令：\n${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`).join('\n')}`);
  process.exit(2);
}
try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  await command.run(values as Record<string, string | boolean | undefined>, positionals);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
