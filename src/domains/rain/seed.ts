import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { newId } from '../../kernel/ids';
import { addDays, localDate } from '../../kernel/time';
import { fieldCipher } from '../poverty/crypto';
import { maskAccount } from '../poverty/idcard';
import { parseSemester, RAIN01, semesterOfDate, SCHOOL_TYPES, type SchoolType } from './rules';
import { reevaluate } from './students';

/**
 * Demo data (demo-office.md “10 vocational students”): children of the demo households. The
 * previous semester is paid in full (publicity with photo, confirmation, batch, flow, slips,
 * entry); the current one is compared and reviewed, ready for village publicity. Some students
 * are ineligible (一般户, 普通高中, no 正式学籍) and two wait for a leading-group decision.
 */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Plan = { k: number; school: string; type: SchoolType; registry: 'MOE' | 'MOHRSS' | null; location: string; decision?: boolean; hukouMovedOut?: boolean };
const PLAN: Plan[][] = [
  [
    { k: 7, school: '白城职业技术学院', type: 'HIGHER_VOCATIONAL_COLLEGE', registry: 'MOE', location: '吉林省白城市' },
    { k: 4, school: '白城技师学院', type: 'TECHNICIAN_COLLEGE', registry: 'MOHRSS', location: '吉林省白城市', decision: true },
    { k: 8, school: '洮北区职业高中', type: 'VOCATIONAL_HIGH_SCHOOL', registry: 'MOE', location: '吉林省白城市' },
  ],
  [
    { k: 7, school: '长春汽车工业高等专科学校', type: 'FULLTIME_REGULAR_JUNIOR_COLLEGE', registry: 'MOE', location: '吉林省长春市', hukouMovedOut: true },
    { k: 5, school: '白城市第一中学', type: 'GENERAL_HIGH_SCHOOL', registry: null, location: '吉林省白城市' },
  ],
  [
    { k: 7, school: '吉林工业职业技术学院', type: 'HIGHER_VOCATIONAL_COLLEGE', registry: 'MOE', location: '吉林省吉林市' },
    { k: 6, school: '洮南市职业中专', type: 'VOCATIONAL_HIGH_SCHOOL', registry: null, location: '吉林省洮南市' },
  ],
  [
    { k: 7, school: '白城市技工学校', type: 'TECHNICAL_SCHOOL', registry: 'MOHRSS', location: '吉林省白城市' },
    { k: 5, school: '北方现代职业学院', type: 'OTHER_HIGHER_VOCATIONAL', registry: 'MOE', location: '辽宁省沈阳市' },
    { k: 4, school: '大连航运职业技术学院', type: 'HIGHER_VOCATIONAL_COLLEGE', registry: 'MOE', location: '辽宁省大连市', hukouMovedOut: true },
  ],
];

function previous(semester: string): string {
  const p = parseSemester(semester)!;
  return p.season === 'autumn' ? `${p.year}-spring` : `${p.year - 1}-autumn`;
}

