import { Alert, Space, Steps, Tag } from 'antd';
import type { ApiError } from '../../lib/api';

/** Pieces shared by the personnel pages: labels, the computed route, rule warnings. */
export const LEAVE_TYPES: { value: string; label: string }[] = [
  { value: 'personal', label: '事假' },
  { value: 'annual', label: '年休假' },
  { value: 'sick', label: '病假' },
  { value: 'special', label: '特殊事假' },
  { value: 'marriage', label: '婚假' },
  { value: 'bereavement', label: '丧假' },
  { value: 'maternity', label: '产假' },
  { value: 'paternity', label: '护理假' },
];
export const typeLabel = (v: string) => LEAVE_TYPES.find((t) => t.value === v)?.label ?? v;

export const STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '审批中', color: 'processing' },
  approved: { text: '已批准', color: 'success' },
  rejected: { text: '未批准', color: 'error' },
  withdrawn: { text: '已撤回', color: 'default' },
  returned: { text: '退回修改', color: 'warning' },
  cancelled: { text: '已取消', color: 'default' },
};
export const StatusTag = ({ status }: { status: string }) => <Tag color={STATUS[status]?.color}>{STATUS[status]?.text ?? status}</Tag>;

export interface Flag {
  outcome: 'warn' | 'block';
  ruleId: string;
  cite: string;
  message: string;
}

export interface RouteStep {
  id: string;
  name: string;
  verbLabel: string;
  approvers: string[];
  problem?: string;
}

export function RouteView({ route }: { route: RouteStep[] }) {
  return (
    <Steps
      size="small"
      current={-1}
      items={route.map((s) => ({
        title: s.name,
        description: s.problem ? <span style={{ color: '#cf1322' }}>{s.problem}</span> : `${s.approvers.join('、')}（${s.verbLabel}）`,
      }))}
    />
  );
}

export function Flags({ flags }: { flags: Flag[] }) {
  if (!flags.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {flags.map((f, i) => (
        <Alert key={i} type={f.outcome === 'block' ? 'error' : 'warning'} showIcon title={f.message} description={`制度依据：${f.ruleId} ${f.cite}`} />
      ))}
    </Space>
  );
}

/** Warnings the server wants acknowledged (422 RULE_WARNING), from an ApiError. */
export function warningsOf(err: unknown): Flag[] {
  const e = err as ApiError;
  if (e?.code !== 'RULE_WARNING') return [];
  return ((e.details as { warnings?: Flag[] })?.warnings ?? []) as Flag[];
}

export const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
