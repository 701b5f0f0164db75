import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { can, requireActor } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { suggestedDisclosure } from './checks';
import { requiredSignerText } from './signer';
import { loadDoc, type DocRow } from './store';

/** Reading documents: the drafter, the people on its route, 综合科 and leaders see it. */
export async function documentDetail(ctx: Ctx, id: string) {
  const d = await loadDoc(ctx.db, id);
  await assertMaySee(ctx, d);
  const [flow] = d.flowInstanceId ? await rows<{ status: string }>(ctx.db, sql`select status from flow_instances where id = ${d.flowInstanceId}`) : [];
  const [names] = await rows<{ drafter: string | null; unit: string | null; signer: string | null }>(
    ctx.db,
    sql`select (select name from people where id = ${d.drafterPersonId}) as drafter, (select name from org_units where id = ${d.draftingUnitId}) as unit,
        (select name from people where id = ${d.proposedSignerId}) as signer`,
  );
  const reprints = await rows(ctx.db, sql`select id, reason, major_change as "majorChange", status, requested_at as "requestedAt", resign_instance_id as "resignInstanceId" from doc_reprints where document_id = ${id} order by requested_at`);
  return {
    ...d,
    status: d.status === 'in_review' && flow?.status === 'returned' ? 'returned' : d.status,
    flowStatus: flow?.status ?? null,
    drafterName: names?.drafter ?? null,
    draftingUnitName: names?.unit ?? null,
    proposedSignerName: names?.signer ?? null,
    requiredSigner: requiredSignerText({ category: d.category as never, direction: d.direction as never, isImportant: d.isImportant, counterpartSignerLevel: d.counterpartSignerLevel as never }),
    suggestedDisclosure: suggestedDisclosure({ kind: d.kind as never, direction: d.direction as never, isForwarding: d.isForwarding, forwardedSourceAttribute: d.forwardedSourceAttribute as never }),
    reprintList: reprints,
  };
}

export async function assertMaySee(ctx: Ctx, d: DocRow): Promise<void> {
  const actor = requireActor(ctx);
  if (d.drafterPersonId === actor.personId || can(ctx, 'documents.review') || can(ctx, 'documents.register')) return;
  if (d.flowInstanceId) {
    const [t] = await rows(ctx.db, sql`select 1 from flow_tasks where instance_id = ${d.flowInstanceId} and (assignee_person_id = ${actor.personId} or on_behalf_of_person_id = ${actor.personId}) limit 1`);
    if (t) return;
  }
  throw errors.forbidden('您无权查看该公文');
}

const LIST_COLS = sql`d.id, d.status, d.kind, d.direction, d.category, d.title, d.urgency, d.disclosure, d.doc_number as "docNumber",
  d.issue_date as "issueDate", d.signed_by_name as "signedByName", d.updated_at as "updatedAt", d.flow_instance_id as "flowInstanceId",
  case when d.status = 'in_review' and f.status = 'returned' then 'returned' else d.status end as "effectiveStatus"`;

export async function myDrafts(ctx: Ctx) {
  const me = requireActor(ctx).personId ?? '';
  return rows(ctx.db, sql`select ${LIST_COLS} from doc_outgoing d left join flow_instances f on f.id = d.flow_instance_id where d.drafter_person_id = ${me} order by d.updated_at desc limit 500`);
}

/** 发文登记 (DOC-15): numbered documents of a year, by series and number. */
export async function register(ctx: Ctx, year?: number) {
  const y = year ?? Number(localDate(ctx.clock.now()).slice(0, 4));
  return rows<Record<string, unknown>>(
    ctx.db,
    sql`select ${LIST_COLS}, d.series, d.doc_seq as "docSeq", d.main_recipients as "mainRecipients", d.numbered_at as "numberedAt", d.reprints,
          (select name from org_units where id = d.drafting_unit_id) as "unitName"
        from doc_outgoing d left join flow_instances f on f.id = d.flow_instance_id
        where d.doc_year = ${y} and d.doc_number is not null order by d.series, d.doc_seq`,
  );
}
