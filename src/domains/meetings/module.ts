import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { meetingsRoutes } from './routes';
import { remindOverdueTasks } from './followup';
import { remindMeetings } from './service-prep';
import { remindEmergencyDisposals } from './service-oversight';
import { remindDecisionDisclosures } from './service-disclosure';
import { systemCtx } from '../../kernel/context';
import { seedMeetingsDemo } from './demo';

export const MEETINGS_PERMISSIONS = [
  { code: 'meetings.read', label: '查阅本人参加的会议、发表意见、表决（成员资格由系统按会议核对）、查阅会议决定' },
  { code: 'meetings.manage', label: '筹备会议、登记出席、会务与督办（综合科）' },
  { code: 'meetings.oversee', label: '监督查阅全部会议记录与纪要（纪检监察）' },
];

/**
 * 党组会议, 主任办公会议 and “三重一大” decisions (A-meetings.md). Whether someone may vote or
 * speak is decided by the meeting's own roster, not by role: every staff role gets
 * meetings.read; 综合科 prepares meetings; the discipline inspector oversees.
 */
export const meetingsModule: Module = {
  name: 'meetings',
  permissions: MEETINGS_PERMISSIONS,
  routes: meetingsRoutes,
  // SZYD-30: overdue follow-up tasks are reminded once a day (rows are claimed with SKIP LOCKED).
  jobs: [
    { name: 'meetings-followup', everyMs: 3_600_000, run: (database, clock) => remindOverdueTasks(systemCtx(database.db, clock)) },
    // PG-04 / DM-11: the reminder before a notified meeting (claimed with SKIP LOCKED, sent once).
    { name: 'meetings-notice-reminder', everyMs: 300_000, run: (database, clock) => remindMeetings(systemCtx(database.db, clock)) },
    // SZYD-29: interim emergency disposals not reported to the leadership team in time (claimed with SKIP LOCKED).
    { name: 'meetings-emergency-report', everyMs: 3_600_000, run: (database, clock) => remindEmergencyDisposals(systemCtx(database.db, clock)) },
    // WR-13 / SZYD-31: 主动公开 decisions not yet published (each stage once, under a named lock).
    { name: 'meetings-decision-disclosure', everyMs: 3_600_000, run: (database, clock) => remindDecisionDisclosures(systemCtx(database.db, clock)) },
  ],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub', 'inspector']) await grantPermissions(ctx.db, role, ['meetings.read']);
    await grantPermissions(ctx.db, 'hub', ['meetings.manage']);
    await grantPermissions(ctx.db, 'inspector', ['meetings.oversee']);
  },
  // Last month's 党组会议 held in full, this month's 主任办公会议, the next 党组会议 notified (demo.ts).
  seedDemo: (ctx) => seedMeetingsDemo(ctx),
};
