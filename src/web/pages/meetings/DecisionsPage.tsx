import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, InputNumber, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { PersonPicker } from '../flow/PersonPicker';
import { useAct } from './useAct';

interface Decision {
  id: string;
  title: string;
  body: string;
  bodyName: string;
  meetingTitle: string;
  decidedOn: string;
  status: string;
  supersedesId: string | null;
  disclosure: string | null;
  disclosureReason: string | null;
  disclosureDueDate: string | null;
  publishedOn: string | null;
  publicationChannel: string | null;
  disclosureOverdue: boolean;
}
interface Task {
  id: string;
  title: string;
  decisionTitle: string;
  ownerName: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  reports: { id: string; body: string; at: string }[];
}

const STATUS: Record<string, { label: string; color: string }> = { in_force: { label: '有效', color: 'success' }, revoked: { label: '已撤销', color: 'default' }, superseded: { label: '已改变', color: 'warning' } };

function NewTask({ decisionId, act }: { decisionId: string; act: (c: () => Promise<unknown>) => Promise<void> }) {
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string>();
  const [days, setDays] = useState<number | null>(10);
  return (
    <Space wrap>
      <Input placeholder="督办事项" value={title} onChange={(e) => setTitle(e.target.value)} data-testid={`task-title-${decisionId}`} />
      <div style={{ width: 220 }}><PersonPicker value={ownerId} onChange={setOwnerId} testId={`task-owner-${decisionId}`} /></div>
      <InputNumber min={1} value={days} onChange={setDays} addonAfter="个工作日" data-testid={`task-days-${decisionId}`} />
      <Button data-testid={`task-create-${decisionId}`} onClick={() => act(() => api.post(`/meetings/decisions/${decisionId}/tasks`, { title, ownerId, dueWorkingDays: days ?? undefined }))}>分解督办</Button>
    </Space>
  );
}

/** WR-13 / SZYD-31: the 公开属性, the due date of a 主动公开 decision and its publication, recorded by 综合科. */
function DisclosureCell({ d, act }: { d: Decision; act: (c: () => Promise<unknown>) => Promise<void> }) {
  const [channel, setChannel] = useState('');
  if (!d.disclosure) return <Tag color="red">未确定（WR-13）</Tag>;
  if (d.disclosure !== '主动公开') return <Tag>{d.disclosure}{d.disclosureReason ? `：${d.disclosureReason}` : ''}</Tag>;
  if (d.publishedOn) return <span>已于 {d.publishedOn} 通过{d.publicationChannel}公开</span>;
  return (
    <Space wrap>
      <span>主动公开，应于 {d.disclosureDueDate} 前公开{d.disclosureOverdue && <Tag color="red" style={{ marginLeft: 6 }}>逾期</Tag>}</span>
      <Input size="small" placeholder="公开渠道" style={{ width: 120 }} value={channel} onChange={(e) => setChannel(e.target.value)} data-testid={`publish-channel-${d.id}`} />
      <Button size="small" data-testid={`publish-${d.id}`} onClick={() => act(() => api.post(`/meetings/decisions/${d.id}/publication`, { channel }))}>登记公开</Button>
    </Space>
  );
}

/** 会议决定 and 落实情况: decisions with their status, tasks with deadlines, progress and closing (SZYD-30, SZYD-35). */
export default function DecisionsPage() {
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [report, setReport] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    api.get<{ decisions: Decision[] }>('/meetings/decisions').then((r) => setDecisions(r.decisions), () => undefined);
    api.get<{ tasks: Task[] }>('/meetings/followups').then((r) => setTasks(r.tasks), () => undefined);
  }, []);
  useEffect(load, [load]);
  const { error, act } = useAct(load);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card title="会议决定（改变或撤销须经新的决定）">
        <Table<Decision> rowKey="id" dataSource={decisions} pagination={{ pageSize: 10 }}
          expandable={{ expandedRowRender: (d) => (d.status === 'in_force' ? <NewTask decisionId={d.id} act={act} /> : null) }}
          columns={[
            { title: '决定', dataIndex: 'title' },
            { title: '内容', dataIndex: 'body' },
            { title: '会议', render: (_, d) => `${d.bodyName} · ${d.meetingTitle}` },
            { title: '日期', dataIndex: 'decidedOn' },
            { title: '状态', dataIndex: 'status', render: (s) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag> },
            { title: '公开', render: (_, d) => <DisclosureCell d={d} act={act} /> },
          ]} />
      </Card>
      <Card title="落实情况（督办）" extra={<Button onClick={() => act(() => api.post('/meetings/followups/remind'))} data-testid="remind-overdue">逾期催办</Button>}>
        <Table<Task> rowKey="id" dataSource={tasks} pagination={{ pageSize: 10 }}
          columns={[
            { title: '督办事项', dataIndex: 'title' },
            { title: '依据决定', dataIndex: 'decisionTitle' },
            { title: '责任人', dataIndex: 'ownerName' },
            { title: '办理期限', dataIndex: 'dueDate', render: (d, t) => <span>{d}{t.overdue && <Tag color="red" style={{ marginLeft: 6 }}>逾期</Tag>}</span> },
            { title: '落实情况', render: (_, t) => t.reports.map((r) => <div key={r.id}>{r.body}</div>) },
            { title: '操作', render: (_, t) => t.status === 'done' ? <Tag color="success">已办结</Tag> : (
              <Space>
                <Input size="small" placeholder="报告落实情况" value={report[t.id] ?? ''} onChange={(e) => setReport({ ...report, [t.id]: e.target.value })} data-testid={`report-${t.id}`} />
                <Button size="small" onClick={() => act(() => api.post(`/meetings/followups/${t.id}/reports`, { body: report[t.id] }))}>报告</Button>
                <Button size="small" onClick={() => act(() => api.post(`/meetings/followups/${t.id}/close`, { note: '已办结' }))}>办结</Button>
              </Space>
            ) },
          ]} />
      </Card>
    </Space>
  );
}