export async function seedRainDemo(ctx: Ctx): Promise<void> {
  const db = ctx.db;
  const now = ctx.clock.now().toISOString();
  const today = localDate(ctx.clock.now());
  const cur = semesterOfDate(today);
  const prev = previous(cur);
  const prevStart = `${parseSemester(prev)!.year}-${prev.endsWith('spring') ? '03' : '09'}-10`;
  const kids = await rows<{ person_id: string; name: string; household_id: string; code: string; village_code: string; township_code: string; county_code: string; bank_account_enc: string | null }>(
    db,
    sql`select p.id as person_id, p.name, h.id as household_id, h.code, h.village_code, h.township_code, h.county_code, h.bank_account_enc
      from poverty_persons p join poverty_households h on h.id = p.household_id where p.relation in ('之子', '之女') and h.county_code = '220802' order by h.code`,
  );
  if (kids.length === 0) return;
  const villages = [...new Set(kids.map((k) => k.village_code))].sort();
  const cipher = fieldCipher();
  const std = RAIN01.param('amountPerSemesterFen');
  const students: { id: string; kid: (typeof kids)[number]; plan: Plan }[] = [];
  for (const [vi, plans] of PLAN.entries()) {
    for (const plan of plans) {
      const kid = kids.find((k) => k.village_code === villages[vi] && Number(k.code.slice(-3)) - 1 === plan.k);
      if (!kid) continue;
      const id = newId('rst');
      const level = SCHOOL_TYPES[plan.type].level;
      await db.execute(sql`insert into rain_students (id, person_id, household_id, name, school_name, school_location, education_level, school_type, formal_status, registry_system,
          student_status_no, enrolment_status, enrolled_on, hukou_moved_out, certificate_ref, created_at, updated_at)
        values (${id}, ${kid.person_id}, ${kid.household_id}, ${kid.name}, ${plan.school}, ${plan.location}, ${level}, ${plan.type}, ${plan.registry !== null}, ${plan.registry},
          ${plan.registry ? `G${kid.code.slice(-8)}` : null}, ${plan.k === 4 && vi === 0 ? 'POST_INTERNSHIP' : 'IN_SCHOOL'}, '2024-09-01', ${plan.hukouMovedOut ?? false},
          ${plan.registry ? `${plan.school}在校就读证明` : null}, ${now}, ${now})`);
      if (plan.decision) {
        await db.execute(sql`insert into rain_decisions (id, student_id, kind, approved, decided_on, ref, note, at)
          values (${newId('rdc')}, ${id}, 'EXITED_BEFORE_FIRST_SUBSIDY', true, ${addDays(prevStart, -5)}, '洮北区扶贫开发领导小组会议纪要（演示）', '家庭脱贫后仍符合条件，经审定给予补助', ${now})`);
      }
      students.push({ id, kid, plan });
    }
  }
  // Both semesters: determinations from the school-roll comparison, reviewed by the county.
  for (const semester of [prev, cur]) {
    await db.execute(sql`insert into rain_semesters (county_code, semester, notice_issued_on, notice_ref, hukou_screened_on, hukou_screen_note, source_confirmed_on, source_confirm_note)
      values ('220802', ${semester}, ${semester === prev ? addDays(prevStart, -9) : addDays(today, -30)}, ${`洮北扶贫发〔${semester.slice(0, 4)}〕${semester === prev ? 3 : 21}号`},
        ${semester === prev ? prevStart : addDays(today, -10)}, '演示：户籍筛查已完成', ${semester === prev ? prevStart : addDays(today, -5)}, '演示：逐村逐户排查完成')`);
    for (const s of students) {
      await db.execute(sql`insert into rain_determinations (id, student_id, semester, household_id, county_code, township_code, village_code, comparison, in_national_range,
          eligibility, reasons, status, created_at)
        values (${newId('rdt')}, ${s.id}, ${semester}, ${s.kid.household_id}, ${s.kid.county_code}, ${s.kid.township_code}, ${s.kid.village_code}, 'ROLL',
          ${s.plan.k !== 5}, 'ineligible', '[]'::jsonb, 'proposed', ${now})`);
    }
    await reevaluate(db, semester);
    await db.execute(sql`update rain_determinations set county_review = case when eligibility = 'eligible' then 'TARGET' when eligibility = 'ineligible' then 'NON_TARGET' end where semester = ${semester}`);
  }
  // Previous semester: publicity with a photo, confirmation, one paid batch, copies, confirmations, entry.
  const batchId = newId('rbat');
  const paidOn = addDays(prevStart, 40);
  const targets = await rows<{ id: string; student_id: string; household_id: string; township_code: string; village_code: string; education_level: string; account: string | null }>(
    db,
    sql`select d.id, d.student_id, d.household_id, d.township_code, d.village_code, s.education_level, h.bank_account_enc as account
      from rain_determinations d join rain_students s on s.id = d.student_id join poverty_households h on h.id = d.household_id
      where d.semester = ${prev} and d.county_review = 'TARGET' order by d.village_code`,
  );
  for (const v of [...new Set(targets.map((t) => t.village_code))]) {
    const pid = newId('rpub');
    await db.execute(sql`insert into rain_publicities (id, semester, village_code, place, start_date, period_days, end_date, status, confirmed_on, confirm_ref, created_at)
      values (${pid}, ${prev}, ${v}, '村委会公开栏（村部门前广场）', ${addDays(prevStart, 10)}, 7, ${addDays(prevStart, 16)}, 'confirmed', ${addDays(prevStart, 20)}, '洮北区扶贫开发领导小组确认（演示）', ${now})`);
    await db.execute(sql`insert into rain_files (id, purpose, owner_type, owner_id, file_name, content_type, size, sha256, content_base64, uploaded_at)
      values (${newId('rfile')}, 'photo', 'rain_publicity', ${pid}, '公示现场.png', 'image/png', ${PNG_1PX.length}, ${createHash('sha256').update(PNG_1PX).digest('hex')}, ${PNG_1PX.toString('base64')}, ${now})`);
    await db.execute(sql`update rain_determinations set publicity_id = ${pid}, status = 'paid', confirmed_on = ${addDays(prevStart, 20)}, confirm_ref = '洮北区扶贫开发领导小组确认（演示）'
      where semester = ${prev} and village_code = ${v} and county_review = 'TARGET'`);
  }
  await db.execute(sql`insert into rain_batches (id, county_code, semester, status, fund_source, line_count, total_fen, submitted_on, paid_on, flow_ref, created_at)
    values (${batchId}, '220802', ${prev}, 'paid', '财政扶贫资金', ${targets.length}, ${targets.length * std}, ${addDays(prevStart, 25)}, ${paidOn}, '洮北区财政局补助流水（演示）', ${now})`);
  for (const [i, t] of targets.entries()) {
    const account = t.account ? cipher.decrypt(t.account) : '6217000000000000';
    await db.execute(sql`insert into rain_payments (id, batch_id, determination_id, student_id, semester, household_id, township_code, village_code, education_level, amount_fen,
        account_enc, account_masked, status, entered_on, informed_on, township_filed_on, village_filed_on, created_at)
      values (${newId('rpay')}, ${batchId}, ${t.id}, ${t.student_id}, ${prev}, ${t.household_id}, ${t.township_code}, ${t.village_code}, ${t.education_level}, ${std},
        ${cipher.encrypt(account)}, ${maskAccount(account)}, 'paid', ${addDays(paidOn, 5)}, ${i === 0 ? null : addDays(paidOn, 3)}, ${i === 0 ? null : addDays(paidOn, 4)}, ${i === 0 ? null : addDays(paidOn, 3)}, ${now})`);
  }
  await db.execute(sql`insert into rain_flow_copies (batch_id, recipient, copied_on, at) values (${batchId}, 'county', ${paidOn}, ${now})`);
  // Current semester: matched and reviewed, waiting for the village publicity.
  await reevaluate(db, cur);
}
