import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { personnelRoutes } from './routes';
import { remindReportBacks } from './reminders';
import { remindDepartures } from './departure';
import { remindProbations, seedProbationDemo } from './probation';
import { seedPresenceDemo } from './presence';
import './flows';

export const PERSONNEL_PERMISSIONS = [
  { code: 'personnel.leave', label: '请假、销假、公出申请与本人假期查询' },
  { code: 'personnel.attendance', label: '考勤统计、旷工认定、人事信息登记与导出（综合科）' },
];

/**
 * Leave, attendance and business trips (《市扶贫办机关考勤管理制度（试行）》). Every staff role
 * may request leave; the attendance work belongs to 综合科 (hub).
 */
export const personnelModule: Module = {
  name: 'personnel',
  permissions: PERSONNEL_PERMISSIONS,
  routes: personnelRoutes,
  // LEAVE-20: remind people who have not reported back (销假) by the deadline; hourly is plenty.
  // WR-19: a departure from Baicheng whose reporting chain is incomplete, from the day before.
  // PROB-01: a probation whose assessment is due within the lead days.
  jobs: [
    { name: 'leave-report-back', everyMs: 3_600_000, run: remindReportBacks },
    { name: 'personnel-departure-reminders', everyMs: 3_600_000, run: remindDepartures },
    { name: 'personnel-probation-reminders', everyMs: 3_600_000, run: remindProbations },
  ],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['personnel.leave']);
    await grantPermissions(ctx.db, 'hub', ['personnel.attendance']);
  },
  // ATT-02 / ATT-04: a week of clock-in records and a spot check, so 考勤 shows something;
  // PROB-01: two probations, one due soon and one due already, so 试用期管理 shows both.
  async seedDemo(ctx) {
    await seedPresenceDemo(ctx);
    await seedProbationDemo(ctx);
  },
};
