import type { Ctx } from '../../kernel/context';
import type { ActionFacts, Facts, FlowDefinition } from '../../kernel/flow';
import { planSteps } from '../../kernel/flow/plan';
import { resolveAssignees } from '../../kernel/flow/resolve';
import { leaderInChargeOfArea } from '../../kernel/org/lookups';
import { five02 } from '../../kernel/org/rules';
import type { Verdict } from '../../kernel/rules';
import type { ClaimFacts } from './facts';
import type { ClaimFormValue } from './form';
import { FIVE03, FIVE06, FIVE07, FIVE09 } from './rules';
import { checkExcludedArea, excludedAreaFacts } from './five';

const cf = (f: Facts<ClaimFormValue>) => f.derived as unknown as ClaimFacts;

/**
 * The chain as it will be signed, checked before it starts: the principal leader only in the
 * final slot of the daily and special chains and in no slot of the large chain (FIVE-03),
 * one person per slot or a recorded reason (FIVE-07), and the finance-approval leader not in
 * charge of construction (FIVE-02) — the engine refuses a chain that breaks these.
 */
export async function checkChain(ctx: Ctx, def: FlowDefinition<ClaimFormValue>, facts: Facts<ClaimFormValue>): Promise<Verdict[]> {
  const f = cf(facts);
  const out: Verdict[] = [];
  const plan = planSteps(def, facts);
  const slots: { name: string; personId: string }[] = [];
  for (const step of plan) {
    const people = await resolveAssignees(ctx.db, step.approvers, facts.applicant, facts.form as never, f.today, step.name);
    for (const p of people) slots.push({ name: step.name, personId: p.personId });
    if (step.id === 'construction') out.push(...(await constructionSlot(ctx, people, f)));
  }
  slots.forEach((s, i) => {
    if (s.personId !== f.principalId) return;
    if (f.tier === 'large') out.push(FIVE03.block(`大额资金支出由分管财务审批的办领导审批，主要领导不在签字栏（“${s.name}”将由主要领导签字），请调整分工或指定他人`));
    else if (i !== slots.length - 1) out.push(FIVE03.block(`主要领导只能在最后一栏审批，不能在“${s.name}”签字；请调整分工或指定他人`));
  });
  const seen = new Map<string, string>();
  const dup: string[] = [];
  for (const s of slots) {
    const first = seen.get(s.personId);
    if (first && first !== s.name) dup.push(`“${first}”与“${s.name}”`);
    else seen.set(s.personId, s.name);
  }
  if (dup.length) {
    const msg = `同一人将同时在${dup.join('、')}签字，联签应由不同人员签署`;
    out.push(facts.form.coincidenceReason ? FIVE07.warn(`${msg}；理由：${facts.form.coincidenceReason}`) : FIVE07.block(`${msg}，请填写理由后提交`));
  }
  if (f.applicantIsPrincipal) out.push(FIVE03.warn('主要领导本人费用：由综合科经办，最后一栏由分管财务审批的领导签批（CONF-42）'));
  const finance = await leaderInChargeOfArea(ctx.db, 'finance_approval', f.today);
  const construction = await leaderInChargeOfArea(ctx.db, 'construction', f.today);
  if (finance && construction && finance.id === construction.id) out.push(five02.block(`${finance.name}同时分管财务审批和工程项目建设，不能签批财务支出`));
  return out;
}

/** FIVE-09: the construction step is signed by the construction leader (or their stand-in), never the principal. */
async function constructionSlot(ctx: Ctx, people: { personId: string; onBehalfOf: string | null }[], f: ClaimFacts): Promise<Verdict[]> {
  const facts = await excludedAreaFacts(ctx.db, 'construction', f.today);
  return people.flatMap((p) => checkExcludedArea({ area: 'construction', signerId: p.personId, onBehalfOfId: p.onBehalfOf, ...facts }).filter((v) => v.outcome !== 'ok'));
}

/** FIVE-03 / FIVE-06 on every signature: the principal leader never signs a non-final slot. */
export function checkClaimAction(a: ActionFacts<ClaimFormValue>): Verdict[] {
  if (!['approve', 'record_external'].includes(a.action)) return [];
  const f = cf(a.facts);
  if (f.tier === 'large' && !f.decision) return [FIVE06.block('大额资金支出未关联党组集体研究决定，不得签批')];
  if (a.step.id === 'construction' && a.actorPersonId === f.principalId) return [FIVE09.block('“一把手”不直接分管工程项目建设，不能在“分管工程项目建设的领导审核”签字')];
  if (a.actorPersonId !== f.principalId) return [];
  if (f.tier === 'large') return [FIVE03.block('大额资金支出由分管财务审批的办领导审批，主要领导不在签字栏')];
  if (!a.isLastStep) return [FIVE03.block(`主要领导只能在最后一栏审批，不能在“${a.step.name}”签字`)];
  return [];
}
