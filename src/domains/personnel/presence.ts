import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { assertInScope } from '../../kernel/access/scope';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { isLocalDate, localDate } from '../../kernel/time';
import { scopeSql } from './queries';
import { ATT02, ATT04 } from './rules';

/**
 * Presence data for the attendance rules: daily clock-in records (ATT-02), imported from the
 * attendance machine's CSV/XLSX export or entered by 综合科, and 工作纪律抽查 (ATT-04). Both
 * feed the absence candidates (absence.ts) and the yearly report (report.ts).
 *
 * Reading of ATT-02: the regulation fixes no office hours ("机关规定的作息时间"), so they are
 * the rule's params; lateness and early leaving are recorded in minutes and reported, never
 * turned into absence (GAP-C-ATT03). A day with no record at all is not absence by itself
 * either: it makes an A1 candidate that 综合科 confirms or dismisses (ATT-03).
 */

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/** 'H:MM' or 'HH:MM[:SS]' → minutes after midnight; undefined when it is not a time. */
export function minutesOf(time: string): number | undefined {
  const m = TIME.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const hhmm = (t: string) => {
  const m = minutesOf(t)!;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** ATT-02: minutes late (clock-in after the start) and early (clock-out before the end). A missing punch counts nothing here. */
export function lateness(clockIn: string | null, clockOut: string | null, hours = { start: ATT02.param('workStartMinute'), end: ATT02.param('workEndMinute') }): { lateMinutes: number; earlyMinutes: number } {
  const i = clockIn ? minutesOf(clockIn) : undefined;
  const o = clockOut ? minutesOf(clockOut) : undefined;
  return { lateMinutes: i !== undefined && i > hours.start ? i - hours.start : 0, earlyMinutes: o !== undefined && o < hours.end ? hours.end - o : 0 };
}

export interface PunchInput {
  personId: string;
  date: string;
  clockIn?: string | null;
  clockOut?: string | null;
  note?: string;
}

export interface PunchRow {
  id: string;
  personId: string;
  personName: string;
  unitName: string | null;
  date: string;
  clockIn: string | null;
  clockOut: string | null;
  lateMinutes: number;
  earlyMinutes: number;
  source: 'import' | 'manual';
  note: string | null;
}

/** Check one record; returns the Chinese problem, or the normalised values. */
function checkPunch(p: PunchInput, today: string): string | { clockIn: string | null; clockOut: string | null } {
  if (!isLocalDate(p.date)) return `日期“${p.date}”格式不正确，应为 YYYY-MM-DD`;
  if (p.date > today) return `日期 ${p.date} 晚于今天，不能登记`;
  const clockIn = p.clockIn?.trim() || null;
  const clockOut = p.clockOut?.trim() || null;
  if (!clockIn && !clockOut) return '上班、下班打卡时间至少填写一项';
  if (clockIn && minutesOf(clockIn) === undefined) return `上班打卡时间“${clockIn}”格式不正确，应为 HH:MM`;
  if (clockOut && minutesOf(clockOut) === undefined) return `下班打卡时间“${clockOut}”格式不正确，应为 HH:MM`;
  if (clockIn && clockOut && minutesOf(clockOut)! < minutesOf(clockIn)!) return '下班打卡时间早于上班打卡时间';
  return { clockIn: clockIn && hhmm(clockIn), clockOut: clockOut && hhmm(clockOut) };
}

/** Upsert one day's record: a later import or correction replaces the earlier one for that person and day. */
async function upsertPunch(ctx: Ctx, p: { personId: string; date: string; clockIn: string | null; clockOut: string | null; note?: string | null }, source: 'import' | 'manual'): Promise<void> {
  const { lateMinutes, earlyMinutes } = lateness(p.clockIn, p.clockOut);
  await ctx.db.execute(sql`insert into attendance_punches (id, person_id, date, clock_in, clock_out, late_minutes, early_minutes, source, note, recorded_by, recorded_at)
    values (${newId('pun')}, ${p.personId}, ${p.date}, ${p.clockIn}, ${p.clockOut}, ${lateMinutes}, ${earlyMinutes}, ${source}, ${p.note ?? null},
      ${requireActor(ctx).personId ?? requireActor(ctx).accountId}, ${ctx.clock.now().toISOString()})
    on conflict (person_id, date) do update set clock_in = excluded.clock_in, clock_out = excluded.clock_out, late_minutes = excluded.late_minutes,
      early_minutes = excluded.early_minutes, source = excluded.source, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`);
}

/** 综合科 enters or corrects one day's clock-in record by hand (ATT-02), audited. */
export async function recordPunch(ctx: Ctx, input: PunchInput): Promise<PunchRow> {
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ unit_id: string | null; active: boolean }>(tx.db, sql`select unit_id, active from people where id = ${input.personId}`);
    if (!p) throw errors.notFound('人员');
    assertInScope(tx, { unitId: p.unit_id });
    const checked = checkPunch(input, localDate(tx.clock.now()));
    if (typeof checked === 'string') enforce([ATT02.block(checked)]);
    const v = checked as { clockIn: string | null; clockOut: string | null };
    await upsertPunch(tx, { personId: input.personId, date: input.date, ...v, note: input.note?.trim() || null }, 'manual');
    await audit(tx, { event: 'personnel.attendance.punch', objectType: 'person', objectId: input.personId, detail: { date: input.date, ...v, note: input.note ?? null } });
    const [row] = await listPunches(tx, { from: input.date, to: input.date, personId: input.personId });
    return row!;
  });
}

