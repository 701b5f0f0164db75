import { sql } from 'drizzle-orm';
import { lockNamed } from '../../kernel/db/mutex';
import { z } from 'zod';
import { requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { errors } from '../../kernel/errors';
import { notifyOnce } from '../../kernel/notify';
import { sectionChiefOf } from '../../kernel/org/lookups';
import { enforce, type Verdict } from '../../kernel/rules';
import { isLocalDate, localDate, type Clock } from '../../kernel/time';
import { yuan } from './categories';
import { PAYERS, type Payer } from './form';
import { hubUnitId, parseInput } from './office/common';
import { checkPayers } from './reception-lodging';
import { RECEP23, RECEP26 } from './rules';

/**
 * After the claim is paid (RECEP-21(d), RECEP-23 on the payment), the whole set goes to 综合科
 * (RECEP-26, 公务接待流程图 第6步) within the filing days; once filed the reception is read-only.
 */

/** RECEP-26: refuse any change to a filed reception. */
export function assertNotFiled(r: { filedOn: string | null; year: number; seq: number }): void {
  if (r.filedOn) enforce([RECEP26.block(`${r.year}年第${r.seq}号公务接待材料已于${r.filedOn}交综合科备案，留存备查，不能再修改`)]);
}

interface Head { id: string; year: number; seq: number; status: string; person_id: string; letter: Record<string, unknown>; list: unknown; list_reviewed_by: string | null; paid_on: string | null; payment: Record<string, unknown> | null; filed_on: string | null }

async function lockReception(ctx: Ctx, id: string): Promise<Head> {
  const [r] = await rows<Head>(ctx.db, sql`select id, year, seq, status, person_id, letter, list, list_reviewed_by, paid_on::text, payment, filed_on::text from finance_receptions where id = ${id} for update`);
  if (!r) throw errors.notFound('公务接待');
  return r;
}

/** The approved claims that settle a reception, with the vouchers they carry. */
async function settledClaims(ctx: Ctx, id: string): Promise<{ id: string; amountFen: number; vouchers: { kind: string }[] }[]> {
  return rows(ctx.db, sql`select c.id, c.payable_fen::float8 as "amountFen", coalesce(i.form->'vouchers', '[]'::jsonb) as vouchers
    from finance_claims c join flow_instances i on i.id = c.flow_instance_id where c.reception_id = ${id} and c.status = 'approved' order by c.created_at`);
}

const PaymentInput = z.object({
  paidOn: z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD'),
  method: z.enum(['transfer', 'card', 'cash']),
  payer: z.enum(Object.keys(PAYERS) as [Payer, ...Payer[]]),
  proofRef: z.string().trim().min(1, '请填写支付凭证（银行回单号或POS凭条号）').max(200),
});

/** 财务室 records that the settled claim was paid; only our office pays, never in cash. */
export async function recordReceptionPayment(ctx: Ctx, id: string, raw: unknown): Promise<{ paidOn: string; paidFen: number }> {
  const v = parseInput(PaymentInput, raw, '支付登记');
  return withTx(ctx, async (tx) => {
    const r = await lockReception(tx, id);
    assertNotFiled({ filedOn: r.filed_on, year: r.year, seq: r.seq });
    if (r.paid_on) throw errors.conflict(`该接待费用已于${r.paid_on}登记支付`);
    if (v.paidOn > localDate(tx.clock.now())) throw errors.badRequest('支付日期不能晚于今天');
    const verdicts: Verdict[] = [...checkPayers([{ label: '接待费用', payer: v.payer }])];
    if (v.method === 'cash') verdicts.push(RECEP23.block('接待费采用银行转账或者公务卡方式结算，不得以现金方式支付'));
    enforce(verdicts);
    const claims = await settledClaims(tx, id);
    if (!claims.length) throw errors.conflict('该接待尚无审批完毕的接待费报销，不能登记支付');
    const paidFen = claims.reduce((s, c) => s + c.amountFen, 0);
    const payment = { method: v.method, payer: v.payer, proofRef: v.proofRef, claimIds: claims.map((c) => c.id), recordedBy: requireActor(tx).personId };
    await tx.db.execute(sql`update finance_receptions set paid_on = ${v.paidOn}, paid_fen = ${paidFen}, payment = ${JSON.stringify(payment)}::jsonb where id = ${id}`);
    await audit(tx, { event: 'finance.reception.paid', objectType: 'finance_reception', objectId: id, detail: { paidOn: v.paidOn, paidFen, ...payment } });
    return { paidOn: v.paidOn, paidFen };
  });
}

/** The full set of RECEP-26: what is missing from a reception's records. */
export function missingFromSet(r: Head, claims: { vouchers: { kind: string }[] }[]): string[] {
  const vouchers = claims.flatMap((c) => c.vouchers.map((x) => x.kind));
  return [
    ...(r.letter?.docNo && r.letter?.fileRef ? [] : ['派出单位公函']),
    ...(r.status === 'approved' ? [] : ['审批完毕的公务接待审批报告单（含接待方案）']),
    ...(r.list ? [] : ['公务接待清单']),
    ...(r.list && !r.list_reviewed_by ? ['接待清单的负责人审查'] : []),
    ...(claims.length ? [] : ['审批完毕的接待费报销单']),
    ...(vouchers.includes('invoice') ? [] : ['正规发票（财务票据）']),
    ...(vouchers.includes('settlement_bill') ? [] : ['结算清单']),
    ...(r.paid_on && r.payment?.proofRef ? [] : ['支付凭证']),
  ];
}

const FilingInput = z.object({ archiveRef: z.string().trim().min(1, '请填写备案档号').max(100) });

/** 综合科 receives the full set (备案); after that the reception is read-only. */
export async function fileReception(ctx: Ctx, id: string, raw: unknown): Promise<{ filedOn: string; archiveRef: string }> {
  const v = parseInput(FilingInput, raw, '接待材料备案');
  return withTx(ctx, async (tx) => {
    const r = await lockReception(tx, id);
    assertNotFiled({ filedOn: r.filed_on, year: r.year, seq: r.seq });
    const missing = missingFromSet(r, await settledClaims(tx, id));
    if (missing.length) enforce([RECEP26.block(`接待材料不全，不能备案：缺少${missing.join('、')}`, { missing })]);
    const today = localDate(tx.clock.now());
    await tx.db.execute(sql`update finance_receptions set filed_on = ${today}, filed_by = ${requireActor(tx).personId}, archive_ref = ${v.archiveRef} where id = ${id}`);
    await audit(tx, { event: 'finance.reception.filed', objectType: 'finance_reception', objectId: id, detail: { archiveRef: v.archiveRef, paidOn: r.paid_on } });
    return { filedOn: today, archiveRef: v.archiveRef };
  });
}

export interface UnfiledRow { id: string; year: number; seq: number; guestUnit: string; unitName: string | null; personId: string; personName: string; paidOn: string; paidFen: number; dueOn: string; overdue: boolean }

/** RECEP-26 REPORT: paid receptions not yet filed, with the filing deadline in working days. */
export async function unfiledReceptions(ctx: Ctx): Promise<UnfiledRow[]> {
  const found = await rows<Omit<UnfiledRow, 'dueOn' | 'overdue'>>(ctx.db, sql`select r.id, r.year, r.seq, r.guest_unit as "guestUnit", u.name as "unitName", r.person_id as "personId",
      p.name as "personName", r.paid_on::text as "paidOn", r.paid_fen::float8 as "paidFen"
    from finance_receptions r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id
    where r.paid_on is not null and r.filed_on is null order by r.paid_on, r.year, r.seq limit 1000`);
  if (!found.length) return [];
  const cal = await loadWorkingCalendar(ctx.db);
  const today = localDate(ctx.clock.now());
  return found.map((r) => {
    const dueOn = cal.add(r.paidOn, RECEP26.param('filingDays'));
    return { ...r, dueOn, overdue: today > dueOn };
  });
}

/** The filing reminder job: once per overdue reception, to its handler and the 综合科科长. */
export async function remindReceptionFiling(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  return withTx(ctx, async (tx) => {
    await lockNamed(tx.db, 'finance_reception_filing_reminder');
    const overdue = (await unfiledReceptions(tx)).filter((r) => r.overdue);
    const hub = await hubUnitId(tx);
    const chief = hub ? await sectionChiefOf(tx.db, hub, localDate(clock.now())) : null;
    let sent = 0;
    for (const r of overdue) {
      const body = `${r.year}年第${r.seq}号公务接待（${r.guestUnit}）已于${r.paidOn}支付${yuan(r.paidFen)}，应在${r.dueOn}前将全部接待材料交综合科备案（${RECEP26.id} ${RECEP26.cite}）。`;
      const to = [r.personId, ...(chief ? [chief.id] : [])];
      if (await notifyOnce(tx.db, to, { kind: 'remind', title: '公务接待材料逾期未备案', body, link: '/finance/reception-admin', objectType: 'finance_reception_filing', objectId: r.id }, clock.now())) sent++;
    }
    return sent;
  });
}
