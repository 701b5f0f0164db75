import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL } from './types';

interface Row {
  id: string;
  title: string;
  kind: string;
  effectiveStatus: string;
  docNumber: string | null;
  updatedAt: string;
}

/** 我的发文: drafts and documents the person drafted. */
export default function MyDraftsPage() {
  const [items, setItems] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => void api.get<{ items: Row[] }>('/documents/mine').then((r) => setItems(r.items), setError), []);
  return (
    <Card title="我的发文" extra={<Link to="/documents/new"><Button type="primary" data-testid="doc-new">起草发文</Button></Link>}>
      <ErrorAlert error={error} />
      <Table<Row>
        rowKey="id"
        loading={!items && !error}
        dataSource={items ?? []}
        columns={[
          { title: '标题', dataIndex: 'title', render: (v, r) => <Link to={`/documents/${r.id}`}>{v}</Link> },
          { title: '文种', dataIndex: 'kind', width: 80 },
          { title: '状态', dataIndex: 'effectiveStatus', width: 120, render: (s) => <Tag>{STATUS_LABEL[s] ?? s}</Tag> },
          { title: '发文字号', dataIndex: 'docNumber', width: 200 },
          { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: (v) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
        ]}
      />
    </Card>
  );
}
