import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Database, type Db } from '../../kernel/db';
import { lockNamed } from '../../kernel/db/mutex';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { InstanceRef } from '../../kernel/flow';
import { notifyOnce } from '../../kernel/notify';
import { isPrincipalLeader, principalLeader, sectionChiefOf } from '../../kernel/org';
import type { XlsxColumn } from '../../kernel/render/xlsx';
import { enforce } from '../../kernel/rules';
import { addDays, isLocalDate, localDate, type Clock } from '../../kernel/time';
import { checkDepartureChain, lateItems, missingItems, ROLE_LABEL, WR19, type DepartureRole } from '../workrules/rules';
import { attendanceKeepers, tell } from './notices';

/**
 * WR-19 离白外出 (工作规则 第三十三条, CONF-50) on the leave and trip records: when a request
 * says it leaves Baicheng and the person is the principal leader, another office leader or the
 * head of a section or the Service Center, the role's chain is recorded on it — 综合科's
 * report to the 市委办 and 市政府办 for the principal leader; for the others a report to the
 * principal leader and a notice to 综合科 (sent by the system at submission). The final
 * approval is refused until the chain is complete; late items are reported, not refused.
 */
export type SubjectType = 'leave' | 'trip';

const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
export const CityFiling = z.strictObject({ filedOn: Day, ref: z.string().trim().min(1, '请填写报备方式或文号').max(200) });
export const PrincipalReport = z.strictObject({ reportedOn: Day, mode: z.enum(['in_person', 'phone', 'written'], { error: '请选择报告方式' }) });
export const MODE_LABEL: Record<string, string> = { approval: '主要领导审批', in_person: '当面报告', phone: '电话报告', written: '书面报告' };

/** The 第三十三条 role of a person on a date, or null when the article does not name them. */
export async function departureRole(db: Db, personId: string, date: string): Promise<DepartureRole | null> {
  if (await isPrincipalLeader(db, personId, date)) return 'principal';
  const [p] = await rows<{ unit_id: string | null; leader: boolean }>(db, sql`select p.unit_id, exists (select 1 from post_holdings h join posts x on x.code = h.post_code
      where h.person_id = p.id and x.category = 'leader' and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date})) as leader
    from people p where p.id = ${personId}`);
  if (!p) return null;
  if (p.unit_id && (await sectionChiefOf(db, p.unit_id, date))?.id === personId) return 'head';
  return p.leader ? 'leader' : null;
}

/** At submission (in its transaction): open the WR-19 record and tell 综合科 (通知/告知综合科). */
export async function openDeparture(ctx: Ctx, s: { type: SubjectType; id: string; personId: string; departOn: string; returnOn: string; destination: string }): Promise<void> {
  const role = await departureRole(ctx.db, s.personId, s.departOn);
  if (!role) return;
  const today = localDate(ctx.clock.now());
  const id = newId('dep');
  await ctx.db.execute(sql`insert into personnel_departures (id, subject_type, subject_id, person_id, role, depart_on, return_on, destination, hub_notified_on, created_at)
    values (${id}, ${s.type}, ${s.id}, ${s.personId}, ${role}, ${s.departOn}, ${s.returnOn}, ${s.destination}, ${today}, ${ctx.clock.now().toISOString()})`);
  const [who] = await rows<{ name: string }>(ctx.db, sql`select name from people where id = ${s.personId}`);
  const ask = role === 'principal' ? '，请综合科事先向市委、市政府办报备' : '';
  await tell(ctx, await attendanceKeepers(ctx), { kind: 'info', title: `离白外出：${who?.name ?? ''}（${ROLE_LABEL[role]}）`,
    body: `${s.departOn}至${s.returnOn}赴${s.destination}${ask}（${WR19.id} ${WR19.cite}）`, link: '/personnel/departures', objectType: 'personnel_departure', objectId: id });
  await audit(ctx, { event: 'personnel.departure.open', objectType: 'personnel_departure', objectId: id, detail: { subjectType: s.type, subjectId: s.id, role, ruleId: WR19.id } });
}

interface DepRow {
  id: string; subjectType: SubjectType; subjectId: string; personId: string; role: DepartureRole; departOn: string; returnOn: string; destination: string;
  cityFiledOn: string | null; cityFilingRef: string | null; principalReportedOn: string | null; principalReportMode: string | null; hubNotifiedOn: string | null;
}
const COLS = sql`d.id, d.subject_type as "subjectType", d.subject_id as "subjectId", d.person_id as "personId", d.role, d.depart_on::text as "departOn",
  d.return_on::text as "returnOn", d.destination, d.city_filed_on::text as "cityFiledOn", d.city_filing_ref as "cityFilingRef",
  d.principal_reported_on::text as "principalReportedOn", d.principal_report_mode as "principalReportMode", d.hub_notified_on::text as "hubNotifiedOn"`;

/**
 * At the final approval (onComplete, in the approval's transaction): the principal leader's
 * own signature on the request is the report to them; then the chain must be complete.
 */
