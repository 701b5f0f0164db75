import { describe, expect, it } from 'vitest';
import { checkReception } from './reception-checks';
import type { Flagged } from '../../kernel/rules/registry';
import { ReceptionForm, type ReceptionFormValue } from './form';

/** The approval report's 来白事由 against ORS 2's list of official activities (RECEP-02). */
const letter = { issuer: '白城市洮北区扶贫办', docNo: '洮扶函〔2026〕12号', issuedOn: '2026-10-28', content: '汇报产业扶贫工作', itinerary: '11月5日来白，当日返回', persons: '王某等6人', fileRef: '公函扫描件.pdf' };
const form = (over: Partial<ReceptionFormValue>): ReceptionFormValue => ReceptionForm.parse({
  letter, guestUnit: '白城市洮北区扶贫办', purpose: '汇报产业扶贫项目进展', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-05', visitEnd: '2026-11-05',
  guests: 6, leadGuest: '王某 主任', arrangement: '上午座谈，下午返回', accompanyNames: [], meals: [], ...over,
});
const blocks = (f: ReceptionFormValue) => checkReception(f).filter((v): v is Flagged => v.outcome === 'block');

describe('RECEP-02 official activities', () => {
  it('RECEP-02 accepts each of the six activities of ORS 2 with its stated purpose', () => {
    for (const purposeCategory of ['meeting', 'research', 'task', 'exchange', 'guidance', 'report'] as const) {
      expect(blocks(form({ purposeCategory }))).toEqual([]);
    }
  });

  it('RECEP-02 refuses “其他公务” without a stated official purpose, and a visit that ends before it starts, citing ORS 2', () => {
    const [vague] = blocks(form({ purposeCategory: 'other', purpose: '来访' }));
    expect(vague).toMatchObject({ ruleId: 'RECEP-02' });
    expect(vague!.message).toContain('其他公务');
    expect(blocks(form({ purposeCategory: 'other', purpose: '对接东西部协作项目资金拨付' }))).toEqual([]);
    expect(blocks(form({ visitStart: '2026-11-06', visitEnd: '2026-11-05' }))[0]).toMatchObject({ ruleId: 'RECEP-02' });
  });

  it('RECEP-02 RECEP-08 a holiday is not an official activity: refused as non-official', () => {
    expect(blocks(form({ purposeCategory: 'tourism' })).map((v) => v.ruleId)).toEqual(['RECEP-08']);
  });
});
