import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { newId } from '../../kernel/ids';
import { fieldCipher } from '../poverty/crypto';
import { makeIdNumber, maskAccount, maskIdNumber } from '../poverty/idcard';
import { saveStudent, proposeDetermination, recordSemester, reviewSemester, type StudentInput } from './students';
import { addPhoto, confirmPublicity, createPublicity } from './publicity';
import { createBatch, recordPaid, submitBatch } from './payments';

/** Test fixtures: households and students of the register, and the procedure up to payment. */
export const COUNTY = '220802';
export const VILLAGES = ['220802100201', '220802100202', '220802200201', '220802200202'] as const;
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let seq = 0;
export interface TestHousehold {
  householdId: string;
  code: string;
  account: string;
  children: { personId: string; name: string; idNumber: string }[];
}

/** A household with `children` young members (born 2003), in a demo village. */
export async function addHousehold(
  db: Db,
  opts: { status: 'none' | 'poor' | 'exited'; exitYear?: number | null; village?: string; children?: number; account?: string | null; names?: string[] },
): Promise<TestHousehold> {
  const cipher = fieldCipher();
  const village = opts.village ?? VILLAGES[0];
  const id = newId('hh');
  const n = ++seq;
  const code = `T${process.pid % 1000}${String(n).padStart(5, '0')}${Math.floor(Math.random() * 1e6)}`;
  const account = opts.account === undefined ? `62170099${String(n).padStart(8, '0')}` : opts.account;
  await db.execute(sql`insert into poverty_households (id, code, village_code, township_code, county_code, householder_name, registered_status, exit_year,
      bank_account_enc, bank_account_masked, member_count, created_at)
    values (${id}, ${code}, ${village}, ${village.slice(0, 9)}, ${COUNTY}, ${'户主' + n}, ${opts.status}, ${opts.exitYear ?? null},
      ${account ? cipher.encrypt(account) : null}, ${account ? maskAccount(account) : null}, ${1 + (opts.children ?? 1)}, now())`);
  const children: TestHousehold['children'] = [];
  for (let i = 0; i < (opts.children ?? 1); i++) {
    // Unique within a test database: the division code carries the household number.
    const unique = makeIdNumber(String(230100 + (n % 800)), `2003-0${1 + (n % 9)}-1${i % 10}`, (n * 13 + i * 101) % 1000);
    const pid = newId('ps');
    const name = opts.names?.[i] ?? `学生${n}_${i}`;
    await db.execute(sql`insert into poverty_persons (id, household_id, name, id_enc, id_hash, id_masked, birth_date, sex, relation, labour_capacity, created_at)
      values (${pid}, ${id}, ${name}, ${cipher.encrypt(unique)}, ${cipher.lookupHash(unique)}, ${maskIdNumber(unique)}, ${'2003-0' + (1 + (n % 9)) + '-1' + (i % 10)}, 'M', '之子', 'full', now())`);
    children.push({ personId: pid, name, idNumber: unique });
  }
  return { householdId: id, code, account: account ?? '', children };
}

export const STUDENT_DEFAULTS: Omit<StudentInput, 'personId'> = {
  schoolName: '白城技师学院',
  schoolType: 'TECHNICAL_SCHOOL',
  registrySystem: 'MOHRSS',
  enrolmentStatus: 'IN_SCHOOL',
  enrolledOn: '2018-09-01',
};

export async function addStudent(ctx: Ctx, personId: string, patch: Partial<StudentInput> = {}): Promise<string> {
  return (await saveStudent(ctx, { ...STUDENT_DEFAULTS, personId, ...patch })).id;
}

/** The semester's three links recorded for the demo county (RAIN-14). */
export async function threeLinks(ctx: Ctx, semester: string): Promise<void> {
  await recordSemester(ctx, { countyCode: COUNTY, semester, what: 'hukou', date: `${semester.slice(0, 4)}-03-05` });
  await recordSemester(ctx, { countyCode: COUNTY, semester, what: 'source', date: `${semester.slice(0, 4)}-03-06`, note: '逐村逐户排查' });
}

/**
 * Take students through determination → review → village publicity (with a photo) →
 * leading-group confirmation. Returns the determination ids by student id.
 */
export async function confirmStudents(staff: Ctx, leader: Ctx, studentIds: string[], semester: string, village: string = VILLAGES[0], opts: { inNationalRange?: boolean; photo?: boolean; acknowledged?: string[] } = {}) {
  await threeLinks(staff, semester);
  const ids = new Map<string, string>();
  for (const s of studentIds) ids.set(s, (await proposeDetermination(staff, { studentId: s, semester, inNationalRange: opts.inNationalRange ?? true })).id);
  await reviewSemester(staff, { countyCode: COUNTY, semester });
  const year = semester.slice(0, 4);
  const p = await createPublicity(staff, { villageCode: village, semester, place: '村委会公开栏', startDate: `${year}-${semester.endsWith('spring') ? '03' : '09'}-10`, periodDays: 7, acknowledged: opts.acknowledged });
  if (opts.photo !== false) {
    await addPhoto(staff, p.id, '现场.png', PNG);
    await confirmPublicity(leader, p.id, { confirmedOn: `${year}-${semester.endsWith('spring') ? '03' : '09'}-20`, ref: '领导小组会议纪要' });
  }
  return { determinations: ids, publicityId: p.id };
}

/** Batch, submit and record the finance bureau's payment for the given determinations. */
export async function payDeterminations(staff: Ctx, semester: string, determinationIds: string[]): Promise<string> {
  const b = await createBatch(staff, { countyCode: COUNTY, semester, lines: determinationIds.map((determinationId) => ({ determinationId })) });
  const y = semester.slice(0, 4);
  const m = semester.endsWith('spring') ? '04' : '10';
  await submitBatch(staff, b.id, { submittedOn: `${y}-${m}-01` });
  await recordPaid(staff, b.id, { paidOn: `${y}-${m}-10`, flowRef: `流水${b.id.slice(-6)}` });
  return b.id;
}

export async function one<T>(db: Db, q: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(db, q))[0];
}
