import { sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../context';
import { errors } from '../errors';
import { enforce } from '../rules';
import { audit } from '../audit/write';
import { newId } from '../ids';
import { dateRange, type RowKind } from './days';
import { checkRow, FIRST_ENTERABLE_YEAR, normalizeFestival } from './rules';
import { lockYear, noticeRows, requireStatus, rowsOn, touchYear, findYear } from './store';
import { requireDate } from './workdays';

/**
 * 录入新年度放假安排 (calendar.md §3.4): create a draft, enter rows, edit them. Every
 * command runs in one transaction with its audit record; a rejected input changes nothing.
 * Review and publishing are in publish.ts.
 */
export interface DayInput {
  date: string;
  kind: RowKind;
  festival: string;
}

export interface FestivalInput {
  festival: string;
  start: string;
  end: string;
  adjustedWorkdays: string[];
}

export async function createYear(ctx: Ctx, input: { year: number; sourceDoc: string }): Promise<void> {
  const actor = requireActor(ctx);
  const { year } = input;
  if (!Number.isInteger(year) || year < FIRST_ENTERABLE_YEAR || year > 2100) {
    throw errors.badRequest(`年度应在 ${FIRST_ENTERABLE_YEAR}–2100 之间（此前年度已由 chinese-days 数据预置）`);
  }
  const sourceDoc = requireText(input.sourceDoc, '发文字号（source_doc）');
  await withTx(ctx, async (tx) => {
    const existing = await findYear(tx.db, year, true);
    if (existing) throw errors.conflict(`${year}年度放假安排已存在，不能重复创建`);
    await tx.db.execute(sql`insert into calendar_year (year, status, source_doc, origin, revision, created_by, created_at)
      values (${year}, 'draft', ${sourceDoc}, 'manual', ${newId('calrev')}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'calendar.year.create', objectType: 'calendar_year', objectId: String(year), detail: { sourceDoc } });
  });
}

export async function updateYear(ctx: Ctx, year: number, input: { sourceDoc: string }): Promise<void> {
  requireActor(ctx);
  const sourceDoc = requireText(input.sourceDoc, '发文字号（source_doc）');
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '修改');
    await tx.db.execute(sql`update calendar_year set source_doc = ${sourceDoc} where year = ${year}`);
    await tx.db.execute(sql`update work_calendar set source_doc = ${sourceDoc} where notice_year = ${year}`);
    await touchYear(tx.db, year);
    await audit(tx, { event: 'calendar.year.update', objectType: 'calendar_year', objectId: String(year), detail: { from: y.sourceDoc, to: sourceDoc } });
  });
}

export async function deleteDraftYear(ctx: Ctx, year: number): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '删除');
    const rowsBefore = await noticeRows(tx.db, year);
    await tx.db.execute(sql`delete from calendar_year where year = ${year}`);
    await audit(tx, { event: 'calendar.year.delete', objectType: 'calendar_year', objectId: String(year), detail: { rows: rowsBefore.length } });
  });
}

/** Add holiday or make-up rows to a draft; all or nothing. */
export async function addDays(ctx: Ctx, year: number, days: DayInput[], event = 'calendar.day.add'): Promise<void> {
  const actor = requireActor(ctx);
  const clean = days.map(cleanDay);
  if (clean.length === 0) throw errors.badRequest('没有要录入的日期');
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '录入日期');
    enforce(clean.flatMap((d) => checkRow(year, d)));
    await refuseDuplicates(tx, year, clean.map((d) => d.date));
    for (const d of clean) {
      await tx.db.execute(sql`insert into work_calendar (date, notice_year, kind, festival, source_doc, entered_by, entered_at)
        values (${d.date}, ${year}, ${d.kind}, ${d.festival}, ${y.sourceDoc}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    }
    await touchYear(tx.db, year);
    await audit(tx, { event, objectType: 'calendar_year', objectId: String(year), detail: { days: clean } });
  });
}

/** A festival as the notice states it: its days off from start to end, and its make-up days. */
export async function addFestival(ctx: Ctx, year: number, input: FestivalInput): Promise<void> {
  const start = requireDate(input.start, '放假开始日期');
  const end = requireDate(input.end, '放假结束日期');
  if (start > end) throw errors.badRequest(`放假开始日期 ${start} 晚于结束日期 ${end}`);
  if (dateRange(start, end).length > 31) throw errors.badRequest('一次放假不能超过31天，请核对日期');
  const days: DayInput[] = [
    ...dateRange(start, end).map((date) => ({ date, kind: 'holiday' as const, festival: input.festival })),
    ...input.adjustedWorkdays.map((date) => ({ date, kind: 'adjusted_workday' as const, festival: input.festival })),
  ];
  await addDays(ctx, year, days, 'calendar.festival.add');
}

export async function updateDay(ctx: Ctx, year: number, date: string, input: Omit<DayInput, 'date'>): Promise<void> {
  const actor = requireActor(ctx);
  const d = cleanDay({ ...input, date });
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '修改日期');
    const before = (await noticeRows(tx.db, year)).find((r) => r.date === d.date);
    if (!before) throw errors.notFound(`${year}年度中 ${d.date} 的记录`);
    enforce(checkRow(year, d));
    await tx.db.execute(sql`update work_calendar set kind = ${d.kind}, festival = ${d.festival}, entered_by = ${actor.accountId},
      entered_at = ${tx.clock.now().toISOString()} where date = ${d.date}`);
    await touchYear(tx.db, year);
    await audit(tx, { event: 'calendar.day.update', objectType: 'calendar_year', objectId: String(year), detail: { date: d.date, from: before, to: d } });
  });
}

export async function removeDay(ctx: Ctx, year: number, date: string): Promise<void> {
  requireActor(ctx);
  const day = requireDate(date);
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '删除日期');
    const before = (await noticeRows(tx.db, year)).find((r) => r.date === day);
    if (!before) throw errors.notFound(`${year}年度中 ${day} 的记录`);
    await tx.db.execute(sql`delete from work_calendar where date = ${day} and notice_year = ${year}`);
    await touchYear(tx.db, year);
    await audit(tx, { event: 'calendar.day.remove', objectType: 'calendar_year', objectId: String(year), detail: { removed: before } });
  });
}

function cleanDay(d: DayInput): DayInput {
  if (d.kind !== 'holiday' && d.kind !== 'adjusted_workday') throw errors.badRequest('类型应为「放假」或「调休上班」');
  const festival = normalizeFestival(requireText(d.festival, '节日名称'));
  return { date: requireDate(d.date), kind: d.kind, festival };
}

function requireText(value: string, what: string): string {
  const v = (value ?? '').trim();
  if (!v) throw errors.badRequest(`请填写${what}`);
  if (v.length > 100) throw errors.badRequest(`${what}过长（不超过100字）`);
  return v;
}

/** calendar.md §3.4 check 1: ranges must not overlap; one row per date across all notices. */
async function refuseDuplicates(ctx: Ctx, year: number, dates: string[]): Promise<void> {
  const seen = new Set<string>();
  for (const d of dates) {
    if (seen.has(d)) throw errors.conflict(`日期 ${d} 重复录入（放假日期与调休上班日期不能重叠）`);
    seen.add(d);
  }
  const taken = await rowsOn(ctx.db, dates);
  if (taken.length > 0) {
    const t = taken[0];
    const where = t.noticeYear === year ? `本年度已录入该日期` : `该日期已属于${t.noticeYear}年度放假安排`;
    throw errors.conflict(`日期 ${t.date} 重复：${where}`, { dates: taken.map((x) => x.date) });
  }
}
