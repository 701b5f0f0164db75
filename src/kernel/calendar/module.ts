import type { Module } from '../module';

export const calendarModule: Module = {
  name: 'calendar',
};
