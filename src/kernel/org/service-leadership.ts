import { eq } from 'drizzle-orm';
import { withTx, type Ctx } from '../context';
import { audit } from '../audit/write';
import { errors } from '../errors';
import { newId } from '../ids';
import { addDays } from '../time';
import { enforce } from '../rules';
import { leadershipAssignments } from './schema';
import { coversDate, type DateRange } from './dates';
import { LEADER_CATEGORY } from './catalogue';
import {
  areaAssignmentsInRange,
  getActivePerson,
  getArea,
  getUnit,
  holdsCategoryOn,
  lockArea,
  lockPerson,
  lockUnit,
  principalPostsInRange,
  unitAssignmentsInRange,
  validRange,
} from './facts';
import { checkFive01Assignment, checkFive01Gap, checkFive02Assignment, type AreaAssignmentFacts } from './rules';

export interface AssignLeadershipInput {
  leaderId: string;
  unitId?: string | null;
  areaCode?: string | null;
  startDate: string;
  endDate?: string | null;
  /** division (分工) or entrusted (受主任委托, WR-02). */
  basis?: 'division' | 'entrusted';
  note?: string | null;
}

/** 分管: put a leader in charge of a unit or an area (FIVE-01, FIVE-02 for the five areas). */
export async function assignLeadership(ctx: Ctx, input: AssignLeadershipInput): Promise<{ id: string }> {
  if (Boolean(input.unitId) === Boolean(input.areaCode)) throw errors.badRequest('请选择分管的科室或分管领域（二选一）');
  const range = validRange({ startDate: input.startDate, endDate: input.endDate ?? null });
  return withTx(ctx, async (tx) => {
    const leader = await getActivePerson(tx.db, input.leaderId, '分管领导');
    if (!(await holdsCategoryOn(tx.db, leader.id, LEADER_CATEGORY, range.startDate))) {
      throw errors.badRequest(`${leader.name}在${range.startDate}不担任办领导职务，不能分管科室或领域`);
    }
    await lockPerson(tx.db, leader.id);
    const detail = input.areaCode
      ? await checkArea(tx, { id: leader.id, name: leader.name }, input.areaCode, range)
      : await checkUnit(tx, input.unitId as string, range);
    const id = newId('lead');
    await tx.db.insert(leadershipAssignments).values({
      id,
      leaderId: leader.id,
      unitId: input.unitId ?? null,
      areaCode: input.areaCode ?? null,
      basis: input.basis ?? 'division',
      startDate: range.startDate,
      endDate: range.endDate,
      note: input.note ?? null,
    });
    await audit(tx, {
      event: 'org.leadership.assign',
      objectType: 'leadership_assignment',
      objectId: id,
      detail: { leaderId: leader.id, leaderName: leader.name, ...detail, ...range, basis: input.basis ?? 'division' },
    });
    return { id };
  });
}

async function checkArea(tx: Ctx, leader: { id: string; name: string }, areaCode: string, range: DateRange) {
  const area = await getArea(tx.db, areaCode);
  await lockArea(tx.db, area.code);
  const facts: AreaAssignmentFacts = {
    leader,
    area,
    range,
    leaderPrincipalPosts: await principalPostsInRange(tx.db, leader.id, range),
    sameAreaOverlaps: await areaAssignmentsInRange(tx.db, { areaCode: area.code }, range),
    leaderAreaOverlaps: await areaAssignmentsInRange(tx.db, { leaderId: leader.id }, range),
  };
  enforce([checkFive01Assignment(facts), checkFive02Assignment(facts)]);
  return { areaCode: area.code, areaName: area.name, rules: area.restricted ? ['FIVE-01', 'FIVE-02'] : [] };
}

async function checkUnit(tx: Ctx, unitId: string, range: DateRange) {
  const unit = await getUnit(tx.db, unitId);
  await lockUnit(tx.db, unit.id);
  const [other] = await unitAssignmentsInRange(tx.db, unit.id, range);
  if (other) {
    throw errors.conflict(`${unit.name}已由${other.personName}分管（${other.startDate}起），请先结束现有分工`);
  }
  return { unitId: unit.id, unitName: unit.name };
}

/**
 * End an assignment on `endDate` (inclusive). Leaving one of the five areas without a leader
 * is allowed only after the user acknowledges the FIVE-01 warning.
 */
export async function endLeadership(ctx: Ctx, id: string, input: { endDate: string; acknowledged?: string[] }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [a] = await tx.db.select().from(leadershipAssignments).where(eq(leadershipAssignments.id, id)).for('update');
    if (!a) throw errors.notFound('分管分工');
    validRange({ startDate: a.startDate, endDate: input.endDate });
    if (a.endDate !== null && input.endDate > a.endDate) throw errors.badRequest(`该分工已于${a.endDate}结束，不能延后结束日期`);
    let acknowledged: string[] = [];
    if (a.areaCode) {
      const area = await getArea(tx.db, a.areaCode);
      const next = addDays(input.endDate, 1);
      const after = await areaAssignmentsInRange(tx.db, { areaCode: a.areaCode, excludeId: a.id }, { startDate: next, endDate: next });
      const successor = after.find((s) => coversDate(s, next));
      const verdict = checkFive01Gap({ area, endDate: input.endDate, successor: successor ? { id: successor.personId, name: successor.personName } : null });
      acknowledged = enforce([verdict], input.acknowledged ?? []).map((w) => w.ruleId);
    }
    await tx.db.update(leadershipAssignments).set({ endDate: input.endDate }).where(eq(leadershipAssignments.id, id));
    await audit(tx, {
      event: 'org.leadership.end',
      objectType: 'leadership_assignment',
      objectId: id,
      detail: { leaderId: a.leaderId, unitId: a.unitId, areaCode: a.areaCode, endDate: input.endDate, previousEndDate: a.endDate, acknowledged },
    });
  });
}
