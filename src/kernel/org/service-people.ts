import { eq } from 'drizzle-orm';
import { withTx, type Ctx } from '../context';
import { audit } from '../audit/write';
import { errors } from '../errors';
import { newId } from '../ids';
import { isLocalDate } from '../time';
import { enforce } from '../rules';
import { orgUnits, people, postHoldings } from './schema';
import { HEAD_POST_BY_KIND } from './catalogue';
import type { DateRange } from './dates';
import { areaAssignmentsInRange, getPerson, getPost, getUnit, holdingsInRange, lockPerson, lockPost, validRange } from './facts';
import { checkFive01PrincipalPost, checkWr01Director, checkWr04Head } from './rules';

export type UnitKind = 'office' | 'section' | 'center';

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  headPostCode?: string | null;
  sortOrder?: number;
}

export async function createUnit(ctx: Ctx, input: UnitInput): Promise<{ id: string }> {
  const name = input.name.trim();
  if (!name) throw errors.badRequest('请填写单位名称');
  return withTx(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, input.code));
    if (dup) throw errors.conflict(`单位代码 ${input.code} 已存在`);
    if (input.parentId) await getUnit(tx.db, input.parentId);
    const headPostCode = input.headPostCode ?? HEAD_POST_BY_KIND[input.kind];
    await getPost(tx.db, headPostCode);
    const id = newId('unit');
    await tx.db.insert(orgUnits).values({ id, code: input.code, name, kind: input.kind, parentId: input.parentId ?? null, headPostCode, sortOrder: input.sortOrder ?? 0 });
    await audit(tx, { event: 'org.unit.create', objectType: 'org_unit', objectId: id, detail: { code: input.code, name, kind: input.kind } });
    return { id };
  });
}

export async function updateUnit(ctx: Ctx, id: string, patch: Partial<Omit<UnitInput, 'code' | 'kind'>> & { active?: boolean }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const unit = await getUnit(tx.db, id);
    if (patch.name !== undefined && !patch.name.trim()) throw errors.badRequest('单位名称不能为空');
    if (patch.parentId) await assertNoCycle(tx, id, patch.parentId);
    if (patch.headPostCode) await getPost(tx.db, patch.headPostCode);
    const values = { ...patch, name: patch.name?.trim() };
    await tx.db.update(orgUnits).set(values).where(eq(orgUnits.id, id));
    await audit(tx, { event: 'org.unit.update', objectType: 'org_unit', objectId: id, detail: { before: unit, patch: values } });
  });
}

async function assertNoCycle(tx: Ctx, id: string, parentId: string): Promise<void> {
  for (let cur: string | null = parentId, depth = 0; cur; depth++) {
    if (cur === id || depth > 50) throw errors.badRequest('上级单位不能是本单位或其下级单位');
    cur = (await getUnit(tx.db, cur)).parentId;
  }
}

export interface PersonInput {
  name: string;
  unitId?: string | null;
  grade: 'principal' | 'deputy' | 'section' | 'general';
  workStartDate?: string | null;
  partyMember?: boolean;
  sortOrder?: number;
}

export async function createPerson(ctx: Ctx, input: PersonInput & { id?: string }): Promise<{ id: string }> {
  const name = input.name.trim();
  if (!name) throw errors.badRequest('请填写姓名');
  if (input.workStartDate && !isLocalDate(input.workStartDate)) throw errors.badRequest('参加工作时间格式不正确，应为 YYYY-MM-DD');
  return withTx(ctx, async (tx) => {
    if (input.unitId) await getUnit(tx.db, input.unitId);
    const id = input.id ?? newId('psn');
    await tx.db.insert(people).values({
      id,
      name,
      unitId: input.unitId ?? null,
      grade: input.grade,
      workStartDate: input.workStartDate ?? null,
      partyMember: input.partyMember ?? false,
      sortOrder: input.sortOrder ?? 0,
    });
    await audit(tx, { event: 'org.person.create', objectType: 'person', objectId: id, detail: { name, unitId: input.unitId ?? null, grade: input.grade } });
    return { id };
  });
}

