import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { toFen, yuan } from './labels';

/**
 * 现金盘点 (财务管理制度 三): 定期 and 不定期 counts with the supervisor designated by the 财务负责人
 * (FIN-03), 白条 listed but never counted (FIN-02.3), cash above the limit (FIN-02.2); counts with
 * a difference close only with an explanation; the schedule shows what is due or overdue.
 */
interface Warning { ruleId: string; cite: string; message: string }
interface Person { id: string; name: string; unitName?: string | null }
interface Staff { financeHead: Person | null; accountants: Person[]; cashiers: Person[]; lastCashierId: string | null; candidates: Person[] }
interface Iou { description: string; amountFen: number; issuer?: string }
interface Row {
  id: string; no: string; kind: string; countedOn: string; cashierName: string; supervisorName: string; designatedByName: string; bookFen: number; cashFen: number;
  iouFen: number; ious: Iou[]; differenceFen: number; overLimit: boolean; depositPlannedOn: string | null; flags: string[]; explanation: string | null; status: string;
}
interface ScheduleLine { key: string; label: string; kind: string; required: number; done: number; state: string }
const KIND: Record<string, string> = { scheduled: '定期盘点', unscheduled: '不定期盘点' };
const FLAG: Record<string, string> = { 'FIN-03': '账实不符', 'FIN-02.3': '白条抵库', 'FIN-02.2': '超限额' };
const signed = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : fen < 0 ? `-${yuan(-fen)}` : yuan(0));
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

