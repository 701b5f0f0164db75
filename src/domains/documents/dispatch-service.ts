import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../kernel/context';
import { can, requireActor, withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { rows, type Db } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { leaderInChargeOfUnit } from '../../kernel/org/lookups';
import { enforce, type Flagged, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { gongwenOf } from './gongwen-model';
import { renderGongwenPdf } from './gongwen-pdf';
import { parse } from './incoming-model';
import { DOC01, DOC20, DOC22 } from './incoming-rules';
import { outgoingIssue, outgoingIssueSteps } from './incoming-schema';
import { assertPrintable } from './numbering';
import { takeSealRequest } from './issue-seal';
import { DOC14, DOC15, DOC18, DOC21 } from './rules';
import { contentHash, hubUnitId, loadDoc, type DocRow } from './store';

/**
 * 发文办理 after numbering (《公文运转管理制度》第九条至第十五条): the copy count (DOC-22), then
 * 校对 → 印制 → 复核 → 用印 → 封发 in this order (DOC-14) for each print round (a reprint opens a
 * new round, DOC-21), then 归档 of the signed original and the electronic file (DOC-18).
 */
export const ISSUE_STEPS = ['proofread', 'print', 'recheck', 'seal', 'dispatch'] as const;
export type IssueStep = (typeof ISSUE_STEPS)[number];
export const ISSUE_STEP_LABEL: Record<IssueStep, string> = { proofread: '校对', print: '印制', recheck: '复核', seal: '用印', dispatch: '封发' };
const DISPATCH = 'documents.dispatch';

export interface CopyPlan {
  recipientCopies: { recipient: string; copies: number; kind: 'main' | 'cc' }[];
  leaderCopies: number;
  deptArchiveCopies: { unitId: string | null; unitName: string; copies: number }[];
  hubRetainedCopies: number;
}

/** DOC-22: 主送和抄送单位所需数量 + 分送办领导数量 + 各科室存档数量 + 办综合科留存数量. */
export function computeCopies(p: CopyPlan): number {
  return p.recipientCopies.reduce((s, r) => s + r.copies, 0) + p.leaderCopies + p.deptArchiveCopies.reduce((s, r) => s + r.copies, 0) + p.hubRetainedCopies;
}

/** A print order of another quantity needs a reason and an acknowledged warning (DOC-22). */
export function printCopiesVerdicts(ordered: number, computed: number, reason: string | null | undefined): Verdict[] {
  if (ordered === computed) return [DOC22.ok()];
  if (!reason?.trim()) return [DOC22.block(`按制度计算应印制${computed}份，印制${ordered}份须说明理由`)];
  return [DOC22.warn(`印制份数${ordered}与计算份数${computed}不符（理由：${reason}），请确认`)];
}

/** DOC-14: a step only after the one before it in the same round, and only once. */
export function stepOrderVerdicts(step: IssueStep, done: Set<string>): Verdict[] {
  if (done.has(step)) return [DOC14.block(`本轮已登记${ISSUE_STEP_LABEL[step]}，不能重复登记`)];
  const i = ISSUE_STEPS.indexOf(step);
  const before = ISSUE_STEPS.slice(0, i).filter((s) => !done.has(s));
  if (before.length) return [DOC14.block(`发文办理须依次经过编号、校对、印制、复核、用印、封发：请先完成${before.map((s) => ISSUE_STEP_LABEL[s]).join('、')}`)];
  return [DOC14.ok()];
}

export const CopyPlanInput = z.object({
  recipientCopies: z.array(z.object({ recipient: z.string().trim().min(1).max(100), copies: z.number().int().min(0).max(10000), kind: z.enum(['main', 'cc']) })).max(200),
  leaderCopies: z.number().int().min(0).max(100),
  deptArchiveCopies: z.array(z.object({ unitId: z.string().max(100).nullable(), unitName: z.string().trim().min(1).max(100), copies: z.number().int().min(0).max(100) })).max(50),
  hubRetainedCopies: z.number().int().min(0).max(100),
});

const StepInputs = {
  proofread: z.object({ note: z.string().trim().max(500).nullish() }),
  print: z.object({ copies: z.number().int().min(1, '印制份数至少为1').max(100000), device: z.string().trim().max(60).nullish(), reason: z.string().trim().max(500).nullish() }),
  recheck: z.object({ note: z.string().trim().max(500).nullish() }),
  seal: z.object({
    approverPersonId: z.string().min(1, '请选择批准用印的领导').max(100),
    /** Optional: the seal comes from the register entry; a name given must be that entry's seal. */
    sealName: z.string().trim().max(60).nullish(),
    copiesStamped: z.number().int().min(1).max(100000),
    /** The 用印登记簿 entry (id or 年第N号). Required, but checked in the service so the refusal cites SEAL-01. */
    sealRequestId: z.string().trim().max(100).nullish(),
  }),
  dispatch: z.object({
    entries: z.array(z.object({ recipient: z.string().trim().min(1, '请填写收件单位').max(100), copies: z.number().int().min(1).max(10000), method: z.enum(['机要交换', '邮寄', '专人送达', '电子公文交换', '其他']) })).min(1, '请登记分发去向').max(300),
  }),
} as const;

async function roundOf(db: Db, id: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from doc_reprints where document_id = ${id} and status <> 'cancelled'`);
  return r?.n ?? 0;
}

async function defaultPlan(db: Db, d: DocRow, today: string): Promise<CopyPlan> {
  const [leaders] = await rows<{ n: number }>(db, sql`select count(distinct h.person_id)::int as n from post_holdings h join people p on p.id = h.person_id
    where p.active and h.post_code in ('director', 'deputy_director') and h.start_date <= ${today} and (h.end_date is null or h.end_date >= ${today})`);
  const [unit] = d.draftingUnitId ? await rows<{ name: string }>(db, sql`select name from org_units where id = ${d.draftingUnitId}`) : [];
  return {
    recipientCopies: [...d.mainRecipients.map((r) => ({ recipient: r, copies: 1, kind: 'main' as const })), ...d.ccRecipients.map((r) => ({ recipient: r, copies: 1, kind: 'cc' as const }))],
    leaderCopies: leaders?.n ?? 0,
    deptArchiveCopies: unit ? [{ unitId: d.draftingUnitId, unitName: unit.name, copies: DOC22.param('deptArchiveCopies') }] : [],
    hubRetainedCopies: DOC22.param('hubRetainedCopies'),
  };
}

type IssueRow = typeof outgoingIssue.$inferSelect;

/** The doc_issue row, created with the default plan on first use (inside the caller's transaction). */
async function ensureIssue(ctx: Ctx, d: DocRow): Promise<IssueRow> {
  const [cur] = await ctx.db.select().from(outgoingIssue).where(eq(outgoingIssue.documentId, d.id)).for('update');
  if (cur) return cur;
  const plan = await defaultPlan(ctx.db, d, localDate(ctx.clock.now()));
  const [row] = await ctx.db.insert(outgoingIssue).values({ documentId: d.id, ...plan, computedCopies: computeCopies(plan), updatedAt: ctx.clock.now() }).onConflictDoNothing().returning();
  if (row) return row;
  const [again] = await ctx.db.select().from(outgoingIssue).where(eq(outgoingIssue.documentId, d.id)).for('update');
  return again;
}

function requireNumbered(d: DocRow): void {
  if (!d.docNumber) enforce([DOC15.block('公文未编号，不能办理印制、用印、分发')]);
}

/** The state of 发文办理 for the document page. */
export async function issueState(ctx: Ctx, id: string) {
  const d = await loadDoc(ctx.db, id);
  const [issue] = await ctx.db.select().from(outgoingIssue).where(eq(outgoingIssue.documentId, id));
  const plan = issue ?? (d.docNumber ? await defaultPlan(ctx.db, d, localDate(ctx.clock.now())) : null);
  const round = await roundOf(ctx.db, id);
  const steps = await rows<{ round: number; step: IssueStep; at: string; byName: string; data: Record<string, unknown> }>(
    ctx.db,
    sql`select s.round, s.step, s.at, p.name as "byName", s.data from doc_issue_steps s left join people p on p.id = s.by_person_id where s.document_id = ${id} order by s.round, s.at`,
  );
  const done = new Set(steps.filter((s) => s.round === round).map((s) => s.step));
  const next = ISSUE_STEPS.find((s) => !done.has(s)) ?? null;
  const dispatchedOnce = steps.some((s) => s.step === 'dispatch');
  const { electronicPdf: _pdf, ...archive } = issue ?? ({} as Partial<IssueRow>);
  return {
    documentId: id,
    docNumber: d.docNumber,
    urgency: d.urgency,
    round,
    plan: plan ? { recipientCopies: plan.recipientCopies, leaderCopies: plan.leaderCopies, deptArchiveCopies: plan.deptArchiveCopies, hubRetainedCopies: plan.hubRetainedCopies, computedCopies: computeCopies(plan) } : null,
    steps,
    next: d.docNumber && d.status !== 'resign_required' ? next : null,
    archived: issue?.archivedAt ? { at: issue.archivedAt, location: archive.archiveLocation, signedOriginal: archive.signedOriginalArchived, sha256: archive.electronicSha256, contentHash: archive.archivedContentHash } : null,
    canArchive: !!d.docNumber && dispatchedOnce && !issue?.archivedAt,
  };
}

/** Edit the copy plan (DOC-22, CONF-119: an editable list per section). */
export async function saveCopyPlan(ctx: Ctx, id: string, raw: unknown): Promise<{ computedCopies: number }> {
  const p = parse(CopyPlanInput, raw, '印制份数');
  if (!can(ctx, DISPATCH)) enforce([DOC01.block('公文印制份数由办综合科核定')]);
  return withTx(ctx, async (tx) => {
    const d = await loadDoc(tx.db, id, true);
    requireNumbered(d);
    await ensureIssue(tx, d);
    const computedCopies = computeCopies(p);
    await tx.db.update(outgoingIssue).set({ ...p, computedCopies, updatedAt: tx.clock.now() }).where(eq(outgoingIssue.documentId, id));
    await audit(tx, { event: 'documents.issue.copy_plan', objectType: 'document', objectId: id, detail: { ...p, computedCopies } });
    return { computedCopies };
  });
}

/**
 * Record one step of the current round. 综合科 proofreads, prints, stamps and dispatches (DOC-01);
 * the drafting section (or 综合科) records the 复核 (第十三条). Stamping needs the approval of the
 * 主要领导 or the 分管领导 (DOC-20 = SEAL-15) and an approved entry of the 用印登记簿 taken by no
 * other seal step, which is stamped in the register in the same transaction (SEAL-01, issue-seal.ts).
 */
export async function recordIssueStep(ctx: Ctx, id: string, step: IssueStep, raw: unknown, acknowledged: string[] = []): Promise<{ round: number; step: IssueStep; warnings: Flagged[] }> {
  const input = parse(StepInputs[step] as z.ZodTypeAny, raw, ISSUE_STEP_LABEL[step]) as Record<string, unknown>;
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const d = await loadDoc(tx.db, id, true);
    requireNumbered(d);
    if (step === 'recheck') {
      if (!can(tx, DISPATCH) && !(d.draftingUnitId && actor.unitIds.includes(d.draftingUnitId))) throw errors.forbidden('复核由起草科室或综合科登记');
    } else if (!can(tx, DISPATCH)) enforce([DOC01.block(`公文${ISSUE_STEP_LABEL[step]}由办综合科负责`)]);
    if (d.status === 'resign_required') {
      if (step === 'print') assertPrintable(d);
      enforce([DOC21.block('重印涉及重大修改，须经原签发人重新签发后方可继续办理')]);
    }
    const issue = await ensureIssue(tx, d);
    const round = await roundOf(tx.db, id);
    const done = await tx.db.select({ step: outgoingIssueSteps.step }).from(outgoingIssueSteps).where(and(eq(outgoingIssueSteps.documentId, id), eq(outgoingIssueSteps.round, round)));
    enforce(stepOrderVerdicts(step, new Set(done.map((s) => s.step))));
    const today = localDate(tx.clock.now());
    let warnings: Flagged[] = [];
    const data: Record<string, unknown> = { ...input };
    if (step === 'print') {
      warnings = enforce(printCopiesVerdicts(input.copies as number, issue.computedCopies, input.reason as string | null), acknowledged);
      data.computedCopies = issue.computedCopies;
    }
    if (step === 'seal') {
      const approver = input.approverPersonId as string;
      const [director] = await rows(tx.db, sql`select 1 from post_holdings where person_id = ${approver} and post_code = 'director'
        and start_date <= ${today} and (end_date is null or end_date >= ${today}) limit 1`);
      const unit = d.category === 'general' ? await hubUnitId(tx.db) : d.draftingUnitId;
      const inCharge = unit ? await leaderInChargeOfUnit(tx.db, unit, today) : null;
      if (!director && inCharge?.id !== approver) enforce([DOC20.block(`用印须经办主要领导或分管领导（${inCharge?.name ?? '分管办领导'}）批准`)]);
      const [printed] = await rows<{ copies: number }>(tx.db, sql`select (data->>'copies')::int as copies from doc_issue_steps where document_id = ${id} and round = ${round} and step = 'print'`);
      if ((input.copiesStamped as number) > Number(printed?.copies ?? 0)) throw errors.badRequest(`用印份数不能超过印制份数（${printed?.copies ?? 0}份）`);
      const [who] = await rows<{ name: string }>(tx.db, sql`select name from people where id = ${approver}`);
      data.approverName = who?.name ?? approver;
      const taken = await takeSealRequest(tx, d, { sealRequestId: input.sealRequestId as string | null, sealName: input.sealName as string | null, copiesStamped: input.copiesStamped as number });
      Object.assign(data, taken);
    }
    if (step === 'dispatch') {
      const [printed] = await rows<{ copies: number }>(tx.db, sql`select (data->>'copies')::int as copies from doc_issue_steps where document_id = ${id} and round = ${round} and step = 'print'`);
      const sent = (input.entries as { copies: number }[]).reduce((s, e) => s + e.copies, 0);
      if (sent > Number(printed?.copies ?? 0)) throw errors.badRequest(`分发份数合计${sent}份，超过印制份数${printed?.copies ?? 0}份`);
      data.totalCopies = sent;
    }
    await tx.db.insert(outgoingIssueSteps).values({ documentId: id, round, step, at: tx.clock.now(), byPersonId: actor.personId ?? actor.accountId, data });
    await audit(tx, { event: `documents.issue.${step}`, objectType: 'document', objectId: id, detail: { round, ...data, acknowledged: warnings.map((w) => w.ruleId) } });
    return { round, step, warnings };
  });
}

/**
 * 归档 (DOC-18): the numbered hand-signed original and the electronic file, once the document has
 * been dispatched. The electronic file is the GB/T 9704 PDF rendered now, kept with its SHA-256
 * and the hash of the signed text it shows.
 */
export async function archiveOutgoing(ctx: Ctx, id: string, raw: unknown): Promise<{ sha256: string }> {
  const input = parse(z.object({ signedOriginal: z.boolean(), location: z.string().trim().max(100).nullish() }), raw, '归档');
  if (!can(ctx, DISPATCH)) enforce([DOC01.block('公文归档由办综合科负责')]);
  if (!input.signedOriginal) enforce([DOC18.block('编号后的领导手签件须与电子版一并存档')]);
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const d = await loadDoc(tx.db, id, true);
    requireNumbered(d);
    const issue = await ensureIssue(tx, d);
    if (issue.archivedAt) throw errors.conflict('该公文已归档');
    const [sent] = await rows(tx.db, sql`select 1 from doc_issue_steps where document_id = ${id} and step = 'dispatch' limit 1`);
    if (!sent) enforce([DOC14.block('公文封发后方可归档')]);
    if (d.bodyHashAtSignOff !== contentHash(d)) enforce([DOC18.block('电子文本与签发稿不一致，不能归档')]);
    const { pdf } = await renderGongwenPdf(gongwenOf(d, localDate(tx.clock.now())));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const now = tx.clock.now();
    await tx.db.update(outgoingIssue).set({
      archivedAt: now, archivedByPersonId: actor.personId, archiveLocation: input.location ?? null, signedOriginalArchived: true,
      electronicPdf: pdf.toString('base64'), electronicSha256: sha256, archivedContentHash: contentHash(d), updatedAt: now,
    }).where(eq(outgoingIssue.documentId, id));
    await audit(tx, { event: 'documents.issue.archive', objectType: 'document', objectId: id, detail: { sha256, location: input.location ?? null, docNumber: d.docNumber } });
    return { sha256 };
  });
}

/** The archived electronic file, exactly as archived. */
export async function archivedPdf(ctx: Ctx, id: string): Promise<{ pdf: Buffer; name: string }> {
  const d = await loadDoc(ctx.db, id);
  const [issue] = await ctx.db.select().from(outgoingIssue).where(eq(outgoingIssue.documentId, id));
  if (!issue?.electronicPdf) throw errors.notFound('归档电子文件');
  return { pdf: Buffer.from(issue.electronicPdf, 'base64'), name: `${d.docNumber}-${d.title}（归档）.pdf` };
}
