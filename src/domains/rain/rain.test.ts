import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { clearParamOverrides } from '../../kernel/rules';
import type { Ctx } from '../../kernel/context';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { addHousehold, addStudent, confirmStudents, COUNTY, one, payDeterminations, threeLinks, VILLAGES, PNG } from './test-helpers';
import { eligibilityOf, proposeDetermination, recordDecision, recordSpecialApproval, reviewSemester } from './students';
import { addPhoto, confirmPublicity, createPublicity, decideObjection, fileObjection, verifyObjection } from './publicity';
import { completeEntry, copyRecipients, createBatch, entryStatus, markEntered, overdueConfirmations, recordConfirmation, recordCopy, recordCorrection } from './payments';
import { semesterCounts } from './reports';

let t: TestApp;
let staff: Ctx;
let leader: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  staff = await ctxFor(t, 'huangjing'); // 综合科: rain.manage
  leader = await ctxFor(t, 'zhengxiaoyan'); // 扶贫开发服务中心主任 (leader): rain.confirm
});
afterAll(() => t.close());
afterEach(() => clearParamOverrides());

const rejects = (p: Promise<unknown>, ruleId: string) => expect(p).rejects.toMatchObject({ rule: { id: ruleId } });
const paidFen = async (studentId: string, semesters: string[]) =>
  (await one<{ n: number }>(t.database.db, sql`select coalesce(sum(amount_fen), 0)::int as n from rain_payments where student_id = ${studentId} and semester in (${sql.join(semesters.map((s) => sql`${s}`), sql`, `)})`)).n;

describe('AS-B15 basic payments (RAIN-01, RAIN-02, RAIN-06, RAIN-08)', () => {
  it('RAIN-01 RAIN-02 RAIN-05 pays 1500 per semester, 3000 per academic year; refuses 1000 and a second autumn line', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor' });
    const s = await addStudent(staff, h.children[0].personId, { schoolType: 'TECHNICAL_SCHOOL', registrySystem: 'MOHRSS' });
    expect((await eligibilityOf(t.database.db, s, '2019-autumn')).status).toBe('eligible');
    const { determinations } = await confirmStudents(staff, leader, [s], '2019-autumn');
    const d = determinations.get(s)!;
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2019-autumn', lines: [{ determinationId: d, amountFen: 100000 }] }), 'RAIN-01');
    const b = await createBatch(staff, { countyCode: COUNTY, semester: '2019-autumn', lines: [{ determinationId: d }] });
    expect(b).toMatchObject({ lineCount: 1, totalFen: 150000 });
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2019-autumn', lines: [{ determinationId: d }] }), 'RAIN-02');
    const spring = await confirmStudents(staff, leader, [s], '2020-spring');
    await createBatch(staff, { countyCode: COUNTY, semester: '2020-spring', lines: [{ determinationId: spring.determinations.get(s)! }] });
    expect(await paidFen(s, ['2019-autumn', '2020-spring'])).toBe(300000);
    // RAIN-05: the batch records its fund source.
    expect((await one<{ fund_source: string }>(t.database.db, sql`select fund_source from rain_batches where id = ${b.id}`)).fund_source).toBe('财政扶贫资金');
  });
});

describe('AS-B16 two students in one household (RAIN-02, RAIN-03)', () => {
  it('RAIN-03 pays 2 × 1500 to the household one-card account and refuses a school account as payee', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', children: 2, village: VILLAGES[1] });
    const a = await addStudent(staff, h.children[0].personId, { schoolType: 'VOCATIONAL_HIGH_SCHOOL', registrySystem: 'MOE' });
    const b = await addStudent(staff, h.children[1].personId, { schoolType: 'HIGHER_VOCATIONAL_COLLEGE', registrySystem: 'MOE' });
    const { determinations } = await confirmStudents(staff, leader, [a, b], '2019-autumn', VILLAGES[1]);
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2019-autumn', lines: [{ determinationId: determinations.get(a)!, payeeAccount: '6228480000000000001' }] }), 'RAIN-03');
    const batch = await createBatch(staff, { countyCode: COUNTY, semester: '2019-autumn', lines: [{ determinationId: determinations.get(a)!, payeeAccount: h.account }, { determinationId: determinations.get(b)! }] });
    expect(batch).toMatchObject({ lineCount: 2, totalFen: 300000 });
    const masked = await rows<{ account_masked: string }>(t.database.db, sql`select account_masked from rain_payments where batch_id = ${batch.id}`);
    expect(masked.map((m) => m.account_masked)).toEqual([h.account.slice(0, 4) + '********' + h.account.slice(-4), h.account.slice(0, 4) + '********' + h.account.slice(-4)]);
  });

  it('RAIN-03 refuses a household without a one-card account', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', account: null, village: VILLAGES[2] });
    const s = await addStudent(staff, h.children[0].personId);
    const { determinations } = await confirmStudents(staff, leader, [s], '2015-autumn', VILLAGES[2]);
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2015-autumn', lines: [{ determinationId: determinations.get(s)! }] }), 'RAIN-03');
  });
});

