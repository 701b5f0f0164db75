import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { can, requireActor } from '../../kernel/context';
import { countWorkingDays } from '../../kernel/calendar';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { addDays, localDate } from '../../kernel/time';
import { isOverdue } from './incoming-checks';
import { INCOMING_STATUS_LABEL } from './incoming-model';
import { DOC26 } from './incoming-rules';
import { isHub, isOfficeLeader, loadIncoming, nameOf, unitNameOf, type IncomingRow } from './incoming-service';

/** Reading 收文: 综合科 and the office leaders see all; others what reached them. */
function seesAll(ctx: Ctx): boolean {
  return isHub(ctx) || can(ctx, 'documents.register');
}

function visibleTo(ctx: Ctx): SQL {
  if (seesAll(ctx)) return sql`true`;
  const a = requireActor(ctx);
  const me = a.personId ?? '';
  const units = a.unitIds.length ? a.unitIds : [''];
  return sql`(i.handling_unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)}) or i.instruction_leader_id = ${me} or i.handed_over_by_person_id = ${me}
    or exists (select 1 from doc_incoming_circulation c where c.incoming_id = i.id and c.reader_person_id = ${me}))`;
}

const LIST = sql`i.id, i.status, i.register_no as "registerNo", i.reg_year as "regYear", i.reg_seq as "regSeq", i.receipt_channel as "receiptChannel",
  i.sender, i.sender_doc_no as "senderDocNo", i.title, i.urgency, i.classification, i.received_on::text as "receivedOn", i.copies,
  i.addressed_to as "addressedTo", i.complete, i.missing_note as "missingNote", i.misdelivered,
  i.instruction_leader_id as "instructionLeaderId", (select name from people where id = i.instruction_leader_id) as "leaderName",
  i.instruction_text as "instructionText", i.instructed_at as "instructedAt", i.proposal,
  i.handling_unit_id as "handlingUnitId", (select name from org_units where id = i.handling_unit_id) as "handlingUnitName",
  i.due_date::text as "dueDate", i.effective_due_date::text as "effectiveDueDate", i.sender_due_date::text as "senderDueDate",
  i.result_text as "resultText", i.reply_document_id as "replyDocumentId", i.completed_on::text as "completedOn", i.archived_at as "archivedAt",
  i.archive_location as "archiveLocation", i.registered_at as "registeredAt",
  (select p.name from doc_incoming_circulation c join people p on p.id = c.reader_person_id where c.incoming_id = i.id and c.returned_at is null) as "circulatingWith"`;

export interface IncomingListRow {
  id: string;
  status: string;
  registerNo: string | null;
  regYear: number | null;
  regSeq: number | null;
  receiptChannel: string;
  sender: string;
  senderDocNo: string | null;
  title: string;
  urgency: string;
  classification: string;
  receivedOn: string;
  copies: number;
  addressedTo: string;
  complete: boolean | null;
  missingNote: string | null;
  misdelivered: { action: string; target: string; note?: string | null; on?: string } | null;
  instructionLeaderId: string | null;
  leaderName: string | null;
  instructionText: string | null;
  instructedAt: string | null;
  proposal: string | null;
  handlingUnitId: string | null;
  handlingUnitName: string | null;
  dueDate: string | null;
  effectiveDueDate: string | null;
  senderDueDate: string | null;
  resultText: string | null;
  replyDocumentId: string | null;
  completedOn: string | null;
  archivedAt: string | null;
  archiveLocation: string | null;
  registeredAt: string | null;
  circulatingWith: string | null;
}

/** Where the paper is now: out on circulation, with the leader for 批示, with the handling section, or at 综合科. */
function holder(r: IncomingListRow): string {
  if (r.circulatingWith) return `${r.circulatingWith}（传阅中）`;
  if (r.status === 'awaiting_instruction') return `${r.leaderName ?? ''}（待批示）`;
  if (r.status === 'in_handling') return `${r.handlingUnitName ?? ''}（承办）`;
  if (r.status === 'handed_over') return '待交综合科';
  if (r.status === 'returned' || r.status === 'forwarded') return '已退回/转投';
  if (r.status === 'archived') return '档案';
  return '综合科';
}

