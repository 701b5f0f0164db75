import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import { addDays } from '../../kernel/time';
import { countRange } from './days';
import { leaveRoute } from './route';
import { approveAll, leave } from './test-helpers';
import { balances, cancelLeave } from './service';

/** Properties: day counting against the calendar day by day; the ledger balance; routing monotonicity. */
let t: TestApp;
let cal: WorkingCalendar;
beforeAll(async () => {
  t = await createTestApp();
  cal = await loadWorkingCalendar(t.database.db);
});
afterAll(async () => t?.close());

const dayOf = fc.integer({ min: 0, max: 3 * 365 - 40 }).map((n) => addDays('2024-01-01', n));

describe('properties', () => {
  it('LEAVE-07: for random ranges with half days, the working-day count equals the calendar counted day by day', () => {
    fc.assert(
      fc.property(dayOf, fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean(), (start, len, pm, am) => {
        const end = addDays(start, len);
        if (len === 0 && pm && am) return;
        const r = { startDate: start, startHalf: pm ? 'pm' : 'full', endDate: end, endHalf: am ? 'am' : 'full' } as const;
        let expected = 0;
        for (let d = start; d <= end; d = addDays(d, 1)) {
          if (!cal.day(d).workingDay) continue;
          expected += 2 - (d === start && pm ? 1 : 0) - (d === end && am ? 1 : 0);
        }
        const c = countRange(cal, r);
        expect(c.workingHalves).toBe(expected);
        if (!pm && !am) expect(c.workingHalves).toBe(cal.count(start, end) * 2);
        expect(c.calendarHalves).toBe((len + 1) * 2 - (pm ? 1 : 0) - (am ? 1 : 0));
        expect(Object.values(c.workingByYear).reduce((a, b) => a + b, 0)).toBe(c.workingHalves);
      }),
      { numRuns: 300 },
    );
  });

  it('LEAVE-04 LEAVE-05: a longer leave never has a shorter route', () => {
    fc.assert(
      fc.property(fc.constantFrom('general', 'section', 'deputy', 'principal' as const), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (category, a, extra) => {
        const len = (r: ReturnType<typeof leaveRoute>) => [r.gov, r.filing, r.section, r.leader, r.principal].filter(Boolean).length;
        expect(len(leaveRoute({ category, tierHalves: a + extra }))).toBeGreaterThanOrEqual(len(leaveRoute({ category, tierHalves: a })));
      }),
    );
  });

  it('LEAVE-08 ledger: after random approvals and cancellations, the annual balance equals the entitlement minus the approved uses', async () => {
    // hejianjun: work since 1993 → 15 days; one week per request so ranges never overlap.
    const weeks = Array.from({ length: 8 }, (_, i) => addDays('2025-03-03', i * 7));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 4 }), fc.boolean()), { minLength: 1, maxLength: 4 }), async (ops) => {
        t.clock.set('2025-02-20T09:00:00+08:00');
        const ctx = await ctxFor(t, 'hejianjun');
        const before = await balances(ctx, 'psn_hejianjun', 2025);
        let expectedUsed = before.annual.usedDays;
        for (const [w, len, cancel] of ops) {
          const start = weeks[w];
          const end = addDays(start, len - 1);
          const days = cal.count(start, end);
          if (expectedUsed + days > 15) continue;
          const r = await leave(t, 'hejianjun', { type: 'annual', startDate: start, endDate: end }).catch(() => null);
          if (!r) continue;
          await approveAll(t, r.instanceId);
          if (cancel) await cancelLeave(ctx, r.id, '测试取消');
          else expectedUsed += days;
        }
        const after = await balances(ctx, 'psn_hejianjun', 2025);
        expect(after.annual.usedDays).toBe(expectedUsed);
        expect(after.annual.remainingDays).toBe(after.annual.entitledDays - expectedUsed);
        expect(after.entries.filter((e) => e.leaveType === 'annual').reduce((a, e) => a + e.days, 0)).toBe(after.annual.remainingDays);
        // Leave the next run a clean slate: cancel what this run left approved.
        for (const id of (await t.database.query<{ id: string }>(`select id from leave_requests where person_id = 'psn_hejianjun' and status = 'approved'`)).map((x) => x.id)) {
          await cancelLeave(ctx, id, '复位');
        }
      }),
      { numRuns: 6 },
    );
  });
});