describe('AS-B17 studying elsewhere, hukou moved (RAIN-04, RAIN-07)', () => {
  it('RAIN-04 RAIN-07 a 高职 student in Changchun with hukou moved is eligible and owned by the household location', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[3] });
    const s = await addStudent(staff, h.children[0].personId, { schoolType: 'HIGHER_VOCATIONAL_COLLEGE', registrySystem: 'MOE', schoolLocation: '吉林省长春市', hukouMovedOut: true });
    const e = await eligibilityOf(t.database.db, s, '2019-autumn');
    expect(e.status).toBe('eligible');
    expect(e.reasons.map((r) => r.ruleId)).toContain('RAIN-07');
    const { id } = await proposeDetermination(staff, { studentId: s, semester: '2019-autumn', inNationalRange: true });
    const d = await one<{ village_code: string; township_code: string; county_code: string }>(t.database.db, sql`select village_code, township_code, county_code from rain_determinations where id = ${id}`);
    expect(d).toEqual({ village_code: VILLAGES[3], township_code: '220802200', county_code: COUNTY });
  });
});

describe('AS-B18 exit after first subsidy (RAIN-10)', () => {
  it('RAIN-10 continues after the household exits; a household exited before any subsidy needs a leading-group decision', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[1] });
    const s = await addStudent(staff, h.children[0].personId);
    const { determinations } = await confirmStudents(staff, leader, [s], '2017-autumn', VILLAGES[1]);
    await payDeterminations(staff, '2017-autumn', [determinations.get(s)!]);
    await t.database.db.execute(sql`update poverty_households set registered_status = 'exited', exit_year = 2017 where id = ${h.householdId}`);
    expect((await eligibilityOf(t.database.db, s, '2018-spring')).status).toBe('eligible');

    const other = await addHousehold(t.database.db, { status: 'exited', exitYear: 2016, village: VILLAGES[1] });
    const s2 = await addStudent(staff, other.children[0].personId, { enrolledOn: '2017-09-01' });
    const e = await eligibilityOf(t.database.db, s2, '2017-autumn');
    expect(e.status).toBe('needs_decision');
    expect(e.verdicts).toEqual([expect.objectContaining({ outcome: 'warn', ruleId: 'RAIN-10' })]);
    expect(e.reasons[0].text).toContain('县级扶贫开发领导小组');
    await recordDecision(leader, s2, { kind: 'EXITED_BEFORE_FIRST_SUBSIDY', approved: true, decidedOn: '2017-09-05', ref: '领导小组纪要〔2017〕5号' });
    expect((await eligibilityOf(t.database.db, s2, '2017-autumn')).status).toBe('eligible');
  });
});

describe('AS-B19 secondary to higher vocational (RAIN-11)', () => {
  it('RAIN-11 continues on direct entry in the autumn after graduation; a gap year warns and is re-evaluated', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[2], children: 2 });
    const s = await addStudent(staff, h.children[0].personId, { schoolType: 'FULLTIME_REGULAR_SECONDARY_SPECIALISED', registrySystem: 'MOE' });
    const { determinations } = await confirmStudents(staff, leader, [s], '2014-spring', VILLAGES[2]);
    await payDeterminations(staff, '2014-spring', [determinations.get(s)!]);
    await t.database.db.execute(sql`update poverty_households set registered_status = 'exited', exit_year = 2013 where id = ${h.householdId}`);
    await addStudent(staff, h.children[0].personId, { schoolType: 'HIGHER_VOCATIONAL_COLLEGE', registrySystem: 'MOE', secondaryGraduatedOn: '2014-06-30', enrolledOn: '2014-09-01' });
    const e = await eligibilityOf(t.database.db, s, '2014-autumn');
    expect(e.status).toBe('eligible');
    expect(e.reasons.map((r) => r.ruleId)).toContain('RAIN-11');
    // Gap: enrols only in autumn 2015 → warning, evaluated afresh (here RAIN-10: exited 2013, first paid 2014 → decision needed).
    await addStudent(staff, h.children[0].personId, { schoolType: 'HIGHER_VOCATIONAL_COLLEGE', registrySystem: 'MOE', secondaryGraduatedOn: '2014-06-30', enrolledOn: '2015-09-01' });
    const gap = await eligibilityOf(t.database.db, s, '2015-autumn');
    expect(gap.verdicts.map((v) => v.ruleId)).toContain('RAIN-11');
    expect(gap.status).toBe('needs_decision');
  });
});

