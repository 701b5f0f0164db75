import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, toFen, yuan } from './labels';

/**
 * 会议费 / 培训费预算单 (FMS-F3a / F3b) with budgeted and executed amounts per line (MTG-04), and the
 * yearly plan compared with the previous year (MTG-01, MTG-02).
 */
interface Warning { ruleId: string; cite: string; message: string }
interface Line { item: string; budgetFen: number; executedFen: number | null }
interface Row { id: string; kind: string; name: string; unitName: string | null; startDate: string; endDate: string; venue: string; headcount: number; lines: Line[]; budgetFen: number; executedFen: number | null; status: string; flowInstanceId: string }
interface PlanLine { kind: string; label: string; status: string | null; plannedFen: number | null; baselineFen: number | null; varianceFen: number | null; overPrevious: boolean; justification: string | null; budgetedFen: number; executedFen: number }
const ITEMS: Record<string, string[]> = { meeting: ['场租费', '住宿费', '餐费', '资料用品费用'], training: ['场租费', '住宿费', '餐费', '印刷费', '讲课费', '其他'] };
const KIND: Record<string, string> = { meeting: '会议', training: '培训' };

export default function MeetingBudgetPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [items, setItems] = useState<Row[]>([]);
  const [plan, setPlan] = useState<PlanLine[]>([]);
  const [kind, setKind] = useState<'meeting' | 'training'>('meeting');
  const [filling, setFilling] = useState<Row | null>(null);
  const [executed, setExecuted] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const year = new Date().getFullYear();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const load = () => {
    api.get<{ items: Row[] }>('/finance/meeting-budgets?scope=mine').then((r) => setItems(r.items), setError);
    api.get<{ lines: PlanLine[] }>(`/finance/meeting-plans?year=${year}`).then((r) => setPlan(r.lines), setError);
  };
  useEffect(load, []);

  async function submit(ack: string[] = []) {
    try {
      const v = await form.validateFields();
      const lines = ITEMS[kind].map((item, i) => ({ item, budgetFen: toFen(v[`line${i}`]) })).concat((v.extraItem && v.extraAmount != null) ? [{ item: v.extraItem, budgetFen: toFen(v.extraAmount) }] : []);
      const body = { kind, name: v.name, startDate: v.startDate, endDate: v.endDate || v.startDate, venue: v.venue, attendees: v.attendees, headcount: v.headcount, noticeRef: v.noticeRef ?? '', content: v.content, purpose: v.purpose, lines, unplannedReason: v.unplannedReason || undefined };
      const res = await api.post<{ instanceId: string }>('/finance/meeting-budgets', { form: body, acknowledged: ack });
      message.success('预算单已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') { setWarnings(((e.details as { warnings?: Warning[] })?.warnings) ?? []); setError(null); }
      else { setError(e); setWarnings([]); }
    }
  }
  async function saveExecuted(ack: string[] = []) {
    if (!filling) return;
    try {
      await api.post(`/finance/meeting-budgets/${filling.id}/executed`, { executedFen: executed, note: note || undefined, acknowledged: ack });
      message.success('执行金额已填写');
      setFilling(null);
      load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') {
        Modal.confirm({ title: '执行金额超过预算', content: e.message, okText: '确认填写', cancelText: '返回修改', onOk: () => saveExecuted([e.rule?.id ?? 'MTG-04']) });
      } else setError(e);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`${year}年度会议、培训计划`} extra={<Button href={downloadUrl(`/finance/ledger/meeting-plans.xlsx?year=${year}`)}>导出对比表（XLSX）</Button>}>
        <Table rowKey="kind" dataSource={plan} pagination={false} columns={[
          { title: '项目', dataIndex: 'label' }, { title: '计划总额', dataIndex: 'plannedFen', render: (v: number | null) => (v === null ? '未编制' : yuan(v)) },
          { title: '上年基数', dataIndex: 'baselineFen', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { title: '增减', render: (_: unknown, r: PlanLine) => (r.varianceFen === null ? '—' : <span style={{ color: r.overPrevious ? '#cf1322' : undefined }}>{yuan(r.varianceFen)}{r.overPrevious && <Tag color="red" style={{ marginLeft: 8 }}>超上年</Tag>}</span>) },
          { title: '超上年理由', dataIndex: 'justification' }, { title: '已预算', dataIndex: 'budgetedFen', render: (v: number) => yuan(v) }, { title: '已执行', dataIndex: 'executedFen', render: (v: number) => yuan(v) },
          { title: '状态', dataIndex: 'status', render: (v: string | null) => (v === 'approved' ? '已审定' : v === 'draft' ? '编制中' : '未编制') },
        ]} />
      </Card>
      <Card title="会议（培训）费预算单">
        <ErrorAlert error={error} />
        {warnings.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请确认以下提示后提交"
            description={<>{warnings.map((w) => <div key={w.ruleId}>{w.message}（{w.ruleId} {w.cite}）</div>)}
              <Button style={{ marginTop: 8 }} onClick={() => submit(warnings.map((w) => w.ruleId))}>确认并提交</Button></>} />
        )}
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: 'meeting', label: '会议费预算单' }, { value: 'training', label: '培训费预算单' }]} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item label={`${KIND[kind]}名称`} name="name" rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
            <Form.Item label="开始日期" name="startDate" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="结束日期" name="endDate"><Input type="date" /></Form.Item>
            <Form.Item label={`${KIND[kind]}地点`} name="venue" rules={[{ required: true }]}><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="出席人员" name="attendees" rules={[{ required: true }]}><Input style={{ width: 300 }} /></Form.Item>
            <Form.Item label="人数" name="headcount" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Form.Item label={`${KIND[kind]}通知（文号或文件名）`} name="noticeRef"><Input style={{ width: 260 }} /></Form.Item>
          </Space>
          <Form.Item label={`${KIND[kind]}内容`} name="content" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label={`${KIND[kind]}目的`} name="purpose" rules={[{ required: true }]}><Input /></Form.Item>
          <Typography.Text strong>预算金额（元）</Typography.Text>
          <Space wrap>
            {ITEMS[kind].map((item, i) => <Form.Item key={item + kind} label={item} name={`line${i}`} initialValue={0}><InputNumber min={0} precision={2} /></Form.Item>)}
            <Form.Item label="其他项目名称" name="extraItem"><Input style={{ width: 140 }} /></Form.Item>
            <Form.Item label="金额" name="extraAmount"><InputNumber min={0} precision={2} /></Form.Item>
          </Space>
          <Form.Item label="计划外理由（不在年度计划内时填写）" name="unplannedReason"><Input /></Form.Item>
          <Button type="primary" onClick={() => submit()}>提交预算单</Button>
        </Form>
      </Card>
      <Card title="本科室预算单">
        <Table rowKey="id" dataSource={items} pagination={{ pageSize: 10 }} columns={[
          { title: '类别', dataIndex: 'kind', render: (v: string) => KIND[v] }, { title: '名称', dataIndex: 'name' }, { title: '时间', render: (_: unknown, r: Row) => `${r.startDate}至${r.endDate}` },
          { title: '预算', dataIndex: 'budgetFen', render: (v: number) => yuan(v) }, { title: '执行', dataIndex: 'executedFen', render: (v: number | null) => (v === null ? '未填写' : yuan(v)) },
          { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
          { title: '', render: (_: unknown, r: Row) => <Space>
            <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link>
            <a href={downloadUrl(`/finance/meeting-budgets/${r.id}/form.pdf`)}>打印</a>
            {r.status === 'approved' && r.executedFen === null && <Button size="small" onClick={() => { setFilling(r); setExecuted(r.lines.map((l) => l.budgetFen)); setNote(''); }}>填写执行金额</Button>}
          </Space> },
        ]} />
      </Card>
      <Modal open={!!filling} title="填写执行金额" onCancel={() => setFilling(null)} onOk={() => saveExecuted()} okText="保存">
        {filling?.lines.map((l, i) => (
          <div key={l.item} style={{ marginBottom: 8 }}>{l.item}（预算{yuan(l.budgetFen)}）：
            <InputNumber min={0} precision={2} value={(executed[i] ?? 0) / 100} onChange={(v) => setExecuted((x) => x.map((y, j) => (j === i ? toFen(v) : y)))} /></div>
        ))}
        <Input placeholder="超预算说明（超出时必填）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Space>
  );
}
