import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, toFen, yuan } from './labels';

/**
 * 公务接待管理 (综合科, RECEP-04): the designated-hotel list with agreement prices (RECEP-14), the
 * year's reception budget (RECEP-21(a), E-REC-7), payment of settled receptions (RECEP-21(d),
 * RECEP-23) and filing of the full set within the working-day deadline (RECEP-26, E-REC-6).
 */
interface Hotel { id: string; name: string; kind: 'designated' | 'internal'; address: string; prices: Record<string, number>; agreementRef: string; active: boolean }
interface Budget { year: number; totalFen: number | null; committedFen: number; paidFen: number; remainingFen: number | null; note: string }
interface Row { id: string; year: number; seq: number; unitName: string | null; personName: string; guestUnit: string; visitStart: string; guests: number; status: string; flowInstanceId: string;
  estimatedFen: number; paidOn: string | null; paidFen: number | null; filedOn: string | null; archiveRef: string | null; listReviewedBy: string | null }
interface Unfiled { id: string; dueOn: string; overdue: boolean }
interface Unit { id: string; name: string }
interface UnitTree extends Unit { children: UnitTree[] }

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const PAYERS = [['office', '本办'], ['subordinate', '下级单位'], ['other_unit', '其他单位'], ['enterprise', '企业'], ['individual', '个人']].map(([value, label]) => ({ value, label }));

export default function ReceptionAdminPage() {
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title="公务接待管理（综合科）">
      <Typography.Paragraph type="secondary">市办综合科是本单位公务接待工作的管理科室（公务接待制度第4条）；所有接待材料交综合科备案（公务接待流程图第6步）。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Tabs items={[
        { key: 'register', label: '接待登记簿与备案', children: <Register onError={setError} /> },
        { key: 'hotels', label: '定点宾馆', children: <Hotels onError={setError} /> },
        { key: 'budget', label: '接待费预算', children: <BudgetTab onError={setError} /> },
      ]} />
    </Card>
  );
}

