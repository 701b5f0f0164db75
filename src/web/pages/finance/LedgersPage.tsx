import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Space, Table, Tabs } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, TIER_LABEL, yuan, type ClaimRow } from './labels';

/** 财务台账: claims, receptions and the splitting flags, each exportable as XLSX. */
interface ReceptionRow { id: string; year: number; seq: number; unitName: string | null; guestUnit: string; visitStart: string; guests: number; status: string; flowInstanceId: string; listReviewedBy: string | null }
interface SplitFlag { id: string; unitName: string | null; payee: string; totalFen: number; message: string; createdAt: string }

export default function LedgersPage() {
  const [claims, setClaims] = useState<ClaimRow[]>([]);
  const [receptions, setReceptions] = useState<ReceptionRow[]>([]);
  const [flags, setFlags] = useState<SplitFlag[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<{ items: ClaimRow[] }>('/finance/claims?scope=all').then((r) => setClaims(r.items), setError);
    api.get<{ items: ReceptionRow[] }>('/finance/receptions?scope=all').then((r) => setReceptions(r.items), setError);
    api.get<{ items: SplitFlag[] }>('/finance/split-flags').then((r) => setFlags(r.items), setError);
  }, []);
  return (
    <Card title="财务台账">
      <ErrorAlert error={error} />
      {flags.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`化整为零预警 ${flags.length} 条`} description={flags.slice(0, 5).map((f) => <div key={f.id}>{f.message}</div>)} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button href={downloadUrl('/finance/ledger/procurements.xlsx')}>导出物资采购台账（XLSX）</Button>
        <Button href={downloadUrl('/finance/ledger/meeting-budgets.xlsx')}>导出会议培训费台账（XLSX）</Button>
        <Button href={downloadUrl('/finance/ledger/prints.xlsx')}>导出印刷品台账（XLSX）</Button>
      </Space>
      <Tabs items={[
        {
          key: 'claims', label: '报销台账', children: (
            <>
              <Space style={{ marginBottom: 12 }}><Button href={downloadUrl('/finance/ledger/claims.xlsx')}>导出报销台账（XLSX）</Button></Space>
              <Table rowKey="id" dataSource={claims} pagination={{ pageSize: 20 }} columns={[
                { title: '填报日期', dataIndex: 'submittedOn' }, { title: '承办部门', dataIndex: 'unitName' }, { title: '经手人', dataIndex: 'personName' },
                { title: '费用类别', dataIndex: 'categoryLabel' }, { title: '审批类别', dataIndex: 'tier', render: (v: string) => TIER_LABEL[v] ?? v },
                { title: '收款人', dataIndex: 'payee' }, { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
                { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
                { title: '', render: (_: unknown, r: ClaimRow) => <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link> },
              ]} />
            </>
          ),
        },
        {
          key: 'receptions', label: '公务接待台账', children: (
            <>
              <Space style={{ marginBottom: 12 }}><Button href={downloadUrl('/finance/ledger/receptions.xlsx')}>导出公务接待台账（XLSX）</Button></Space>
              <Table rowKey="id" dataSource={receptions} pagination={{ pageSize: 20 }} columns={[
                { title: '编号', render: (_: unknown, r: ReceptionRow) => `${r.year}年第${r.seq}号` }, { title: '报告部门', dataIndex: 'unitName' },
                { title: '被接待单位', dataIndex: 'guestUnit' }, { title: '来白时间', dataIndex: 'visitStart' }, { title: '人数', dataIndex: 'guests' },
                { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
                { title: '接待清单', dataIndex: 'listReviewedBy', render: (v: string | null) => (v ? `已审查（${v}）` : '—') },
              ]} />
            </>
          ),
        },
      ]} />
    </Card>
  );
}
