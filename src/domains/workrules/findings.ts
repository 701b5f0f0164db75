import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { Day, me, notFuture, nowIso, parse, Text, unitExists } from './common';
import { checkFindingReport, inForce, WR15 } from './rules';

/**
 * WR-15 监督发现问题: a problem found by judicial supervision, the stationed discipline group or
 * audit (第二十二条), or raised by the media or the public and confirmed (第二十五条), is
 * rectified and reported to the 市政府; a media or public problem's result is also published.
 * Until the report is recorded, 综合科 and the responsible section are reminded (reminders.ts).
 */
export const SOURCE_LABEL: Record<string, string> = { judicial: '司法机关', discipline: '派驻纪检组', audit: '审计', media: '新闻舆论', public: '群众监督' };
const PUBLIC_SOURCES = ['media', 'public'];

const Create = z.strictObject({
  source: z.enum(['judicial', 'discipline', 'audit', 'media', 'public'], { error: '请选择监督来源' }),
  sourceDetail: Text(200, '监督机关、媒体或反映渠道'),
  title: Text(300, '问题'),
  foundOn: Day,
  responsibleUnitId: Text(100, '责任科室'),
});
const Verify = z.strictObject({ verification: z.enum(['confirmed', 'unfounded']), note: Text(1000, '调查核实情况') });
const Rectify = z.strictObject({ rectification: Text(2000, '纠治整改措施'), rectifiedOn: Day });
const Report = z.strictObject({ reportedOn: Day, reportRef: Text(200, '报告文号或报送方式') });
const Publish = z.strictObject({ publishedOn: Day, publishChannel: Text(200, '公布渠道') });

export interface FindingRow {
  id: string; source: string; sourceDetail: string; title: string; foundOn: string; responsibleUnitId: string; responsibleUnitName: string | null;
  verification: string; verificationNote: string | null; rectification: string | null; rectifiedOn: string | null; reportedOn: string | null; reportRef: string | null;
  publishedOn: string | null; publishChannel: string | null;
  /** What is still owed: verify, rectify, report, publish — empty when closed. */
  pending: string[];
}

const SELECT = sql`select f.id, f.source, f.source_detail as "sourceDetail", f.title, f.found_on::text as "foundOn", f.responsible_unit_id as "responsibleUnitId",
    u.name as "responsibleUnitName", f.verification, f.verification_note as "verificationNote", f.rectification, f.rectified_on::text as "rectifiedOn",
    f.reported_on::text as "reportedOn", f.report_ref as "reportRef", f.published_on::text as "publishedOn", f.publish_channel as "publishChannel"
  from wr_findings f left join org_units u on u.id = f.responsible_unit_id`;

/** The steps WR-15 still expects of a finding. */
export function pendingSteps(f: Omit<FindingRow, 'pending' | 'responsibleUnitName'>): string[] {
  if (f.verification === 'unfounded') return [];
  if (f.verification === 'pending') return ['调查核实'];
  const out: string[] = [];
  if (!f.rectifiedOn) out.push('纠治整改');
  if (!f.reportedOn) out.push('向市政府报告');
  if (PUBLIC_SOURCES.includes(f.source) && !f.publishedOn) out.push('向社会公布处理结果');
  return out;
}

export async function listFindings(ctx: Ctx): Promise<FindingRow[]> {
  const found = await rows<Omit<FindingRow, 'pending'>>(ctx.db, sql`${SELECT} order by f.found_on desc, f.created_at desc limit 2000`);
  return found.map((f) => ({ ...f, pending: pendingSteps(f) }));
}

/** Unreported after rectification, under the 工作规则: what the reminder and the WR-17 report list. */
export const reportOwed = (f: FindingRow) => f.pending.includes('向市政府报告') && !!f.rectifiedOn && inForce(f.foundOn);

