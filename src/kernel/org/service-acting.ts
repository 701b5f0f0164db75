import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { withTx, type Ctx } from '../context';
import { audit } from '../audit/write';
import { errors } from '../errors';
import { newId } from '../ids';
import { enforce } from '../rules';
import { actingArrangements, people } from './schema';
import { overlapping, type DateRange } from './dates';
import { areaAssignmentsInRange, getActivePerson, getPerson, getPost, holdingsInRange, lockPerson, principalPostsInRange, validRange } from './facts';
import { checkFiveActing, checkWr03Acting, type Dated, type Named } from './rules';

export interface ActingInput {
  absentPersonId: string;
  actingPersonId: string;
  /** The post covered; omitted means all of the absent person's posts. */
  postCode?: string | null;
  startDate: string;
  endDate: string;
  reason: string;
  /** Who designated the stand-in; for the 主任 it is the 主任 (WR-03), the default. */
  designatedById?: string | null;
}

/** Record who stands in for an absent person, for a post or for all posts, over dates. */
export async function createActingArrangement(ctx: Ctx, input: ActingInput): Promise<{ id: string }> {
  const range = validRange({ startDate: input.startDate, endDate: input.endDate });
  const reason = input.reason.trim();
  if (!reason) throw errors.badRequest('请填写代理事由');
  if (input.absentPersonId === input.actingPersonId) throw errors.badRequest('代理人不能是外出（缺席）人员本人');
  return withTx(ctx, async (tx) => {
    const absent = await getActivePerson(tx.db, input.absentPersonId, '被代理人');
    const acting = await getActivePerson(tx.db, input.actingPersonId, '代理人');
    const postCode = input.postCode ?? null;
    if (postCode) await assertHeld(tx, absent, postCode, range);
    await lockPerson(tx.db, absent.id);
    const directorHeld = (postCode === null || postCode === 'director') && (await holdingsInRange(tx.db, { postCode: 'director', personId: absent.id }, range)).length > 0;
    if (input.designatedById) await getPerson(tx.db, input.designatedById);
    const designatedById = input.designatedById ?? (directorHeld ? absent.id : (ctx.actor?.personId ?? null));
    const others = await otherActing(tx, absent.id, acting.id, postCode, range);
    if (directorHeld) {
      const deputy = await holdingsInRange(tx.db, { postCode: 'deputy_director', personId: acting.id }, range);
      const coversWhole = deputy.some((h) => h.startDate <= range.startDate && (h.endDate === null || h.endDate >= (range.endDate as string)));
      const verdict = checkWr03Acting({
        absent,
        acting,
        coversDirector: true,
        designatedByDirector: designatedById === absent.id,
        actingIsDeputyDirector: coversWhole,
        otherActing: others,
      });
      enforce([verdict]);
    } else if (others[0]) {
      throw errors.conflict(`该期间已由${others[0].personName}代理${absent.name}的工作（${others[0].startDate}至${others[0].endDate}），请先结束原代理安排`);
    }
    enforce(await fiveActingVerdicts(tx, absent, acting, range));
    const id = newId('act');
    await tx.db.insert(actingArrangements).values({
      id,
      absentPersonId: absent.id,
      actingPersonId: acting.id,
      postCode,
      startDate: range.startDate,
      endDate: range.endDate as string,
      reason,
      designatedById,
      createdBy: ctx.actor?.accountId ?? null,
    });
    await audit(tx, {
      event: 'org.acting.create',
      objectType: 'acting_arrangement',
      objectId: id,
      detail: { absentPersonId: absent.id, absentName: absent.name, actingPersonId: acting.id, actingName: acting.name, postCode, ...range, reason },
    });
    return { id };
  });
}

/** FIVE-01 / FIVE-02 facts of a stand-in: the absent leader's five areas and what the stand-in already holds. */
async function fiveActingVerdicts(tx: Ctx, absent: Named, acting: Named, range: DateRange) {
  const restricted = async (leaderId: string) => (await areaAssignmentsInRange(tx.db, { leaderId }, range)).filter((a) => a.restricted).map((a) => ({ code: a.areaCode, name: a.areaName }));
  const absentAreas = await restricted(absent.id);
  if (absentAreas.length === 0) return checkFiveActing({ acting, absent, actingPrincipalPosts: [], absentAreas, actingAreas: [] });
  // Areas the stand-in already covers for someone else over the same days count as theirs.
  const covered = await tx.db
    .select({ id: actingArrangements.absentPersonId })
    .from(actingArrangements)
    .where(and(eq(actingArrangements.actingPersonId, acting.id), ne(actingArrangements.absentPersonId, absent.id), overlapping(actingArrangements.startDate, actingArrangements.endDate, range)));
  // One after another: queries of one transaction share its connection (pg 9 refuses overlapping ones).
  const actingAreas: { code: string; name: string }[] = [];
  for (const id of [acting.id, ...covered.map((c) => c.id)]) actingAreas.push(...(await restricted(id)));
  return checkFiveActing({ acting, absent, actingPrincipalPosts: await principalPostsInRange(tx.db, acting.id, range), absentAreas, actingAreas });
}

async function assertHeld(tx: Ctx, absent: { id: string; name: string }, postCode: string, range: DateRange): Promise<void> {
  const post = await getPost(tx.db, postCode);
  const held = await holdingsInRange(tx.db, { postCode, personId: absent.id }, range);
  if (held.length === 0) throw errors.badRequest(`${absent.name}在${range.startDate}至${range.endDate}期间未担任${post.name}，无需代理`);
}

/** Overlapping arrangements for the same absent person and post that name someone else. */
async function otherActing(tx: Ctx, absentId: string, actingId: string, postCode: string | null, range: DateRange): Promise<Dated[]> {
  return tx.db
    .select({ personId: people.id, personName: people.name, startDate: actingArrangements.startDate, endDate: actingArrangements.endDate })
    .from(actingArrangements)
    .innerJoin(people, eq(people.id, actingArrangements.actingPersonId))
    .where(
      and(
        eq(actingArrangements.absentPersonId, absentId),
        ne(actingArrangements.actingPersonId, actingId),
        postCode === null ? undefined : or(isNull(actingArrangements.postCode), eq(actingArrangements.postCode, postCode)),
        overlapping(actingArrangements.startDate, actingArrangements.endDate, range),
      ),
    );
}

/** End an arrangement early (the absent person is back): the end date may only move earlier. */
export async function endActingArrangement(ctx: Ctx, id: string, input: { endDate: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [a] = await tx.db.select().from(actingArrangements).where(eq(actingArrangements.id, id)).for('update');
    if (!a) throw errors.notFound('代理安排');
    validRange({ startDate: a.startDate, endDate: input.endDate });
    if (input.endDate > a.endDate) throw errors.badRequest(`结束日期不能晚于原定的${a.endDate}，延长代理请新建代理安排`);
    await tx.db.update(actingArrangements).set({ endDate: input.endDate }).where(eq(actingArrangements.id, id));
    await audit(tx, {
      event: 'org.acting.end',
      objectType: 'acting_arrangement',
      objectId: id,
      detail: { absentPersonId: a.absentPersonId, actingPersonId: a.actingPersonId, endDate: input.endDate, previousEndDate: a.endDate },
    });
  });
}
