import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { CATEGORY_OPTIONS, PAYMENT_OPTIONS, toFen, VOUCHER_OPTIONS, yuan } from './labels';

/** 新建报销: kind, lines, payee, payment, vouchers; a large expense links its 党组 decision (FIVE-06). */
interface Decision { id: string; title: string; decidedOn: string; amountFen: number | null }
interface Warning { ruleId: string; cite: string; message: string }

export default function NewClaimPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();

  function payload(v: Record<string, any>) {
    return {
      category: v.category, funding: v.funding, purpose: v.purpose, payee: v.payee, attested: !!v.attested,
      cashReason: v.cashReason || undefined, coincidenceReason: v.coincidenceReason || undefined, tripId: v.tripId || undefined,
      tripForMeeting: !!v.tripForMeeting, decisionId: decision?.id,
      // TRAVEL-09/10: the 出差人员用餐用车情况表 as filled before the trip.
      hostStatement: v.hostStatementFilled ? {
        mealDays: String(v.hostMealDays ?? '').split(/[、,，\s]+/).filter(Boolean), vehicleDays: String(v.hostVehicleDays ?? '').split(/[、,，\s]+/).filter(Boolean),
        workMealDay: v.hostWorkMealDay || undefined,
      } : undefined,
      lines: (v.lines ?? []).map((l: any) => ({ description: l.description, amountFen: toFen(l.amount), paymentMethod: l.paymentMethod, date: l.date || undefined })),
      vouchers: (v.vouchers ?? []).filter((x: any) => x?.kind && x?.ref).map((x: any) => ({ kind: x.kind, ref: x.ref, ...(x.line ? { line: Number(x.line) - 1 } : {}) })),
    };
  }

  async function submit(ack: string[] = []) {
    setBusy(true);
    try {
      const res = await api.post<{ instanceId: string }>('/finance/claims', { form: payload(await form.validateFields()), acknowledged: ack });
      message.success('报销单已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') { setWarnings(((e.details as { warnings?: Warning[] })?.warnings) ?? []); setError(null); }
      else { setError(e); setWarnings([]); }
    } finally {
      setBusy(false);
    }
  }

  async function findDecision() {
    const v = form.getFieldsValue();
    const amountFen = (v.lines ?? []).reduce((s: number, l: any) => s + toFen(l?.amount), 0);
    const r = await api.get<{ decision: Decision | null }>(`/finance/claims/covering-decision?category=${v.category}&amountFen=${amountFen}`);
    setDecision(r.decision);
    if (!r.decision) message.warning('没有找到金额和事项类别都能覆盖本次支出的党组决定');
  }

  return (
    <Card title="新建报销">
      <ErrorAlert error={error} />
      {warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请确认以下提示后提交"
          description={<>{warnings.map((w) => <div key={w.ruleId}>{w.message}（{w.ruleId} {w.cite}）</div>)}
            <Button data-testid="claim-confirm" style={{ marginTop: 8 }} onClick={() => submit(warnings.map((w) => w.ruleId))}>确认并提交</Button></>} />
      )}
      <Form form={form} layout="vertical" initialValues={{ funding: 'running', lines: [{ paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice' }] }}>
        <Space wrap size="large">
          <Form.Item label="费用类别" name="category" rules={[{ required: true, message: '请选择费用类别' }]}>
            <Select data-testid="claim-category" style={{ width: 220 }} showSearch optionFilterProp="label"
              options={['日常支出', '日常公用支出', '其他支出'].map((g) => ({ label: g, options: CATEGORY_OPTIONS.filter((o) => o.group === g).map(({ value, label }) => ({ value, label })) }))} />
          </Form.Item>
          <Form.Item label="经费来源" name="funding">
            <Radio.Group options={[{ value: 'running', label: '日常办公经费' }, { value: 'special', label: '业务专项经费' }]} />
          </Form.Item>
        </Space>
        <Form.Item label="报销事由" name="purpose" rules={[{ required: true, message: '请填写报销事由' }]}><Input /></Form.Item>
        <Form.Item label="收款人" name="payee" rules={[{ required: true, message: '请填写收款人' }]}><Input /></Form.Item>
        <Typography.Text strong>明细</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '摘要' }]}><Input placeholder="摘要" aria-label={`明细${i + 1}摘要`} /></Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '金额' }]}><InputNumber min={0.01} precision={2} placeholder="金额（元）" aria-label={`明细${i + 1}金额`} style={{ width: 160 }} /></Form.Item>
                  <Form.Item name={[f.name, 'paymentMethod']}><Select options={PAYMENT_OPTIONS} style={{ width: 120 }} /></Form.Item>
                  <Form.Item name={[f.name, 'date']}><Input type="date" aria-label={`明细${i + 1}日期`} /></Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>删除</Button>}
                </Space>
              ))}
              <Form.Item><Button onClick={() => add({ paymentMethod: 'transfer' })}>增加明细</Button></Form.Item>
            </>
          )}
        </Form.List>
        <Typography.Text strong>附件凭证（登记编号或名称）</Typography.Text>
        <Form.List name="vouchers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'kind']}><Select options={VOUCHER_OPTIONS} style={{ width: 200 }} /></Form.Item>
                  <Form.Item name={[f.name, 'ref']}><Input placeholder="凭证编号或名称" aria-label={`凭证${i + 1}`} /></Form.Item>
                  <Form.Item name={[f.name, 'line']}><InputNumber min={1} placeholder="对应明细序号" style={{ width: 140 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Form.Item><Button onClick={() => add({ kind: 'invoice' })}>增加凭证</Button></Form.Item>
            </>
          )}
        </Form.List>
        <Space wrap size="large">
          <Form.Item label="公出审批单编号（差旅费）" name="tripId"><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item name="tripForMeeting" valuePropName="checked"><Checkbox>因参加会议、培训出差</Checkbox></Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="hostStatementFilled" valuePropName="checked"><Checkbox>已填写《出差人员用餐用车情况表》</Checkbox></Form.Item>
          <Form.Item label="接待单位安排就餐的日期（YYYY-MM-DD，顿号分隔）" name="hostMealDays"><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item label="接待单位安排用车的日期" name="hostVehicleDays"><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item label="免交伙食费的工作餐日期" name="hostWorkMealDay"><Input type="date" /></Form.Item>
        </Space>
        <Form.Item label="现金结算理由（如有现金）" name="cashReason"><Input /></Form.Item>
        <Form.Item label="一人多栏签字理由（如有）" name="coincidenceReason"><Input /></Form.Item>
        <Card size="small" title="党组集体研究决定（大额资金支出须关联）" style={{ marginBottom: 16 }}>
          {decision ? <Typography.Text data-testid="claim-decision">已关联：{decision.title}（{decision.decidedOn}{decision.amountFen != null ? `，${yuan(decision.amountFen)}` : ''}）</Typography.Text> : <Typography.Text type="secondary">未关联</Typography.Text>}
          <Button style={{ marginLeft: 16 }} data-testid="claim-find-decision" onClick={() => findDecision().catch(setError)}>关联党组决定</Button>
        </Card>
        <Form.Item name="attested" valuePropName="checked"><Checkbox>本部门对报销凭证的真实性、合法性负责</Checkbox></Form.Item>
        <Button type="primary" loading={busy} onClick={() => submit()}>提交报销</Button>
      </Form>
    </Card>
  );
}
