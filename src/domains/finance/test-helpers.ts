import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import type { Ctx } from '../../kernel/context';
import type { AppError } from '../../kernel/errors';
import { actOnTask } from '../../kernel/flow';
import { rows } from '../../kernel/db';
import { sql } from 'drizzle-orm';
import { meetingTopics } from '../meetings/schema';
import { closeTopic } from '../meetings/service-votes';
import { PG_MEMBERS, partyMeeting, voteOn } from '../meetings/test-helpers';
import type { MatterKind } from '../meetings';

/** A 党组 decision in force on a 三重一大 matter (all 7 present, all agree), for claims to link. */
export async function partyDecision(t: TestApp, amountFen: number, kind: MatterKind = 'special_fund', title = '使用专项经费开展扶贫培训'): Promise<string> {
  const { hub, id } = await partyMeeting(t, [{ title, matter: { kind, amountFen, purpose: title } }]);
  const [topic] = (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id))).map((x) => x.id);
  await voteOn(t, hub, topic, PG_MEMBERS, Object.fromEntries(PG_MEMBERS.map((p) => [p, 'agree' as const])));
  const { decisionId } = await closeTopic(hub, topic, { decisionText: `同意${title}，金额${amountFen / 100}元`, responsibleMemberIds: ['psn_liminghua'] });
  expect(decisionId).toBeTruthy();
  return decisionId!;
}

/** The pending task of `username` on an instance. */
export async function taskOf(t: TestApp, instanceId: string, username: string): Promise<string> {
  const [r] = await rows<{ id: string }>(t.database.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id
    where ft.instance_id = ${instanceId} and ft.status = 'pending' and a.username = ${username}`);
  if (!r) throw new Error(`no pending task for ${username}`);
  return r.id;
}

/** Sign the current step as `username`. */
export async function sign(t: TestApp, instanceId: string, username: string, acknowledged: string[] = []): Promise<void> {
  await actOnTask(await ctxFor(t, username), await taskOf(t, instanceId, username), 'approve', { comment: '同意', acknowledged });
}

export async function statusOf(t: TestApp, instanceId: string): Promise<string> {
  const [r] = await rows<{ status: string }>(t.database.db, sql`select status from flow_instances where id = ${instanceId}`);
  return r.status;
}

export async function rejected(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: AppError) => e);
  expect(err, 'expected the call to be refused').not.toBeNull();
  return err!;
}

export type { Ctx };

/** A plain claim: one transfer line with an invoice, attested. */
export function claim(over: Record<string, unknown> = {}, amountFen = 80_000): Record<string, unknown> {
  return {
    category: 'office_supplies',
    funding: 'running',
    purpose: '购买办公用品',
    payee: '白城市文具商店',
    lines: [{ description: 'A4复印纸 20包', amountFen, paymentMethod: 'transfer', goods: { item: 'A4复印纸', quantity: amountFen / 2500, unitPriceFen: 2500, spec: '70g', model: '得力7401' } }],
    vouchers: [{ kind: 'invoice', ref: '发票No.0001' }],
    attested: true,
    ...over,
  };
}
