import { sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { requireActor, type Ctx } from '../../../kernel/context';
import { rows } from '../../../kernel/db';
import { audit } from '../../../kernel/audit/write';
import { errors } from '../../../kernel/errors';
import type { XlsxColumn } from '../../../kernel/render/xlsx';
import { categoryDef, PAYMENT_METHODS, VOUCHER_KINDS, type Category } from '../categories';
import { CLAIM_COLUMNS, RECEPTION_COLUMNS } from '../ledger';
import { BUDGET_COLUMNS, PRINT_COLUMNS, PROCUREMENT_COLUMNS } from '../office/ledger';
import type { BudgetRow, PrintRow, ProcurementRow } from '../office/service';
import { FIN16 } from '../rules';
import type { ClaimRow, ReceptionRow } from '../service';
import { VIOLATION_COLUMNS, type ViolationRow } from '../violations';
import { listCounts } from './counts';
import { COUNT_COLUMNS, REPORT_COLUMNS } from './ledger';
import { reportOccurrences } from './reports';
import { workbookStream, type AnySheet } from './workbook';

/**
 * FIN-16: what the finance function hands an inspecting authority for a period — the expense
 * vouchers with every signature, the ledgers and the cash counts — in one read-only workbook.
 * Rows are chosen by the day a form was submitted (cash counts: the count day), with no limit.
 */
const ACTION: Record<string, string> = { submit: '提交', approve: '同意', reject: '不同意', return: '退回', withdraw: '撤回', delegate: '转办', add_signer: '加签', comment: '意见',
  remind: '催办', read: '已阅', record_external: '登记外部审批', merge: '合并签字', timer: '到期处理', resubmit: '重新提交', complete: '办结' };
const SUBJECT: Record<string, string> = { finance_claim: '报销', finance_reception: '公务接待', finance_procurement: '物资采购', finance_meeting_budget: '会议培训预算', finance_print_request: '印刷品印制' };

interface TrailRow { subjectType: string; subjectId: string; title: string; seq: number; step: string | null; action: string; actor: string | null; onBehalfOf: string | null; comment: string | null; at: string }
interface ClaimExport extends ClaimRow { vouchers: { kind: string; ref: string }[] | null; paymentMethods: string | null }

const TRAIL_COLUMNS: XlsxColumn<TrailRow>[] = [
  { header: '单据类别', value: (r) => SUBJECT[r.subjectType] ?? r.subjectType },
  { header: '单据编号', value: (r) => r.subjectId, width: 24 },
  { header: '标题', value: (r) => r.title, width: 36 },
  { header: '序号', value: (r) => r.seq },
  { header: '审批环节', value: (r) => r.step, width: 16 },
  { header: '动作', value: (r) => ACTION[r.action] ?? r.action },
  { header: '签字人', value: (r) => r.actor },
  { header: '代签（代谁）', value: (r) => r.onBehalfOf },
  { header: '意见', value: (r) => r.comment, width: 30 },
  { header: '时间', value: (r) => r.at, width: 20 },
];
const CLAIM_EXPORT_COLUMNS: XlsxColumn<ClaimExport>[] = [
  ...(CLAIM_COLUMNS as XlsxColumn<ClaimExport>[]),
  { header: '结算方式', value: (r) => (r.paymentMethods ?? '').split('、').map((m) => PAYMENT_METHODS[m as keyof typeof PAYMENT_METHODS] ?? m).join('、'), width: 16 },
  { header: '所附凭证', value: (r) => (r.vouchers ?? []).map((v) => `${VOUCHER_KINDS[v.kind as keyof typeof VOUCHER_KINDS] ?? v.kind}：${v.ref}`).join('；'), width: 40 },
];

/** Submitted on a local day of the period, in the office's zone. */
const submittedIn = (alias: string, from: string, to: string): SQL =>
  sql`(${sql.raw(alias)}.submitted_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`;

async function claims(ctx: Ctx, from: string, to: string): Promise<ClaimExport[]> {
  const found = await rows<Omit<ClaimExport, 'categoryLabel'>>(ctx.db, sql`select c.id, c.person_id as "personId", p.name as "personName", u.name as "unitName", c.flow_instance_id as "flowInstanceId",
      c.category, c.tier, c.payee, c.purpose, c.amount_fen::float8 as "amountFen", c.payable_fen::float8 as "payableFen", c.decision_id as "decisionId", c.trip_id as "tripId",
      c.reception_id as "receptionId", c.status, c.submitted_on::text as "submittedOn", fi.form->'vouchers' as vouchers,
      (select string_agg(distinct l->>'paymentMethod', '、') from jsonb_array_elements(coalesce(fi.form->'lines', '[]'::jsonb)) l) as "paymentMethods"
    from finance_claims c join people p on p.id = c.person_id left join org_units u on u.id = c.unit_id join flow_instances fi on fi.id = c.flow_instance_id
    where ${submittedIn('fi', from, to)} order by c.submitted_on, c.created_at`);
  return found.map((r) => ({ ...r, categoryLabel: categoryDef(r.category as Category)?.label ?? r.category }));
}

async function trail(ctx: Ctx, from: string, to: string): Promise<TrailRow[]> {
  return rows<TrailRow>(ctx.db, sql`select fi.subject_type as "subjectType", fi.subject_id as "subjectId", fi.title, a.seq, fi.plan->a.step_index->>'name' as step, a.action,
      ap.name as actor, (select bp.name from flow_tasks t join people bp on bp.id = t.on_behalf_of_person_id where t.id = a.task_id) as "onBehalfOf", a.comment,
      to_char(a.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as at
    from flow_actions a join flow_instances fi on fi.id = a.instance_id left join people ap on ap.id = a.actor_person_id
    where fi.subject_type in ('finance_claim', 'finance_reception', 'finance_procurement', 'finance_meeting_budget', 'finance_print_request') and ${submittedIn('fi', from, to)}
    order by fi.submitted_at, fi.id, a.seq`);
}

const joined = (table: string, alias: string) => sql`from ${sql.raw(table)} ${sql.raw(alias)} join people p on p.id = ${sql.raw(alias)}.person_id
  left join org_units u on u.id = ${sql.raw(alias)}.unit_id join flow_instances fi on fi.id = ${sql.raw(alias)}.flow_instance_id`;

async function ledgers(ctx: Ctx, from: string, to: string) {
  const within = submittedIn('fi', from, to);
  const receptions = await rows<ReceptionRow>(ctx.db, sql`select r.id, r.person_id as "personId", p.name as "personName", r.unit_id as "unitId", u.name as "unitName", r.flow_instance_id as "flowInstanceId",
      r.year, r.seq, r.guest_unit as "guestUnit", r.purpose, r.visit_start::text as "visitStart", r.visit_end::text as "visitEnd", r.guests, r.status, r.approved_on::text as "approvedOn",
      r.list, (select name from people where id = r.list_reviewed_by) as "listReviewedBy", r.letter ${joined('finance_receptions', 'r')} where ${within} order by r.year, r.seq`);
  const procurements = await rows<ProcurementRow>(ctx.db, sql`select r.id, 'FMSF1-' || r.year || '-' || lpad(r.seq::text, 4, '0') as no, p.name as "personName", u.name as "unitName",
      r.flow_instance_id as "flowInstanceId", r.kind, r.title, r.amount_fen::float8 as "amountFen", r.tier, r.method, r.decision_id as "decisionId", r.status, r.submitted_on::text as "submittedOn"
    ${joined('finance_procurements', 'r')} where ${within} order by r.year, r.seq`);
  const budgets = await rows<BudgetRow>(ctx.db, sql`select b.id, b.kind, b.person_id as "personId", p.name as "personName", b.unit_id as "unitId", u.name as "unitName", b.flow_instance_id as "flowInstanceId",
      b.year, b.name, b.start_date::text as "startDate", b.end_date::text as "endDate", b.venue, b.headcount, b.lines, b.budget_fen::float8 as "budgetFen", b.executed_fen::float8 as "executedFen", b.status
    ${joined('finance_meeting_budgets', 'b')} where ${within} order by b.start_date`);
  const prints = await rows<PrintRow>(ctx.db, sql`select r.id, p.name as "personName", r.unit_id as "unitId", u.name as "unitName", r.flow_instance_id as "flowInstanceId", r.year, r.title,
      r.cost_fen::float8 as "costFen", r.quantity, r.scope, r.status, r.printed_quantity as "printedQuantity", r.printer, r.printed_on::text as "printedOn",
      coalesce((select sum(d.quantity) from finance_print_distributions d where d.request_id = r.id), 0)::int as "distributedQuantity"
    ${joined('finance_print_requests', 'r')} where ${within} order by r.created_at`);
  const violations = await rows<ViolationRow>(ctx.db, sql`select v.id, v.rule_id as "ruleId", v.violated_rule_ids as "violatedRuleIds", v.occurred_on::text as "occurredOn", v.facts, v.handling,
      (select string_agg(p.name, '、') from people p where v.direct_person_ids ? p.id) as "directNames",
      (select string_agg(p.name, '、') from people p where v.leader_person_ids ? p.id) as "leaderNames",
      (select name from people where id = v.recorded_by) as "recordedByName"
    from finance_violations v where v.occurred_on between ${from}::date and ${to}::date order by v.occurred_on`);
  return { receptions, procurements, budgets, prints, violations };
}

/** The workbook's sheets for a period (exported for tests and for the stream below). */
export async function inspectionSheets(ctx: Ctx, from: string, to: string): Promise<AnySheet[]> {
  if (from > to) throw errors.badRequest(`起始日期 ${from} 晚于截止日期 ${to}`);
  const l = await ledgers(ctx, from, to);
  const counts = (await listCounts(ctx, { from, to })).reverse();
  const reports = (await reportOccurrences(ctx)).filter((o) => o.dueOn >= from && o.dueOn <= to);
  const data: AnySheet[] = [
    { name: '报销凭证', columns: CLAIM_EXPORT_COLUMNS, rows: await claims(ctx, from, to) },
    { name: '审批签字记录', columns: TRAIL_COLUMNS, rows: await trail(ctx, from, to) },
    { name: '公务接待台账', columns: RECEPTION_COLUMNS, rows: l.receptions },
    { name: '物资采购台账', columns: PROCUREMENT_COLUMNS, rows: l.procurements },
    { name: '会议培训费台账', columns: BUDGET_COLUMNS, rows: l.budgets },
    { name: '印刷品台账', columns: PRINT_COLUMNS, rows: l.prints },
    { name: '现金盘点台账', columns: COUNT_COLUMNS, rows: counts },
    { name: '报表报送记录', columns: REPORT_COLUMNS, rows: reports },
    { name: '违规问题登记簿', columns: VIOLATION_COLUMNS, rows: l.violations },
  ];
  const a = requireActor(ctx);
  const cover: [string, string][] = [
    ['资料', '监督检查资料（会计凭证、会计账簿和其他会计资料）'], ['期间', `${from} 至 ${to}`], ['导出人', a.displayName],
    ['导出时间', ctx.clock.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })], ['依据', `${FIN16.id} ${FIN16.cite}`],
    ...data.map((s): [string, string] => [s.name, `${[...s.rows].length} 条`]),
  ];
  return [{ name: '说明', columns: [{ header: '项目', value: (r: [string, string]) => r[0], width: 18 }, { header: '内容', value: (r: [string, string]) => r[1], width: 60 }], rows: cover }, ...data];
}

/** Build the workbook and audit the export (who, which period, how many rows of each sheet) first. */
export async function exportInspection(ctx: Ctx, from: string, to: string): Promise<Readable> {
  const sheets = await inspectionSheets(ctx, from, to);
  await audit(ctx, { event: 'finance.inspection.export', objectType: 'finance_inspection', objectId: `${from}~${to}`,
    detail: { from, to, rows: Object.fromEntries(sheets.slice(1).map((s) => [s.name, [...s.rows].length])) } });
  return workbookStream(sheets);
}
