import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Table, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, toFen, yuan } from './labels';

/**
 * 物资采购（维修）申请 (FMS-F1 办公用品、生活物资购买（维修）申请单): the tier follows the estimated amount
 * (FIVE-10 小额度, FIVE-11 较大额度, FIVE-12 大额度 — the latter only with a 党组 decision linked).
 */
interface Decision { id: string; title: string; decidedOn: string; amountFen: number | null }
interface Warning { ruleId: string; cite: string; message: string }
interface Row { id: string; no: string; unitName: string | null; title: string; amountFen: number; tier: string; status: string; flowInstanceId: string; submittedOn: string }
export const PROCUREMENT_TIER: Record<string, string> = { small: '小额度', larger: '较大额度', large: '大额度' };
const METHODS = [['below_limit', '限额以下自行采购（询价比选）'], ['framework', '政府采购框架协议/定点采购'], ['public_tender', '公开招标'], ['invited_tender', '邀请招标'], ['negotiation', '竞争性谈判'], ['consultation', '竞争性磋商'], ['inquiry', '询价'], ['single_source', '单一来源采购']].map(([value, label]) => ({ value, label }));

export default function ProcurementPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [items, setItems] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  useEffect(() => { api.get<{ items: Row[] }>('/finance/procurements?scope=mine').then((r) => setItems(r.items), setError); }, []);

  const total = (v: Record<string, any>) => (v.lines ?? []).reduce((s: number, l: any) => s + toFen(l?.amount), 0);
  async function submit(ack: string[] = []) {
    setBusy(true);
    try {
      const v = await form.validateFields();
      const body = {
        kind: v.kind, title: v.title, method: v.method, methodBasis: v.methodBasis ?? '', decisionId: decision?.id,
        lines: (v.lines ?? []).map((l: any) => ({ name: l.name, quantity: Number(l.quantity), unit: l.unit ?? '', use: l.use, remark: l.remark ?? '', estimatedFen: toFen(l.amount) })),
      };
      const res = await api.post<{ instanceId: string }>('/finance/procurements', { form: body, acknowledged: ack });
      message.success('采购申请已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') { setWarnings(((e.details as { warnings?: Warning[] })?.warnings) ?? []); setError(null); }
      else { setError(e); setWarnings([]); }
    } finally {
      setBusy(false);
    }
  }
  async function findDecision() {
    const r = await api.get<{ decision: Decision | null }>(`/finance/procurements/covering-decision?amountFen=${total(form.getFieldsValue())}`);
    setDecision(r.decision);
    if (!r.decision) message.warning('没有找到事项类别为“采购项目”、金额能覆盖本次采购的党组决定');
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="物资采购（维修）申请">
        <Typography.Paragraph type="secondary">
          小额度的物资采购，由有关科室提出申请，报综合科，经分管领导批准后实施；较大额度的，分管领导请示党政“一把手”同意后执行；大额度的，按大额资金的支出规定办理（须先经办党组集体研究决定）。
        </Typography.Paragraph>
        <ErrorAlert error={error} />
        {warnings.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请确认以下提示后提交"
            description={<>{warnings.map((w) => <div key={w.ruleId}>{w.message}（{w.ruleId} {w.cite}）</div>)}
              <Button data-testid="procurement-confirm" style={{ marginTop: 8 }} onClick={() => submit(warnings.map((w) => w.ruleId))}>确认并提交</Button></>} />
        )}
        <Form form={form} layout="vertical" initialValues={{ kind: 'purchase', method: 'below_limit', lines: [{}] }}>
          <Space wrap size="large">
            <Form.Item label="类别" name="kind"><Radio.Group options={[{ value: 'purchase', label: '购买' }, { value: 'repair', label: '维修' }]} /></Form.Item>
            <Form.Item label="采购方式" name="method"><Select options={METHODS} style={{ width: 260 }} /></Form.Item>
            <Form.Item label="采购方式依据（单一来源必填）" name="methodBasis"><Input style={{ width: 300 }} /></Form.Item>
          </Space>
          <Form.Item label="采购（维修）事由" name="title" rules={[{ required: true, message: '请填写事由' }]}><Input /></Form.Item>
          <Typography.Text strong>申请事项（名称、数量、用途、备注；预计金额用于确定采购级别）</Typography.Text>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}><Input placeholder="名称" aria-label={`事项${i + 1}名称`} /></Form.Item>
                    <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: '数量' }]}><InputNumber min={0.01} placeholder="数量" aria-label={`事项${i + 1}数量`} /></Form.Item>
                    <Form.Item name={[f.name, 'unit']}><Input placeholder="单位" style={{ width: 70 }} aria-label={`事项${i + 1}单位`} /></Form.Item>
                    <Form.Item name={[f.name, 'use']} rules={[{ required: true, message: '用途' }]}><Input placeholder="用途" aria-label={`事项${i + 1}用途`} /></Form.Item>
                    <Form.Item name={[f.name, 'remark']}><Input placeholder="备注" aria-label={`事项${i + 1}备注`} /></Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '预计金额' }]}><InputNumber min={0.01} precision={2} placeholder="预计金额（元）" style={{ width: 160 }} aria-label={`事项${i + 1}预计金额`} /></Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>删除</Button>}
                  </Space>
                ))}
                <Form.Item><Button onClick={() => add({})}>增加事项</Button></Form.Item>
              </>
            )}
          </Form.List>
          <Card size="small" title="党组集体研究决定（大额度采购须关联）" style={{ marginBottom: 16 }}>
            {decision ? <Typography.Text data-testid="procurement-decision">已关联：{decision.title}（{decision.decidedOn}{decision.amountFen != null ? `，${yuan(decision.amountFen)}` : ''}）</Typography.Text> : <Typography.Text type="secondary">未关联</Typography.Text>}
            <Button style={{ marginLeft: 16 }} data-testid="procurement-find-decision" onClick={() => findDecision().catch(setError)}>关联党组决定</Button>
          </Card>
          <Button type="primary" loading={busy} onClick={() => submit()}>提交申请</Button>
        </Form>
      </Card>
      <Card title="本科室采购（维修）申请">
        <Table rowKey="id" dataSource={items} pagination={{ pageSize: 10 }} columns={[
          { title: '编号', dataIndex: 'no' }, { title: '申请日期', dataIndex: 'submittedOn' }, { title: '事由', dataIndex: 'title' },
          { title: '预计金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) }, { title: '级别', dataIndex: 'tier', render: (v: string) => PROCUREMENT_TIER[v] ?? v },
          { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
          { title: '', render: (_: unknown, r: Row) => <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link> },
        ]} />
      </Card>
    </Space>
  );
}
