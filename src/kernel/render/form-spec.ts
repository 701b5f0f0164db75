/**
 * A paper approval form (请销假审批表, 公出审批单, 报销单 …) as data. kernel/render draws it
 * as a bordered table on A4 with CJK fonts embedded; each flow definition maps an instance
 * to one of these (FlowDefinition.printForm).
 */
export type FormRow =
  /** A row of label/value cells; spans are relative widths (default 1 each). */
  | { kind: 'fields'; cells: { label: string; value: string; span?: number }[] }
  /** A labelled block of free text (事由, 备注 …). */
  | { kind: 'text'; label: string; value: string; minHeight?: number }
  /** A signature box: the step's title, what the signer wrote, who and when. */
  | { kind: 'signature'; label: string; opinion: string; signer: string; date: string; onBehalfOf?: string; minHeight?: number };

export interface FormSpec {
  /** Heading, e.g. 白城市扶贫开发办公室请销假审批表 */
  title: string;
  /** Line under the heading (编号, 填表日期 …). */
  subtitle?: string;
  rows: FormRow[];
  /** Small print under the table (说明 / 注). */
  notes?: string[];
}
