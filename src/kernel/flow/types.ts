import type { z } from 'zod';
import type { Ctx } from '../context';
import type { Verdict } from '../rules';
import type { FormSpec } from '../render/form-spec';

/** How a step finds its approvers in the organisation, on the day the step starts. */
export type ApproverSelector =
  /** 科室负责人 of the applicant's unit. */
  | { kind: 'sectionChief' }
  /** 分管领导 of the applicant's unit. */
  | { kind: 'leaderOfApplicantUnit' }
  /** The leader in charge of an area (财务审批, 人事 …). */
  | { kind: 'leaderOfArea'; area: string }
  /** 单位主要领导. */
  | { kind: 'principal' }
  /** Whoever holds a post (文书, 印章管理员 …), optionally in the applicant's unit or a named unit. */
  | { kind: 'post'; post: string; unit?: 'applicant' | string }
  | { kind: 'person'; personId: string }
  /** Person id(s) taken from a form field (the 分管领导 the applicant picked; a list for 会签 …). */
  | { kind: 'formField'; field: string }
  /** The applicant (e.g. to record an external approval of their own request). */
  | { kind: 'applicant' };

/** single: one approver; countersign (会签): all or a ratio; anyOne (或签): the first; notify (抄送/传阅); external: recorded. */
export type StepKind = 'single' | 'countersign' | 'anyOne' | 'notify' | 'external';

/** What the signature means on the paper form: 同意 (consent), 批准 (approve), 审核, 签发, 已阅. */
export type Verb = 'consent' | 'approve' | 'review' | 'sign' | 'read' | 'record';

export const VERB_LABEL: Record<Verb, string> = {
  consent: '同意',
  approve: '批准',
  review: '审核',
  sign: '签发',
  read: '已阅',
  record: '登记',
};

export interface Applicant {
  personId: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  grade: 'principal' | 'deputy' | 'section' | 'general';
}

export interface Facts<Form> {
  form: Form;
  applicant: Applicant;
  /** Values the definition derives at submission (working days, amount tiers …). */
  derived: Record<string, unknown>;
}

export interface StepSpec<Form> {
  /** Stable id within the definition (section, leader, principal …). */
  id: string;
  /** Box title on the paper form: 科室负责人意见, 分管领导意见 … */
  name: string;
  kind: StepKind;
  approvers: ApproverSelector[];
  verb: Verb | ((facts: Facts<Form>) => Verb);
  /** Condition on the form and the applicant; absent means always. */
  when?: (facts: Facts<Form>) => boolean;
  /** Countersign: share of the step's signers needed (1 = all). */
  ratio?: number;
  /** Working days the step has, counted on the office calendar from the day it starts. */
  dueWorkingDays?: number;
  /** Working days after the due date when the overdue task is reported to the leader in charge. */
  escalateAfterWorkingDays?: number;
  /** For external steps: who decides outside the office (政府分管领导). */
  externalLabel?: string;
  /** Rules that put this step on the route; the trail shows them. */
  ruleIds?: string[];
}

/** A step as frozen into a running instance: plain data. */
export interface PlannedStep {
  id: string;
  name: string;
  kind: StepKind;
  approvers: ApproverSelector[];
  verb: Verb;
  ratio: number;
  dueWorkingDays: number | null;
  escalateAfterWorkingDays: number | null;
  externalLabel: string | null;
  ruleIds: string[];
}

export type ActionKind =
  | 'approve'
  | 'reject'
  | 'return'
  | 'withdraw'
  | 'delegate'
  | 'add_signer'
  | 'comment'
  | 'remind'
  | 'read'
  | 'record_external';

export interface ActionFacts<Form> {
  action: ActionKind;
  actorPersonId: string;
  step: PlannedStep;
  stepIndex: number;
  isLastStep: boolean;
  facts: Facts<Form>;
  /** The office's local date of the action (rules such as TRIP-01 compare it with the form). */
  today: string;
}

export interface InstanceRef {
  id: string;
  subjectType: string | null;
  subjectId: string | null;
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
  applicantPersonId: string;
  /**
   * For an approved instance: the signature that completed it (who, when), when the engine
   * knows it — the approval or external record that closed the last step. Absent otherwise;
   * a hook that needs it then reads the trail.
   */
  signedBy?: { personId: string; at: Date };
}

/**
 * An approval flow: typed data plus hooks. Versioned: bump `version` when steps change;
 * running instances keep the plan they were submitted with.
 */
export interface FlowDefinition<Form = Record<string, unknown>> {
  key: string;
  version: number;
  /** Chinese name: 请假审批, 公出审批 … */
  name: string;
  form: z.ZodType<Form>;
  steps: StepSpec<Form>[];
  title(facts: Facts<Form>): string;
  /** Derive facts at submission (counting working days …); may read the database. */
  derive?(ctx: Ctx, form: Form, applicant: Applicant): Promise<Record<string, unknown>>;
  /** Rules checked at submission (block / warn with citations). */
  checkSubmit?(ctx: Ctx, facts: Facts<Form>): Promise<Verdict[]> | Verdict[];
  /** Rules checked on every action (e.g. FIVE-03: the principal leader only in the final slot). */
  checkAction?(a: ActionFacts<Form>): Verdict[];
  /**
   * Like checkAction, for rules that read the database in the action's transaction (DOC-08..12:
   * who may sign off a 公文 depends on the actor's posts that day). Both run when both are set.
   */
  checkActionAsync?(a: ActionFacts<Form>, ctx: Ctx): Promise<Verdict[]>;
  /**
   * The office's paper form for this flow, filled from the instance (who signed what, when).
   * GET /api/v1/flow/instances/{id}/form.pdf renders it.
   */
  printForm?(detail: PrintableInstance): FormSpec;
  /** Called in the same transaction when the instance ends. */
  onComplete?(ctx: Ctx, instance: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void>;
}

/** What a paper form is filled from: the instance detail with each step's signatures. */
export interface PrintableInstance {
  id: string;
  title: string;
  status: string;
  applicant: { personId: string; name: string; unitName: string | null };
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
  submittedAt: string;
  completedAt: string | null;
  steps: {
    id: string;
    name: string;
    verbLabel: string;
    /** Signatures of the step's last round, in order. */
    signatures: { name: string; onBehalfOf: string | null; opinion: string; decidedAt: string; status: string; external: Record<string, unknown> | null }[];
  }[];
}
