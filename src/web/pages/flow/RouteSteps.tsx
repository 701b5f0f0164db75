import { Space, Steps, Tag, Typography } from 'antd';
import { ORIGIN_LABEL, TASK_STATUS, formatTime, officeToday } from './labels';
import type { FlowStep, FlowTask, InstanceDetail } from './types';

const KIND_LABEL: Record<string, string> = { countersign: '会签', anyOne: '或签', notify: '传阅', external: '外部审批' };

function stepStatus(step: FlowStep, d: InstanceDetail): 'wait' | 'process' | 'finish' | 'error' {
  const last = Math.max(0, ...step.tasks.map((t) => t.round));
  const tasks = step.tasks.filter((t) => t.round === last);
  if (tasks.some((t) => t.status === 'rejected')) return 'error';
  if (d.status === 'running' && d.currentStep === step.index) return 'process';
  if (tasks.some((t) => ['approved', 'recorded', 'read'].includes(t.status)) || (d.currentStep !== null && step.index < d.currentStep)) return 'finish';
  return 'wait';
}

function TaskLine({ task, today }: { task: FlowTask; today: string }) {
  const st = TASK_STATUS[task.status] ?? { label: task.status, color: 'default' };
  const overdue = task.status === 'pending' && task.dueDate !== null && task.dueDate < today;
  const signer = task.decidedByName && task.decidedByName !== task.assigneeName ? `${task.decidedByName}（代 ${task.assigneeName}）` : task.onBehalfOfName ? `${task.assigneeName}（代 ${task.onBehalfOfName}）` : task.assigneeName;
  return (
    <div data-testid="flow-task" style={{ marginBottom: 6 }}>
      <Space size={4} wrap>
        <Typography.Text strong>{signer}</Typography.Text>
        {ORIGIN_LABEL[task.origin] && <Tag>{ORIGIN_LABEL[task.origin]}</Tag>}
        {task.round > 1 && <Tag>第{task.round}轮</Tag>}
        <Tag color={st.color}>{st.label}</Tag>
        {task.status === 'pending' && task.dueDate && <Typography.Text type="secondary">办理期限 {task.dueDate}</Typography.Text>}
        {overdue && <Tag color="red">逾期</Tag>}
        {task.decidedAt && <Typography.Text type="secondary">{formatTime(task.decidedAt)}</Typography.Text>}
      </Space>
      {task.comment && <div style={{ whiteSpace: 'pre-wrap', color: '#333' }}>意见：{task.comment}</div>}
      {task.external && <ExternalNote ext={task.external} />}
    </div>
  );
}

function ExternalNote({ ext }: { ext: Record<string, unknown> }) {
  return (
    <div style={{ color: '#333' }}>
      外部审批：{String(ext.approver ?? '')} {ext.decision === 'reject' ? '不同意' : '同意'}，依据 {String(ext.documentRef ?? '')}，{String(ext.decidedOn ?? '')}
    </div>
  );
}

/** The route as frozen at submission: each step with its approvers, deadlines and signatures. */
export function RouteSteps({ detail }: { detail: InstanceDetail }) {
  const today = officeToday();
  return (
    <Steps
      orientation="vertical"
      size="small"
      data-testid="flow-steps"
      items={detail.steps.map((s) => ({
        key: s.index,
        status: stepStatus(s, detail),
        title: (
          <Space size={4}>
            {s.name}
            {KIND_LABEL[s.kind] && <Tag>{KIND_LABEL[s.kind]}</Tag>}
          </Space>
        ),
        content: s.tasks.length ? s.tasks.map((t) => <TaskLine key={t.id} task={t} today={today} />) : <Typography.Text type="secondary">尚未开始</Typography.Text>,
      }))}
    />
  );
}