export interface ImportResult {
  rows: number;
  imported: number;
  errors: { line: number; message: string }[];
}

/** The columns the import understands, by their header text (the machine's export or our template). */
const HEADERS: Record<'who' | 'date' | 'in' | 'out', RegExp> = {
  who: /^(账号|用户名|工号|姓名)$/,
  date: /^(日期|考勤日期)$/,
  in: /^(上班|上班打卡|签到|签到时间|上班时间)$/,
  out: /^(下班|下班打卡|签退|签退时间|下班时间)$/,
};

/**
 * Import daily clock-in records from the attendance machine (ATT-02): CSV (UTF-8 or GBK) or
 * XLSX, read as a stream. The header row names the columns (账号 or 姓名, 日期, 上班, 下班).
 * Good rows are saved; every bad row is reported with its line number and the reason, and
 * saves nothing. People are matched by account name first, then by a name that only one
 * active person has. One audit record for the import.
 */
export async function importPunches(ctx: Ctx, body: Readable, format: 'csv' | 'xlsx', encoding: 'utf-8' | 'gbk' = 'utf-8', maxRows = 50_000): Promise<ImportResult> {
  // The streamed readers (and exceljs) load only when a file arrives.
  const { readCsv, readXlsx, UploadError } = await import('../poverty/tabular');
  return withTx(ctx, async (tx) => {
    const people = await rows<{ id: string; name: string; username: string | null; unit_id: string | null }>(
      tx.db,
      sql`select p.id, p.name, a.username, p.unit_id from people p left join accounts a on a.person_id = p.id where p.active`,
    );
    const byUser = new Map(people.filter((p) => p.username).map((p) => [p.username!, p]));
    const byName = new Map<string, (typeof people)[number][]>();
    for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []).filter((x) => x.id !== p.id), p]);
    const today = localDate(tx.clock.now());
    const result: ImportResult = { rows: 0, imported: 0, errors: [] };
    let cols: Record<'who' | 'date' | 'in' | 'out', number> | undefined;
    const seen = new Set<string>();
    try {
      for await (const rec of format === 'xlsx' ? readXlsx(body) : readCsv(body, encoding)) {
        if (!cols) {
          const find = (re: RegExp) => rec.cells.findIndex((c) => re.test(c.trim()));
          const found = { who: find(HEADERS.who), date: find(HEADERS.date), in: find(HEADERS.in), out: find(HEADERS.out) };
          if (found.who < 0 || found.date < 0 || (found.in < 0 && found.out < 0)) {
            throw errors.badRequest('第1行应为表头，须包含“账号”或“姓名”、“日期”、“上班”、“下班”列');
          }
          cols = found;
          continue;
        }
        result.rows++;
        if (result.rows > maxRows) throw errors.badRequest(`一次最多导入 ${maxRows} 行，请分批导入`);
        const fail = (message: string) => void result.errors.push({ line: rec.line, message });
        if (rec.error) {
          fail(rec.error);
          continue;
        }
        const who = (rec.cells[cols.who] ?? '').trim();
        const person = byUser.get(who) ?? (byName.get(who)?.length === 1 ? byName.get(who)![0] : undefined);
        if (!person) {
          fail(byName.get(who)?.length ? `姓名“${who}”有重名，请改用账号` : `找不到人员“${who}”`);
          continue;
        }
        const input = { personId: person.id, date: (rec.cells[cols.date] ?? '').trim().replace(/\//g, '-'), clockIn: cols.in >= 0 ? rec.cells[cols.in] : null, clockOut: cols.out >= 0 ? rec.cells[cols.out] : null };
        const checked = checkPunch(input, today);
        if (typeof checked === 'string') {
          fail(checked);
          continue;
        }
        const key = `${person.id}|${input.date}`;
        if (seen.has(key)) {
          fail(`${person.name} ${input.date} 在文件中重复出现`);
          continue;
        }
        seen.add(key);
        await upsertPunch(tx, { personId: person.id, date: input.date, ...checked }, 'import');
        result.imported++;
      }
    } catch (err) {
      if (err instanceof UploadError) throw errors.badRequest(err.message);
      throw err;
    }
    if (!cols) throw errors.badRequest('文件是空的');
    await audit(tx, { event: 'personnel.attendance.import', objectType: 'attendance_punches', detail: { format, rows: result.rows, imported: result.imported, errors: result.errors.length } });
    return result;
  });
}