export async function updatePerson(ctx: Ctx, id: string, patch: Partial<PersonInput> & { active?: boolean }): Promise<void> {
  if (patch.name !== undefined && !patch.name.trim()) throw errors.badRequest('姓名不能为空');
  if (patch.workStartDate && !isLocalDate(patch.workStartDate)) throw errors.badRequest('参加工作时间格式不正确，应为 YYYY-MM-DD');
  await withTx(ctx, async (tx) => {
    const before = await getPerson(tx.db, id);
    if (patch.unitId) await getUnit(tx.db, patch.unitId);
    const values = { ...patch, name: patch.name?.trim() };
    await tx.db.update(people).set(values).where(eq(people.id, id));
    // The audit names the fields changed, not their personal values (参加工作时间 …).
    await audit(tx, { event: 'org.person.update', objectType: 'person', objectId: id, detail: { name: before.name, fields: Object.keys(patch) } });
  });
}

export interface HoldingInput {
  personId: string;
  postCode: string;
  unitId?: string | null;
  startDate: string;
  endDate?: string | null;
}

/** Give a person a post over dates (WR-01 one 主任, WR-04 one head per unit, FIVE-01). */
export async function createPostHolding(ctx: Ctx, input: HoldingInput): Promise<{ id: string }> {
  const range = validRange({ startDate: input.startDate, endDate: input.endDate ?? null });
  return withTx(ctx, async (tx) => {
    const person = await getPerson(tx.db, input.personId);
    const unitId = input.unitId === undefined ? person.unitId : input.unitId;
    await checkHolding(tx, { person, postCode: input.postCode, unitId }, range);
    const id = newId('hold');
    await tx.db.insert(postHoldings).values({ id, personId: person.id, postCode: input.postCode, unitId, startDate: range.startDate, endDate: range.endDate });
    await audit(tx, { event: 'org.post.assign', objectType: 'post_holding', objectId: id, detail: { personId: person.id, name: person.name, postCode: input.postCode, unitId, ...range } });
    return { id };
  });
}

/** Change the dates of a holding (most often: end it). The rules are judged again. */
export async function updatePostHolding(ctx: Ctx, id: string, patch: { startDate?: string; endDate?: string | null }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [h] = await tx.db.select().from(postHoldings).where(eq(postHoldings.id, id)).for('update');
    if (!h) throw errors.notFound('任职记录');
    const range = validRange({ startDate: patch.startDate ?? h.startDate, endDate: patch.endDate === undefined ? h.endDate : patch.endDate });
    const person = await getPerson(tx.db, h.personId);
    await checkHolding(tx, { person, postCode: h.postCode, unitId: h.unitId, excludeId: id }, range);
    await tx.db.update(postHoldings).set(range).where(eq(postHoldings.id, id));
    await audit(tx, { event: 'org.post.update', objectType: 'post_holding', objectId: id, detail: { personId: h.personId, postCode: h.postCode, before: { startDate: h.startDate, endDate: h.endDate }, after: range } });
  });
}

interface HoldingFacts {
  person: { id: string; name: string };
  postCode: string;
  unitId: string | null;
  excludeId?: string;
}

async function checkHolding(tx: Ctx, f: HoldingFacts, range: DateRange): Promise<void> {
  const post = await getPost(tx.db, f.postCode);
  const unit = f.unitId ? await getUnit(tx.db, f.unitId) : null;
  // Holdings of one post are judged together (WR-01, WR-04), so they take turns.
  await lockPost(tx.db, post.code);
  await lockPerson(tx.db, f.person.id);
  const isHeadPost = Boolean(unit && unit.kind !== 'office' && unit.headPostCode === post.code);
  const restricted = post.principal ? await areaAssignmentsInRange(tx.db, { leaderId: f.person.id }, range) : [];
  enforce([
    checkWr01Director({ person: f.person, postCode: post.code, otherDirectors: await holdingsInRange(tx.db, { postCode: 'director', excludeId: f.excludeId }, range) }),
    checkWr04Head({
      unitName: unit?.name ?? '',
      person: f.person,
      isHeadPost,
      otherHeads: isHeadPost ? await holdingsInRange(tx.db, { postCode: post.code, unitId: unit?.id, excludeId: f.excludeId }, range) : [],
    }),
    checkFive01PrincipalPost({ person: f.person, post, restrictedAreas: restricted.filter((a) => a.restricted).map((a) => a.areaName) }),
  ]);
}
