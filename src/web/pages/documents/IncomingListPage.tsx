import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';

export interface IncomingRow {
  id: string;
  status: string;
  statusLabel: string;
  registerNo: string | null;
  title: string;
  sender: string;
  senderDocNo: string | null;
  urgency: string;
  receivedOn: string;
  leaderName: string | null;
  handlingUnitName: string | null;
  effectiveDueDate: string | null;
  overdue: boolean;
  holder: string;
  lateExtension?: boolean;
}

const CHANNELS = ['机要交换', '邮政', '部门递交', '其他科室或个人转交'];
const URGENCIES = ['非紧急', '加急', '特急'];

/** 收文登记 (DOC-23..DOC-27): the register with overdue marks and who holds each document, the overdue list, XLSX. */
export default function IncomingListPage() {
  const { can } = useAuth();
  const hub = can('documents.incoming');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [items, setItems] = useState<IncomingRow[] | null>(null);
  const [overdue, setOverdue] = useState<IncomingRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<'register' | 'handover' | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void api.get<{ items: IncomingRow[] }>(`/incoming?year=${year}`).then((r) => setItems(r.items), setError);
    void api.get<{ overdue: IncomingRow[] }>('/incoming/overdue').then((r) => setOverdue(r.overdue), setError);
  }, [year]);
  useEffect(load, [load]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      receivedOn: (v.receivedOn ?? dayjs()).format('YYYY-MM-DD'),
      senderDueDate: v.senderDueDate ? v.senderDueDate.format('YYYY-MM-DD') : null,
      attachments: String(v.attachments ?? '').split('\n').map((s: string) => s.trim()).filter(Boolean).map((title: string) => ({ title })),
      complete: v.complete !== false,
    };
    setFormError(null);
    try {
      const r = await api.post<{ id: string; registerNo?: string }>(open === 'register' ? '/incoming' : '/incoming/handovers', body);
      message.success(r.registerNo ? `已登记：${r.registerNo}` : '已登记交综合科');
      setOpen(null);
      form.resetFields();
      navigate(`/documents/incoming/${r.id}`);
    } catch (e) {
      setFormError(e);
    }
  };

  const columns = [
    { title: '收文编号', dataIndex: 'registerNo', width: 170, render: (v: string | null) => v ?? '—' },
    { title: '标题', dataIndex: 'title', render: (v: string, r: IncomingRow) => <Link to={`/documents/incoming/${r.id}`} data-testid="incoming-link">{v}</Link> },
    { title: '来文单位', dataIndex: 'sender', width: 150 },
    { title: '紧急程度', dataIndex: 'urgency', width: 80, render: (v: string) => (v === '非紧急' ? v : <Tag color="orange">{v}</Tag>) },
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (v: string, r: IncomingRow) => <Space size={4}><Tag>{v}</Tag>{r.overdue && <Tag color="red" data-testid="incoming-overdue">逾期</Tag>}</Space> },
    { title: '批示领导', dataIndex: 'leaderName', width: 80 },
    { title: '承办科室', dataIndex: 'handlingUnitName', width: 110 },
    { title: '办理期限', dataIndex: 'effectiveDueDate', width: 105 },
    { title: '现持有', dataIndex: 'holder', width: 140 },
  ];

  return (
    <Card
      title="收文登记与办理"
      extra={
        <Space>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <a href={downloadUrl(`/incoming/register.xlsx?year=${year}`)}><Button data-testid="incoming-xlsx">导出收文登记簿</Button></a>
          {hub ? (
            <Button type="primary" data-testid="incoming-new" onClick={() => setOpen('register')}>签收登记</Button>
          ) : (
            <Button data-testid="incoming-handover" onClick={() => setOpen('handover')}>收到来文，交综合科</Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={error} />
      <Tabs
        items={[
          { key: 'all', label: '收文登记簿', children: <Table<IncomingRow> rowKey="id" size="small" loading={!items && !error} dataSource={items ?? []} columns={columns} /> },
          {
            key: 'overdue',
            label: `逾期清单${overdue?.length ? `（${overdue.length}）` : ''}`,
            children: (
              <Table<IncomingRow>
                rowKey="id"
                size="small"
                dataSource={overdue ?? []}
                columns={[...columns.slice(0, 3), { title: '承办科室', dataIndex: 'handlingUnitName' }, { title: '期限', dataIndex: 'effectiveDueDate' }, { title: '说明', dataIndex: 'lateExtension', render: (v: boolean) => (v ? '逾期后才商定延期，仍计逾期' : '') }]}
              />
            ),
          },
        ]}
      />
      <Modal open={!!open} title={open === 'register' ? '签收登记（综合科，DOC-23、DOC-24）' : '收到主送本办的文件，登记交综合科（DOC-25）'} onCancel={() => setOpen(null)} onOk={() => void submit()} width={640} okButtonProps={{ 'data-testid': 'incoming-save' } as never} destroyOnHidden>
        <ErrorAlert error={formError} />
        <Form form={form} layout="vertical" initialValues={{ receiptChannel: '机要交换', urgency: '非紧急', classification: '无', copies: 1, complete: true, addressedTo: '白城市扶贫开发办公室' }}>
          {open === 'register' && (
            <Form.Item name="receiptChannel" label="收文渠道"><Select options={CHANNELS.map((c) => ({ value: c, label: c }))} /></Form.Item>
          )}
          <Form.Item name="sender" label="来文单位" rules={[{ required: true, message: '请填写来文单位' }]}><Input data-testid="incoming-sender" /></Form.Item>
          <Form.Item name="senderDocNo" label="来文字号"><Input data-testid="incoming-docno" /></Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input data-testid="incoming-title" /></Form.Item>
          <Form.Item name="addressedTo" label="主送" rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="classification" label="密级" extra="涉密文件不在本系统登记"><Select style={{ width: 120 }} options={['无', '秘密', '机密', '绝密'].map((c) => ({ value: c, label: c }))} /></Form.Item>
            <Form.Item name="urgency" label="紧急程度"><Select style={{ width: 120 }} options={URGENCIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
            <Form.Item name="receivedOn" label="收文日期"><DatePicker /></Form.Item>
            <Form.Item name="copies" label="份数"><InputNumber min={1} /></Form.Item>
            <Form.Item name="senderDueDate" label="来文办理时限"><DatePicker /></Form.Item>
          </Space>
          {open === 'register' && (
            <>
              <Form.Item name="attachments" label="附件（每行一件）"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="complete" valuePropName="checked"><Checkbox>逐件核对，齐全完整</Checkbox></Form.Item>
              <Form.Item name="missingNote" label="缺少的内容（不齐全时必填）"><Input /></Form.Item>
            </>
          )}
          {open === 'handover' && <Form.Item name="note" label="说明"><Input /></Form.Item>}
        </Form>
      </Modal>
    </Card>
  );
}
