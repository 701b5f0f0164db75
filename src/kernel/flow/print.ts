import type { Ctx } from '../context';
import { audit } from '../audit/write';
import { AppError } from '../errors';
import { chineseDate } from '../render/dates';
import { renderFormPdf } from '../render/form-pdf';
import { definitionOf } from './engine';
import { instanceDetail, type InstanceDetail } from './queries';
import type { PrintableInstance } from './types';

type Task = InstanceDetail['steps'][number]['tasks'][number];

/** Task states that put a signature on paper; pending, cancelled, delegated and withdrawn do not. */
const SIGNED = new Set(['approved', 'rejected', 'returned', 'recorded', 'read']);

const OPINION_BY_STATUS: Record<string, string> = { rejected: '不同意', returned: '退回', read: '已阅' };

/**
 * What a paper form is filled from: for each step, the signatures of its last round in order
 * (an earlier round was superseded by a return or a withdrawal), each with the signer, for
 * whom they signed, what they wrote (or the step's verb when they wrote nothing) and the day.
 */
export function toPrintable(d: InstanceDetail): PrintableInstance {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    applicant: d.applicant,
    form: d.form,
    facts: d.facts,
    submittedAt: d.submittedAt,
    completedAt: d.completedAt,
    steps: d.steps.map((s) => {
      const last = Math.max(0, ...s.tasks.map((t) => t.round));
      const since = resetAt(d, s.index);
      return {
        id: s.id,
        name: s.name,
        verbLabel: s.verbLabel,
        signatures: s.tasks
          .filter((t) => t.round === last && SIGNED.has(t.status) && (!since || (t.decidedAt !== null && t.decidedAt >= since)))
          .map((t) => signature(t, s.verbLabel)),
      };
    }),
  };
}

/**
 * When the step's earlier signatures stopped counting: the last resubmission, or the last
 * return to this step or before it. A later step not yet reached again keeps its old round,
 * which must not appear on the form as if it had been signed for the current request.
 */
function resetAt(d: InstanceDetail, stepIndex: number): string | null {
  let since: string | null = null;
  for (const e of d.trail) {
    const toStep = e.detail?.toStep;
    const resets = e.action === 'resubmit' || (e.action === 'return' && typeof toStep === 'number' && stepIndex >= toStep);
    if (resets && (!since || e.at > since)) since = e.at;
  }
  return since;
}

function signature(t: Task, verbLabel: string): PrintableInstance['steps'][number]['signatures'][number] {
  const ext = t.external as { approver?: string; decision?: string; documentRef?: string; decidedOn?: string } | null;
  const name = t.decidedByName ?? t.assigneeName;
  // A stand-in acting on the absent assignee's own task signs for the assignee.
  const onBehalfOf = t.decidedByName && t.decidedByName !== t.assigneeName ? t.assigneeName : t.onBehalfOfName;
  const externalOpinion = ext ? `${ext.approver ?? ''}${ext.decision === 'reject' ? '不同意' : '同意'}（${ext.documentRef ?? ''}）` : null;
  return {
    name,
    onBehalfOf,
    opinion: t.comment?.trim() || externalOpinion || OPINION_BY_STATUS[t.status] || verbLabel,
    decidedAt: chineseDate(ext?.decidedOn ?? t.decidedAt),
    status: t.status,
    external: t.external,
  };
}

/** The instance as the office's paper form (PDF), for whoever may see the instance; audited. */
export async function printInstance(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const detail = await instanceDetail(ctx, id);
  const def = definitionOf({ definition_key: detail.definitionKey, definition_version: detail.definitionVersion });
  if (!def.printForm) throw new AppError('NOT_FOUND', 404, `“${def.name}”没有纸质审批表，无法打印`);
  const spec = def.printForm(toPrintable(detail));
  const pdf = await renderFormPdf(spec);
  await audit(ctx, { event: 'flow.print', objectType: 'flow_instance', objectId: id, detail: { definitionKey: def.key, title: detail.title, form: spec.title } });
  return { pdf, fileName: `${def.name}审批表-${detail.title}.pdf` };
}