export async function listPunches(ctx: Ctx, q: { from: string; to: string; personId?: string }): Promise<PunchRow[]> {
  const person = q.personId ? sql` and k.person_id = ${q.personId}` : sql``;
  return rows<PunchRow>(
    ctx.db,
    sql`select k.id, k.person_id as "personId", p.name as "personName", u.name as "unitName", k.date::text as date, k.clock_in as "clockIn", k.clock_out as "clockOut",
          k.late_minutes as "lateMinutes", k.early_minutes as "earlyMinutes", k.source, k.note
        from attendance_punches k join people p on p.id = k.person_id left join org_units u on u.id = p.unit_id
        where k.date between ${q.from} and ${q.to}${person} and ${scopeSql(ctx, sql`k.person_id`, sql`p.unit_id`, false)}
        order by k.date desc, p.sort_order, p.id limit 5000`,
  );
}

export const FINDINGS = ['absent', 'late', 'misconduct'] as const;
export type Finding = (typeof FINDINGS)[number];
export const FINDING_LABEL: Record<Finding, string> = { absent: '不在岗', late: '迟到', misconduct: '违反工作纪律' };

export interface SpotCheckInput {
  date: string;
  time?: string;
  organiserPersonId: string;
  checkerPersonId: string;
  scope: string;
  note?: string;
  findings: { personId: string; finding: Finding; explanation?: string }[];
}

/**
 * Record a 工作纪律抽查 (ATT-04) with what it found about each person, audited. The organiser
 * must be an office leader (办领导组织); an empty list of findings records a check that found
 * everyone at work, which the yearly summary also counts.
 */
