import type { Db } from '../db';
import { errors } from '../errors';
import type { Applicant, ApproverSelector } from './types';
import { orgDirectory } from './org-directory';

export interface Assignee {
  personId: string;
  /** The person the assignee stands in for on that date (acting arrangement), if any. */
  onBehalfOf: string | null;
}

const SELECTOR_LABEL: Record<ApproverSelector['kind'], string> = {
  sectionChief: '科室负责人',
  leaderOfApplicantUnit: '分管领导',
  leaderOfArea: '分管领导',
  principal: '单位主要领导',
  post: '岗位人员',
  person: '指定人员',
  formField: '指定人员',
  applicant: '申请人',
};

/** The people a selector names on `date`, before acting arrangements. */
async function selectPeople(
  db: Db,
  sel: ApproverSelector,
  applicant: Applicant,
  form: Record<string, unknown>,
  date: string,
): Promise<string[]> {
  const org = orgDirectory;
  switch (sel.kind) {
    case 'sectionChief':
      return applicant.unitId ? nonNull(await org.sectionChiefOf(db, applicant.unitId, date)) : [];
    case 'leaderOfApplicantUnit':
      return applicant.unitId ? nonNull(await org.leaderInChargeOfUnit(db, applicant.unitId, date)) : [];
    case 'leaderOfArea':
      return nonNull(await org.leaderInChargeOfArea(db, sel.area, date));
    case 'principal':
      return nonNull(await org.principalLeader(db, date));
    case 'post': {
      const unit = sel.unit === 'applicant' ? applicant.unitId ?? undefined : sel.unit;
      return org.holdersOfPost(db, sel.post, unit, date);
    }
    case 'person':
      return [sel.personId];
    case 'formField': {
      const v = form[sel.field];
      if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
      return typeof v === 'string' && v ? [v] : [];
    }
    case 'applicant':
      return [applicant.personId];
  }
}

function nonNull(id: string | null | undefined): string[] {
  return id ? [id] : [];
}

/**
 * Resolve a step's approvers on a date: the people the selectors name, each replaced by
 * whoever is acting for them that day. Fails closed with a Chinese message when a selector
 * names nobody, so a request never silently skips an approver the regulations require.
 */
export async function resolveAssignees(
  db: Db,
  selectors: ApproverSelector[],
  applicant: Applicant,
  form: Record<string, unknown>,
  date: string,
  stepName: string,
): Promise<Assignee[]> {
  const out: Assignee[] = [];
  const seen = new Set<string>();
  for (const sel of selectors) {
    const people = await selectPeople(db, sel, applicant, form, date);
    if (people.length === 0) {
      throw errors.unprocessable(
        'FLOW_NO_APPROVER',
        `无法确定“${stepName}”的审批人：${applicant.unitName ?? '申请人所在单位'}的${SELECTOR_LABEL[sel.kind]}未在组织机构中登记，请联系综合科维护组织机构`,
      );
    }
    for (const p of people) {
      const acting = await orgDirectory.actingFor(db, p, date);
      const assignee: Assignee = acting ? { personId: acting, onBehalfOf: p } : { personId: p, onBehalfOf: null };
      if (seen.has(assignee.personId)) continue;
      seen.add(assignee.personId);
      out.push(assignee);
    }
  }
  return out;
}
