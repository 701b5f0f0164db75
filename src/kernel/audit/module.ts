import type { Module } from '../module';

export const auditModule: Module = {
  name: 'audit',
};