describe('AS-B20 non-vocational and unregistered (RAIN-06, RAIN-08, RAIN-09, RAIN-12)', () => {
  it('RAIN-08 general senior high school and a 职业高中 without formal 学籍 are not eligible, with the reason', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', children: 2 });
    const a = await addStudent(staff, h.children[0].personId, { schoolType: 'GENERAL_HIGH_SCHOOL', registrySystem: null, schoolName: '白城市第一中学' });
    const b = await addStudent(staff, h.children[1].personId, { schoolType: 'VOCATIONAL_HIGH_SCHOOL', registrySystem: null });
    const ea = await eligibilityOf(t.database.db, a, '2019-autumn');
    expect(ea).toMatchObject({ status: 'ineligible', reasons: expect.arrayContaining([expect.objectContaining({ ruleId: 'RAIN-08', text: expect.stringContaining('普通高中') })]) });
    const eb = await eligibilityOf(t.database.db, b, '2019-autumn');
    expect(eb.status).toBe('ineligible');
    expect(eb.reasons).toEqual([expect.objectContaining({ ruleId: 'RAIN-08', text: expect.stringContaining('正式学籍') })]);
  });

  it('RAIN-06 RAIN-12 a household outside the system is eligible only after the leading group approves', async () => {
    const h = await addHousehold(t.database.db, { status: 'none' });
    const s = await addStudent(staff, h.children[0].personId);
    const before = await eligibilityOf(t.database.db, s, '2019-autumn');
    expect(before).toMatchObject({ status: 'ineligible', reasons: [expect.objectContaining({ ruleId: 'RAIN-06' })] });
    await recordSpecialApproval(leader, h.householdId, { reason: 'RETURNED_TO_POVERTY', approvedOn: '2019-09-01', procedureRef: '县扶贫开发领导小组审定〔2019〕8号' });
    expect((await eligibilityOf(t.database.db, s, '2019-autumn')).status).toBe('eligible');
  });

  it('RAIN-09 顶岗实习 counts as at school; a graduate is not paid a new semester', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', children: 2 });
    const a = await addStudent(staff, h.children[0].personId, { enrolmentStatus: 'POST_INTERNSHIP' });
    const b = await addStudent(staff, h.children[1].personId, { enrolmentStatus: 'GRADUATED' });
    expect((await eligibilityOf(t.database.db, a, '2019-autumn')).status).toBe('eligible');
    expect((await eligibilityOf(t.database.db, b, '2019-autumn')).reasons).toEqual([expect.objectContaining({ ruleId: 'RAIN-09' })]);
  });

  it('RAIN-08 a “等” type needs a manual confirmation', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor' });
    const s = await addStudent(staff, h.children[0].personId, { schoolType: 'OTHER_HIGHER_VOCATIONAL', registrySystem: 'MOE' });
    expect((await eligibilityOf(t.database.db, s, '2019-autumn')).verdicts).toEqual([expect.objectContaining({ ruleId: 'RAIN-08', outcome: 'warn' })]);
    await recordDecision(leader, s, { kind: 'OTHER_TYPE', approved: true, decidedOn: '2019-09-03', ref: '县扶贫办认定' });
    expect((await eligibilityOf(t.database.db, s, '2019-autumn')).status).toBe('eligible');
  });
});

