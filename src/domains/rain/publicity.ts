import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { addDays, localDate } from '../../kernel/time';
import { enforce, type Verdict } from '../../kernel/rules';
import { checkCancellation, checkPublicity, checkThreeLinks, evaluateEligibility, RAIN15 } from './rules';
import { loadFacts, reevaluate, semesterRecord } from './students';
import { filesOf, storeFile } from './files';

/** 逐级监督公示 (三（二）): village publicity with photos, objections, county confirmation. */

export async function createPublicity(
  ctx: Ctx,
  input: { villageCode: string; semester: string; place: string; startDate: string; periodDays: number; acknowledged?: string[] },
): Promise<{ id: string; listed: number; warnings: unknown[] }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [v] = await rows<{ code: string; county: string }>(
      tx.db,
      sql`select v.code, t.parent_code as county from poverty_regions v join poverty_regions t on t.code = v.parent_code where v.code = ${input.villageCode} and v.level = 'village'`,
    );
    if (!v) throw errors.badRequest('村代码不存在');
    await reevaluate(tx.db, input.semester, (await rows<{ id: string }>(tx.db, sql`select student_id as id from rain_determinations where semester = ${input.semester} and village_code = ${input.villageCode} and status = 'proposed'`)).map((r) => r.id));
    // Locked: two clerks posting the same village list at once serialise here.
    const list = await rows<{ id: string; student_id: string; name: string; comparison: string | null; county_review: string | null; eligibility: string }>(
      tx.db,
      sql`select d.id, d.student_id, s.name, d.comparison, d.county_review, d.eligibility from rain_determinations d join rain_students s on s.id = d.student_id
        where d.semester = ${input.semester} and d.village_code = ${input.villageCode} and d.status = 'proposed' order by s.name for update of d`,
    );
    // Not yet reviewed by the county; a student awaiting a leading-group decision waits for a later round.
    const unreviewed = list.filter((d) => !d.comparison || (!d.county_review && d.eligibility !== 'needs_decision')).map((d) => d.name);
    const sem = await semesterRecord(tx.db, v.county, input.semester);
    const targets = list.filter((d) => d.county_review === 'TARGET' && d.eligibility === 'eligible');
    const facts = await loadFacts(tx.db, targets.map((d) => d.student_id), input.semester);
    const verdicts: Verdict[] = [checkThreeLinks(sem, unreviewed)];
    for (const f of facts.values()) verdicts.push(...evaluateEligibility(f.facts).verdicts);
    if (targets.length === 0) throw errors.badRequest('该村本学期没有经县级复核确认的补助对象，无需公示');
    const warnings = enforce(verdicts, input.acknowledged);
    const id = newId('rpub');
    const endDate = addDays(input.startDate, input.periodDays - 1);
    await tx.db.execute(sql`insert into rain_publicities (id, semester, village_code, place, start_date, period_days, end_date, status, created_by, created_at)
      values (${id}, ${input.semester}, ${input.villageCode}, ${input.place.trim()}, ${input.startDate}, ${input.periodDays}, ${endDate}, 'open', ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await tx.db.execute(sql`update rain_determinations set status = 'publicised', publicity_id = ${id}
      where id in (${sql.join(targets.map((d) => sql`${d.id}`), sql`, `)})`);
    await audit(tx, { event: 'rain.publicity.create', objectType: 'rain_publicity', objectId: id, detail: { ...input, listed: targets.length, warnings: warnings.map((w) => w.ruleId) } });
    return { id, listed: targets.length, warnings };
  });
}

export async function addPhoto(ctx: Ctx, publicityId: string, fileName: string, content: Buffer): Promise<{ id: string }> {
  requireActor(ctx);
  if (content.length > RAIN15.param('maxPhotoBytes')) throw errors.badRequest(`照片超过大小上限（${Math.round(RAIN15.param('maxPhotoBytes') / 1048576)}MB）`);
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ id: string }>(tx.db, sql`select id from rain_publicities where id = ${publicityId} for update`);
    if (!p) throw errors.notFound('公示记录');
    const f = await storeFile(tx, { purpose: 'photo', ownerType: 'rain_publicity', ownerId: publicityId, fileName, content });
    return { id: f.id };
  });
}

/**
 * 县级扶贫领导小组确认 (三（三）): the village list after publicity. RAIN-15 needs the place and a
 * photo; lines with an open objection stay unconfirmed (RAIN-17). Running it again confirms lines
 * whose objections have since been rejected.
 */
export async function confirmPublicity(ctx: Ctx, publicityId: string, input: { confirmedOn: string; ref: string; acknowledged?: string[] }): Promise<{ confirmed: number; held: number; warnings: unknown[] }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ id: string; place: string; end_date: string; status: string }>(tx.db, sql`select id, place, end_date, status from rain_publicities where id = ${publicityId} for update`);
    if (!p) throw errors.notFound('公示记录');
    const photos = (await filesOf(tx.db, 'rain_publicity', publicityId)).filter((f) => f.purpose === 'photo').length;
    const warnings = enforce(checkPublicity({ place: p.place, photos, endDate: p.end_date }, localDate(tx.clock.now())), input.acknowledged);
    const [r] = await rows<{ confirmed: number; held: number }>(
      tx.db,
      sql`with held as (select d.id from rain_determinations d where d.publicity_id = ${publicityId} and d.status = 'publicised'
            and exists (select 1 from rain_objections o where o.determination_id = d.id and o.status = 'open')),
        upd as (update rain_determinations d set status = 'confirmed', confirmed_on = ${input.confirmedOn}, confirm_ref = ${input.ref}
          where d.publicity_id = ${publicityId} and d.status = 'publicised' and d.eligibility = 'eligible' and d.id not in (select id from held) returning 1)
        select (select count(*)::int from upd) as confirmed, (select count(*)::int from held) as held`,
    );
    await tx.db.execute(sql`update rain_publicities set status = 'confirmed', confirmed_on = ${input.confirmedOn}, confirm_ref = ${input.ref} where id = ${publicityId}`);
    await audit(tx, { event: 'rain.publicity.confirm', objectType: 'rain_publicity', objectId: publicityId, detail: { ...input, ...r, warnings: warnings.map((w) => w.ruleId) } });
    return { ...r, warnings };
  });
}

export async function fileObjection(ctx: Ctx, input: { determinationId: string; reporter?: string; content: string; filedOn: string }): Promise<{ id: string }> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [d] = await rows<{ id: string; publicity_id: string | null; status: string }>(tx.db, sql`select id, publicity_id, status from rain_determinations where id = ${input.determinationId} for update`);
    if (!d) throw errors.notFound('补助对象');
    if (!d.publicity_id || !['publicised', 'confirmed'].includes(d.status)) throw errors.conflict('只能对公示中或已确认、尚未发放的补助对象登记举报');
    const id = newId('robj');
    await tx.db.execute(sql`insert into rain_objections (id, publicity_id, determination_id, reporter, content, filed_on, status, created_at)
      values (${id}, ${d.publicity_id}, ${d.id}, ${input.reporter?.trim() || null}, ${input.content}, ${input.filedOn}, 'open', ${tx.clock.now().toISOString()})`);
    // A confirmed line under objection goes back to publicised until the objection is settled (RAIN-17).
    await tx.db.execute(sql`update rain_determinations set status = 'publicised' where id = ${d.id} and status = 'confirmed'
      and not exists (select 1 from rain_payments p where p.determination_id = rain_determinations.id)`);
    await audit(tx, { event: 'rain.objection.file', objectType: 'rain_objection', objectId: id, detail: { determinationId: d.id, reporter: input.reporter ?? null } });
    return { id };
  });
}

/** 乡（镇）党委政府查实: a finding; an unfounded report is closed here. */
export async function verifyObjection(ctx: Ctx, id: string, input: { finding: 'SUBSTANTIATED' | 'UNFOUNDED'; note: string; verifiedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [o] = await rows<{ status: string; township_finding: string | null }>(tx.db, sql`select status, township_finding from rain_objections where id = ${id} for update`);
    if (!o) throw errors.notFound('举报');
    if (o.status !== 'open' || o.township_finding) throw errors.conflict('该举报已由乡镇核查');
    await tx.db.execute(sql`update rain_objections set township_finding = ${input.finding}, township_note = ${input.note}, township_verified_on = ${input.verifiedOn},
      status = ${input.finding === 'UNFOUNDED' ? 'closed' : 'open'} where id = ${id}`);
    await audit(tx, { event: 'rain.objection.verify', objectType: 'rain_objection', objectId: id, detail: input });
  });
}

/** 县级扶贫部门核准 (RAIN-16): approval cancels the eligibility and removes the person from any draft batch. */
export async function decideObjection(ctx: Ctx, id: string, input: { approve: boolean; note: string; decidedOn: string }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [o] = await rows<{ status: string; township_finding: string | null; determination_id: string }>(tx.db, sql`select status, township_finding, determination_id from rain_objections where id = ${id} for update`);
    if (!o) throw errors.notFound('举报');
    if (input.approve) enforce([checkCancellation({ townshipFinding: o.township_finding, status: o.status })]);
    else if (o.status !== 'open') throw errors.conflict('该举报已办结');
    const [d] = await rows<{ id: string; status: string }>(tx.db, sql`select id, status from rain_determinations where id = ${o.determination_id} for update`);
    if (input.approve) {
      const [pay] = await rows<{ id: string; batch_id: string; batch_status: string; amount_fen: number }>(
        tx.db,
        sql`select p.id, p.batch_id, b.status as batch_status, p.amount_fen from rain_payments p join rain_batches b on b.id = p.batch_id where p.determination_id = ${d.id} for update of b`,
      );
      if (pay && pay.batch_status !== 'draft') throw errors.conflict('补助已提交财政局或已发放，请登记错补追缴（RAIN-25）');
      if (pay) {
        await tx.db.execute(sql`delete from rain_payments where id = ${pay.id}`);
        await tx.db.execute(sql`update rain_batches set line_count = line_count - 1, total_fen = total_fen - ${pay.amount_fen} where id = ${pay.batch_id}`);
      }
      await tx.db.execute(sql`update rain_determinations set status = 'cancelled', cancelled_reason = ${`群众举报经乡镇查实、县级扶贫部门核准取消：${input.note}`} where id = ${d.id}`);
    }
    await tx.db.execute(sql`update rain_objections set county_decision = ${input.approve ? 'APPROVED' : 'REJECTED'}, county_note = ${input.note}, county_decided_on = ${input.decidedOn}, status = 'closed' where id = ${id}`);
    await audit(tx, { event: input.approve ? 'rain.objection.cancel' : 'rain.objection.reject', objectType: 'rain_objection', objectId: id, detail: { ...input, determinationId: d.id } });
  });
}

export async function listPublicities(db: Db, semester: string) {
  const list = await rows<{ id: string; villageCode: string; villageName: string; place: string; startDate: string; periodDays: number; endDate: string; status: string; confirmedOn: string | null; confirmRef: string | null; listed: number; photos: number; openObjections: number }>(
    db,
    sql`select p.id, p.village_code as "villageCode", v.name as "villageName", p.place, p.start_date as "startDate", p.period_days as "periodDays", p.end_date as "endDate",
      p.status, p.confirmed_on as "confirmedOn", p.confirm_ref as "confirmRef",
      (select count(*)::int from rain_determinations d where d.publicity_id = p.id) as listed,
      (select count(*)::int from rain_files f where f.owner_type = 'rain_publicity' and f.owner_id = p.id and f.purpose = 'photo') as photos,
      (select count(*)::int from rain_objections o where o.publicity_id = p.id and o.status = 'open') as "openObjections"
      from rain_publicities p join poverty_regions v on v.code = p.village_code where p.semester = ${semester} order by p.village_code`,
  );
  return list;
}

export async function publicityDetail(db: Db, id: string) {
  const [p] = await rows<{ id: string; semester: string; villageCode: string; place: string; startDate: string; endDate: string; status: string }>(
    db,
    sql`select id, semester, village_code as "villageCode", place, start_date as "startDate", end_date as "endDate", status from rain_publicities where id = ${id}`,
  );
  if (!p) throw errors.notFound('公示记录');
  const lines = await rows<{ determinationId: string; name: string; householdCode: string; householderName: string; schoolName: string; status: string; amountFen: number | null }>(
    db,
    sql`select d.id as "determinationId", s.name, h.code as "householdCode", h.householder_name as "householderName", s.school_name as "schoolName", d.status,
      (select amount_fen from rain_payments x where x.determination_id = d.id) as "amountFen"
      from rain_determinations d join rain_students s on s.id = d.student_id join poverty_households h on h.id = d.household_id
      where d.publicity_id = ${id} order by h.code, s.name`,
  );
  const objections = await rows<{ id: string; determinationId: string; name: string; reporter: string | null; content: string; filedOn: string; townshipFinding: string | null; townshipNote: string | null; countyDecision: string | null; countyNote: string | null; status: string }>(
    db,
    sql`select o.id, o.determination_id as "determinationId", s.name, o.reporter, o.content, o.filed_on as "filedOn", o.township_finding as "townshipFinding",
      o.township_note as "townshipNote", o.county_decision as "countyDecision", o.county_note as "countyNote", o.status
      from rain_objections o join rain_determinations d on d.id = o.determination_id join rain_students s on s.id = d.student_id
      where o.publicity_id = ${id} order by o.created_at`,
  );
  return { ...p, lines, objections, photos: await filesOf(db, 'rain_publicity', id) };
}
