import type { Module } from '../module';
import { ensureBuiltinRoles } from './grants';

export const accessModule: Module = {
  name: 'access',
  async seedBase(ctx) {
    await ensureBuiltinRoles(ctx.db);
  },
};
