import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { activeOn } from '../../kernel/org/dates';
import { leaderInChargeOfUnit } from '../../kernel/org/lookups';
import { postHoldings } from '../../kernel/org/schema';
import type { Verdict } from '../../kernel/rules';
import type { Category, Direction } from './model';
import { DOC08, DOC09, DOC10, DOC11, DOC12 } from './rules';

/** What the sign-off rules need to know about a would-be signer on the day (roles, not names: §0.5). */
export interface SignerFacts {
  posts: string[];
  /** The 办领导 in charge of the drafting section. */
  inChargeOfDraftingUnit: boolean;
  /** The 办领导 in charge of 综合科 (for documents in 综合科's name, GAP-E17a). */
  inChargeOfHub: boolean;
}

export interface SignedDoc {
  category: Category;
  direction: Direction;
  isImportant: boolean;
  counterpartSignerLevel?: 'principal' | 'deputy' | null;
}

const OFFICE_LEADER_POSTS = ['director', 'deputy_director', 'party_secretary'];

/** Who the rules name as signer, in words (shown on the draft and in refusals). */
export function requiredSignerText(d: SignedDoc): string {
  if (d.category === 'party') return '党组书记';
  if (d.category === 'joint') return d.counterpartSignerLevel === 'principal' ? '主任（对方正职签发，对等原则）' : '副主任或主任（对等原则）';
  if (d.category === 'general') return '分管综合科的办领导';
  if (d.direction === 'up') return '主任';
  return d.isImportant ? '主任（重要公文）' : '分管起草科室的办领导';
}

/** DOC-08..DOC-12: may this person sign off this document? */
export function checkSigner(d: SignedDoc, s: SignerFacts): Verdict[] {
  const has = (p: string) => s.posts.includes(p);
  const need = requiredSignerText(d);
  if (!OFFICE_LEADER_POSTS.some(has)) return [DOC12.block(`公文须由办领导签发，科长及以下人员不得签发；本件应由${need}签发`)];
  if (d.category === 'party') return has('party_secretary') ? [DOC08.ok()] : [DOC08.block('党组文件须由党组书记签发')];
  if (d.category === 'joint') {
    if (d.counterpartSignerLevel === 'principal' && !has('director')) return [DOC11.block('对方由正职签发，按对等原则应由主任签发')];
    if (!has('director') && !has('deputy_director')) return [DOC11.block('会签文、联合发文应由主任或副主任签发')];
    return [DOC11.ok()];
  }
  if (d.category === 'general') {
    return s.inChargeOfHub || has('director') ? [DOC12.ok()] : [DOC12.block('以综合科名义制发的公文，应由分管综合科的办领导签发')];
  }
  if (d.direction === 'up') return has('director') ? [DOC09.ok()] : [DOC09.block('以市扶贫办名义制发的上行文须由主任签发')];
  if (d.isImportant) return has('director') ? [DOC10.ok()] : [DOC10.block('重要的平行文、下行文须报请主任签发')];
  if (s.inChargeOfDraftingUnit || has('director')) return [DOC10.ok()];
  return [DOC10.warn('平行文、下行文一般由分管起草科室的办领导签发；由其他办领导签发属特殊要求，请在意见中说明理由')];
}

/** The facts of `personId` on `date`, from the org. */
export async function signerFacts(db: Db, personId: string, draftingUnitId: string | null, hubUnitId: string | null, date: string): Promise<SignerFacts> {
  const held = await db
    .select({ code: postHoldings.postCode })
    .from(postHoldings)
    .where(and(eq(postHoldings.personId, personId), inArray(postHoldings.postCode, [...OFFICE_LEADER_POSTS, 'section_chief']), activeOn(postHoldings.startDate, postHoldings.endDate, date)));
  const leaderOf = async (unit: string | null) => (unit ? (await leaderInChargeOfUnit(db, unit, date))?.id === personId : false);
  return { posts: held.map((h) => h.code), inChargeOfDraftingUnit: await leaderOf(draftingUnitId), inChargeOfHub: await leaderOf(hubUnitId) };
}