export async function checkDepartureAtApproval(ctx: Ctx, type: SubjectType, inst: InstanceRef, departOn: string, returnOn: string): Promise<void> {
  // The final form decides: a request changed on resubmission to stay in Baicheng is not checked; one changed to leave it is opened now.
  const form = inst.form as { leavesBaicheng?: boolean; destination?: string };
  if (!form.leavesBaicheng || !inst.subjectId) return;
  const select = sql`select ${COLS} from personnel_departures d where d.subject_type = ${type} and d.subject_id = ${inst.subjectId} for update`;
  let [d] = await rows<DepRow>(ctx.db, select);
  if (!d) {
    await openDeparture(ctx, { type, id: inst.subjectId, personId: inst.applicantPersonId, departOn, returnOn, destination: form.destination ?? '' });
    [d] = await rows<DepRow>(ctx.db, select);
    if (!d) return;
  }
  d.departOn = departOn;
  if (d.role !== 'principal' && !d.principalReportedOn) {
    const signedOn = await principalSignedOn(ctx, inst, departOn);
    if (signedOn) {
      d.principalReportedOn = signedOn;
      d.principalReportMode = 'approval';
    }
  }
  enforce([checkDepartureChain(d)]);
  await ctx.db.execute(sql`update personnel_departures set depart_on = ${departOn}, return_on = ${returnOn}, principal_reported_on = ${d.principalReportedOn},
    principal_report_mode = ${d.principalReportMode} where id = ${d.id}`);
}

/** The local day the principal leader (of the departure day) signed a step of the request, if they did. */
async function principalSignedOn(ctx: Ctx, inst: InstanceRef, departOn: string): Promise<string | null> {
  const principal = await principalLeader(ctx.db, departOn);
  if (!principal) return null;
  if (inst.signedBy?.personId === principal.id) return localDate(inst.signedBy.at);
  const [t] = await rows<{ at: string }>(ctx.db, sql`select decided_at as at from flow_tasks where instance_id = ${inst.id} and decided_by_person_id = ${principal.id}
    and status = 'approved' order by decided_at limit 1`);
  return t ? localDate(new Date(t.at)) : null;
}

async function lockDeparture(ctx: Ctx, id: string): Promise<DepRow> {
  const [d] = await rows<DepRow>(ctx.db, sql`select ${COLS} from personnel_departures d where d.id = ${id} for update`);
  if (!d) throw errors.notFound('离白外出记录');
  return d;
}

function notFuture(ctx: Ctx, date: string): void {
  if (date > localDate(ctx.clock.now())) throw errors.badRequest('日期不能晚于今天');
}

/** 综合科 records its advance report of the principal leader's trip to the 市委办 and 市政府办. */
export function recordCityFiling(ctx: Ctx, id: string, raw: unknown): Promise<DepartureView> {
  const v = CityFiling.parse(raw);
  return withTx(ctx, async (tx) => {
    const d = await lockDeparture(tx, id);
    if (d.role !== 'principal') throw errors.badRequest('只有办主要领导离白外出由综合科向市委、市政府办报备');
    if (!can(tx, 'personnel.attendance')) enforce([WR19.block('办主要领导离白外出由综合科向市委、市政府办报备，须由综合科登记')]);
    if (d.cityFiledOn) throw errors.conflict(`已于${d.cityFiledOn}登记报备`);
    notFuture(tx, v.filedOn);
    await tx.db.execute(sql`update personnel_departures set city_filed_on = ${v.filedOn}, city_filing_ref = ${v.ref}, city_filed_by = ${requireActor(tx).personId} where id = ${id}`);
    await audit(tx, { event: 'personnel.departure.city_filing', objectType: 'personnel_departure', objectId: id, detail: { ...v, late: v.filedOn > d.departOn, ruleId: WR19.id } });
    return viewOf(tx, id);
  });
}

/** The traveller (or 综合科, or the principal leader) records the report to the principal leader. */
export function recordPrincipalReport(ctx: Ctx, id: string, raw: unknown): Promise<DepartureView> {
  const v = PrincipalReport.parse(raw);
  return withTx(ctx, async (tx) => {
    const d = await lockDeparture(tx, id);
    if (d.role === 'principal') throw errors.badRequest('办主要领导离白外出由综合科报备，无需向本人报告');
    if (d.principalReportedOn) throw errors.conflict(`已于${d.principalReportedOn}登记向主要领导报告`);
    const me = requireActor(tx).personId;
    const principal = await principalLeader(tx.db, d.departOn);
    if (me !== d.personId && me !== principal?.id && !can(tx, 'personnel.attendance')) throw errors.forbidden('只有本人、办主要领导或综合科可以登记');
    notFuture(tx, v.reportedOn);
    await tx.db.execute(sql`update personnel_departures set principal_reported_on = ${v.reportedOn}, principal_report_mode = ${v.mode}, principal_report_recorded_by = ${me} where id = ${id}`);
    await audit(tx, { event: 'personnel.departure.principal_report', objectType: 'personnel_departure', objectId: id, detail: { ...v, late: v.reportedOn > d.departOn, ruleId: WR19.id } });
    return viewOf(tx, id);
  });
}