function Register({ onError }: { onError: (e: unknown) => void }) {
  const [year, setYear] = useState<number>(thisYear());
  const [unitId, setUnitId] = useState<string | undefined>();
  const [units, setUnits] = useState<Unit[]>([]);
  const [items, setItems] = useState<Row[]>([]);
  const [due, setDue] = useState<Record<string, Unfiled>>({});
  const [days, setDays] = useState(10);
  const [acting, setActing] = useState<{ row: Row; mode: 'pay' | 'file' } | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const query = `year=${year}${unitId ? `&unitId=${unitId}` : ''}`;
  const load = () => {
    api.get<{ items: Row[] }>(`/finance/receptions?scope=all&${query}`).then((r) => setItems(r.items), onError);
    api.get<{ items: Unfiled[]; filingDays: number }>('/finance/reception-filing/unfiled').then((r) => { setDue(Object.fromEntries(r.items.map((x) => [x.id, x]))); setDays(r.filingDays); }, onError);
  };
  useEffect(() => {
    api.get<{ units: UnitTree[] }>('/org/units').then((r) => {
      const flat: Unit[] = [];
      const walk = (n: UnitTree) => { flat.push({ id: n.id, name: n.name }); n.children.forEach(walk); };
      r.units.forEach(walk);
      setUnits(flat);
    }, () => setUnits([]));
  }, []);
  useEffect(load, [query]);

  async function act() {
    if (!acting) return;
    try {
      const v = await form.validateFields();
      if (acting.mode === 'pay') await api.post(`/finance/receptions/${acting.row.id}/payment`, v);
      else await api.post(`/finance/receptions/${acting.row.id}/filing`, v);
      message.success(acting.mode === 'pay' ? '已登记支付' : '接待材料已备案，此后不能再修改');
      setActing(null);
      load();
    } catch (e) { onError(e); setActing(null); }
  }
  const overdue = Object.values(due).filter((d) => d.overdue).length;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年度</span><InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} />
        <span>报告部门</span><Select allowClear style={{ width: 180 }} value={unitId} onChange={setUnitId} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <Button href={downloadUrl(`/finance/ledger/receptions.xlsx?${query}`)}>导出公务接待登记簿（XLSX）</Button>
      </Space>
      <Typography.Paragraph type="secondary">接待费支付后{days}个工作日内将公函、审批报告单（接待方案）、接待清单、发票、结算清单和支付凭证交综合科备案（RECEP-26）。{overdue > 0 && <Tag color="red">逾期未备案 {overdue} 件</Tag>}</Typography.Paragraph>
      <Table rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '编号', render: (_: unknown, r: Row) => `${r.year}年第${r.seq}号` }, { title: '报告部门', dataIndex: 'unitName' }, { title: '经办人', dataIndex: 'personName' },
        { title: '被接待单位', dataIndex: 'guestUnit' }, { title: '来白时间', dataIndex: 'visitStart' }, { title: '人数', dataIndex: 'guests' },
        { title: '审批', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
        { title: '预计费用', dataIndex: 'estimatedFen', render: (v: number) => yuan(v) },
        { title: '支付', render: (_: unknown, r: Row) => (r.paidOn ? `${r.paidOn} ${yuan(r.paidFen ?? 0)}` : '—') },
        { title: '备案', render: (_: unknown, r: Row) => {
          if (r.filedOn) return <Tag color="green">已备案 {r.filedOn}（{r.archiveRef}）</Tag>;
          const d = due[r.id];
          return d ? <Tag color={d.overdue ? 'red' : 'orange'}>{d.overdue ? '逾期未备案' : '待备案'}，期限 {d.dueOn}</Tag> : '—';
        } },
        { title: '', render: (_: unknown, r: Row) => <Space>
          <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link>
          {r.status === 'approved' && !r.paidOn && <Button size="small" onClick={() => { form.resetFields(); form.setFieldsValue({ method: 'transfer', payer: 'office' }); setActing({ row: r, mode: 'pay' }); }}>登记支付</Button>}
          {r.paidOn && !r.filedOn && <Button size="small" type="primary" onClick={() => { form.resetFields(); setActing({ row: r, mode: 'file' }); }}>备案登记</Button>}
        </Space> },
      ]} />
      <Modal open={!!acting} title={acting?.mode === 'pay' ? '登记接待费支付' : '接待材料备案'} onCancel={() => setActing(null)} onOk={act} okText={acting?.mode === 'pay' ? '登记支付' : '确认备案'}>
        <Form form={form} layout="vertical">
          {acting?.mode === 'pay' ? <>
            <Form.Item label="支付日期" name="paidOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="支付方式（不得以现金支付）" name="method"><Select options={[{ value: 'transfer', label: '银行转账' }, { value: 'card', label: '公务卡' }, { value: 'cash', label: '现金' }]} /></Form.Item>
            <Form.Item label="付款单位" name="payer"><Select options={PAYERS} /></Form.Item>
            <Form.Item label="支付凭证（银行回单号或POS凭条号）" name="proofRef" rules={[{ required: true }]}><Input /></Form.Item>
          </> : <>
            <Typography.Paragraph>系统将核对公函、审批报告单、接待清单（已审查）、发票、结算清单和支付凭证是否齐全；备案后该接待不能再修改。</Typography.Paragraph>
            <Form.Item label="备案档号" name="archiveRef" rules={[{ required: true }]}><Input /></Form.Item>
          </>}
        </Form>
      </Modal>
    </>
  );
}

