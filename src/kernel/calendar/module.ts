import type { Module } from '../module';
import { grantPermissions } from '../access/grants';
import { calendarRoutes } from './routes';
import { seedCalendar } from './seed';

export const CALENDAR_PERMISSIONS = [
  { code: 'calendar.edit', label: '录入年度放假安排' },
  { code: 'calendar.publish', label: '审核发布年度放假安排' },
];

/**
 * The working-day calendar. The 系统管理员 enters a year (system configuration); the
 * 综合科, which keeps attendance and every working-day deadline of the office, checks it
 * against the State Council notice and publishes it. The administrator also holds publish
 * so an office with two administrators can work without the 综合科; publish.ts enforces
 * the second person per account (whoever entered a year cannot publish it).
 */
export const calendarModule: Module = {
  name: 'calendar',
  permissions: CALENDAR_PERMISSIONS,
  routes: calendarRoutes,
  async seedBase(ctx) {
    await seedCalendar(ctx);
    await grantPermissions(ctx.db, 'sysadmin', CALENDAR_PERMISSIONS.map((p) => p.code));
    await grantPermissions(ctx.db, 'hub', ['calendar.publish']);
  },
};
