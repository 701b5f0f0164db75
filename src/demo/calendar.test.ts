import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/db';
import { TestClock } from '../../test/support/clock';
import { rows } from '../kernel/db';
import { loadWorkingCalendar } from '../kernel/calendar';
import { seedDemoOffice } from './seed';
import { provisionalFestivals } from './calendar';

/** The demo started in December, when next year's notice is not yet in the bundled data (calendar.md §3.3, CAL-05). */
describe('demo calendar for next year', () => {
  it('CAL-04: the provisional festivals give exactly the statutory weekdays off (2027: 春节 from 除夕, 国庆 moved past the weekend; 2025: 中秋 joined to 国庆)', () => {
    const y2027 = provisionalFestivals(2027);
    expect(y2027.find((f) => f.festival === '春节')).toEqual({ festival: '春节', start: '2027-02-05', end: '2027-02-10' });
    expect(y2027.find((f) => f.festival === '国庆节')).toEqual({ festival: '国庆节', start: '2027-10-01', end: '2027-10-05' });
    expect(provisionalFestivals(2025).map((f) => f.festival)).toContain('国庆节、中秋');
  });

  it('CAL-05: a demo seeded on 2026-12-21 enters 2027 through the two-person workflow, marked as not the State Council notice', async () => {
    const database = await createTestDatabase('migrated');
    try {
      const clock = new TestClock('2026-12-21T09:00:00+08:00');
      await seedDemoOffice(database.db, clock, { password: 'Guicheng@2026' });
      const [y] = await rows<{ status: string; source_doc: string; created_by: string; approved_by: string }>(database.db, sql`select status, source_doc, created_by, approved_by from calendar_year where year = 2027`);
      expect(y).toMatchObject({ status: 'published', created_by: 'acct_weiqiang', approved_by: 'acct_liuyang' });
      expect(y.source_doc).toContain('非国务院通知');
      const cal = await loadWorkingCalendar(database.db);
      expect(cal.day('2027-01-01').workingDay).toBe(false);
      expect(cal.day('2027-02-08').workingDay).toBe(false);
      expect(cal.day('2027-01-04').workingDay).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('in November the demo leaves next year unpublished, so the administrators are still warned', async () => {
    const database = await createTestDatabase('migrated');
    try {
      await seedDemoOffice(database.db, new TestClock('2026-11-29T09:00:00+08:00'), { password: 'Guicheng@2026' });
      expect(await rows(database.db, sql`select 1 from calendar_year where year = 2027`)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
