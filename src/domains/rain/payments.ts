import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { sqlState } from '../../kernel/db/transaction';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { addDays, localDate } from '../../kernel/time';
import { enforce, type Verdict } from '../../kernel/rules';
import { fieldCipher } from '../poverty/crypto';
import { maskAccount } from '../poverty/idcard';
import {
  academicYear,
  checkAmount,
  checkEntry,
  checkEvidence,
  checkNoDuplicate,
  checkPayable,
  checkPayee,
  checkRecovery,
  otherSemesterOfYear,
  RAIN01,
  RAIN02,
  RAIN19,
} from './rules';

/** 精准实施补助 (三（三）) to 按时开展录入 (三（六）): batches, payment, copies, confirmation, entry, corrections. */
export const FUND_SOURCE = '财政扶贫资金';

export interface BatchLineInput {
  determinationId: string;
  /** Only to be checked: the amount is computed (RAIN-01). */
  amountFen?: number;
  /** Only to be checked: the payee is the household's one-card account (RAIN-03). */
  payeeAccount?: string;
}

/**
 * Create a payment batch for a county and semester: the given lines, or every confirmed,
 * unpaid determination. Determinations are locked; the unique (student, semester) index makes a
 * second line for the same student and semester impossible even under concurrent requests.
 */
export async function createBatch(ctx: Ctx, input: { countyCode: string; semester: string; lines?: BatchLineInput[] }): Promise<{ id: string; lineCount: number; totalFen: number }> {
  const actor = requireActor(ctx);
  try {
    return await withTx(ctx, async (tx) => {
      const wanted: BatchLineInput[] = input.lines ?? (await rows<{ id: string }>(tx.db, sql`select d.id from rain_determinations d where d.county_code = ${input.countyCode} and d.semester = ${input.semester}
        and d.status = 'confirmed' and not exists (select 1 from rain_payments p where p.student_id = d.student_id and p.semester = d.semester) order by d.id`)).map((r) => ({ determinationId: r.id }));
      if (wanted.length === 0) throw errors.badRequest('没有可列入发放批次的补助对象（须经公示无异议并经县级扶贫领导小组确认）');
      if (new Set(wanted.map((w) => w.determinationId)).size !== wanted.length) throw errors.badRequest('同一补助对象在批次中重复');
      const ids = wanted.map((w) => sql`${w.determinationId}`);
      const found = await rows<{ id: string; student_id: string; semester: string; county_code: string; status: string; eligibility: string; household_id: string; township_code: string; village_code: string; name: string; education_level: string; householder_name: string; account_enc: string | null; open_objections: number; same_semester: number; year_paid: number }>(
        tx.db,
        sql`select d.id, d.student_id, d.semester, d.county_code, d.status, d.eligibility, d.household_id, d.township_code, d.village_code, s.name, s.education_level,
          h.householder_name, h.bank_account_enc as account_enc,
          (select count(*)::int from rain_objections o where o.determination_id = d.id and o.status = 'open') as open_objections,
          (select count(*)::int from rain_payments p where p.student_id = d.student_id and p.semester = d.semester) as same_semester,
          (select coalesce(sum(p.amount_fen), 0)::int from rain_payments p where p.student_id = d.student_id and p.semester = ${otherSemesterOfYear(input.semester)}) as year_paid
          from rain_determinations d join rain_students s on s.id = d.student_id join poverty_households h on h.id = d.household_id
          where d.id in (${sql.join(ids, sql`, `)}) order by d.id for update of d`,
      );
      const byId = new Map(found.map((f) => [f.id, f]));
      const cipher = fieldCipher();
      const std = RAIN01.param('amountPerSemesterFen');
      const verdicts: Verdict[] = [];
      const lines: { d: (typeof found)[number]; account: string; amount: number }[] = [];
      for (const w of wanted) {
        const d = byId.get(w.determinationId);
        if (!d) throw errors.badRequest(`补助对象 ${w.determinationId} 不存在`);
        if (d.county_code !== input.countyCode || d.semester !== input.semester) throw errors.badRequest(`${d.name}不属于本县本学期`);
        const amount = w.amountFen ?? std;
        const account = d.account_enc ? cipher.decrypt(d.account_enc) : null;
        verdicts.push(
          checkPayable({ status: d.status, openObjections: d.open_objections, name: d.name, eligibility: d.eligibility }),
          checkAmount(amount),
          checkNoDuplicate(d.same_semester, d.year_paid, amount, d.name, d.semester),
          checkPayee(account, w.payeeAccount, d.householder_name),
        );
        lines.push({ d, account: account ?? '', amount });
      }
      enforce(verdicts);
      const id = newId('rbat');
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const now = tx.clock.now().toISOString();
      await tx.db.execute(sql`insert into rain_batches (id, county_code, semester, status, fund_source, line_count, total_fen, created_by, created_at)
        values (${id}, ${input.countyCode}, ${input.semester}, 'draft', ${FUND_SOURCE}, ${lines.length}, ${total}, ${actor.accountId}, ${now})`);
      for (const l of lines) {
        await tx.db.execute(sql`insert into rain_payments (id, batch_id, determination_id, student_id, semester, household_id, township_code, village_code, education_level,
          amount_fen, account_enc, account_masked, status, created_at)
          values (${newId('rpay')}, ${id}, ${l.d.id}, ${l.d.student_id}, ${l.d.semester}, ${l.d.household_id}, ${l.d.township_code}, ${l.d.village_code}, ${l.d.education_level},
            ${l.amount}, ${cipher.encrypt(l.account)}, ${maskAccount(l.account)}, 'listed', ${now})`);
      }
      await audit(tx, { event: 'rain.batch.create', objectType: 'rain_batch', objectId: id, detail: { countyCode: input.countyCode, semester: input.semester, lines: lines.length, totalFen: total, fundSource: FUND_SOURCE } });
      return { id, lineCount: lines.length, totalFen: total };
    });
  } catch (err) {
    // The concurrent loser: the unique (student, semester) index refused the second line.
    if (sqlState(err) === '23505') {
      throw new AppError('RULE_BLOCKED', 409, `同一学生同一学期只能补助一次，已有其他批次列入（依据：${RAIN02.id} ${RAIN02.cite}）`, { id: RAIN02.id, cite: RAIN02.cite });
    }
    throw err;
  }
}

