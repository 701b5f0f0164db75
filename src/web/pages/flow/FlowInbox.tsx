import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { INSTANCE_STATUS, formatTime } from './labels';
import type { Box, FlowCounts, InboxItem } from './types';

const BOXES: { key: Box; label: string }[] = [
  { key: 'todo', label: '待办' },
  { key: 'done', label: '已办' },
  { key: 'mine', label: '我发起的' },
  { key: 'toread', label: '待阅' },
];

export interface FlowInboxProps {
  /** Flow types for the filter (definition key → Chinese name); the filter is hidden when empty. */
  flowTypes?: { key: string; name: string }[];
  pageSize?: number;
}

function columns(box: Box): ColumnsType<InboxItem> {
  const title = {
    title: '事项',
    dataIndex: 'title',
    render: (t: string, r: InboxItem) => (
      <Link to={`/flow/instances/${r.instanceId}`} data-testid="inbox-item">
        {t}
      </Link>
    ),
  };
  const applicant = { title: '申请人', dataIndex: 'applicantName', width: 100 };
  const step = { title: box === 'mine' ? '当前环节' : '环节', dataIndex: 'stepName', width: 150, render: (s: string | null) => s ?? '—' };
  const status = {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (s: string) => <Tag color={INSTANCE_STATUS[s]?.color}>{INSTANCE_STATUS[s]?.label ?? s}</Tag>,
  };
  const submitted = { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: formatTime };
  const due = {
    title: '办理期限',
    dataIndex: 'dueDate',
    width: 150,
    render: (d: string | null, r: InboxItem) => (
      <Space size={4}>
        {d ?? '—'}
        {r.overdue && (
          <Tag color="red" data-testid="inbox-overdue">
            逾期
          </Tag>
        )}
      </Space>
    ),
  };
  const decided = { title: '办理时间', dataIndex: 'decidedAt', width: 150, render: formatTime };
  if (box === 'todo') return [title, applicant, step, submitted, due];
  if (box === 'done') return [title, applicant, step, decided, status];
  if (box === 'mine') return [title, step, submitted, status];
  return [title, applicant, submitted, status];
}

/** 工作台: 待办 / 已办 / 我发起的 / 待阅, with search, a flow-type filter, paging and counts. */
export function FlowInbox({ flowTypes = [], pageSize = 10 }: FlowInboxProps) {
  const [box, setBox] = useState<Box>('todo');
  const [q, setQ] = useState('');
  const [key, setKey] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: InboxItem[]; total: number } | null>(null);
  const [counts, setCounts] = useState<FlowCounts | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    const params = new URLSearchParams({ box, page: String(page), pageSize: String(pageSize) });
    if (q.trim()) params.set('q', q.trim());
    if (key) params.set('key', key);
    setData(null);
    api.get<{ items: InboxItem[]; total: number }>(`/flow/inbox?${params}`).then(setData, setError);
    api.get<FlowCounts>('/flow/counts').then(setCounts, () => undefined);
  }, [box, page, pageSize, q, key]);
  useEffect(load, [load]);

  const tabLabel = (b: Box, label: string) => {
    const n = b === 'todo' ? counts?.todo : b === 'toread' ? counts?.toread : undefined;
    return (
      <span data-testid={`inbox-tab-${b}`}>
        {label}
        {n ? <Badge count={n} size="small" style={{ marginLeft: 6 }} color={b === 'todo' && counts?.overdue ? 'red' : undefined} /> : null}
      </span>
    );
  };

  return (
    <div data-testid="flow-inbox">
      <Tabs
        activeKey={box}
        onChange={(k) => {
          setBox(k as Box);
          setPage(1);
        }}
        items={BOXES.map((b) => ({ key: b.key, label: tabLabel(b.key, b.label) }))}
        tabBarExtraContent={
          <Space>
            {flowTypes.length > 0 && (
              <Select
                allowClear
                placeholder="审批类型"
                style={{ width: 160 }}
                value={key}
                onChange={(v) => {
                  setKey(v);
                  setPage(1);
                }}
                options={flowTypes.map((f) => ({ value: f.key, label: f.name }))}
                data-testid="inbox-type"
              />
            )}
            <Input.Search
              allowClear
              placeholder="搜索事项"
              style={{ width: 200 }}
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              data-testid="inbox-search"
            />
          </Space>
        }
      />
      <ErrorAlert error={error} />
      <Table<InboxItem>
        rowKey={(r) => `${r.instanceId}:${r.taskId ?? ''}`}
        size="middle"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        columns={columns(box)}
        locale={{ emptyText: box === 'todo' ? '没有待办事项' : '暂无记录' }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
      />
    </div>
  );
}
