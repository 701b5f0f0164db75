import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { PersonPicker } from '../flow/PersonPicker';
import { Flags, RouteView, StatusTag, warningsOf, type Flag, type RouteStep } from './shared';

/** 公出申请 (公务出差审批单): signed by the leader in charge before the trip (TRIP-01). */
interface Preview {
  calendarDays: number;
  workingDays: number;
  route: RouteStep[];
  warnings: Flag[];
  blocked: boolean;
  travellerNames: string[];
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

/** ORS 2 official activities (RECEP-02), required by TRAVEL-07. */
const PURPOSES = [
  { value: 'meeting', label: '出席会议' }, { value: 'research', label: '考察调研' }, { value: 'task', label: '执行任务' },
  { value: 'exchange', label: '学习交流' }, { value: 'guidance', label: '检查指导' }, { value: 'report', label: '请示汇报工作' }, { value: 'other', label: '其他公务' },
];

interface MonthRow { unitName: string; month: string; trips: number; persons: number; personDays: number; hosted: number; categories: string }

/** TRAVEL-07 REPORT for 综合科: trips per section and month (frequency, headcount). */
function OutboundReport() {
  const [rows, setRows] = useState<MonthRow[] | null>(null);
  useEffect(() => {
    api.get<{ months: MonthRow[] }>('/personnel/trips/report').then((r) => setRows(r.months), () => setRows(null));
  }, []);
  if (!rows) return null;
  return (
    <Card title="公务外出统计（按科室、月份）" extra={<a href={downloadUrl('/personnel/trips/report.xlsx')}>导出 XLSX</a>}>
      <Table rowKey={(r) => `${r.month}-${r.unitName}`} size="small" dataSource={rows} pagination={false} columns={[
        { title: '月份', dataIndex: 'month' }, { title: '科室', dataIndex: 'unitName' }, { title: '公出次数', dataIndex: 'trips' },
        { title: '公出人次', dataIndex: 'persons' }, { title: '人天数', dataIndex: 'personDays' }, { title: '需接待（发公函）', dataIndex: 'hosted' }, { title: '公务类别', dataIndex: 'categories' },
      ]} />
    </Card>
  );
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
  const { can, me } = useAuth();

  useEffect(() => {
    api.get<{ items: TripRow[] }>('/personnel/trips?scope=mine').then((r) => setTrips(r.items), setError);
  }, []);

  useEffect(() => {
    if (!values?.destination || !values.purpose || !values.purposeCategory || !values.startDate || !values.endDate || !values.transport) return setPreview(null);
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
  const category = values?.purposeCategory as string | undefined;
  // TRAVEL-08: the letter is generated from the 公出审批单 and then edited.
  function fillLetter() {
    const v = form.getFieldsValue();
    form.setFieldsValue({ letter: {
      ...v.letter,
      content: v.letter?.content || v.purpose,
      itinerary: v.letter?.itinerary || `${v.startDate ?? ''}至${v.endDate ?? ''}赴${v.destination ?? ''}`,
      persons: preview?.travellerNames ?? v.letter?.persons ?? [],
    } });
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="公出申请（公务出差审批单）">
        <Typography.Paragraph type="secondary">科级以上干部公出，需事前填写公出审批单，由分管领导签字后，方可公出（考勤制度二（五））。此审批单为报销差旅费的必备附件。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ transport: 'train', companions: [], needsReception: false, leavesBaicheng: false }} style={{ maxWidth: 720 }}>
          <Form.Item name="destination" label="公出目的地" rules={[{ required: true, message: '请填写公出目的地' }]}><Input /></Form.Item>
          <Form.Item name="purpose" label="公出事由" rules={[{ required: true, message: '请填写公出事由' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="purposeCategory" label="公务类别" rules={[{ required: true, message: '请选择公务类别' }]}>
            <Select data-testid="trip-category" style={{ width: 200 }} options={PURPOSES} />
          </Form.Item>
          {(category === 'exchange' || category === 'research') && (
            <Form.Item name="specialNeed" label="特别需要（异地学习交流、考察调研须说明）"><Input.TextArea rows={2} /></Form.Item>
          )}
          <Space wrap>
            <Form.Item name="startDate" label="出发日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="endDate" label="返回日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="transport" label="交通工具"><Select style={{ width: 160 }} options={TRANSPORT} /></Form.Item>
          </Space>
          <Form.Item name="companions" label="同行人员"><PersonPicker multiple exclude={me?.personId ? [me.personId] : []} testId="trip-companions" /></Form.Item>
          <Form.Item name="remarks" label="备注"><Input /></Form.Item>
          <Form.Item name="leavesBaicheng" valuePropName="checked"><Checkbox data-testid="trip-out-of-city">离开白城（办领导、科室及服务中心主要负责人须按工作规则第三十三条报告，未报告齐全的不能批准）</Checkbox></Form.Item>
          <Form.Item name="needsReception" valuePropName="checked"><Checkbox data-testid="trip-reception">需要接待单位接待（须向接待单位发出公函，告知内容、行程和人员）</Checkbox></Form.Item>
          {values?.needsReception ? (
            <Card size="small" title="公函（致接待单位）" extra={<Button size="small" onClick={fillLetter}>按审批单生成</Button>} style={{ marginBottom: 16 }}>
              <Space wrap>
                <Form.Item name={['letter', 'hostUnit']} label="接待单位" rules={[{ required: true, message: '请填写接待单位' }]}><Input style={{ width: 260 }} /></Form.Item>
                <Form.Item name={['letter', 'docNo']} label="公函文号" rules={[{ required: true, message: '请填写公函文号' }]}><Input style={{ width: 220 }} placeholder="如 白扶贫函〔2026〕12号" /></Form.Item>
              </Space>
              <Form.Item name={['letter', 'content']} label="内容" rules={[{ required: true, message: '请填写公函内容' }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name={['letter', 'itinerary']} label="行程" rules={[{ required: true, message: '请填写行程' }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name={['letter', 'persons']} label="人员（须与公出人员一致）" rules={[{ required: true, message: '请填写人员' }]}><Select mode="tags" /></Form.Item>
            </Card>
          ) : null}
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
      {can('personnel.attendance') && <OutboundReport />}
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
