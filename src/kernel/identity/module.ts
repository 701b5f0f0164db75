import type { Module } from '../module';

export const identityModule: Module = {
  name: 'identity',
};
