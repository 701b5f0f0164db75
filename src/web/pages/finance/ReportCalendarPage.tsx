import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';

/**
 * 报表报送日历 (FIN-18): the reports the finance function sends, when and to whom; reminders a few
 * working days before the due date, the overdue list, and each sending recorded with date and reference.
 */
interface Entry { id: string; name: string; recipient: string; firstDueOn: string; recurrence: string; responsibleName: string; note: string | null; active: boolean }
interface Occurrence { entryId: string; name: string; recipient: string; recurrence: string; responsibleName: string; dueOn: string; remindFrom: string | null; state: string; sentOn: string | null; reference: string | null }
const RECURRENCE: Record<string, string> = { once: '一次性', monthly: '每月', quarterly: '每季度', yearly: '每年' };
const STATE: Record<string, { label: string; color: string }> = {
  sent: { label: '已报送', color: 'green' }, upcoming: { label: '未到期', color: 'default' }, approaching: { label: '即将到期', color: 'orange' }, overdue: { label: '已逾期', color: 'red' },
};
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

export default function ReportCalendarPage() {
  const [form] = Form.useForm();
  const [sentForm] = Form.useForm();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [occurrences, setOccurrences] = useState<Occurrence[]>([]);
  const [marking, setMarking] = useState<Occurrence | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { can } = useAuth();
  const finance = can('finance.cash');
  const { message } = App.useApp();
  const load = () => api.get<{ entries: Entry[]; occurrences: Occurrence[] }>('/finance/report-calendar').then((r) => { setEntries(r.entries); setOccurrences(r.occurrences); }, setError);
  useEffect(() => { load(); }, []);

  async function create() {
    try {
      const v = await form.validateFields();
      await api.post('/finance/report-calendar', { name: v.name, recipient: v.recipient, firstDueOn: v.firstDueOn, recurrence: v.recurrence, note: v.note || undefined });
      message.success('已登记报表');
      form.resetFields();
      setError(null);
      load();
    } catch (e) { setError(e); }
  }
  async function markSent() {
    if (!marking) return;
    try {
      const v = await sentForm.validateFields();
      const r = await api.post<{ late: boolean }>(`/finance/report-calendar/${marking.entryId}/sent`, { dueOn: marking.dueOn, sentOn: v.sentOn, reference: v.reference, note: v.note || undefined });
      message.success(r.late ? '已登记报送（逾期报送）' : '已登记报送');
      setMarking(null);
      load();
    } catch (e) { setError(e); setMarking(null); }
  }
  async function deactivate(id: string) {
    try { await api.post(`/finance/report-calendar/${id}/deactivate`); load(); } catch (e) { setError(e); }
  }

  const open = occurrences.filter((o) => o.state !== 'sent');
  const overdue = occurrences.filter((o) => o.state === 'overdue');
  const approaching = occurrences.filter((o) => o.state === 'approaching');
  const occColumns = [
    { title: '报表名称', dataIndex: 'name' }, { title: '报送单位', dataIndex: 'recipient' }, { title: '报送期限', dataIndex: 'dueOn' },
    { title: '提醒起始', dataIndex: 'remindFrom', render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'state', render: (v: string) => <Tag color={STATE[v]?.color}>{STATE[v]?.label ?? v}</Tag> },
    { title: '报送日期', dataIndex: 'sentOn', render: (v: string | null, r: Occurrence) => (v ? <>{v}{v > r.dueOn && <Tag color="red" style={{ marginLeft: 4 }}>逾期报送</Tag>}</> : '—') },
    { title: '文号/回执', dataIndex: 'reference' }, { title: '责任人', dataIndex: 'responsibleName' },
    { title: '', render: (_: unknown, r: Occurrence) => finance && r.state !== 'sent' && <Button size="small" onClick={() => { sentForm.setFieldsValue({ sentOn: today(), reference: '', note: '' }); setMarking(r); }}>登记报送</Button> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {overdue.length > 0 && <Alert type="error" showIcon title={`逾期未报送 ${overdue.length} 项（FIN-18）`} description={overdue.map((o) => <div key={`${o.entryId}${o.dueOn}`}>{o.name}（报{o.recipient}，期限{o.dueOn}）</div>)} />}
      {approaching.length > 0 && <Alert type="warning" showIcon title={`即将到期 ${approaching.length} 项`} description={approaching.map((o) => <div key={`${o.entryId}${o.dueOn}`}>{o.name}：{o.dueOn}前报送{o.recipient}</div>)} />}
      <ErrorAlert error={error} />
      {finance && (
        <Card title="登记需报送的报表">
          <Typography.Paragraph type="secondary">财务科要加强内部管理，严格执行财经纪律和核算程序，按时向有关单位报送各类报表（财务管理制度七（三））。到期前按工作日提醒责任人，逾期同时报财务负责人。</Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ recurrence: 'monthly' }}>
            <Space wrap>
              <Form.Item label="报表名称" name="name" rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
              <Form.Item label="报送单位" name="recipient" rules={[{ required: true }]}><Input style={{ width: 200 }} /></Form.Item>
              <Form.Item label="（首次）报送期限" name="firstDueOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item label="周期" name="recurrence" rules={[{ required: true }]}><Select style={{ width: 120 }} options={Object.entries(RECURRENCE).map(([value, label]) => ({ value, label }))} /></Form.Item>
              <Form.Item label="备注" name="note"><Input /></Form.Item>
            </Space>
            <Button type="primary" onClick={create}>登记</Button>
          </Form>
        </Card>
      )}
      <Card title="报表报送日历" extra={<Button href={downloadUrl('/finance/ledger/report-calendar.xlsx')}>导出报送记录（XLSX）</Button>}>
        <Tabs items={[
          { key: 'open', label: `待报送（${open.length}）`, children: <Table rowKey={(r) => `${r.entryId}:${r.dueOn}`} dataSource={open} pagination={{ pageSize: 20 }} columns={occColumns} /> },
          { key: 'all', label: '全部期次', children: <Table rowKey={(r) => `${r.entryId}:${r.dueOn}`} dataSource={[...occurrences].reverse()} pagination={{ pageSize: 20 }} columns={occColumns} /> },
          { key: 'entries', label: '报表目录', children: <Table rowKey="id" dataSource={entries} pagination={false} columns={[
            { title: '报表名称', dataIndex: 'name' }, { title: '报送单位', dataIndex: 'recipient' }, { title: '周期', dataIndex: 'recurrence', render: (v: string) => RECURRENCE[v] ?? v },
            { title: '首次期限', dataIndex: 'firstDueOn' }, { title: '责任人', dataIndex: 'responsibleName' }, { title: '备注', dataIndex: 'note' },
            { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '在用' : '已停用') },
            { title: '', render: (_: unknown, r: Entry) => finance && r.active && <Button size="small" onClick={() => deactivate(r.id)}>停用</Button> },
          ]} /> },
        ]} />
      </Card>
      <Modal open={!!marking} title={`登记报送：${marking?.name ?? ''}（期限${marking?.dueOn ?? ''}）`} onCancel={() => setMarking(null)} onOk={markSent} okText="登记">
        <Form form={sentForm} layout="vertical">
          <Form.Item label="报送日期" name="sentOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="报送文号或回执编号" name="reference" rules={[{ required: true, message: '请填写报送文号或回执编号' }]}><Input /></Form.Item>
          <Form.Item label="备注" name="note"><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