function decorate(r: IncomingListRow, today: string) {
  return { ...r, statusLabel: INCOMING_STATUS_LABEL[r.status] ?? r.status, overdue: isOverdue(r.status, r.effectiveDueDate, today), holder: holder(r) };
}

export async function incomingList(ctx: Ctx, opts: { year?: number; status?: string; overdue?: boolean } = {}) {
  const today = localDate(ctx.clock.now());
  const items = await rows<IncomingListRow>(
    ctx.db,
    sql`select ${LIST} from doc_incoming i
        where ${visibleTo(ctx)}
          ${opts.year ? sql`and (i.reg_year = ${opts.year} or (i.reg_year is null and extract(year from i.received_on) = ${opts.year}))` : sql``}
          ${opts.status ? sql`and i.status = ${opts.status}` : sql``}
          ${opts.overdue ? sql`and i.status = 'in_handling' and i.effective_due_date < ${today}` : sql``}
        order by i.reg_year desc nulls first, i.reg_seq desc nulls first, i.created_at desc limit 1000`,
  );
  return items.map((r) => decorate(r, today));
}

/**
 * 逾期清单 (DOC-27) and, once the office sets DOC-26 idleWorkingDays, documents waiting for 批示
 * longer than that (滞留, DOC-26 REPORT).
 */
export async function overdueReport(ctx: Ctx) {
  const today = localDate(ctx.clock.now());
  const overdue = (await incomingList(ctx, { overdue: true })).map((r) => ({
    ...r,
    lateExtension: false as boolean,
  }));
  if (overdue.length) {
    const late = await rows<{ incoming_id: string }>(ctx.db, sql`select distinct incoming_id from doc_incoming_extensions where not counted and incoming_id in (${sql.join(overdue.map((o) => sql`${o.id}`), sql`, `)})`);
    const ids = new Set(late.map((l) => l.incoming_id));
    for (const o of overdue) o.lateExtension = ids.has(o.id);
  }
  const idleDays = DOC26.param('idleWorkingDays');
  let idle: (ReturnType<typeof decorate> & { idleWorkingDays: number })[] = [];
  if (typeof idleDays === 'number' && idleDays > 0) {
    const waiting = await rows<IncomingListRow & { routedOn: string }>(ctx.db, sql`select ${LIST}, (i.routed_at at time zone 'Asia/Shanghai')::date::text as "routedOn" from doc_incoming i where ${visibleTo(ctx)} and i.status = 'awaiting_instruction'`);
    for (const w of waiting) {
      const n = w.routedOn < today ? await countWorkingDays(ctx.db, addDays(w.routedOn, 1), today) : 0;
      if (n > idleDays) idle.push({ ...decorate(w, today), idleWorkingDays: n });
    }
  } else idle = [];
  return { today, overdue, idle, idleWorkingDays: idleDays ?? null };
}

async function assertMaySee(ctx: Ctx, d: IncomingRow): Promise<void> {
  if (seesAll(ctx)) return;
  const a = requireActor(ctx);
  if ((d.handlingUnitId && a.unitIds.includes(d.handlingUnitId)) || d.instructionLeaderId === a.personId || d.handedOverByPersonId === a.personId) return;
  const [leg] = await rows(ctx.db, sql`select 1 from doc_incoming_circulation where incoming_id = ${d.id} and reader_person_id = ${a.personId} limit 1`);
  if (!leg) throw errors.forbidden('您无权查看该收文');
}

