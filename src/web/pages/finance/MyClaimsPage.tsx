import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, TIER_LABEL, yuan, type ClaimRow } from './labels';

/** 我的报销: own claims with their chain status and the printable claim. */
export default function MyClaimsPage() {
  const [items, setItems] = useState<ClaimRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<{ items: ClaimRow[] }>('/finance/claims?scope=mine').then((r) => setItems(r.items), setError);
  }, []);
  return (
    <Card title="我的报销" extra={<Link to="/finance/claims/new">新建报销</Link>}>
      <ErrorAlert error={error} />
      <Table rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '填报日期', dataIndex: 'submittedOn' },
        { title: '费用类别', dataIndex: 'categoryLabel' },
        { title: '审批类别', dataIndex: 'tier', render: (v: string) => TIER_LABEL[v] ?? v },
        { title: '收款人', dataIndex: 'payee' },
        { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
        { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'approved' ? 'green' : v === 'pending' ? 'blue' : 'default'}>{STATUS_LABEL[v] ?? v}</Tag> },
        { title: '操作', render: (_: unknown, r: ClaimRow) => <><Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link>　<a href={downloadUrl(`/flow/instances/${r.flowInstanceId}/form.pdf`)} target="_blank" rel="noreferrer">打印</a></> },
      ]} />
    </Card>
  );
}
