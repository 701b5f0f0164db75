import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { submitTrip } from '../personnel/service';
import { previewClaim, submitClaim } from './service';
import { rejected, sign } from './test-helpers';
import { reimbursable } from './travel';
import type { ClaimLineValue } from './form';

let t: TestApp;
let tripId: string;
beforeAll(async () => {
  t = await createTestApp();
  const trip = await submitTrip(await ctxFor(t, 'tangning'), { destination: '长春', purpose: '参加全省扶贫培训', purposeCategory: 'meeting', startDate: '2026-11-04', endDate: '2026-11-06', transport: 'train' });
  await sign(t, trip.instanceId, 'zhaoguoqiang');
  tripId = trip.id;
});
afterAll(async () => t?.close());

const line = (over: Partial<ClaimLineValue>): ClaimLineValue => ({ description: '车票', amountFen: 15_550, paymentMethod: 'transfer', date: '2026-11-04', travel: { type: 'ticket', mode: 'hsr', seatClass: 'second' }, ...over });
const travelClaim = (over: Record<string, unknown> = {}) => ({
  category: 'travel_in_province', purpose: '长春参加培训', payee: '唐宁', attested: true, tripForMeeting: true, hostStatement: { mealDays: [], vehicleDays: [] },
  lines: [line({}), line({ description: '住宿', amountFen: 30_000, date: '2026-11-04', travel: { type: 'lodging' } })],
  vouchers: [{ kind: 'invoice', ref: '车票及住宿发票' }, { kind: 'meeting_notice', ref: '吉扶办发〔2026〕8号培训通知' }], ...over,
});

describe('travel claims', () => {
  it('AS-D31 TRAVEL-02: no approved trip, no reimbursement; a meeting trip also needs the notice', async () => {
    const me = await ctxFor(t, 'tangning');
    expect((await rejected(submitClaim(me, travelClaim()))).rule?.id).toBe('TRAVEL-02');
    expect((await rejected(submitClaim(me, travelClaim({ tripId, vouchers: [{ kind: 'invoice', ref: 'x' }] })))).rule?.id).toBe('TRAVEL-02');
    // Someone who is not on the form cannot use it.
    expect((await rejected(submitClaim(await ctxFor(t, 'dongxue'), travelClaim({ tripId })))).rule?.id).toBe('TRAVEL-02');
    const res = await submitClaim(me, travelClaim({ tripId }));
    expect(res.instanceId).toBeTruthy();
  });

  it('AS-D34 TRAVEL-06: a line outside the approved dates is not reimbursed', async () => {
    const err = await rejected(submitClaim(await ctxFor(t, 'tangning'), travelClaim({ tripId, lines: [line({ date: '2026-11-08' })] })));
    expect(err.rule?.id).toBe('TRAVEL-06');
  });

  it('AS-D32 TRAVEL-04 TRAVEL-03: over-class tickets are paid at the permitted fare or blocked without one; lodging above the standard is the traveller’s', async () => {
    expect(reimbursable(line({ amountFen: 48_000, travel: { type: 'ticket', mode: 'train', seatClass: 'soft_sleeper', permittedFareFen: 31_000 } })).fen).toBe(31_000);
    expect(reimbursable(line({ amountFen: 25_000, travel: { type: 'ticket', mode: 'hsr', seatClass: 'first', permittedFareFen: 15_550 } })).fen).toBe(15_550);
    const me = await ctxFor(t, 'tangning');
    expect((await rejected(submitClaim(me, travelClaim({ tripId, lines: [line({ amountFen: 120_000, travel: { type: 'ticket', mode: 'plane', seatClass: 'plane_business' } })] })))).rule?.id).toBe('TRAVEL-04');
    const p = await previewClaim(me, travelClaim({ tripId, lines: [line({ description: '住宿', amountFen: 45_000, travel: { type: 'lodging' } })] }));
    expect(p.facts.payableFen).toBe(35_000);
    expect(p.facts.personalShareFen).toBe(10_000);
    expect(p.verdicts.map((v) => v.ruleId)).toContain('TRAVEL-03');
  });

  it('AS-D33 TRAVEL-05: lodging on days the organiser arranged it is blocked', async () => {
    const err = await rejected(submitClaim(await ctxFor(t, 'tangning'), travelClaim({
      tripId, organizer: { arranged: ['board', 'lodging', 'transport'], dates: ['2026-11-05'] },
      lines: [line({ description: '住宿', amountFen: 30_000, date: '2026-11-05', travel: { type: 'lodging' } })],
    })));
    expect(err.rule?.id).toBe('TRAVEL-05');
  });
});