describe('AS-B21 publicity and objections (RAIN-14, RAIN-15, RAIN-16, RAIN-17)', () => {
  it('RAIN-14 a list is not publicised before hukou screening and source confirmation', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[3] });
    const s = await addStudent(staff, h.children[0].personId);
    await proposeDetermination(staff, { studentId: s, semester: '2012-autumn', inNationalRange: true });
    await reviewSemester(staff, { countyCode: COUNTY, semester: '2012-autumn' });
    await rejects(createPublicity(staff, { villageCode: VILLAGES[3], semester: '2012-autumn', place: '村部', startDate: '2012-09-10', periodDays: 7 }), 'RAIN-14');
    await threeLinks(staff, '2012-autumn');
    const p = await createPublicity(staff, { villageCode: VILLAGES[3], semester: '2012-autumn', place: '村部', startDate: '2012-09-10', periodDays: 7 });
    expect(p.listed).toBe(1);
  });

  it('RAIN-15 RAIN-16 RAIN-17 no photo blocks confirmation; an unresolved objection blocks payment; county approval cancels', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', children: 2, village: VILLAGES[2] });
    const p1 = await addStudent(staff, h.children[0].personId);
    const p2 = await addStudent(staff, h.children[1].personId);
    const { publicityId, determinations } = await confirmStudents(staff, leader, [p1, p2], '2011-autumn', VILLAGES[2], { photo: false });
    await rejects(confirmPublicity(leader, publicityId, { confirmedOn: '2011-09-20', ref: '纪要' }), 'RAIN-15');
    const objection = await fileObjection(staff, { determinationId: determinations.get(p1)!, reporter: '村民甲', content: '该生已辍学务工', filedOn: '2011-09-12' });
    await addPhoto(staff, publicityId, '现场.png', PNG);
    const confirmed = await confirmPublicity(leader, publicityId, { confirmedOn: '2011-09-20', ref: '纪要' });
    expect(confirmed).toMatchObject({ confirmed: 1, held: 1 });
    // Township verification alone cannot cancel; the county must approve.
    await rejects(decideObjection(leader, objection.id, { approve: true, note: '核准', decidedOn: '2011-09-21' }), 'RAIN-16');
    await verifyObjection(staff, objection.id, { finding: 'SUBSTANTIATED', note: '经核实属实', verifiedOn: '2011-09-15' });
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2011-autumn', lines: [{ determinationId: determinations.get(p1)! }] }), 'RAIN-17');
    await decideObjection(leader, objection.id, { approve: true, note: '核准取消', decidedOn: '2011-09-22' });
    const d = await one<{ status: string }>(t.database.db, sql`select status from rain_determinations where id = ${determinations.get(p1)!}`);
    expect(d.status).toBe('cancelled');
    const b = await createBatch(staff, { countyCode: COUNTY, semester: '2011-autumn' });
    expect(b.lineCount).toBe(1); // only P2; P1 was removed
    await rejects(createBatch(staff, { countyCode: COUNTY, semester: '2011-autumn', lines: [{ determinationId: determinations.get(p1)! }] }), 'RAIN-17');
  });
});

