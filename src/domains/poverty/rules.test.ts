import { afterEach, describe, expect, it } from 'vitest';
import { clearParamOverrides, setParamOverrides } from '../../kernel/rules';
import { checkIdNumber, makeIdNumber, maskIdNumber } from './idcard';
import { sm4FieldCipher } from './crypto';
import {
  c1Verdict, categoryVerdict, checkIncomeC1, confirmVerdicts, exitVerdict, expenditureHint, levelChoiceVerdict, scaleVerdict, suggestLevel, type LevelFacts,
} from './rules';

afterEach(() => clearParamOverrides());
const S = 400000; // 4,000 yuan in fen (AS-B24 test config)

describe('ID numbers (GB 11643, SECREQ-41)', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    const id = makeIdNumber('220802', '1980-05-12', 123);
    expect(checkIdNumber(id)).toEqual({ ok: true, id, birthDate: '1980-05-12', sex: 'M' });
    expect(checkIdNumber('11010519491231002X')).toMatchObject({ ok: true, sex: 'F' });
  });
  it('rejects bad checksum, bad date, bad length with a reason', () => {
    const id = makeIdNumber('220802', '1980-05-12', 124);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(checkIdNumber(wrong)).toMatchObject({ ok: false, reason: expect.stringContaining('校验位') });
    expect(checkIdNumber('220802198002300011')).toMatchObject({ ok: false, reason: expect.stringContaining('出生日期') });
    expect(checkIdNumber('22080219800')).toMatchObject({ ok: false, reason: expect.stringContaining('18位') });
  });
  it('masks as 220802********1234', () => {
    expect(maskIdNumber('220802198005121234')).toBe('220802********1234');
  });
});

