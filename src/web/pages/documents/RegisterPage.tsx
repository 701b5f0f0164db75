import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, InputNumber, Space, Table } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

interface Row {
  id: string;
  docNumber: string;
  title: string;
  kind: string;
  unitName: string | null;
  signedByName: string | null;
  issueDate: string | null;
  disclosure: string | null;
  reprints: number;
}

/** 发文登记簿 (DOC-15): numbered documents of a year, with XLSX export. */
export default function RegisterPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [items, setItems] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => void api.get<{ items: Row[] }>(`/documents/register?year=${year}`).then((r) => setItems(r.items), setError), [year]);
  return (
    <Card
      title="发文登记簿"
      extra={
        <Space>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <a href={downloadUrl(`/documents/register.xlsx?year=${year}`)}><Button data-testid="register-xlsx">导出 XLSX</Button></a>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      <Table<Row>
        rowKey="id"
        loading={!items && !error}
        dataSource={items ?? []}
        columns={[
          { title: '发文字号', dataIndex: 'docNumber', width: 200 },
          { title: '标题', dataIndex: 'title', render: (v, r) => <Link to={`/documents/${r.id}`}>{v}</Link> },
          { title: '文种', dataIndex: 'kind', width: 70 },
          { title: '起草科室', dataIndex: 'unitName', width: 120 },
          { title: '签发人', dataIndex: 'signedByName', width: 90 },
          { title: '成文日期', dataIndex: 'issueDate', width: 110 },
          { title: '公开属性', dataIndex: 'disclosure', width: 100 },
          { title: '重印', dataIndex: 'reprints', width: 60 },
        ]}
      />
    </Card>
  );
}
