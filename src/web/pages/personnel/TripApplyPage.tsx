import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { Flags, RouteView, StatusTag, warningsOf, type Flag, type RouteStep } from './shared';

/** 公出申请 (公务出差审批单): signed by the leader in charge before the trip (TRIP-01). */
interface Preview {
  calendarDays: number;
  workingDays: number;
  route: RouteStep[];
  warnings: Flag[];
  blocked: boolean;
}

interface TripRow {
  id: string;
  flowInstanceId: string | null;
  destination: string;
  startDate: string;
  endDate: string;
  status: string;
  signedByName: string | null;
}

const TRANSPORT = [
  { value: 'train', label: '火车' }, { value: 'plane', label: '飞机' }, { value: 'bus', label: '长途汽车' },
  { value: 'official_car', label: '公务用车' }, { value: 'other', label: '其他' },
];

export default function TripApplyPage() {
  const [form] = Form.useForm();
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ack, setAck] = useState<string[]>([]);
  const [trips, setTrips] = useState<TripRow[]>([]);
  const navigate = useNavigate();
  const { message } = App.useApp();

  useEffect(() => {
    api.get<{ items: TripRow[] }>('/personnel/trips?scope=mine').then((r) => setTrips(r.items), setError);
  }, []);

  useEffect(() => {
    if (!values?.destination || !values.purpose || !values.startDate || !values.endDate || !values.transport) return setPreview(null);
    const timer = setTimeout(() => {
      api.post<Preview>('/personnel/trips/preview', { form: values }).then((p) => { setPreview(p); setError(null); }, (e) => { setPreview(null); setError(e); });
    }, 300);
    return () => clearTimeout(timer);
  }, [JSON.stringify(values)]);

  async function submit() {
    try {
      const res = await api.post<{ instanceId: string }>('/personnel/trips', { form: await form.validateFields(), acknowledged: ack });
      message.success('公出审批单已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (warningsOf(e).length && preview) setPreview({ ...preview, warnings: warningsOf(e) });
      setError(e);
    }
  }

  const warns = preview?.warnings.filter((w) => w.outcome === 'warn') ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="公出申请（公务出差审批单）">
        <Typography.Paragraph type="secondary">科级以上干部公出，需事前填写公出审批单，由分管领导签字后，方可公出（考勤制度二（五））。此审批单为报销差旅费的必备附件。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ transport: 'train', companions: [] }} style={{ maxWidth: 720 }}>
          <Form.Item name="destination" label="公出目的地" rules={[{ required: true, message: '请填写公出目的地' }]}><Input /></Form.Item>
          <Form.Item name="purpose" label="公出事由" rules={[{ required: true, message: '请填写公出事由' }]}><Input.TextArea rows={2} /></Form.Item>
          <Space wrap>
            <Form.Item name="startDate" label="出发日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="endDate" label="返回日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="transport" label="交通工具"><Select style={{ width: 160 }} options={TRANSPORT} /></Form.Item>
          </Space>
          <Form.Item name="companions" label="同行人员（人员编号）"><Select mode="tags" placeholder="如 psn_xunuo" /></Form.Item>
          <Form.Item name="remarks" label="备注"><Input /></Form.Item>
        </Form>
        {preview && (
          <Card size="small" style={{ maxWidth: 720, marginBottom: 16 }}>
            <Typography.Paragraph>共 {preview.calendarDays} 天（其中工作日 {preview.workingDays} 天）</Typography.Paragraph>
            <RouteView route={preview.route} />
            <Flags flags={preview.warnings} />
            {warns.length > 0 && <Checkbox.Group value={ack} onChange={(v) => setAck(v as string[])} options={warns.map((w) => ({ value: w.ruleId, label: `我已知悉 ${w.ruleId}` }))} />}
          </Card>
        )}
        {error && !preview ? <ErrorAlert error={error} /> : null}
        <Button type="primary" disabled={!preview || preview.blocked || !warns.every((w) => ack.includes(w.ruleId))} onClick={submit}>提交</Button>
      </Card>
      <Card title="我的公出">
        <Table rowKey="id" size="small" dataSource={trips} pagination={false} columns={[
          { title: '目的地', dataIndex: 'destination' },
          { title: '时间', render: (_, r) => `${r.startDate} 至 ${r.endDate}` },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: '审批领导', dataIndex: 'signedByName' },
          { title: '', render: (_, r) => r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批详情</Link> },
        ]} />
      </Card>
    </Space>
  );
}