describe('SM4 field encryption (SECREQ-26)', () => {
  const c = sm4FieldCipher(Buffer.alloc(32, 1));
  it('round-trips, never repeats a ciphertext, and detects tampering', () => {
    const a = c.encrypt('220802198005121234');
    expect(a).not.toContain('220802198005121234');
    expect(c.decrypt(a)).toBe('220802198005121234');
    expect(c.encrypt('220802198005121234')).not.toBe(a);
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[20] ^= 1;
    expect(() => c.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });
  it('gives a stable keyed lookup hash that differs per key', () => {
    expect(c.lookupHash('x')).toBe(c.lookupHash('x'));
    expect(sm4FieldCipher(Buffer.alloc(32, 2)).lookupHash('x')).not.toBe(c.lookupHash('x'));
  });
});

describe('MON-03 income criterion (AS-B24)', () => {
  it('flags below 1.5 × S as met, within the band as near, above as not met', () => {
    setParamOverrides('MON-03', { monIncomeTolerance: 0.05 });
    expect(checkIncomeC1(580000, S).status).toBe('met');
    expect(checkIncomeC1(620000, S).status).toBe('near');
    expect(checkIncomeC1(700000, S).status).toBe('not_met');
    // Never auto-includes: only a warning for the person deciding.
    expect(c1Verdict(580000, S)).toMatchObject({ outcome: 'warn', ruleId: 'MON-03' });
  });
  it('without a tolerance flags only the exact threshold; without a standard, nothing', () => {
    setParamOverrides('MON-03', { monIncomeTolerance: null });
    expect(checkIncomeC1(620000, S).status).toBe('not_met');
    expect(checkIncomeC1(599999, S).status).toBe('met');
    expect(checkIncomeC1(600000, S).status).toBe('not_met');
    expect(checkIncomeC1(100, null).status).toBe('unknown');
  });
});

describe('MON-04 expenditure hint', () => {
  it('shows E − Y0 and the income drop, as hints', () => {
    setParamOverrides('MON-04', { monIncomeDropShare: 0.3 });
    expect(expenditureHint(500000, 400000, 390000)).toEqual({ expenditureExceeds: true, incomeDropped: false, excessFen: 100000 });
    expect(expenditureHint(100000, 400000, 200000)).toMatchObject({ expenditureExceeds: false, incomeDropped: true });
  });
});

describe('MON-06 scale (AS-B25)', () => {
  it('warns above 5% + tolerance, never blocks; deep-poverty counties at 10%', () => {
    setParamOverrides('MON-06', { monScaleTolerance: 1 });
    expect(scaleVerdict(20000, 1000, false).outcome).toBe('ok');
    expect(scaleVerdict(20000, 1300, false)).toMatchObject({ outcome: 'warn', ruleId: 'MON-06' });
    expect(scaleVerdict(20000, 2000, true).outcome).toBe('ok');
    expect(scaleVerdict(20000, 2050, true)).toMatchObject({ outcome: 'warn', message: expect.stringContaining('10%') });
  });
});

describe('MON-01, MON-02, MON-07, MON-08, MON-09, MON-10, MON-14 at confirmation', () => {
  it('MON-01: a registered household entered as MARGINAL is blocked (AS-B30)', () => {
    expect(categoryVerdict('exited', 'MARGINAL')).toMatchObject({ outcome: 'block', ruleId: 'MON-01' });
    expect(categoryVerdict('poor', 'UNSTABLE_EXITED')).toMatchObject({ outcome: 'block', ruleId: 'MON-01' });
    expect(categoryVerdict('none', 'MARGINAL').outcome).toBe('ok');
  });
  const base = { channel: 'HOUSEHOLD_VISIT', sectorDepartment: null, criteria: { C3: { hazards: ['HOUSING_SAFETY' as const] } } };
  const blocks = (v: ReturnType<typeof confirmVerdicts>) => v.filter((x) => x.outcome === 'block').map((x) => x.ruleId);
  it('MON-02 needs a criterion; MON-14 needs exactly one colour (AS-B30)', () => {
    expect(blocks(confirmVerdicts({ ...base, criteria: {} }, [], 'RED'))).toEqual(['MON-02']);
    expect(blocks(confirmVerdicts(base, [], null))).toEqual(['MON-14']);
    expect(blocks(confirmVerdicts(base, [], 'BLUE'))).toEqual([]);
  });
  it('MON-07 channel, MON-08 application verifiers, MON-09 sector, MON-10 verification first', () => {
    expect(blocks(confirmVerdicts({ ...base, channel: 'RUMOUR' }, [], 'RED'))).toEqual(['MON-07']);
    const app = { ...base, channel: 'HOUSEHOLD_APPLICATION' };
    expect(blocks(confirmVerdicts(app, [{ body: '驻村工作队', actorName: 'a' }], 'RED'))).toEqual(['MON-08']);
    expect(blocks(confirmVerdicts(app, ['驻村工作队', '包村干部', '村两委'].map((body) => ({ body, actorName: 'a' })), 'RED'))).toEqual([]);
    expect(blocks(confirmVerdicts({ ...base, channel: 'SECTOR_SCREENING' }, [], 'RED'))).toEqual(['MON-09']);
    expect(blocks(confirmVerdicts({ ...base, channel: 'DATA_COMPARISON' }, [], 'RED'))).toEqual(['MON-10']);
    expect(blocks(confirmVerdicts({ ...base, channel: 'THIRD_PARTY_SURVEY' }, [{ body: '乡镇', actorName: 'a' }], 'RED'))).toEqual([]);
  });
});

describe('MON-15, MON-16, MON-17 warning colours', () => {
  const f: LevelFacts = { extremePoor: false, workingMembers: 1, lostMembers: 1, disposableIncomePerHeadFen: 700000, standardFen: S, educationSecured: true, medicalSecured: true, housingSecured: true, waterSecured: true, incomeOnlyTransfers: false };
  it('MON-15 red: extremely poor without labour, income below 1.5 × S, or a guarantee hazard', () => {
    expect(suggestLevel({ ...f, extremePoor: true, workingMembers: 0 })).toMatchObject({ level: 'RED', ruleId: 'MON-15' });
    expect(suggestLevel({ ...f, disposableIncomePerHeadFen: 590000 })).toMatchObject({ level: 'RED', ruleId: 'MON-15' });
    expect(suggestLevel({ ...f, waterSecured: false })).toMatchObject({ level: 'RED', ruleId: 'MON-15' });
  });
  it('MON-16 yellow: no labour force, living on transfers only; MON-17 blue otherwise', () => {
    expect(suggestLevel({ ...f, workingMembers: 0, incomeOnlyTransfers: true })).toMatchObject({ level: 'YELLOW', ruleId: 'MON-16' });
    expect(suggestLevel(f)).toMatchObject({ level: 'BLUE', ruleId: 'MON-17' });
  });
  it('MON-15: setting a red household to blue without a reason warns (AS-B30)', () => {
    expect(levelChoiceVerdict('BLUE', 'RED', undefined)).toMatchObject({ outcome: 'warn', ruleId: 'MON-15' });
    expect(levelChoiceVerdict('BLUE', 'RED', '已落实低保，收入稳定').outcome).toBe('ok');
  });
});

describe('MON-24 exit (AS-B29)', () => {
  const ok = { netIncomePerHeadFen: 480000, standardFen: S, incomeStable: true, stabilityEvidence: '2025年全年收入核算', educationSecured: true, medicalSecured: true, housingSecured: true, waterSecured: true };
  it('blocks when drinking water is not met; allows at 1.2 × S with evidence', () => {
    expect(exitVerdict({ ...ok, waterSecured: false })).toMatchObject({ outcome: 'block', ruleId: 'MON-24', message: expect.stringContaining('饮水安全') });
    expect(exitVerdict(ok).outcome).toBe('ok');
  });
  it('uses 1 × S on net income, and needs evidence of stability', () => {
    expect(exitVerdict({ ...ok, netIncomePerHeadFen: 400000 }).outcome).toBe('block');
    expect(exitVerdict({ ...ok, stabilityEvidence: '' }).outcome).toBe('block');
  });
});
