import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import type { Applicant } from '../../kernel/flow';
import { principalLeader, sectionChiefOf } from '../../kernel/org/lookups';
import { localDate } from '../../kernel/time';
import { classifyMatter, findCoveringDecision } from '../meetings';
import { getApprovedTrip } from '../personnel/service';
import { categoryDef, type Tier } from './categories';
import type { ClaimFacts, ReceptionFact } from './facts';
import type { ClaimFormValue, MealValue } from './form';
import { reimbursable } from './travel';
import { claimExtras } from './office/claim-facts';

/**
 * The facts a claim is judged and routed on, read once at submission: the tier (CONF-40 —
 * the 2万元 line is the classifier's, never repeated here), the covering 党组 decision, the
 * approved trip, the reception, and who the principal leader is that day (FIVE-03).
 */
export async function deriveClaim(ctx: Ctx, form: ClaimFormValue, applicant: Applicant): Promise<ClaimFacts> {
  const today = localDate(ctx.clock.now());
  const cat = categoryDef(form.category);
  const totalFen = form.lines.reduce((s, l) => s + l.amountFen, 0);
  const routine = !!cat.routine;
  const cls = cat.matter && !routine ? classifyMatter({ kind: cat.matter, amountFen: totalFen, purpose: form.purpose }) : null;
  // Routine running costs are classified only to warn (CONF-41); they never become large.
  const routineCls = routine ? classifyMatter({ kind: 'special_fund', amountFen: totalFen }) : null;
  const tier: Tier = cls?.collective ? 'large' : form.funding === 'special' && !routine ? 'special' : 'daily';
  const decision = tier === 'large' && form.decisionId
    ? await findCoveringDecision(ctx.db, { kind: cat.matter!, amountFen: totalFen, decisionId: form.decisionId })
    : null;
  const principal = await principalLeader(ctx.db, today);
  const chief = applicant.unitId ? await sectionChiefOf(ctx.db, applicant.unitId, today) : null;
  const trip = cat.travel && form.tripId ? await getApprovedTrip(ctx.db, form.tripId) : null;
  const lineNotes = cat.travel ? form.lines.map((l, index) => ({ index, ...rename(reimbursable(l)) })) : [];
  const payableFen = cat.travel ? lineNotes.reduce((s, x) => s + x.reimbursableFen, 0) : totalFen;
  return {
    today,
    totalFen,
    payableFen,
    personalShareFen: totalFen - payableFen,
    tier,
    routine,
    isDailyExpense: !!cat.daily,
    collective: !!(cls?.collective || routineCls?.collective),
    classification: (cls ?? routineCls)?.reason ?? '不属“三重一大”自动认定范围',
    szydRuleId: cls?.ruleId ?? null,
    decision: decision ? { id: decision.id, title: decision.title, decidedOn: decision.decidedOn, body: decision.body } : null,
    principalId: principal?.id ?? null,
    applicantIsPrincipal: principal?.id === applicant.personId,
    applicantIsChief: chief?.id === applicant.personId,
    trip: trip && trip.travellerIds.includes(applicant.personId)
      ? { id: trip.id, travellerIds: trip.travellerIds, destination: trip.destination, startDate: trip.startDate, endDate: trip.endDate, approvedBy: trip.approvedBy }
      : null,
    reception: cat.reception && form.receptionId ? await receptionFact(ctx, form.receptionId) : null,
    lineNotes,
    ...(await claimExtras(ctx, form, applicant, today)),
  };
}

const rename = (r: { fen: number; note: string }) => ({ reimbursableFen: r.fen, note: r.note });

async function receptionFact(ctx: Ctx, id: string): Promise<ReceptionFact | null> {
  const [r] = await rows<{ id: string; status: string; approved_on: string | null; visit_start: string; guests: number; letter: Record<string, unknown>; list: { meals?: MealValue[]; vehicleCount?: number } | null; list_reviewed_by: string | null; form: { meals?: MealValue[] } | null; filed_on: string | null }>(
    ctx.db,
    sql`select r.id, r.status, r.approved_on::text, r.visit_start::text, r.guests, r.letter, r.list, r.list_reviewed_by, i.form, r.filed_on::text
        from finance_receptions r left join flow_instances i on i.id = r.flow_instance_id where r.id = ${id}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    approvedOn: r.approved_on,
    visitStart: r.visit_start,
    guests: r.guests,
    hasLetter: !!(r.letter && r.letter.docNo && r.letter.fileRef),
    listFilled: !!r.list,
    listReviewed: !!r.list_reviewed_by,
    listMeals: r.list?.meals ?? [],
    planMeals: r.form?.meals ?? [],
    listVehicles: r.list?.vehicleCount,
    filedOn: r.filed_on,
  };
}
