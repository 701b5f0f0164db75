import type { Tier } from './categories';

/** What a claim's submission derives (frozen in the flow instance's facts). */
export interface ClaimFacts {
  today: string;
  totalFen: number;
  /** What is paid after the travel standards (TRAVEL-03/04); equals totalFen for other claims. */
  payableFen: number;
  personalShareFen: number;
  tier: Tier;
  routine: boolean;
  /** FIN-12 (COMPUTE). */
  isDailyExpense: boolean;
  /** classifyMatter's answer: collective (三重一大) or not, and why. */
  collective: boolean;
  classification: string;
  szydRuleId: string | null;
  decision: { id: string; title: string; decidedOn: string; body: string } | null;
  principalId: string | null;
  applicantIsPrincipal: boolean;
  /** The applicant is the head of the undertaking section: that slot is theirs already. */
  applicantIsChief: boolean;
  trip: { id: string; travellerIds: string[]; destination: string; startDate: string; endDate: string; approvedBy: string | null } | null;
  reception: ReceptionFact | null;
  /** MTG-04: the linked budget form, and what other claims already settled against it. */
  meetingBudget?: { id: string; kind: string; status: string; budgetFen: number; executedFen: number | null; claimedFen: number } | null;
  /** PRINT-04: whether the applicant's unit is 综合科 (= 办公室, CONF-17). */
  applicantInHub?: boolean;
  /** FIN-04: the 三公 group of the claim, its yearly quota and what the year already used. */
  sangong?: { group: string; quotaFen: number | null; usedFen: number } | null;
  /** Per-line reimbursable amount after the standards (TRAVEL-03/04). */
  lineNotes: { index: number; reimbursableFen: number; note: string }[];
}

export interface ReceptionFact {
  id: string;
  status: string;
  approvedOn: string | null;
  visitStart: string;
  guests: number;
  hasLetter: boolean;
  listFilled: boolean;
  listReviewed: boolean;
  listMeals: import('./form').MealValue[];
  /** RECEP-11: the hosted meals of the approved plan. */
  planMeals?: import('./form').MealValue[];
  /** RECEP-19: vehicles recorded on the reception list. */
  listVehicles?: number;
  /** RECEP-26: filed with 综合科 — read-only, nothing more is claimed on it. */
  filedOn?: string | null;
}