async function lockBatch(db: Db, id: string) {
  const [b] = await rows<{ id: string; status: string; county_code: string; semester: string; paid_on: string | null }>(db, sql`select id, status, county_code, semester, paid_on from rain_batches where id = ${id} for update`);
  if (!b) throw errors.notFound('发放批次');
  return b;
}

/** Submitted to the county finance bureau with list, funds and accounts (RAIN-17, RAIN-05). */
export async function submitBatch(ctx: Ctx, id: string, input: { submittedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const b = await lockBatch(tx.db, id);
    if (b.status !== 'draft') throw errors.conflict('该批次已提交');
    const [n] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from rain_payments where batch_id = ${id}`);
    if (n.n === 0) throw errors.badRequest('批次中没有补助对象');
    await tx.db.execute(sql`update rain_batches set status = 'submitted', submitted_on = ${input.submittedOn} where id = ${id}`);
    await audit(tx, { event: 'rain.batch.submit', objectType: 'rain_batch', objectId: id, detail: input });
  });
}

/** The finance bureau paid: the payment flow (补助流水) is recorded; the lines are paid. */
export async function recordPaid(ctx: Ctx, id: string, input: { paidOn: string; flowRef: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const b = await lockBatch(tx.db, id);
    if (b.status !== 'submitted') throw errors.conflict(b.status === 'paid' ? '该批次已登记发放' : '批次须先提交县级财政局');
    await tx.db.execute(sql`update rain_batches set status = 'paid', paid_on = ${input.paidOn}, flow_ref = ${input.flowRef} where id = ${id}`);
    await tx.db.execute(sql`update rain_payments set status = 'paid' where batch_id = ${id}`);
    await tx.db.execute(sql`update rain_determinations d set status = 'paid' from rain_payments p where p.batch_id = ${id} and p.determination_id = d.id`);
    await audit(tx, { event: 'rain.batch.paid', objectType: 'rain_batch', objectId: id, detail: input });
  });
}

/** RAIN-18: the flow copied to the poverty department ('county') or a township / village. */
export async function recordCopy(ctx: Ctx, id: string, input: { recipient: string; copiedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const b = await lockBatch(tx.db, id);
    if (b.status !== 'paid') throw errors.conflict('批次尚未登记发放，没有补助流水可抄送');
    const expected = await copyRecipients(tx.db, id);
    if (!expected.some((r) => r.recipient === input.recipient)) throw errors.badRequest('抄送对象应为扶贫部门或本批次涉及的乡镇、村');
    await tx.db.execute(sql`insert into rain_flow_copies (batch_id, recipient, copied_on, at) values (${id}, ${input.recipient}, ${input.copiedOn}, ${tx.clock.now().toISOString()})
      on conflict (batch_id, recipient) do update set copied_on = excluded.copied_on, at = excluded.at`);
    await audit(tx, { event: 'rain.batch.copy', objectType: 'rain_batch', objectId: id, detail: input });
  });
}

/** Who must receive the flow: the poverty department and each township and village of the batch, with the copies made. */
export async function copyRecipients(db: Db, batchId: string) {
  return rows<{ recipient: string; name: string; level: string; copiedOn: string | null }>(
    db,
    sql`with r as (select 'county' as recipient, '县级扶贫部门' as name, 'county' as level
        union select distinct p.township_code, t.name, 'township' from rain_payments p join poverty_regions t on t.code = p.township_code where p.batch_id = ${batchId}
        union select distinct p.village_code, v.name, 'village' from rain_payments p join poverty_regions v on v.code = p.village_code where p.batch_id = ${batchId})
      select r.recipient, r.name, r.level, c.copied_on as "copiedOn" from r left join rain_flow_copies c on c.batch_id = ${batchId} and c.recipient = r.recipient
      order by case r.level when 'county' then 0 when 'township' then 1 else 2 end, r.recipient`,
  );
}

/** RAIN-19: the beneficiary was told the payment name and standard; slips filed at township and village. */
export async function recordConfirmation(ctx: Ctx, paymentId: string, input: { informedOn: string; townshipFiledOn?: string | null; villageFiledOn?: string | null }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [p] = await rows<{ status: string }>(tx.db, sql`select status from rain_payments where id = ${paymentId} for update`);
    if (!p) throw errors.notFound('补助发放记录');
    if (p.status !== 'paid') throw errors.conflict('补助尚未发放，不能登记发放确认');
    await tx.db.execute(sql`update rain_payments set informed_on = ${input.informedOn}, township_filed_on = ${input.townshipFiledOn ?? null}, village_filed_on = ${input.villageFiledOn ?? null} where id = ${paymentId}`);
    await audit(tx, { event: 'rain.payment.confirm', objectType: 'rain_payment', objectId: paymentId, detail: input });
  });
}

export interface BatchLine {
  id: string;
  studentName: string;
  idMasked: string;
  householdCode: string;
  householderName: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  schoolName: string;
  schoolType: string;
  educationLevel: string;
  amountFen: number;
  accountMasked: string;
  accountEnc: string;
  status: string;
  enteredOn: string | null;
  informedOn: string | null;
  townshipFiledOn: string | null;
  villageFiledOn: string | null;
  inNationalRange: boolean;
}

export async function batchLines(db: Db, batchId: string, villageCode?: string): Promise<BatchLine[]> {
  return rows<BatchLine>(
    db,
    sql`select p.id, s.name as "studentName", pp.id_masked as "idMasked", h.code as "householdCode", h.householder_name as "householderName", t.name as "townshipName",
      p.village_code as "villageCode", v.name as "villageName", s.school_name as "schoolName", s.school_type as "schoolType", p.education_level as "educationLevel",
      p.amount_fen as "amountFen", p.account_masked as "accountMasked", p.account_enc as "accountEnc", p.status, p.entered_on as "enteredOn",
      p.informed_on as "informedOn", p.township_filed_on as "townshipFiledOn", p.village_filed_on as "villageFiledOn", d.in_national_range as "inNationalRange"
      from rain_payments p join rain_students s on s.id = p.student_id join poverty_persons pp on pp.id = s.person_id
      join poverty_households h on h.id = p.household_id join poverty_regions t on t.code = p.township_code join poverty_regions v on v.code = p.village_code
      join rain_determinations d on d.id = p.determination_id
      where p.batch_id = ${batchId} ${villageCode ? sql`and p.village_code = ${villageCode}` : sql``}
      order by p.village_code, h.code, s.name`,
  );
}

export async function listBatches(db: Db, semester?: string) {
  return rows<{ id: string; countyCode: string; semester: string; status: string; fundSource: string; lineCount: number; totalFen: number; submittedOn: string | null; paidOn: string | null; flowRef: string | null; createdAt: string }>(
    db,
    sql`select id, county_code as "countyCode", semester, status, fund_source as "fundSource", line_count as "lineCount", total_fen::float8 as "totalFen",
      submitted_on as "submittedOn", paid_on as "paidOn", flow_ref as "flowRef", created_at as "createdAt"
      from rain_batches ${semester ? sql`where semester = ${semester}` : sql``} order by created_at desc`,
  );
}

export async function batchDetail(db: Db, id: string) {
  const [b] = await listBatches(db).then((l) => l.filter((x) => x.id === id));
  if (!b) throw errors.notFound('发放批次');
  const lines = (await batchLines(db, id)).map(({ accountEnc: _drop, ...l }) => l);
  return { ...b, lines, copies: b.status === 'paid' ? await copyRecipients(db, id) : [] };
}

/**
 * The list for the finance bureau with full account numbers: its own permission, audited in the
 * same transaction before any plaintext leaves (SECREQ-17 pattern of revealPerson).
 */
export async function financeExportRows(ctx: Ctx, batchId: string): Promise<(Omit<BatchLine, 'accountEnc'> & { account: string })[]> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [b] = await rows<{ id: string; semester: string }>(tx.db, sql`select id, semester from rain_batches where id = ${batchId}`);
    if (!b) throw errors.notFound('发放批次');
    const lines = await batchLines(tx.db, batchId);
    await audit(tx, { event: 'rain.batch.export_accounts', objectType: 'rain_batch', objectId: batchId, detail: { lines: lines.length, field: 'bank_account' } });
    const cipher = fieldCipher();
    return lines.map(({ accountEnc, ...l }) => ({ ...l, account: cipher.decrypt(accountEnc) }));
  });
}

// ------------------------------------------------------------------------------------------
// RAIN-22 national-system entry.

export async function markEntered(ctx: Ctx, input: { paymentIds: string[]; enteredOn: string }): Promise<{ marked: number }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [r] = await rows<{ n: number }>(
      tx.db,
      sql`with u as (update rain_payments set entered_on = ${input.enteredOn} where id in (${sql.join(input.paymentIds.map((i) => sql`${i}`), sql`, `)}) and status = 'paid' returning 1) select count(*)::int as n from u`,
    );
    await audit(tx, { event: 'rain.entry.mark', objectType: 'rain_payment', detail: { count: r.n, enteredOn: input.enteredOn } });
    return { marked: r.n };
  });
}

export async function entryStatus(db: Db, countyCode: string, semester: string, today: string) {
  const [c] = await rows<{ paid: number; entered: number }>(
    db,
    sql`select count(*)::int as paid, count(p.entered_on)::int as entered from rain_payments p join rain_batches b on b.id = p.batch_id
      where b.county_code = ${countyCode} and p.semester = ${semester} and p.status = 'paid'`,
  );
  const missing = await rows<{ paymentId: string; name: string; villageName: string; householdCode: string }>(
    db,
    sql`select p.id as "paymentId", s.name, v.name as "villageName", h.code as "householdCode" from rain_payments p join rain_batches b on b.id = p.batch_id
      join rain_students s on s.id = p.student_id join poverty_households h on h.id = p.household_id join poverty_regions v on v.code = p.village_code
      where b.county_code = ${countyCode} and p.semester = ${semester} and p.status = 'paid' and p.entered_on is null order by p.village_code, h.code`,
  );
  const [sem] = await rows<{ entryDeadline: string | null; entryCompletedOn: string | null }>(db, sql`select entry_deadline as "entryDeadline", entry_completed_on as "entryCompletedOn" from rain_semesters where county_code = ${countyCode} and semester = ${semester}`);
  const verdict = checkEntry(c.paid, c.entered);
  return {
    paid: c.paid,
    entered: c.entered,
    missing,
    verdict,
    deadline: sem?.entryDeadline ?? null,
    completedOn: sem?.entryCompletedOn ?? null,
    overdue: !!sem?.entryDeadline && !sem.entryCompletedOn && today > sem.entryDeadline,
  };
}

export async function completeEntry(ctx: Ctx, input: { countyCode: string; semester: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    await tx.db.execute(sql`insert into rain_semesters (county_code, semester) values (${input.countyCode}, ${input.semester}) on conflict do nothing`);
    await rows(tx.db, sql`select 1 from rain_semesters where county_code = ${input.countyCode} and semester = ${input.semester} for update`);
    const s = await entryStatus(tx.db, input.countyCode, input.semester, localDate(tx.clock.now()));
    if (s.paid === 0) throw errors.badRequest('本学期尚无已发放的补助');
    enforce([s.verdict]);
    await tx.db.execute(sql`update rain_semesters set entry_completed_on = ${localDate(tx.clock.now())} where county_code = ${input.countyCode} and semester = ${input.semester}`);
    await audit(tx, { event: 'rain.entry.complete', objectType: 'rain_semester', objectId: `${input.countyCode}:${input.semester}`, detail: { paid: s.paid, entered: s.entered } });
  });
}

// ------------------------------------------------------------------------------------------
// RAIN-25 / RAIN-13 corrections.

export async function recordCorrection(
  ctx: Ctx,
  input: { studentId: string; semester: string; kind: 'MISSED' | 'WRONG'; amountFen: number; correctedOn: string; evidence: string; paymentId?: string; acknowledged?: string[] },
): Promise<{ id: string; warnings: unknown[] }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [s] = await rows<{ id: string; enrolment_status: string; dropout: boolean | null }>(
      tx.db,
      sql`select s.id, s.enrolment_status, (select approved from rain_decisions d where d.student_id = s.id and d.kind = 'DROPOUT_NOT_WRONG' order by at desc, id desc limit 1) as dropout
        from rain_students s where s.id = ${input.studentId} for update`,
    );
    if (!s) throw errors.notFound('学生');
    const verdicts: Verdict[] = [checkEvidence(input.evidence)];
    if (input.kind === 'WRONG') {
      if (!input.paymentId) throw errors.badRequest('追缴须指明对应的补助发放记录');
      const [p] = await rows<{ student_id: string; amount_fen: number; status: string }>(tx.db, sql`select student_id, amount_fen, status from rain_payments where id = ${input.paymentId}`);
      if (!p || p.student_id !== s.id || p.status !== 'paid') throw errors.badRequest('追缴对应的发放记录不存在或尚未发放');
      if (input.amountFen > p.amount_fen) throw errors.badRequest('追缴金额不能超过已发放金额');
      verdicts.push(checkRecovery(s.dropout ?? undefined, ['DROPPED_OUT', 'OUT_OF_SCHOOL'].includes(s.enrolment_status)));
    } else {
      verdicts.push(checkAmount(input.amountFen));
    }
    const warnings = enforce(verdicts, input.acknowledged);
    const id = newId('rcor');
    await tx.db.execute(sql`insert into rain_corrections (id, student_id, semester, kind, payment_id, amount_fen, corrected_on, evidence, created_by, created_at)
      values (${id}, ${s.id}, ${input.semester}, ${input.kind}, ${input.paymentId ?? null}, ${input.amountFen}, ${input.correctedOn}, ${input.evidence.trim()}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: input.kind === 'WRONG' ? 'rain.correction.recover' : 'rain.correction.supplement', objectType: 'rain_correction', objectId: id, detail: { ...input, warnings: warnings.map((w) => w.ruleId) } });
    return { id, warnings };
  });
}

export async function listCorrections(db: Db) {
  return rows<{ id: string; studentName: string; semester: string; kind: string; amountFen: number; correctedOn: string; evidence: string }>(
    db,
    sql`select c.id, s.name as "studentName", c.semester, c.kind, c.amount_fen as "amountFen", c.corrected_on as "correctedOn", c.evidence
      from rain_corrections c join rain_students s on s.id = c.student_id order by c.created_at desc limit 500`,
  );
}

/** RAIN-19 reminder list: paid lines without confirmation N days after the flow date. */
export async function overdueConfirmations(db: Db, today: string) {
  const days = RAIN19.param('rainConfirmationReminderDays');
  return rows<{ paymentId: string; batchId: string; name: string; villageName: string; townshipCode: string; paidOn: string }>(
    db,
    sql`select p.id as "paymentId", b.id as "batchId", s.name, v.name as "villageName", p.township_code as "townshipCode", b.paid_on as "paidOn"
      from rain_payments p join rain_batches b on b.id = p.batch_id join rain_students s on s.id = p.student_id join poverty_regions v on v.code = p.village_code
      where p.status = 'paid' and p.informed_on is null and b.paid_on <= ${addDays(today, -days)} order by b.paid_on, p.village_code`,
  );
}

export { academicYear };
