import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { StatusTag, thisYear, typeLabel } from './shared';

/** 我的假期: balances from the ledger, my requests with status, 销假 and cancellation. */
interface Balances {
  year: number;
  annual: { tierDays: number; entitledDays: number; usedDays: number; remainingDays: number; forfeited: { kind: string; code: string; triggeredOn: string }[] };
  personal: { usedDays: number; capDays: number; remainingDays: number };
  used: Record<string, number>;
  entries: { id: string; leaveType: string; entry: string; days: number; note: string; createdAt: string }[];
}

interface LeaveRow {
  id: string;
  flowInstanceId: string | null;
  type: string;
  startDate: string;
  effectiveEndDate: string;
  workingDays: number;
  chargeableDays: number;
  status: string;
  reportBackDue: string | null;
  reportedBackOn: string | null;
  reportBackLate: boolean;
}

const ENTRY = { grant: '应休', use: '使用', reversal: '退回', forfeit: '作废' } as Record<string, string>;

export default function MyLeavePage() {
  const [year, setYear] = useState(thisYear());
  const [bal, setBal] = useState<Balances | null>(null);
  const [items, setItems] = useState<LeaveRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [back, setBack] = useState<LeaveRow | null>(null);
  const toast = useErrorToast();
  const { message } = App.useApp();

  const load = useCallback(() => {
    Promise.all([api.get<Balances>(`/personnel/balances?year=${year}`), api.get<{ items: LeaveRow[] }>(`/personnel/leave?scope=mine&year=${year}`)]).then(
      ([b, l]) => { setBal(b); setItems(l.items); setError(null); },
      setError,
    );
  }, [year]);
  useEffect(load, [load]);

  async function cancel(row: LeaveRow) {
    try {
      await api.post(`/personnel/leave/${row.id}/cancel`, { reason: '本人取消' });
      message.success('已取消');
      load();
    } catch (e) {
      toast(e);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="我的假期" extra={<Space>年度 <InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} /></Space>}>
        <ErrorAlert error={error} />
        {bal && (
          <Descriptions bordered size="small" column={2} items={[
            { label: '年休假', children: `应休${bal.annual.entitledDays}天（档次${bal.annual.tierDays}天），已休${bal.annual.usedDays}天，剩余${bal.annual.remainingDays}天` },
            { label: '事假', children: `已休${bal.personal.usedDays}天，全年上限${bal.personal.capDays}天` },
            { label: '病假', children: `${bal.used.sick ?? 0}天（日历天）` },
            { label: '年休假取消', children: bal.annual.forfeited.length ? bal.annual.forfeited.map((f) => <Tag key={f.kind} color="red">{f.kind === 'next' ? 'LEAVE-10' : 'LEAVE-09'}.{f.code}（{f.triggeredOn}）</Tag>) : '无' },
          ]} />
        )}
      </Card>
      <Card title="请假记录">
        <Table rowKey="id" size="small" dataSource={items} pagination={false} columns={[
          { title: '类别', dataIndex: 'type', render: typeLabel },
          { title: '时间', render: (_, r) => `${r.startDate} 至 ${r.effectiveEndDate}` },
          { title: '工作日', dataIndex: 'workingDays' },
          { title: '计假天数', dataIndex: 'chargeableDays' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: '销假', render: (_, r) => r.reportedBackOn ? <span>{r.reportedBackOn}{r.reportBackLate && <Tag color="orange" style={{ marginLeft: 4 }}>逾期</Tag>}</span> : r.reportBackDue ? `请于${r.reportBackDue}前销假` : '' },
          { title: '操作', render: (_, r) => (
            <Space>
              {r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批详情</Link>}
              {r.status === 'approved' && !r.reportedBackOn && <Button size="small" type="primary" onClick={() => setBack(r)}>销假</Button>}
              {(r.status === 'pending' || r.status === 'approved') && !r.reportedBackOn && <Button size="small" onClick={() => cancel(r)}>{r.status === 'pending' ? '撤回' : '取消'}</Button>}
            </Space>
          ) },
        ]} />
      </Card>
      {bal && (
        <Card title="假期台账" size="small">
          <Table rowKey="id" size="small" dataSource={bal.entries} pagination={false} columns={[
            { title: '类别', dataIndex: 'leaveType', render: typeLabel },
            { title: '事项', dataIndex: 'entry', render: (e: string) => ENTRY[e] ?? e },
            { title: '天数', dataIndex: 'days' },
            { title: '说明', dataIndex: 'note' },
          ]} />
        </Card>
      )}
      {back && <ReportBack row={back} onClose={() => { setBack(null); load(); }} />}
    </Space>
  );
}

function ReportBack({ row, onClose }: { row: LeaveRow; onClose: () => void }) {
  const [returnedOn, setReturnedOn] = useState(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  const [mode, setMode] = useState('in_person');
  const [error, setError] = useState<unknown>(null);
  async function ok() {
    try {
      await api.post(`/personnel/leave/${row.id}/report-back`, { returnedOn, mode });
      onClose();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Modal open title="销假" onOk={ok} onCancel={onClose} okText="确认销假">
      <ErrorAlert error={error} />
      <Typography.Paragraph>假期 {row.startDate} 至 {row.effectiveEndDate}，销假期限 {row.reportBackDue}（假满后第一个工作日）。逾期销假只作统计；假满后未按时到岗的按旷工认定。</Typography.Paragraph>
      <Space direction="vertical">
        <span>到岗日期：<Input type="date" value={returnedOn} onChange={(e) => setReturnedOn(e.target.value)} style={{ width: 180 }} /></span>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={[{ value: 'in_person', label: '当面销假' }, { value: 'phone', label: '电话销假' }]} />
      </Space>
    </Modal>
  );
}
