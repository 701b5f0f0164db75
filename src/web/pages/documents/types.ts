/** Shapes of /api/v1/documents responses used by the pages. */
export interface Meta {
  kinds: string[];
  directions: Record<string, string>;
  categories: Record<string, string>;
  reasons: Record<string, string>;
  units: { id: string; name: string }[];
  signers: { id: string; name: string; posts: string }[];
}

export interface DocDetail {
  id: string;
  status: string;
  kind: string;
  direction: string;
  category: string;
  title: string;
  mainRecipients: string[];
  ccRecipients: string[];
  body: { level: number; text: string }[];
  attachments: { title: string; attribute: string | null; ready: boolean }[];
  urgency: string;
  disclosure: string | null;
  disclosureMethod: string | null;
  nonDisclosureReasonCode: string | null;
  nonDisclosureReasonText: string | null;
  isForwarding: boolean;
  forwardedSourceAttribute: string | null;
  forwardingDeviationReason: string | null;
  isImportant: boolean;
  counterpartSignerLevel: string | null;
  countersignUnitIds: string[];
  proposedSignerId: string | null;
  proposedSignerName: string | null;
  requestedSignBy: string | null;
  note: string | null;
  flowInstanceId: string | null;
  flowStatus: string | null;
  signedByName: string | null;
  issueDate: string | null;
  docNumber: string | null;
  drafterName: string | null;
  draftingUnitName: string | null;
  drafterPersonId: string;
  requiredSigner: string;
  goReview: { passed?: boolean; reasons?: string[] } | null;
  reprints: number;
  reprintList: { id: string; reason: string; majorChange: boolean; status: string; requestedAt: string }[];
}

export const STATUS_LABEL: Record<string, string> = {
  draft: '起草中',
  in_review: '审签中',
  returned: '已退回',
  signed: '已签发',
  numbered: '已编号',
  resign_required: '重印待重新签发',
  rejected: '未通过',
  withdrawn: '已撤回',
};