export interface DepartureView extends DepRow {
  personName: string; unitName: string | null; roleLabel: string; status: string; missing: string[]; late: string[];
}

const VIEW = sql`select ${COLS}, p.name as "personName", u.name as "unitName", coalesce(l.status, t.status) as status
  from personnel_departures d join people p on p.id = d.person_id left join org_units u on u.id = p.unit_id
  left join leave_requests l on d.subject_type = 'leave' and l.id = d.subject_id left join personnel_trips t on d.subject_type = 'trip' and t.id = d.subject_id`;
const decorate = (d: Omit<DepartureView, 'missing' | 'late' | 'roleLabel'>): DepartureView => ({ ...d, roleLabel: ROLE_LABEL[d.role], missing: missingItems(d), late: lateItems(d) });

async function viewOf(ctx: Ctx, id: string): Promise<DepartureView> {
  const [d] = await rows<Omit<DepartureView, 'missing' | 'late' | 'roleLabel'>>(ctx.db, sql`${VIEW} where d.id = ${id}`);
  return decorate(d);
}

/** WR-19 REPORT: every recorded departure (综合科) or one's own, with what is missing or was late. */
export async function listDepartures(ctx: Ctx, q: { scope: 'mine' | 'all'; year?: number }): Promise<DepartureView[]> {
  const where = [sql`true`];
  if (q.scope === 'mine') where.push(sql`d.person_id = ${requireActor(ctx).personId}`);
  else if (!can(ctx, 'personnel.attendance')) throw errors.forbidden('离白外出报告由综合科查阅');
  if (q.year) where.push(sql`extract(year from d.depart_on) = ${q.year}`);
  const found = await rows<Omit<DepartureView, 'missing' | 'late' | 'roleLabel'>>(ctx.db, sql`${VIEW} where ${sql.join(where, sql` and `)} order by d.depart_on desc limit 2000`);
  return found.map(decorate);
}

/**
 * REMIND: a request still pending or approved whose chain is incomplete, from the day before
 * departure — 综合科 for the principal leader's report to the city offices, the traveller
 * otherwise; once per departure (notifyOnce under the sweep's named mutex).
 */
export async function remindDepartures(database: Database, clock: Clock): Promise<number> {
  const on = localDate(clock.now());
  return withTx(systemCtx(database.db, clock), async (tx) => {
    await lockNamed(tx.db, 'personnel_departure_reminders');
    const open = (await rows<Omit<DepartureView, 'missing' | 'late' | 'roleLabel'>>(tx.db, sql`${VIEW}
      where d.depart_on <= ${addDays(on, 1)} and d.return_on >= ${on} and coalesce(l.status, t.status) in ('pending', 'approved')`)).map(decorate).filter((d) => d.missing.length);
    const hub = open.some((d) => d.role === 'principal') ? await attendanceKeepers(tx) : [];
    let sent = 0;
    for (const d of open) {
      const to = d.role === 'principal' ? hub : [d.personId];
      if (await notifyOnce(tx.db, to, { kind: 'remind', title: `离白外出尚未登记：${d.missing.join('、')}`, body: `${d.personName}${d.departOn}赴${d.destination}（${WR19.id} ${WR19.cite}）`,
        link: '/personnel/departures', objectType: 'personnel_departure_remind', objectId: d.id }, clock.now())) sent++;
    }
    return sent;
  });
}

export const DEPARTURE_COLUMNS: XlsxColumn<DepartureView>[] = [
  { header: '姓名', value: (r) => r.personName },
  { header: '科室', value: (r) => r.unitName, width: 16 },
  { header: '身份', value: (r) => r.roleLabel, width: 20 },
  { header: '事由', value: (r) => (r.subjectType === 'leave' ? '请假' : '公出') },
  { header: '去向', value: (r) => r.destination, width: 20 },
  { header: '离白日期', value: (r) => r.departOn, width: 12 },
  { header: '返回日期', value: (r) => r.returnOn, width: 12 },
  { header: '向市委、市政府办报备', value: (r) => (r.role === 'principal' ? r.cityFiledOn ?? '未报备' : ''), width: 14 },
  { header: '向主要领导报告', value: (r) => (r.role === 'principal' ? '' : r.principalReportedOn ? `${r.principalReportedOn}（${MODE_LABEL[r.principalReportMode ?? ''] ?? ''}）` : '未报告'), width: 20 },
  { header: '通知综合科', value: (r) => (r.role === 'principal' ? '' : r.hubNotifiedOn ?? '未通知'), width: 12 },
  { header: '未登记', value: (r) => r.missing.join('、'), width: 20 },
  { header: '事后登记', value: (r) => r.late.join('、'), width: 16 },
];