/** The detail page: the document, its flow log, circulation trail, extensions and what the viewer may do. */
export async function incomingDetail(ctx: Ctx, id: string) {
  const d = await loadIncoming(ctx.db, id);
  await assertMaySee(ctx, d);
  const a = requireActor(ctx);
  const today = localDate(ctx.clock.now());
  const [row] = await rows<IncomingListRow>(ctx.db, sql`select ${LIST} from doc_incoming i where i.id = ${id}`);
  const events = await rows(ctx.db, sql`select e.id, e.at, e.kind, e.from_label as "fromLabel", e.to_label as "toLabel", e.text, (select name from people where id = e.by_person_id) as "byName"
    from doc_incoming_events e where e.incoming_id = ${id} order by e.at, e.id`);
  const legs = await rows<{ readerPersonId: string; returnedAt: string | null; readAt: string | null }>(ctx.db, sql`select c.leg_no as "legNo", c.reader_person_id as "readerPersonId", p.name as "readerName",
    (select name from org_units where id = c.reader_unit_id) as "readerUnitName", c.sent_at as "sentAt", c.read_at as "readAt", c.read_note as "readNote",
    c.returned_at as "returnedAt", c.missing_pages as "missingPages", c.has_instructions as "hasInstructions", c.check_note as "checkNote"
    from doc_incoming_circulation c join people p on p.id = c.reader_person_id where c.incoming_id = ${id} order by c.leg_no`);
  const extensions = await rows(ctx.db, sql`select agreed_with as "agreedWith", agreed_on::text as "agreedOn", previous_due_date::text as "previousDueDate",
    new_due_date::text as "newDueDate", reply_method as "replyMethod", note, counted, recorded_at as "recordedAt" from doc_incoming_extensions where incoming_id = ${id} order by recorded_at`);
  const [reply] = d.replyDocumentId ? await rows<{ title: string; docNumber: string | null }>(ctx.db, sql`select title, doc_number as "docNumber" from doc_outgoing where id = ${d.replyDocumentId}`) : [];
  const hub = isHub(ctx);
  const open = legs.find((l) => !l.returnedAt);
  const handler = hub || (!!d.handlingUnitId && a.unitIds.includes(d.handlingUnitId));
  const live = !['returned', 'forwarded', 'archived', 'handed_over'].includes(d.status);
  return {
    ...decorate(row, today),
    attachments: d.attachments,
    handedOverBy: await nameOf(ctx.db, d.handedOverByPersonId),
    handedOverUnit: await unitNameOf(ctx.db, d.handedOverUnitId),
    registeredBy: await nameOf(ctx.db, d.registeredByPersonId),
    reply: reply ?? null,
    events,
    legs,
    extensions,
    can: {
      register: hub && d.status === 'handed_over',
      misdeliver: hub && ['handed_over', 'registered'].includes(d.status),
      route: hub && ['registered', 'awaiting_instruction'].includes(d.status),
      instruct: d.status === 'awaiting_instruction' && d.instructionLeaderId === a.personId,
      assign: hub && d.status === 'instructed',
      extend: handler && d.status === 'in_handling',
      reply: handler && d.status === 'in_handling',
      chase: hub && d.status === 'in_handling',
      archive: hub && ['completed', 'instructed'].includes(d.status) && !open,
      circulate: hub && live && !open,
      returnLeg: hub && !!open,
      read: !!open && open.readerPersonId === a.personId && !open.readAt,
      /** The reader holds it: the page offers only “退回综合科”, never passing it on (DOC-28). */
      holding: !!open && open.readerPersonId === a.personId,
    },
  };
}

/** Choices for the forms: office leaders (批示), sections (承办), people (传阅). */
export async function incomingMeta(ctx: Ctx) {
  const today = localDate(ctx.clock.now());
  const leaders = await rows<{ id: string; name: string; posts: string }>(ctx.db, sql`select p.id, p.name, string_agg(distinct po.name, '，') as posts from people p
    join post_holdings h on h.person_id = p.id and h.end_date is null join posts po on po.code = h.post_code
    where p.active and h.post_code in ('director', 'deputy_director') group by p.id, p.name order by p.id`);
  const checked = [];
  for (const l of leaders) if (await isOfficeLeader(ctx.db, l.id, today)) checked.push(l);
  return {
    leaders: checked,
    units: await rows(ctx.db, sql`select id, name from org_units where kind <> 'office' and active order by sort_order, name`),
    people: await rows(ctx.db, sql`select p.id, p.name, (select name from org_units where id = p.unit_id) as "unitName" from people p
      join accounts a on a.person_id = p.id where p.active order by p.unit_id, p.id`),
    statuses: INCOMING_STATUS_LABEL,
  };
}
