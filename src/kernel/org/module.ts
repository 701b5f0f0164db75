import type { Module } from '../module';

export const orgModule: Module = {
  name: 'org',
};
