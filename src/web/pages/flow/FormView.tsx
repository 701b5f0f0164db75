import { Suspense } from 'react';
import { Descriptions, Empty, Spin } from 'antd';
import { fieldLabelsFor, formRendererFor } from './renderers';
import type { InstanceDetail } from './types';

/** Labels for field names many flows share; a flow registers its own with registerFieldLabels. */
const COMMON_LABELS: Record<string, string> = {
  reason: '事由',
  days: '天数',
  workingDays: '工作日天数',
  startDate: '开始日期',
  endDate: '结束日期',
  destination: '目的地',
  amountFen: '金额（元）',
  note: '备注',
  kind: '类别',
  type: '类别',
};

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  // Money is kept in fen (分); show yuan.
  if (typeof value === 'number' && /Fen$/.test(key)) return (value / 100).toFixed(2);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function items(definitionKey: string, data: Record<string, unknown>) {
  const labels = { ...COMMON_LABELS, ...fieldLabelsFor(definitionKey) };
  return Object.entries(data).map(([k, v]) => ({ key: k, label: labels[k] ?? k, children: <span style={{ whiteSpace: 'pre-wrap' }}>{show(k, v)}</span> }));
}

/** The request's form (and the facts derived at submission), by the flow's renderer if it has one. */
export function FormView({ detail }: { detail: InstanceDetail }) {
  const Custom = formRendererFor(detail.definitionKey);
  if (Custom) {
    return (
      <Suspense fallback={<Spin />}>
        <Custom detail={detail} />
      </Suspense>
    );
  }
  const form = items(detail.definitionKey, detail.form);
  const facts = items(detail.definitionKey, detail.facts);
  if (form.length === 0 && facts.length === 0) return <Empty description="无填报内容" />;
  return (
    <>
      {form.length > 0 && <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={form} data-testid="flow-form" />}
      {facts.length > 0 && <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title="系统核算" items={facts} style={{ marginTop: 16 }} />}
    </>
  );
}
