import { describe, expect, it } from 'vitest';
import { confirmVerdicts, type Criteria } from './rules';

/** MON-05: a guarantee hazard (C3) or a major incident (C4) alone meets the entry criteria. */
const verdictOf = (criteria: Criteria) =>
  confirmVerdicts({ channel: 'SECTOR_SCREENING', sectorDepartment: '住建', criteria }, [], 'RED').find((v) => v.ruleId === 'MON-02')!;

describe('MON-05 criteria C3 and C4', () => {
  it('MON-05 a housing-safety or drinking-water hazard alone meets the criteria (C3), with no income data', () => {
    expect(verdictOf({ C3: { hazards: ['HOUSING_SAFETY'] } }).outcome).toBe('ok');
    expect(verdictOf({ C3: { hazards: ['DRINKING_WATER', 'COMPULSORY_EDUCATION'] } }).outcome).toBe('ok');
  });

  it('MON-05 a major family incident or disaster alone meets the criteria (C4)', () => {
    expect(verdictOf({ C4: { eventType: '重大疾病', eventDate: '2026-10-02' } }).outcome).toBe('ok');
  });

  it('MON-05 MON-02 an empty hazard list is not a criterion: confirmation is refused for want of one', () => {
    expect(verdictOf({ C3: { hazards: [] } })).toMatchObject({ outcome: 'block', ruleId: 'MON-02' });
    expect(verdictOf({})).toMatchObject({ outcome: 'block', ruleId: 'MON-02' });
  });
});
