import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { eventLabel, OUTCOMES } from './labels';
import { VerifyPanel } from './VerifyPanel';

interface AuditEvent {
  id: number;
  atLocal: string;
  actorUsername: string | null;
  actorRole: string | null;
  sourceIp: string | null;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  requestId: string | null;
  detail: Record<string, unknown> | null;
  seq: number | null;
}

interface FormValues {
  range?: [Dayjs, Dayjs] | null;
  actor?: string;
  event?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
}

type Filter = Record<string, string>;

/** Form values → query parameters; dates are the office's local dates (the server reads them in Asia/Shanghai). */
function toFilter(v: FormValues): Filter {
  const f: Filter = {};
  if (v.range?.[0]) f.from = v.range[0].format('YYYY-MM-DD');
  if (v.range?.[1]) f.to = v.range[1].format('YYYY-MM-DD');
  for (const k of ['actor', 'event', 'objectType', 'objectId', 'outcome'] as const) {
    const s = v[k]?.trim();
    if (s) f[k] = s;
  }
  return f;
}

const columns: ColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'atLocal', width: 170 },
  {
    title: '操作人',
    dataIndex: 'actorUsername',
    width: 120,
    ellipsis: true,
    render: (v: string | null, r) => (v ? <span title={r.actorRole ?? ''}>{v}</span> : <Typography.Text type="secondary">系统</Typography.Text>),
  },
  {
    title: '事件',
    dataIndex: 'event',
    width: 280,
    ellipsis: true,
    render: (v: string) => (
      <span title={v}>
        {eventLabel(v)}
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {v}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: '对象',
    key: 'object',
    ellipsis: { showTitle: true },
    render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` / ${r.objectId}` : ''}` : '—'),
  },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 70,
    render: (v: string) => <Tag color={OUTCOMES[v]?.color}>{OUTCOMES[v]?.label ?? v}</Tag>,
  },
  { title: '来源地址', dataIndex: 'sourceIp', width: 130, ellipsis: true },
  {
    title: '链序号',
    dataIndex: 'seq',
    width: 80,
    render: (v: number | null) => (v === null ? <Tag>待封存</Tag> : v),
  },
];


/** 审计日志: the 审计管理员's query, export and integrity check (security.md §3.2–3.3). */
export default function AuditPage() {
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ total: number; items: AuditEvent[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const qs = new URLSearchParams({ ...filter, page: String(page), pageSize: String(pageSize) });
      setData(await api.get<{ total: number; items: AuditEvent[] }>(`/audit/events?${qs}`));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [filter, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  const search = (v: FormValues) => {
    setPage(1);
    setFilter(toFilter(v));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        审计日志
      </Typography.Title>
      <Card size="small">
        <VerifyPanel />
      </Card>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }}>
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input placeholder="登录名" allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="event" label="事件">
            <Input placeholder="前缀，如 auth." allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="objectType" label="对象类型">
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="objectId" label="对象编号">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Select
              allowClear
              style={{ width: 100 }}
              options={Object.entries(OUTCOMES).map(([value, o]) => ({ value, label: o.label }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  search({});
                }}
              >
                重置
              </Button>
              <Button icon={<DownloadOutlined />} href={downloadUrl(`/audit/events.xlsx?${new URLSearchParams(filter)}`)}>
                导出 Excel
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" size={2}>
              <span>角色：{r.actorRole || '—'}</span>
              <span>请求编号：{r.requestId || '—'}</span>
              <span>
                详情：<code style={{ whiteSpace: 'pre-wrap' }}>{r.detail ? JSON.stringify(r.detail, null, 2) : '—'}</code>
              </span>
            </Space>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Space>
  );
}
