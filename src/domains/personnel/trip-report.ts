import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import type { XlsxColumn } from '../../kernel/render/xlsx';
import { TRIP_PURPOSES } from './form';

/**
 * TRAVEL-07 REPORT (ORS 5 "严格控制外出的时间、内容、路线、频率、人员数量"): approved trips per
 * section and month — how often, how many people, how many days, which kinds of business, how
 * many were hosted with our 公函 — and every outbound 公函 sent (TRAVEL-08 RECORD).
 */
export interface TripMonthRow {
  unitName: string;
  month: string;
  trips: number;
  persons: number;
  personDays: number;
  hosted: number;
  categories: string;
}

export async function outboundReport(ctx: Ctx, year: number): Promise<TripMonthRow[]> {
  const found = await rows<Omit<TripMonthRow, 'categories'> & { cats: string[] }>(ctx.db, sql`
    select coalesce(u.name, '（未分科室）') as "unitName", to_char(t.start_date, 'YYYY-MM') as month, count(*)::int as trips,
      sum(1 + jsonb_array_length(t.companions))::int as persons,
      sum((1 + jsonb_array_length(t.companions)) * (t.end_date - t.start_date + 1))::int as "personDays",
      count(*) filter (where t.needs_reception)::int as hosted,
      array_agg(coalesce(t.purpose_category, 'unknown')) as cats
    from personnel_trips t left join org_units u on u.id = t.unit_id
    where t.status = 'approved' and extract(year from t.start_date) = ${year}
    group by u.name, to_char(t.start_date, 'YYYY-MM') order by month, "unitName"`);
  return found.map(({ cats, ...r }) => ({ ...r, categories: summarise(cats) }));
}

function summarise(cats: string[]): string {
  const n = new Map<string, number>();
  for (const c of cats) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].map(([c, k]) => `${TRIP_PURPOSES[c as keyof typeof TRIP_PURPOSES] ?? '未分类'}${k}`).join('、');
}

export interface LetterRow {
  tripId: string; personName: string; unitName: string | null; destination: string; startDate: string; endDate: string;
  hostUnit: string; docNo: string; content: string; itinerary: string; persons: string;
}

export async function outboundLetters(ctx: Ctx, year: number): Promise<LetterRow[]> {
  return rows<LetterRow>(ctx.db, sql`select t.id as "tripId", p.name as "personName", u.name as "unitName", t.destination,
      t.start_date::text as "startDate", t.end_date::text as "endDate", t.letter->>'hostUnit' as "hostUnit", t.letter->>'docNo' as "docNo",
      t.letter->>'content' as content, t.letter->>'itinerary' as itinerary,
      (select string_agg(x, '、') from jsonb_array_elements_text(t.letter->'persons') x) as persons
    from personnel_trips t join people p on p.id = t.person_id left join org_units u on u.id = t.unit_id
    where t.needs_reception and t.status = 'approved' and extract(year from t.start_date) = ${year} order by t.start_date`);
}

export const TRIP_MONTH_COLUMNS: XlsxColumn<TripMonthRow>[] = [
  { header: '月份', value: (r) => r.month, width: 10 },
  { header: '科室', value: (r) => r.unitName, width: 18 },
  { header: '公出次数', value: (r) => r.trips },
  { header: '公出人次', value: (r) => r.persons },
  { header: '人天数', value: (r) => r.personDays },
  { header: '需接待（发公函）', value: (r) => r.hosted, width: 16 },
  { header: '公务类别', value: (r) => r.categories, width: 40 },
];
