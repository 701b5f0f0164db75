import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

/** 借阅、复制涉密文件: by the registration number on the paper; 绝密 is refused (SEC-06). */
const LOAN: Record<string, string> = { pending: '审批中', approved: '已批准，到综合科领取', out: '借出', returned: '已归还', rejected: '未批准', withdrawn: '已撤回' };
interface Loan { id: string; regNo: string; levelLabel: string; dueDate: string; status: string; overdue: boolean; flowInstanceId: string | null }

export default function SecrecyRequestPage() {
  const [form] = Form.useForm();
  const [loans, setLoans] = useState<Loan[]>([]);
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  useEffect(() => { api.get<{ items: Loan[] }>('/secrecy/loans/mine').then((r) => setLoans(r.items), setError); }, []);

  async function submit() {
    setError(null);
    try {
      const v = await form.validateFields();
      const res = v.kind === 'loan'
        ? await api.post<{ instanceId: string }>('/secrecy/loans', { regNo: v.regNo, purpose: v.purpose, dueDate: v.dueDate || undefined })
        : await api.post<{ instanceId: string }>('/secrecy/copy-requests', { regNo: v.regNo, kind: v.kind, count: v.count ?? 1, reason: v.purpose });
      message.success('申请已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="借阅、复制、摘抄涉密文件">
        <ErrorAlert error={error} />
        <Typography.Paragraph type="secondary">借阅已归档的涉密文件须办理借阅手续、限期归还；复制机密、秘密文件须经主管办领导批准；绝密件不允许借阅、翻印、摘录（公文运转管理制度第二十三、二十五条）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: 'loan', count: 1 }}>
          <Space wrap>
            <Form.Item label="申请" name="kind"><Select data-testid="secrecy-kind" style={{ width: 120 }} options={[{ value: 'loan', label: '借阅' }, { value: 'copy', label: '复制' }, { value: 'excerpt', label: '摘抄' }]} /></Form.Item>
            <Form.Item label="登记号" name="regNo" rules={[{ required: true, message: '请填写登记号' }]}><Input placeholder="2026-0001" data-testid="secrecy-regno" /></Form.Item>
            {kind === 'loan' && <Form.Item label="归还日期" name="dueDate"><Input type="date" data-testid="secrecy-due" /></Form.Item>}
            {kind === 'copy' && <Form.Item label="份数" name="count"><InputNumber min={1} max={20} /></Form.Item>}
          </Space>
          <Form.Item label="事由（工作需要）" name="purpose" rules={[{ required: true, message: '请填写事由' }]}><Input maxLength={60} data-testid="secrecy-purpose" /></Form.Item>
          <Button type="primary" data-testid="secrecy-submit" onClick={submit}>提交申请</Button>
        </Form>
      </Card>
      <Card title="我的借阅">
        <Table rowKey="id" dataSource={loans} pagination={false} columns={[
          { title: '登记号', dataIndex: 'regNo' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '归还期限', dataIndex: 'dueDate' },
          { title: '状态', render: (_: unknown, r: Loan) => <Tag color={r.overdue ? 'red' : undefined}>{LOAN[r.status] ?? r.status}{r.overdue ? '（逾期）' : ''}</Tag> },
          { title: '', render: (_: unknown, r: Loan) => r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link> },
        ]} />
      </Card>
    </Space>
  );
}
