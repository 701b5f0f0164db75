import { useEffect, useState } from 'react';
import { Alert, Button, type ButtonProps, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { RuleText, useRuleParam } from '../../lib/RuleText';
import { PersonPicker } from '../flow/PersonPicker';
import { useFlowAction } from '../flow/useFlowAction';

/**
 * 试用期管理 (《科级干部选拔任用工作规范》八（二）, PROB-01…03), for 综合科: register the
 * probation when a promotion or transfer-in takes effect (the dates follow), see which
 * assessments are due, and record the democratic evaluation and the 党组's outcome.
 */
interface Probation {
  id: string; personName: string; unitName: string | null; post: string; appointmentTypeLabel: string; appointmentRef: string;
  effectiveOn: string; endOn: string; dueOn: string; remindOn: string; status: string; statusLabel: string; assessedOn: string | null;
  ballots: number | null; excellent: number | null; competent: number | null; basicallyCompetent: number | null; incompetent: number | null;
  partyGroupFindsUnfit: boolean | null; decisionRef: string | null; placement: string | null; thresholdMet: boolean | null; overdue: boolean;
}
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const STATUS_COLOR: Record<string, string> = { on_probation: 'blue', formal: 'green', removed: 'red' };
const GRADES = [['excellent', '优秀'], ['competent', '称职'], ['basicallyCompetent', '基本称职'], ['incompetent', '不称职']] as const;

export default function ProbationsPage() {
  const [items, setItems] = useState<Probation[]>([]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [assessing, setAssessing] = useState<Probation | null>(null);
  const [newForm] = Form.useForm();
  const [assessForm] = Form.useForm();
  const load = () => api.get<{ items: Probation[] }>(`/personnel/probations${status ? `?status=${status}` : ''}`).then((r) => setItems(r.items), setLoadError);
  useEffect(() => { load(); }, [status]);
  const action = useFlowAction(load);

  async function create() {
    const v = await newForm.validateFields();
    if (await action.run('/personnel/probations', v, '已登记试用期')) setCreating(false);
  }
  async function assess() {
    const v = await assessForm.validateFields();
    if (await action.run(`/personnel/probations/${assessing!.id}/assessment`, { ...v, partyGroupFindsUnfit: v.partyGroupFindsUnfit ?? null, placement: v.placement ?? null }, '已登记考核结果')) setAssessing(null);
  }
  const openNew = () => { newForm.resetFields(); newForm.setFieldsValue({ appointmentType: 'promotion', effectiveOn: today() }); action.setError(null); setCreating(true); };
  const openAssess = (b: Probation) => {
    assessForm.resetFields();
    assessForm.setFieldsValue({ assessedOn: today(), outcome: 'formal', excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 });
    action.setError(null);
    setAssessing(b);
  };

  const watched = Form.useWatch([], assessForm) as Record<string, number | string | null> | undefined;
  const graded = GRADES.reduce((n, [k]) => n + Number(watched?.[k] ?? 0), 0);
  const ballots = Number(watched?.ballots ?? 0);
  const x = Number(watched?.basicallyCompetent ?? 0) + Number(watched?.incompetent ?? 0);
  // PROB-03's ratio as the office has set it; the server checks it again on saving.
  const num = useRuleParam<number>('PROB-03', 'thresholdNum');
  const den = useRuleParam<number>('PROB-03', 'thresholdDen');
  const share = !num || !den ? '' : num === 1 && den <= 10 ? `${'零一二三四五六七八九十'[den]}分之一` : `${num}/${den}`;
  const above = ballots > 0 && !!num && !!den && den * x > num * ballots;

  return (
    <Card title="试用期管理" extra={<Space><a href={downloadUrl(`/personnel/probations.xlsx${status ? `?status=${status}` : ''}`)}>导出 XLSX</a><Button type="primary" onClick={openNew} data-testid="probation-new">登记试用期</Button></Space>}>
      <Typography.Paragraph type="secondary">
        <RuleText id="PROB-01" /><br /><RuleText id="PROB-02" /><br /><RuleText id="PROB-03" />
      </Typography.Paragraph>
      <ErrorAlert error={loadError} />
      <Radio.Group value={status ?? ''} onChange={(e) => setStatus(e.target.value || undefined)} style={{ marginBottom: 12 }}
        options={[{ value: '', label: '全部' }, { value: 'on_probation', label: '试用期中' }, { value: 'formal', label: '正式任职' }, { value: 'removed', label: '免去试任职务' }]} optionType="button" />
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="probations" columns={[
        { title: '姓名', dataIndex: 'personName', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> }, { title: '科室', dataIndex: 'unitName' },
        { title: '试任职务', render: (_: unknown, b: Probation) => <>{b.post}<Typography.Text type="secondary">（{b.appointmentTypeLabel}）</Typography.Text></> },
        { title: '任职文件', dataIndex: 'appointmentRef' },
        { title: '试用期', render: (_: unknown, b: Probation) => `${b.effectiveOn} 至 ${b.endOn}` },
        { title: '考核', render: (_: unknown, b: Probation) => (b.assessedOn
          ? <span>{b.assessedOn} 有效票 {b.ballots}：优秀 {b.excellent}、称职 {b.competent}、基本称职 {b.basicallyCompetent}、不称职 {b.incompetent}{b.thresholdMet && <Tag color="orange" style={{ marginLeft: 4 }}>超过三分之一</Tag>}</span>
          : <>{`应于 ${b.dueOn} 起考核`}{b.overdue && <Tag color="red" style={{ marginLeft: 4 }}>已到期</Tag>}</>) },
        { title: '结果', render: (_: unknown, b: Probation) => <Space orientation="vertical" size={0}><Tag color={STATUS_COLOR[b.status]}>{b.statusLabel}</Tag>{b.placement && <Typography.Text type="secondary">{b.placement}</Typography.Text>}</Space> },
        { title: '', render: (_: unknown, b: Probation) => b.status === 'on_probation' && <Button size="small" onClick={() => openAssess(b)} data-testid={`assess-${b.id}`}>登记考核结果</Button> },
      ]} />

      <Modal open={creating} title="登记试用期" onCancel={() => setCreating(false)} onOk={() => void create()} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'probation-save' } as ButtonProps}>
        <ErrorAlert error={action.error} />
        <Form form={newForm} layout="vertical">
          <Form.Item name="personId" label="试用对象" rules={[{ required: true, message: '请选择试用对象' }]}><PersonPicker testId="probation-person" /></Form.Item>
          <Form.Item name="post" label="试任职务" rules={[{ required: true, message: '请填写试任职务' }]}><Input maxLength={100} placeholder="如 规划财务科科长" /></Form.Item>
          <Form.Item name="appointmentType" label="任职方式" extra="提拔或调任科级领导职务的，试用期一年；转任、交流不设试用期">
            <Select options={[{ value: 'promotion', label: '提拔任职' }, { value: 'transfer_in', label: '调任' }, { value: 'transfer', label: '转任' }, { value: 'exchange', label: '交流' }]} />
          </Form.Item>
          <Form.Item name="appointmentRef" label="任职文件或党组决定" rules={[{ required: true, message: '请填写任职文件或党组决定' }]}><Input maxLength={200} placeholder="如 白扶贫党组〔2026〕5号" /></Form.Item>
          <Form.Item name="effectiveOn" label="任职日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
        </Form>
      </Modal>

      <Modal open={!!assessing} width={640} title={`试用期满考核：${assessing?.personName ?? ''}（${assessing?.post ?? ''}）`} onCancel={() => setAssessing(null)} onOk={() => void assess()}
        confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'assessment-save' } as ButtonProps}>
        <ErrorAlert error={action.error} />
        <Form form={assessForm} layout="vertical">
          <Space wrap>
            <Form.Item name="assessedOn" label="考核日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="ballots" label="民主测评有效票" rules={[{ required: true, message: '请填写有效票数' }]}><InputNumber min={0} precision={0} data-testid="ballots" /></Form.Item>
          </Space>
          <Space wrap>
            {GRADES.map(([k, label]) => (
              <Form.Item key={k} name={k} label={label} rules={[{ required: true, message: `请填写${label}票数` }]}><InputNumber min={0} precision={0} data-testid={`grade-${k}`} /></Form.Item>
            ))}
          </Space>
          {ballots > 0 && (
            <Alert style={{ marginBottom: 12 }} type={graded !== ballots ? 'error' : above ? 'warning' : 'info'} showIcon data-testid="threshold"
              title={graded !== ballots ? `各等次合计 ${graded} 张，与有效票 ${ballots} 张不一致`
                : `基本称职和不称职 ${x} 张，${above ? '超过' : '未超过'}有效票的${share}${above ? '：请登记办党组是否认定其确属不适应岗位任职需求' : '：只能予以正式任职'}`} />
          )}
          {above && (
            <Form.Item name="partyGroupFindsUnfit" label="办党组认定" rules={[{ required: true, message: '请登记办党组的认定' }]}>
              <Radio.Group options={[{ value: false, label: '胜任现职' }, { value: true, label: '确属不适应岗位任职需求' }]} />
            </Form.Item>
          )}
          <Form.Item name="outcome" label="考核结果">
            <Radio.Group options={[{ value: 'formal', label: '予以正式任职' }, { value: 'removed', label: '免去试任职务', disabled: !above }]} />
          </Form.Item>
          {watched?.outcome === 'removed' && (
            <Form.Item name="placement" label="免职后的工作安排" rules={[{ required: true, message: '请填写工作安排' }]} initialValue="按试任前职级安排工作"><Input maxLength={200} /></Form.Item>
          )}
          <Form.Item name="decisionRef" label="办党组研究决定（会议或文号）" rules={[{ required: true, message: '请填写办党组研究决定' }]}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