export async function recordSpotCheck(ctx: Ctx, input: SpotCheckInput): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    if (!isLocalDate(input.date) || input.date > localDate(tx.clock.now())) enforce([ATT04.block('抽查日期不正确或晚于今天')]);
    if (input.time && minutesOf(input.time) === undefined) throw errors.badRequest('抽查时间格式应为 HH:MM');
    if (!input.scope.trim()) enforce([ATT04.block('请写明抽查范围（如：全体科室、某科室）')]);
    const ids = [...new Set([input.organiserPersonId, input.checkerPersonId, ...input.findings.map((f) => f.personId)])];
    const found = await rows<{ id: string; grade: string; active: boolean }>(tx.db, sql`select id, grade, active from people where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
    if (found.length !== ids.length) throw errors.badRequest('所选人员中有不存在的人员');
    const organiser = found.find((p) => p.id === input.organiserPersonId)!;
    if (!['principal', 'deputy'].includes(organiser.grade)) enforce([ATT04.block('抽查应由办领导组织：请选择办领导为组织人')]);
    if (new Set(input.findings.map((f) => f.personId)).size !== input.findings.length) throw errors.badRequest('同一人在一次抽查中只登记一条情况');
    const id = newId('spc');
    await tx.db.execute(sql`insert into attendance_spot_checks (id, date, time, organiser_person_id, checker_person_id, scope, note, created_by, created_at)
      values (${id}, ${input.date}, ${input.time ? hhmm(input.time) : null}, ${input.organiserPersonId}, ${input.checkerPersonId}, ${input.scope.trim()}, ${input.note?.trim() || null},
        ${actor.personId ?? actor.accountId}, ${tx.clock.now().toISOString()})`);
    for (const f of input.findings) {
      await tx.db.execute(sql`insert into attendance_spot_findings (id, check_id, person_id, finding, explanation)
        values (${newId('spf')}, ${id}, ${f.personId}, ${f.finding}, ${f.explanation?.trim() || null})`);
    }
    await audit(tx, { event: 'personnel.attendance.spot_check', objectType: 'attendance_spot_check', objectId: id, detail: { ...input } });
    return { id };
  });
}

export interface SpotCheckRow {
  id: string;
  date: string;
  time: string | null;
  organiserName: string;
  checkerName: string;
  scope: string;
  note: string | null;
  findings: { personId: string; personName: string; finding: Finding; explanation: string | null }[];
}

export async function listSpotChecks(ctx: Ctx, year: number): Promise<SpotCheckRow[]> {
  requireActor(ctx);
  const checks = await rows<Omit<SpotCheckRow, 'findings'>>(
    ctx.db,
    sql`select c.id, c.date::text as date, c.time, o.name as "organiserName", k.name as "checkerName", c.scope, c.note
        from attendance_spot_checks c join people o on o.id = c.organiser_person_id join people k on k.id = c.checker_person_id
        where extract(year from c.date) = ${year} order by c.date desc, c.created_at desc`,
  );
  const findings = await rows<{ check_id: string; personId: string; personName: string; finding: Finding; explanation: string | null }>(
    ctx.db,
    sql`select f.check_id, f.person_id as "personId", p.name as "personName", f.finding, f.explanation
        from attendance_spot_findings f join attendance_spot_checks c on c.id = f.check_id join people p on p.id = f.person_id
        where extract(year from c.date) = ${year} and ${scopeSql(ctx, sql`f.person_id`, sql`p.unit_id`, false)} order by p.sort_order, p.id`,
  );
  return checks.map((c) => ({ ...c, findings: findings.filter((f) => f.check_id === c.id).map(({ check_id: _, ...f }) => f) }));
}

/** Per person and year: the spot-check findings (ATT-04) and the lateness totals (ATT-02), for the yearly report. */
export async function presenceSummary(ctx: Ctx, year: number): Promise<{
  checks: number;
  spot: Map<string, { date: string; finding: Finding; explanation: string | null }[]>;
  punctuality: Map<string, { lateTimes: number; lateMinutes: number; earlyTimes: number; earlyMinutes: number }>;
}> {
  const [n] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from attendance_spot_checks where extract(year from date) = ${year}`);
  const spot = new Map<string, { date: string; finding: Finding; explanation: string | null }[]>();
  for (const f of await rows<{ person_id: string; date: string; finding: Finding; explanation: string | null }>(
    ctx.db,
    sql`select f.person_id, c.date::text as date, f.finding, f.explanation from attendance_spot_findings f join attendance_spot_checks c on c.id = f.check_id
        where extract(year from c.date) = ${year} order by c.date`,
  )) spot.set(f.person_id, [...(spot.get(f.person_id) ?? []), { date: f.date, finding: f.finding, explanation: f.explanation }]);
  const punctuality = new Map(
    (await rows<{ person_id: string; late_times: number; late_minutes: number; early_times: number; early_minutes: number }>(
      ctx.db,
      sql`select person_id, count(*) filter (where late_minutes > 0)::int as late_times, coalesce(sum(late_minutes), 0)::int as late_minutes,
            count(*) filter (where early_minutes > 0)::int as early_times, coalesce(sum(early_minutes), 0)::int as early_minutes
          from attendance_punches where extract(year from date) = ${year} group by person_id`,
    )).map((r) => [r.person_id, { lateTimes: r.late_times, lateMinutes: r.late_minutes, earlyTimes: r.early_times, earlyMinutes: r.early_minutes }]),
  );
  return { checks: n?.n ?? 0, spot, punctuality };
}

