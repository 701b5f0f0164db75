import type { ParseArgsConfig } from 'node:util';
import { serveCommand } from './serve';
import { initCommand } from './init';
import { auditVerifyCommand } from './audit-verify';

export interface Command {
  summary: string;
  options?: ParseArgsConfig['options'];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

/** `guicheng <command>`; kernel parts add theirs here (init, audit-verify …). */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  init: initCommand,
  'audit-verify': auditVerifyCommand,
};