export default function CashCountPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [items, setItems] = useState<Row[]>([]);
  const [schedule, setSchedule] = useState<ScheduleLine[]>([]);
  const [staff, setStaff] = useState<Staff | null>(null);
  const [closing, setClosing] = useState<Row | null>(null);
  const [explanation, setExplanation] = useState('');
  const { can } = useAuth();
  const finance = can('finance.cash');
  const { message } = App.useApp();
  const book = Form.useWatch('book', form) ?? 0;
  const cash = Form.useWatch('cash', form) ?? 0;
  const ious = (Form.useWatch('ious', form) ?? []) as { amount?: number }[];
  const load = () => {
    api.get<{ items: Row[] }>('/finance/cash-counts').then((r) => setItems(r.items), setError);
    api.get<{ items: ScheduleLine[] }>('/finance/cash-counts/schedule').then((r) => setSchedule(r.items), setError);
  };
  useEffect(load, []);
  useEffect(() => {
    if (!finance) return;
    api.get<Staff>('/finance/cash-counts/staff').then((s) => {
      setStaff(s);
      form.setFieldsValue({ cashier: s.cashiers[0]?.id ?? s.lastCashierId ?? undefined, supervisor: s.accountants[0]?.id, designatedBy: s.financeHead?.id });
    }, setError);
  }, [finance]);

  async function submit(ack: string[] = []) {
    try {
      const v = await form.validateFields();
      const count = {
        kind: v.kind, countedOn: v.countedOn, cashierPersonId: v.cashier, supervisorPersonId: v.supervisor, designatedByPersonId: v.designatedBy,
        supervisorJustification: v.justification || undefined, bookFen: toFen(v.book), cashFen: toFen(v.cash), depositPlannedOn: v.depositPlannedOn || undefined, note: v.note || undefined,
        ious: (v.ious ?? []).filter((i: { description?: string }) => i?.description).map((i: { description: string; amount: number; issuer?: string }) => ({ description: i.description, amountFen: toFen(i.amount), issuer: i.issuer || undefined })),
      };
      await api.post('/finance/cash-counts', { count, acknowledged: ack });
      message.success('盘点已登记');
      setWarnings([]);
      setError(null);
      form.resetFields(['book', 'cash', 'ious', 'justification', 'depositPlannedOn', 'note']);
      load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') { setWarnings(((e.details as { warnings?: Warning[] })?.warnings) ?? []); setError(null); }
      else { setError(e); setWarnings([]); }
    }
  }
  async function close() {
    if (!closing) return;
    try {
      await api.post(`/finance/cash-counts/${closing.id}/close`, { explanation: explanation || undefined });
      message.success('盘点已结束');
      setError(null);
      setClosing(null);
      load();
    } catch (e) { setError(e); setClosing(null); }
  }

  const people = (staff?.candidates ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.unitName ? `（${p.unitName}）` : ''}` }));
  const overdue = schedule.filter((l) => l.state === 'overdue');
  const due = schedule.filter((l) => l.state === 'due');
  const exceptions = items.filter((r) => r.flags.length > 0);
  const iouFen = ious.reduce((s, i) => s + toFen(i?.amount), 0);
  const columns = [
    { title: '编号', dataIndex: 'no' }, { title: '日期', dataIndex: 'countedOn' }, { title: '类型', dataIndex: 'kind', render: (v: string) => KIND[v] ?? v },
    { title: '出纳', dataIndex: 'cashierName' }, { title: '监盘人', dataIndex: 'supervisorName' }, { title: '账面余额', dataIndex: 'bookFen', render: (v: number) => yuan(v) },
    { title: '实存现金', dataIndex: 'cashFen', render: (v: number) => yuan(v) }, { title: '白条', dataIndex: 'iouFen', render: (v: number) => (v ? yuan(v) : '—') },
    { title: '差额', dataIndex: 'differenceFen', render: (v: number) => <span style={{ color: v !== 0 ? '#cf1322' : undefined }}>{signed(v)}</span> },
    { title: '问题', dataIndex: 'flags', render: (v: string[]) => v.map((f) => <Tag key={f} color="red">{FLAG[f] ?? f}（{f}）</Tag>) },
    { title: '说明', dataIndex: 'explanation' },
    { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'closed' ? '已结束' : <Tag color="orange">盘点中</Tag>) },
    { title: '', render: (_: unknown, r: Row) => <Space>
      <a href={downloadUrl(`/finance/cash-counts/${r.id}/record.pdf`)}>打印</a>
      {finance && r.status === 'open' && <Button size="small" onClick={() => { setExplanation(''); setClosing(r); }}>结束盘点</Button>}
    </Space> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {overdue.length > 0 && <Alert type="error" showIcon title={`逾期未盘点 ${overdue.length} 项（FIN-03）`} description={overdue.map((l) => <div key={`${l.kind}${l.key}`}>{l.label}：{KIND[l.kind]}应{l.required}次，已{l.done}次</div>)} />}
      {due.length > 0 && <Alert type="info" showIcon title="本期应完成的盘点" description={due.map((l) => <div key={`${l.kind}${l.key}`}>{l.label}：{KIND[l.kind]}应{l.required}次，已{l.done}次</div>)} />}
      {finance && (
        <Card title="登记现金盘点">
          <Typography.Paragraph type="secondary">市办应当定期和不定期进行现金盘点，确保现金账面余额与实际库存相符。盘点一般由财务负责人指定会计人员进行监盘（财务管理制度三（二））。白条不计入库存现金（三（一）3）。</Typography.Paragraph>
          <ErrorAlert error={error} />
          {warnings.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请确认以下提示后登记"
              description={<>{warnings.map((w) => <div key={w.ruleId}>{w.message}（{w.ruleId} {w.cite}）</div>)}
                <Button size="small" style={{ marginTop: 8 }} data-testid="cash-confirm" onClick={() => submit(warnings.map((w) => w.ruleId))}>确认并登记</Button></>} />
          )}
          <Form form={form} layout="vertical" initialValues={{ kind: 'scheduled', countedOn: today() }}>
            <Space wrap>
              <Form.Item label="盘点类型" name="kind" rules={[{ required: true }]}><Select style={{ width: 140 }} options={Object.entries(KIND).map(([value, label]) => ({ value, label }))} /></Form.Item>
              <Form.Item label="盘点日期" name="countedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item label="出纳（现金保管人）" name="cashier" rules={[{ required: true, message: '请选择出纳' }]}><Select data-testid="cash-cashier" style={{ width: 180 }} options={people} showSearch optionFilterProp="label" /></Form.Item>
              <Form.Item label="监盘人" name="supervisor" rules={[{ required: true, message: '请选择监盘人' }]}><Select data-testid="cash-supervisor" style={{ width: 180 }} options={people} showSearch optionFilterProp="label" /></Form.Item>
              <Form.Item label="指定人（财务负责人）" name="designatedBy" rules={[{ required: true }]}><Select data-testid="cash-designated-by" style={{ width: 180 }} options={people} showSearch optionFilterProp="label" /></Form.Item>
            </Space>
            <Form.Item label="监盘人不是会计人员时的指定理由" name="justification"><Input placeholder={staff?.accountants.length ? `会计：${staff.accountants.map((a) => a.name).join('、')}` : ''} /></Form.Item>
            <Space wrap>
              <Form.Item label="现金账面余额（元）" name="book" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
              <Form.Item label="实际库存现金（元，不含白条）" name="cash" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
              <Form.Item label="计划送存银行日期（超限额时）" name="depositPlannedOn"><Input type="date" /></Form.Item>
            </Space>
            <Typography.Text strong>白条（不符合规定的凭证，单独登记，不计入库存现金）</Typography.Text>
            <Form.List name="ious">
              {(fields, { add, remove }) => <>
                {fields.map((f) => <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '请填写白条内容' }]}><Input placeholder="内容" style={{ width: 240 }} /></Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0.01} precision={2} placeholder="金额（元）" /></Form.Item>
                  <Form.Item name={[f.name, 'issuer']}><Input placeholder="出具人" /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>)}
                <Button style={{ marginBottom: 12 }} onClick={() => add()}>添加白条</Button>
              </>}
            </Form.List>
            <Form.Item label="备注" name="note"><Input /></Form.Item>
            <Typography.Paragraph>账实差额（实存 − 账面）：<strong style={{ color: toFen(cash) !== toFen(book) ? '#cf1322' : undefined }}>{signed(toFen(cash) - toFen(book))}</strong>{iouFen > 0 && `；白条${yuan(iouFen)}不计入库存现金`}</Typography.Paragraph>
            <Button type="primary" onClick={() => submit()}>登记盘点</Button>
          </Form>
        </Card>
      )}
      <Card title="现金盘点记录" extra={<Button href={downloadUrl('/finance/ledger/cash-counts.xlsx')}>导出现金盘点台账（XLSX）</Button>}>
        {!finance && <ErrorAlert error={error} />}
        <Tabs items={[
          { key: 'all', label: '全部盘点', children: <Table rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={columns} /> },
          { key: 'exceptions', label: `有差额、白条或超限额（${exceptions.length}）`, children: <Table rowKey="id" dataSource={exceptions} pagination={{ pageSize: 20 }} columns={columns} /> },
        ]} />
      </Card>
      <Modal open={!!closing} title={`结束盘点 ${closing?.no ?? ''}`} onCancel={() => setClosing(null)} onOk={close} okText="结束盘点">
        {closing && (closing.differenceFen !== 0 || closing.iouFen > 0) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`账实差额${signed(closing.differenceFen)}${closing.iouFen ? `，白条${yuan(closing.iouFen)}` : ''}，须填写差异原因说明（FIN-03）`} />}
        <Input.TextArea rows={4} data-testid="cash-explanation" value={explanation} onChange={(e) => setExplanation(e.target.value)} placeholder="差异原因说明" />
      </Modal>
    </Space>
  );
}