function Hotels({ onError }: { onError: (e: unknown) => void }) {
  const [items, setItems] = useState<Hotel[]>([]);
  const [standardFen, setStandardFen] = useState(0);
  const [editing, setEditing] = useState<Hotel | 'new' | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const load = () => api.get<{ items: Hotel[]; standardFen: number }>('/finance/reception-hotels').then((r) => { setItems(r.items); setStandardFen(r.standardFen); }, onError);
  useEffect(() => { load(); }, []);
  function open(h: Hotel | 'new') {
    form.resetFields();
    if (h !== 'new') form.setFieldsValue({ ...h, standard: h.prices.standard / 100, single: h.prices.single ? h.prices.single / 100 : undefined, suite: h.prices.suite ? h.prices.suite / 100 : undefined });
    else form.setFieldsValue({ kind: 'designated', active: true });
    setEditing(h);
  }
  async function save() {
    try {
      const v = await form.validateFields();
      const prices = { standard: toFen(v.standard), ...(v.single ? { single: toFen(v.single) } : {}), ...(v.suite ? { suite: toFen(v.suite) } : {}) };
      await api.post('/finance/reception-hotels', { id: editing !== 'new' ? editing?.id : undefined, name: v.name, kind: v.kind, address: v.address ?? '', agreementRef: v.agreementRef ?? '', active: !!v.active, prices });
      message.success('已保存');
      setEditing(null);
      load();
    } catch (e) { onError(e); setEditing(null); }
  }
  return (
    <>
      <Typography.Paragraph type="secondary">接待住宿在定点宾馆或者机关内部接待场所安排，执行协议价格，以标准间为主（公务接待制度第14条）。当地财政住宿标准：每间每晚 {yuan(standardFen)}。</Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>新增定点宾馆</Button>
      <Table rowKey="id" dataSource={items} pagination={false} columns={[
        { title: '名称', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (v: string) => (v === 'internal' ? '机关内部接待场所' : '定点宾馆') },
        { title: '标准间协议价', render: (_: unknown, h: Hotel) => yuan(h.prices.standard) },
        { title: '单人间', render: (_: unknown, h: Hotel) => (h.prices.single ? yuan(h.prices.single) : '—') },
        { title: '套间', render: (_: unknown, h: Hotel) => (h.prices.suite ? yuan(h.prices.suite) : '—') },
        { title: '协议依据', dataIndex: 'agreementRef' }, { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '有效' : <Tag>停用</Tag>) },
        { title: '', render: (_: unknown, h: Hotel) => <Button size="small" onClick={() => open(h)}>修改</Button> },
      ]} />
      <Modal open={!!editing} title={editing === 'new' ? '新增定点宾馆' : '修改定点宾馆'} onCancel={() => setEditing(null)} onOk={save} okText="保存">
        <Form form={form} layout="vertical">
          <Form.Item label="名称" name="name" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="类别" name="kind"><Select options={[{ value: 'designated', label: '定点宾馆' }, { value: 'internal', label: '机关内部接待场所' }]} /></Form.Item>
          <Form.Item label="地址" name="address"><Input /></Form.Item>
          <Space wrap>
            <Form.Item label="标准间协议价（元）" name="standard" rules={[{ required: true }]}><InputNumber min={0.01} precision={2} /></Form.Item>
            <Form.Item label="单人间（元）" name="single"><InputNumber min={0.01} precision={2} /></Form.Item>
            <Form.Item label="套间（元）" name="suite"><InputNumber min={0.01} precision={2} /></Form.Item>
          </Space>
          <Form.Item label="协议依据" name="agreementRef"><Input /></Form.Item>
          <Form.Item name="active" valuePropName="checked"><Checkbox>有效</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function BudgetTab({ onError }: { onError: (e: unknown) => void }) {
  const [year, setYear] = useState(thisYear());
  const [b, setB] = useState<Budget | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const load = () => api.get<Budget>(`/finance/reception-budgets/${year}`).then(setB, onError);
  useEffect(() => { load(); }, [year]);
  async function save() {
    try {
      const v = await form.validateFields();
      setB(await api.post<Budget>('/finance/reception-budgets', { year, totalFen: toFen(v.total), note: v.note ?? '' }));
      message.success('接待费预算已设置');
    } catch (e) { onError(e); }
  }
  return (
    <>
      <Typography.Paragraph type="secondary">应当加强对公务接待经费的预算管理，合理限定接待费预算总额（公务接待制度第18条）；审批接待时预计费用使已承诺与已支付合计超过预算的，不予审批（RECEP-21）。</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}><span>年度</span><InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} /></Space>
      {b && <Descriptions bordered size="small" column={4} items={[
        { label: '预算总额', children: b.totalFen === null ? '未设置' : yuan(b.totalFen) }, { label: '已承诺（已批准未支付）', children: yuan(b.committedFen) },
        { label: '已支付', children: yuan(b.paidFen) }, { label: '剩余', children: b.remainingFen === null ? '—' : yuan(b.remainingFen) },
      ]} />}
      <Form form={form} layout="inline" style={{ marginTop: 12 }}>
        <Form.Item label="预算总额（元）" name="total" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
        <Form.Item label="说明" name="note"><Input /></Form.Item>
        <Button type="primary" onClick={save}>设置</Button>
      </Form>
    </>
  );
}