/**
 * Demo data: the attendance machine's records for the last five working days (a few people
 * late or leaving early, one person with no record on the last day: an A1 candidate to
 * confirm or dismiss), and one spot check organised by 李明华 that found someone away.
 */
export async function seedPresenceDemo(ctx: Ctx): Promise<void> {
  const { loadWorkingCalendar } = await import('../../kernel/calendar');
  const cal = await loadWorkingCalendar(ctx.db);
  const today = localDate(ctx.clock.now());
  const days: string[] = [];
  for (let d = cal.add(today, -1); days.length < 5; d = cal.add(d, -1)) days.unshift(d);
  const people = await rows<{ id: string }>(ctx.db, sql`select id from people where active order by sort_order, id`);
  const late: Record<string, string> = { psn_chengyuan: '08:47', psn_xiaoran: '08:36' };
  for (const [i, date] of days.entries()) {
    for (const p of people) {
      if (i === days.length - 1 && p.id === 'psn_dongxue') continue;
      const clockIn = i % 2 === 0 && late[p.id] ? late[p.id]! : '08:2' + (p.id.length % 10);
      const clockOut = i === 2 && p.id === 'psn_tangning' ? '16:58' : '17:3' + (p.id.length % 10);
      const { lateMinutes, earlyMinutes } = lateness(clockIn, clockOut);
      await ctx.db.execute(sql`insert into attendance_punches (id, person_id, date, clock_in, clock_out, late_minutes, early_minutes, source, recorded_by, recorded_at)
        values (${newId('pun')}, ${p.id}, ${date}, ${clockIn}, ${clockOut}, ${lateMinutes}, ${earlyMinutes}, 'import', 'psn_liuyang', ${ctx.clock.now().toISOString()})
        on conflict (person_id, date) do nothing`);
    }
  }
  const known = new Set(people.map((p) => p.id));
  if (!['psn_liminghua', 'psn_liuyang', 'psn_gaowei'].every((id) => known.has(id))) return;
  const id = newId('spc');
  await ctx.db.execute(sql`insert into attendance_spot_checks (id, date, time, organiser_person_id, checker_person_id, scope, note, created_by, created_at)
    values (${id}, ${days[1]!}, '10:05', 'psn_liminghua', 'psn_liuyang', '全体科室', '不定期抽查', 'psn_liuyang', ${ctx.clock.now().toISOString()})`);
  await ctx.db.execute(sql`insert into attendance_spot_findings (id, check_id, person_id, finding, explanation)
    values (${newId('spf')}, ${id}, 'psn_gaowei', 'absent', '称去车管所办理年检，未履行请假手续')`);
}
