import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { withTx, type Ctx } from '../context';
import { rows } from '../db';
import { newId } from '../ids';
import { audit } from '../audit/write';
import { yearOf, type CalendarRow } from './days';
import { calendarYears, workCalendar } from './schema';

/**
 * Seed the published years 2004–2026 from the bundled data of the npm package chinese-days
 * (https://github.com/vsme/chinese-days, MIT License, Copyright (c) 2024 Yawei sun; the
 * licence text ships in node_modules/chinese-days/LICENSE). Read from disk at install time,
 * never fetched (calendar.md §3.2). Idempotent: existing years and dates are left alone.
 */
const pkgRequire = createRequire(import.meta.url);

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export const SEED_FIRST_YEAR = 2004;
export const SEED_LAST_YEAR = 2026;

export function seedOrigin(): string {
  const pkg = JSON.parse(fs.readFileSync(pkgRequire.resolve('chinese-days/package.json'), 'utf8')) as { version: string };
  return `chinese-days@${pkg.version}（MIT）`;
}

/** Map the JSON to rows: values are "English name,中文名,N"; December rows are 元旦 of the next notice. */
export function chineseDaysRows(): CalendarRow[] {
  const data = JSON.parse(fs.readFileSync(pkgRequire.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as ChineseDaysJson;
  const out: CalendarRow[] = [];
  const add = (entries: Record<string, string>, kind: CalendarRow['kind']) => {
    for (const [date, value] of Object.entries(entries)) {
      const festival = value.split(',')[1];
      const noticeYear = yearOf(date) + (date.slice(5, 7) === '12' && festival === '元旦' ? 1 : 0);
      if (noticeYear >= SEED_FIRST_YEAR && noticeYear <= SEED_LAST_YEAR) out.push({ date, kind, festival, noticeYear });
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'adjusted_workday');
  return out;
}

function sourceDocOf(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知（数据来自 chinese-days）`;
}

export async function seedCalendar(outer: Ctx): Promise<void> {
  await withTx(outer, (ctx) => seedMissingYears(ctx));
}

async function seedMissingYears(ctx: Ctx): Promise<void> {
  const existing = await rows<{ year: number }>(ctx.db, sql`select year from calendar_year`);
  const have = new Set(existing.map((r) => Number(r.year)));
  const missing: number[] = [];
  for (let y = SEED_FIRST_YEAR; y <= SEED_LAST_YEAR; y++) if (!have.has(y)) missing.push(y);
  if (missing.length === 0) return;
  const origin = seedOrigin();
  const now = ctx.clock.now();
  await ctx.db
    .insert(calendarYears)
    .values(missing.map((year) => ({ year, status: 'published', sourceDoc: sourceDocOf(year), origin, revision: newId('calrev'), createdAt: now, approvedAt: now })))
    .onConflictDoNothing();
  const wanted = new Set(missing);
  const values = chineseDaysRows()
    .filter((r) => wanted.has(r.noticeYear))
    .map((r) => ({ ...r, sourceDoc: sourceDocOf(r.noticeYear), enteredAt: now, approvedAt: now }));
  for (let i = 0; i < values.length; i += 500) await ctx.db.insert(workCalendar).values(values.slice(i, i + 500)).onConflictDoNothing();
  await audit(ctx, { event: 'calendar.year.seed', objectType: 'calendar_year', objectId: missing.join(','), detail: { origin, years: missing, rows: values.length } });
}
