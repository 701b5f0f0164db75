/** Shapes of the org API (src/kernel/org/views.ts), as the page reads them. */
export interface PersonRef {
  id: string;
  name: string;
  unitId: string | null;
}

export interface PersonBrief extends PersonRef {
  unitName: string | null;
  grade: string;
  posts: { code: string; name: string }[];
}

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: 'office' | 'section' | 'center';
  parentId: string | null;
  head: PersonRef | null;
  leaderInCharge: PersonRef | null;
  people: PersonBrief[];
  children: UnitNode[];
}

export interface Assignment {
  id: string;
  leader: PersonRef;
  unitId: string | null;
  unitName: string | null;
  areaCode: string | null;
  areaName: string | null;
  restricted: boolean;
  basis: 'division' | 'entrusted';
  startDate: string;
  endDate: string | null;
}

export interface Division {
  date: string;
  principal: PersonRef | null;
  leaders: { leader: PersonBrief; units: Assignment[]; areas: Assignment[] }[];
  areas: { code: string; name: string; restricted: boolean; leader: PersonRef | null; assignmentId: string | null }[];
  warnings: { ruleId: string; cite: string; message: string }[];
  assignments: Assignment[];
}

export interface Acting {
  id: string;
  absent: PersonRef;
  acting: PersonRef;
  postCode: string | null;
  postName: string | null;
  startDate: string;
  endDate: string;
  reason: string;
  designatedBy: PersonRef | null;
}

export interface OrgData {
  units: UnitNode[];
  people: PersonBrief[];
  division: Division | null;
  acting: Acting[];
}

export const GRADE_LABEL: Record<string, string> = { principal: '主要领导', deputy: '副职领导', section: '科级干部', general: '一般干部' };

/** Every unit of the tree, depth first. */
export function flattenUnits(units: UnitNode[]): UnitNode[] {
  return units.flatMap((u) => [u, ...flattenUnits(u.children)]);
}