export function registerFinding(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const v = parse(Create, raw, '监督发现问题');
  return withTx(ctx, async (tx) => {
    await unitExists(tx.db, v.responsibleUnitId);
    notFuture(tx, v.foundOn, '发现日期');
    const id = newId('wrf');
    // A media or public report is checked first (调查核实); the other sources found the problem themselves.
    const verification = PUBLIC_SOURCES.includes(v.source) ? 'pending' : 'confirmed';
    await tx.db.execute(sql`insert into wr_findings (id, source, source_detail, title, found_on, responsible_unit_id, verification, created_by, created_at)
      values (${id}, ${v.source}, ${v.sourceDetail}, ${v.title}, ${v.foundOn}, ${v.responsibleUnitId}, ${verification}, ${me(tx)}, ${nowIso(tx)})`);
    await audit(tx, { event: 'workrules.finding.register', objectType: 'wr_finding', objectId: id, detail: { source: v.source, title: v.title, ruleId: WR15.id } });
    return { id };
  });
}

async function lock(ctx: Ctx, id: string): Promise<FindingRow> {
  await rows(ctx.db, sql`select id from wr_findings where id = ${id} for update`);
  const [f] = await rows<Omit<FindingRow, 'pending'>>(ctx.db, sql`${SELECT} where f.id = ${id}`);
  if (!f) throw errors.notFound('监督发现问题');
  return { ...f, pending: pendingSteps(f) };
}

type Step = 'verify' | 'rectify' | 'report' | 'publish';

/** One step of the finding, in order; each is recorded once. */
export function recordFindingStep(ctx: Ctx, id: string, step: Step, raw: unknown): Promise<FindingRow> {
  return withTx(ctx, async (tx) => {
    const f = await lock(tx, id);
    if (!f.pending.length) throw errors.conflict('该问题已办结');
    const set = await stepUpdate(tx, f, step, raw);
    await tx.db.execute(sql`update wr_findings set ${set} where id = ${id}`);
    await audit(tx, { event: `workrules.finding.${step}`, objectType: 'wr_finding', objectId: id, detail: { ruleId: WR15.id, ...(raw as object) } });
    return lock(tx, id);
  });
}

async function stepUpdate(ctx: Ctx, f: FindingRow, step: Step, raw: unknown) {
  if (step === 'verify') {
    const v = parse(Verify, raw, '调查核实');
    if (f.verification !== 'pending') throw errors.conflict('该问题无需或已经调查核实');
    return sql`verification = ${v.verification}, verification_note = ${v.note}`;
  }
  if (f.verification === 'pending') throw errors.conflict('新闻舆论和群众反映的问题须先调查核实');
  if (step === 'rectify') {
    const v = parse(Rectify, raw, '整改登记');
    if (f.rectifiedOn) throw errors.conflict('已登记整改');
    dated(ctx, f, v.rectifiedOn, '整改日期');
    return sql`rectification = ${v.rectification}, rectified_on = ${v.rectifiedOn}`;
  }
  if (step === 'report') {
    const v = parse(Report, raw, '报告登记');
    if (f.reportedOn) throw errors.conflict('已登记向市政府报告');
    enforce([checkFindingReport(f)]);
    dated(ctx, f, v.reportedOn, '报告日期');
    return sql`reported_on = ${v.reportedOn}, report_ref = ${v.reportRef}`;
  }
  const v = parse(Publish, raw, '公布登记');
  if (!PUBLIC_SOURCES.includes(f.source)) throw errors.badRequest('只有新闻舆论和群众反映的问题需要向社会公布处理结果');
  if (f.publishedOn) throw errors.conflict('已登记公布处理结果');
  if (!f.rectifiedOn) throw errors.conflict('请先登记整改，再公布处理结果');
  dated(ctx, f, v.publishedOn, '公布日期');
  return sql`published_on = ${v.publishedOn}, publish_channel = ${v.publishChannel}`;
}

function dated(ctx: Ctx, f: FindingRow, date: string, what: string): void {
  if (date < f.foundOn) throw errors.badRequest(`${what}不能早于发现日期`);
  notFuture(ctx, date, what);
}