describe('AS-B22 entry reconciliation and county counts (RAIN-18, RAIN-19, RAIN-21, RAIN-22)', () => {
  it('RAIN-22 120 paid, 118 entered: completion blocked, mismatch lists 2 persons; RAIN-21 counts; RAIN-18 copies; RAIN-19 confirmation reminders', async () => {
    const ids: string[] = [];
    const dets: string[] = [];
    for (let i = 0; i < 120; i++) {
      const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[i % 4] });
      ids.push(await addStudent(staff, h.children[0].personId));
    }
    await threeLinks(staff, '2010-autumn');
    for (const [i, s] of ids.entries()) dets.push((await proposeDetermination(staff, { studentId: s, semester: '2010-autumn', inNationalRange: i < 100 })).id);
    // One more, outside the range and eligible but not paid.
    const extra = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[0] });
    await proposeDetermination(staff, { studentId: await addStudent(staff, extra.children[0].personId), semester: '2010-autumn', inNationalRange: false });
    await reviewSemester(staff, { countyCode: COUNTY, semester: '2010-autumn' });
    for (const v of VILLAGES) {
      const p = await createPublicity(staff, { villageCode: v, semester: '2010-autumn', place: '村部', startDate: '2010-09-10', periodDays: 5 });
      await addPhoto(staff, p.id, 'p.png', PNG);
      await confirmPublicity(leader, p.id, { confirmedOn: '2010-09-20', ref: '纪要' });
    }
    const batchId = await payDeterminations(staff, '2010-autumn', dets);
    const payments = await rows<{ id: string }>(t.database.db, sql`select id from rain_payments where batch_id = ${batchId} order by id`);
    expect(payments).toHaveLength(120);
    await markEntered(staff, { paymentIds: payments.slice(0, 118).map((p) => p.id), enteredOn: '2010-11-01' });
    await rejects(completeEntry(staff, { countyCode: COUNTY, semester: '2010-autumn' }), 'RAIN-22');
    const status = await entryStatus(t.database.db, COUNTY, '2010-autumn', '2010-11-02');
    expect(status).toMatchObject({ paid: 120, entered: 118 });
    expect(status.missing).toHaveLength(2);
    const counts = await semesterCounts(t.database.db, COUNTY, '2010-autumn');
    expect(counts).toMatchObject({ inRangePaid: 100, inRangeNotPaid: 0, outRangeEligible: 21, paid: 120, paidFen: 120 * 150000 });
    await markEntered(staff, { paymentIds: payments.slice(118).map((p) => p.id), enteredOn: '2010-11-03' });
    await completeEntry(staff, { countyCode: COUNTY, semester: '2010-autumn' });

    // RAIN-18: the flow is copied to the department and every township and village of the batch.
    const missing = await copyRecipients(t.database.db, batchId);
    expect(missing.map((r) => r.level)).toEqual(['county', 'township', 'township', 'village', 'village', 'village', 'village']);
    await recordCopy(staff, batchId, { recipient: 'county', copiedOn: '2010-10-10' });
    await recordCopy(staff, batchId, { recipient: VILLAGES[0], copiedOn: '2010-10-11' });
    expect((await copyRecipients(t.database.db, batchId)).filter((r) => !r.copiedOn)).toHaveLength(5);
    await expect(recordCopy(staff, batchId, { recipient: '999999', copiedOn: '2010-10-11' })).rejects.toMatchObject({ status: 400 });

    // RAIN-19: 10 days after the flow (2010-10-10) the unconfirmed are listed; a confirmation clears one.
    expect(await overdueConfirmations(t.database.db, '2010-10-19')).toHaveLength(0);
    const overdue = (await overdueConfirmations(t.database.db, '2010-10-20')).length;
    expect(overdue).toBeGreaterThanOrEqual(120);
    await recordConfirmation(staff, payments[0].id, { informedOn: '2010-10-15', townshipFiledOn: '2010-10-16', villageFiledOn: '2010-10-15' });
    expect((await overdueConfirmations(t.database.db, '2010-10-20')).length).toBe(overdue - 1);
  });
});

describe('AS-B23 drop-out is not a wrong payment (RAIN-13, RAIN-25)', () => {
  it('RAIN-13 recovery is blocked after the leading group confirms; pending without it; RAIN-25 needs evidence', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[3] });
    const s = await addStudent(staff, h.children[0].personId);
    const { determinations } = await confirmStudents(staff, leader, [s], '2013-autumn', VILLAGES[3]);
    await payDeterminations(staff, '2013-autumn', [determinations.get(s)!]);
    const pay = await one<{ id: string }>(t.database.db, sql`select id from rain_payments where student_id = ${s} and semester = '2013-autumn'`);
    await addStudent(staff, h.children[0].personId, { enrolmentStatus: 'DROPPED_OUT' });
    const input = { studentId: s, semester: '2013-autumn', kind: 'WRONG' as const, amountFen: 150000, correctedOn: '2013-12-01', evidence: '学校出具的退学证明', paymentId: pay.id };
    await rejects(recordCorrection(staff, { ...input, evidence: '' }), 'RAIN-25');
    await rejects(recordCorrection(staff, input), 'RAIN-13'); // pending: a warning to acknowledge
    await recordDecision(leader, s, { kind: 'DROPOUT_NOT_WRONG', approved: true, decidedOn: '2013-11-20', ref: '领导小组确认〔2013〕2号' });
    const blocked = recordCorrection(staff, { ...input, acknowledged: ['RAIN-13'] });
    await expect(blocked).rejects.toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'RAIN-13' } });
    // A missed semester is supplemented at the standard only.
    await rejects(recordCorrection(staff, { studentId: s, semester: '2013-spring', kind: 'MISSED', amountFen: 100000, correctedOn: '2013-12-01', evidence: '漏补核查表' }), 'RAIN-01');
    const ok = await recordCorrection(staff, { studentId: s, semester: '2013-spring', kind: 'MISSED', amountFen: 150000, correctedOn: '2013-12-01', evidence: '漏补核查表' });
    expect(ok.id).toMatch(/^rcor_/);
  });
});
