import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { PersonPicker } from '../flow/PersonPicker';

/**
 * 公务用车 (公务用车使用管理细则): the 派车单 (VUR-F1) in the five permitted cases, my requests with
 * the printable slip and the 回执, 综合科's dispatch (vehicle and driver, no double booking), the
 * register, repairs (VUR-F2), rentals (VUR-F3), the fuel ledger and the drivers' records.
 */
const CASES = [
  [1, '（一）办领导赴省扶贫办汇报、赴县（市、区）或市外出差'],
  [2, '（二）副厅级及以上领导来白调研检查，主要领导或分管领导陪同'],
  [3, '（三）省办统一安排，处级及以下领导来白调研检查，需办领导陪同'],
  [4, '（四）办统一安排开展专项督查、评审、调研'],
  [5, '（五）省扶贫办、市委市政府领导批示和督办件，需办领导赴县办理'],
].map(([value, label]) => ({ value: value as number, label: label as string }));
const STATUS: Record<string, string> = { pending: '审批中', approved: '已批准待派车', rejected: '未批准', withdrawn: '已撤回', returned: '退回修改', dispatched: '已派车', completed: '已回执', draft: '待补办审批单', settled: '已结算' };
const yuan = (fen: number | null | undefined) => (fen == null ? '' : `${(fen / 100).toFixed(2)}元`);
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3) : '');

interface RequestRow { id: string; kind: string; flowInstanceId: string; personName: string; userPersonId: string; userName: string; destination: string; purpose: string; startAt: string; endAt: string; status: string; plates: string | null; driverName: string | null; returnedAt: string | null }
interface Vehicle { id: string; plate: string; brandModel: string; vehicleType: string; ownership: string; seats: number; odometerKm: number; status: string }
interface Driver { id: string; personId: string | null; name: string; licenseNo: string; licenseClass: string; phone: string; incidents: number; finesFen: number }

function RequestForm() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [ack, setAck] = useState<string[]>([]);
  const navigate = useNavigate();
  const { me } = useAuth();
  const { message } = App.useApp();
  async function submit() {
    try {
      const v = await form.validateFields();
      const body = {
        kind: v.kind, useCase: v.useCase ?? null, destination: v.destination, itinerary: v.itinerary, purpose: v.purpose, userPersonId: v.userPersonId,
        startAt: v.startAt, endAt: v.endAt,
        documents: v.docTitle ? [{ title: v.docTitle, ref: v.docRef ?? '' }] : [],
        phoneRecord: v.phoneCaller ? { date: v.phoneDate, caller: v.phoneCaller, content: v.phoneContent ?? '' } : null,
        accompanyingLeaderId: v.leaderId ?? null, provincialDocument: v.provincialDocument || null, instructionDocument: v.instructionDocument || null,
        passengers: (v.passengers ?? '').split(/[、,，\s]+/).filter(Boolean).map((name: string) => ({ name, kind: 'staff' })),
        rankReason: v.rankReason || null,
      };
      const res = await api.post<{ instanceId: string }>('/vehicles/requests', { form: body, acknowledged: ack });
      message.success('派车单已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) setAck((a) => [...new Set([...a, e.rule!.id])]);
      setError(e);
    }
  }
  return (
    <Card title="各部门公务用车派车单">
      <ErrorAlert error={error} />
      {ack.length > 0 && <Typography.Paragraph type="warning">已阅提示：{ack.join('、')}；确认无误后再次点击“提交派车单”。</Typography.Paragraph>}
      <Typography.Paragraph type="secondary">严禁违规或超范围使用公务车辆；须提供相关文件或电话记录，由办主要领导签字（公务用车使用管理细则第三条、第四条）。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'fleet', userPersonId: me?.personId ?? undefined }}>
        <Form.Item label="用车方式" name="kind"><Radio.Group options={[{ value: 'fleet', label: '本办车辆（综合科调度）' }, { value: 'municipal', label: '向市机关事务管理局申请' }]} /></Form.Item>
        <Form.Item label="用车情形（第四条）" name="useCase"><Select allowClear options={CASES} data-testid="vehicle-use-case" placeholder="请选择" /></Form.Item>
        <Space wrap>
          <Form.Item label="目的地" name="destination" rules={[{ required: true, message: '请填写目的地' }]}><Input /></Form.Item>
          <Form.Item label="事由" name="purpose" rules={[{ required: true, message: '请填写事由' }]}><Input style={{ width: 320 }} /></Form.Item>
        </Space>
        <Form.Item label="行程安排" name="itinerary" rules={[{ required: true, message: '请填写行程安排' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item label="用车开始" name="startAt" rules={[{ required: true, message: '请填写开始时间' }]}><Input type="datetime-local" /></Form.Item>
          <Form.Item label="用车结束" name="endAt" rules={[{ required: true, message: '请填写结束时间' }]}><Input type="datetime-local" /></Form.Item>
          <Form.Item label="用车人" name="userPersonId" rules={[{ required: true }]}><PersonPicker testId="vehicle-user" /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="相关文件名称" name="docTitle"><Input /></Form.Item>
          <Form.Item label="文号" name="docRef"><Input /></Form.Item>
          <Form.Item label="电话记录：日期" name="phoneDate"><Input type="date" /></Form.Item>
          <Form.Item label="来电人" name="phoneCaller"><Input /></Form.Item>
          <Form.Item label="内容" name="phoneContent"><Input /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="陪同领导（情形二、三）" name="leaderId"><PersonPicker /></Form.Item>
          <Form.Item label="省办安排文件（情形三）" name="provincialDocument"><Input /></Form.Item>
          <Form.Item label="批示或督办件（情形五）" name="instructionDocument"><Input /></Form.Item>
        </Space>
        <Form.Item label="乘车人员（本办人员，以顿号分隔；不得携带与公务无关人员）" name="passengers"><Input /></Form.Item>
        <Form.Item label="用车人低于副处级的理由（原则上副处级以上）" name="rankReason"><Input /></Form.Item>
        <Button type="primary" onClick={submit}>提交派车单</Button>
      </Form>
    </Card>
  );
}

function MyRequests() {
  const [items, setItems] = useState<RequestRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [ret, setRet] = useState<Record<string, { at?: string; km?: number }>>({});
  const { me } = useAuth();
  const { message } = App.useApp();
  const load = () => api.get<{ items: RequestRow[] }>('/vehicles/requests?scope=mine').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);
  async function sign(r: RequestRow) {
    try {
      const v = ret[r.id] ?? {};
      await api.post(`/vehicles/requests/${r.id}/return`, { returnedAt: v.at, endKm: v.km ?? null, acknowledged: ['CAR-20'] });
      message.success('回执已签');
      load();
    } catch (e) { setError(e); }
  }
  return (
    <Card title="我的派车单">
      <ErrorAlert error={error} />
      <Table rowKey="id" dataSource={items} pagination={false} data-testid="vehicle-my-requests" columns={[
        { title: '用车时间', render: (_: unknown, r: RequestRow) => `${time(r.startAt)} 至 ${time(r.endAt)}` },
        { title: '目的地', dataIndex: 'destination' }, { title: '用车人', dataIndex: 'userName' },
        { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{STATUS[v] ?? v}</Tag> },
        { title: '车号/驾驶员', render: (_: unknown, r: RequestRow) => [r.plates, r.driverName].filter(Boolean).join(' ') },
        {
          title: '回执', render: (_: unknown, r: RequestRow) => r.status === 'dispatched' && r.userPersonId === me?.personId ? (
            <Space>
              <Input type="datetime-local" size="small" onChange={(e) => setRet((x) => ({ ...x, [r.id]: { ...x[r.id], at: e.target.value } }))} />
              <InputNumber size="small" placeholder="回车里程" onChange={(km) => setRet((x) => ({ ...x, [r.id]: { ...x[r.id], km: (km as number) ?? undefined } }))} />
              <Button size="small" onClick={() => sign(r)}>签回执</Button>
            </Space>
          ) : time(r.returnedAt),
        },
        { title: '', render: (_: unknown, r: RequestRow) => <Space><Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link><a href={downloadUrl(`/vehicles/requests/${r.id}/slip.pdf`)} target="_blank" rel="noreferrer" data-testid={`slip-${r.id}`}>打印派车单</a></Space> },
      ]} />
    </Card>
  );
}

function Dispatch() {
  const [items, setItems] = useState<RequestRow[]>([]);
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [drivers, setDrivers] = useState<Driver[]>([]);
  const [pick, setPick] = useState<Record<string, { vehicleId?: string; driverId?: string; plates?: string; captain?: string }>>({});
  const [ack, setAck] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();
  const load = () => api.get<{ items: RequestRow[] }>('/vehicles/requests?scope=all').then((r) => setItems(r.items), setError);
  useEffect(() => {
    load();
    api.get<{ items: Vehicle[] }>('/vehicles/vehicles').then((r) => setVehicles(r.items), setError);
    api.get<{ items: Driver[] }>('/vehicles/drivers').then((r) => setDrivers(r.items), setError);
  }, []);
  async function assign(r: RequestRow) {
    setError(null);
    try {
      const p = pick[r.id] ?? {};
      if (r.kind === 'fleet') await api.post(`/vehicles/requests/${r.id}/assign`, { vehicleId: p.vehicleId, driverId: p.driverId, acknowledged: ack });
      else await api.post(`/vehicles/requests/${r.id}/municipal-dispatch`, { vehicleType: '轿车', count: 1, plates: p.plates ?? '', captain: p.captain ?? '' });
      message.success('已派车');
      load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) setAck((a) => [...new Set([...a, e.rule!.id])]);
      setError(e);
    }
  }
  const set = (id: string, k: string, v: string) => setPick((x) => ({ ...x, [id]: { ...x[id], [k]: v } }));
  return (
    <Card title="综合科统一调度" extra={<Button href={downloadUrl('/vehicles/ledger/requests.xlsx')}>导出派车台账（XLSX）</Button>}>
      <ErrorAlert error={error} />
      <Table rowKey="id" dataSource={items} pagination={{ pageSize: 15 }} data-testid="vehicle-dispatch" columns={[
        { title: '用车时间', render: (_: unknown, r: RequestRow) => `${time(r.startAt)} 至 ${time(r.endAt)}` },
        { title: '申请人', dataIndex: 'personName' }, { title: '目的地', dataIndex: 'destination' },
        { title: '方式', dataIndex: 'kind', render: (v: string) => (v === 'fleet' ? '本办车辆' : '机关事务管理局') },
        { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{STATUS[v] ?? v}</Tag> },
        {
          title: '派车', render: (_: unknown, r: RequestRow) => r.status !== 'approved' ? [r.plates, r.driverName].filter(Boolean).join(' ') : r.kind === 'fleet' ? (
            <Space>
              <Select size="small" style={{ width: 130 }} placeholder="车辆" data-testid={`assign-vehicle-${r.id}`} options={vehicles.map((v) => ({ value: v.id, label: v.plate }))} onChange={(v) => set(r.id, 'vehicleId', v)} />
              <Select size="small" style={{ width: 150 }} placeholder="驾驶员" data-testid={`assign-driver-${r.id}`} options={drivers.map((d) => ({ value: d.id, label: d.name }))} onChange={(v) => set(r.id, 'driverId', v)} />
              <Button size="small" type="primary" data-testid={`assign-${r.id}`} onClick={() => assign(r)}>派车</Button>
            </Space>
          ) : (
            <Space>
              <Input size="small" placeholder="车号" onChange={(e) => set(r.id, 'plates', e.target.value)} />
              <Input size="small" placeholder="车队长" onChange={(e) => set(r.id, 'captain', e.target.value)} />
              <Button size="small" type="primary" onClick={() => assign(r)}>登记派车</Button>
            </Space>
          ),
        },
        { title: '', render: (_: unknown, r: RequestRow) => <a href={downloadUrl(`/vehicles/requests/${r.id}/slip.pdf`)} target="_blank" rel="noreferrer">派车单</a> },
      ]} />
    </Card>
  );
}

function Register() {
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [drivers, setDrivers] = useState<Driver[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const load = () => {
    api.get<{ items: Vehicle[] }>('/vehicles/vehicles').then((r) => setVehicles(r.items), setError);
    api.get<{ items: Driver[] }>('/vehicles/drivers').then((r) => setDrivers(r.items), setError);
  };
  useEffect(load, []);
  async function add() {
    try {
      const v = await form.validateFields();
      await api.post('/vehicles/vehicles', { ...v, odometerKm: v.odometerKm ?? 0 });
      form.resetFields();
      load();
    } catch (e) { setError(e); }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="车辆登记簿" extra={<Space><Button href={downloadUrl('/vehicles/ledger/vehicles.xlsx')}>导出车辆（XLSX）</Button><Button href={downloadUrl('/vehicles/ledger/costs.xlsx')}>导出公务用车费（XLSX）</Button></Space>}>
        <ErrorAlert error={error} />
        <Table rowKey="id" dataSource={vehicles} pagination={false} columns={[
          { title: '车牌号', dataIndex: 'plate' }, { title: '品牌型号', dataIndex: 'brandModel' }, { title: '种类', dataIndex: 'vehicleType' },
          { title: '来源', dataIndex: 'ownership', render: (v: string) => ({ own: '本办车辆', pool: '机关事务管理局调派', rented: '租赁' }[v] ?? v) },
          { title: '座位', dataIndex: 'seats' }, { title: '里程（km）', dataIndex: 'odometerKm' },
        ]} />
        <Form form={form} layout="inline" style={{ marginTop: 12 }} initialValues={{ ownership: 'own', vehicleType: '轿车', seats: 5 }}>
          <Form.Item name="plate" rules={[{ required: true, message: '车牌号' }]}><Input placeholder="车牌号" /></Form.Item>
          <Form.Item name="brandModel" rules={[{ required: true, message: '品牌型号' }]}><Input placeholder="品牌型号" /></Form.Item>
          <Form.Item name="vehicleType"><Input placeholder="种类" style={{ width: 90 }} /></Form.Item>
          <Form.Item name="ownership"><Select style={{ width: 160 }} options={[{ value: 'own', label: '本办车辆' }, { value: 'pool', label: '机关事务管理局调派' }, { value: 'rented', label: '租赁' }]} /></Form.Item>
          <Form.Item name="seats"><InputNumber min={1} placeholder="座位" /></Form.Item>
          <Form.Item name="odometerKm"><InputNumber min={0} placeholder="里程" /></Form.Item>
          <Button onClick={add}>登记车辆</Button>
        </Form>
      </Card>
      <Card title="驾驶员登记簿" extra={<Space><Button href={downloadUrl('/vehicles/ledger/drivers.xlsx')}>导出驾驶员（XLSX）</Button><Button href={downloadUrl('/vehicles/ledger/driver-records.xlsx')}>导出驾驶员记录（XLSX）</Button></Space>}>
        <Table rowKey="id" dataSource={drivers} pagination={false} columns={[
          { title: '姓名', dataIndex: 'name' }, { title: '驾驶证号', dataIndex: 'licenseNo' }, { title: '准驾车型', dataIndex: 'licenseClass' }, { title: '电话', dataIndex: 'phone' },
          { title: '记录', dataIndex: 'incidents' }, { title: '个人承担罚款', dataIndex: 'finesFen', render: (v: number) => yuan(v) },
        ]} />
      </Card>
    </Space>
  );
}

interface Repair { id: string; flowInstanceId: string | null; plate: string; driverName: string; items: { item: string; part?: string }[]; budgetFen: number; shop: string; status: string; partsReturned: string[]; invoiceAmountFen: number | null }
function Repairs() {
  const [items, setItems] = useState<Repair[]>([]);
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const load = () => api.get<{ items: Repair[] }>('/vehicles/repairs').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); api.get<{ items: Vehicle[] }>('/vehicles/vehicles').then((r) => setVehicles(r.items), setError); }, []);
  async function submit() {
    try {
      const v = await form.validateFields();
      const res = await api.post<{ instanceId: string }>('/vehicles/repairs', { form: { vehicleId: v.vehicleId, items: [{ item: v.item, part: v.part || undefined, quantity: v.quantity || undefined }], budgetFen: Math.round((v.budget ?? 0) * 100), shop: v.shop } });
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }
  return (
    <Card title="车辆维修（驾驶员填写《车辆维修申请审批单》）" extra={<Button href={downloadUrl('/vehicles/ledger/repairs.xlsx')}>导出维修台账（XLSX）</Button>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" initialValues={{ shop: '白城市公务用车定点维修厂（演示）' }} style={{ marginBottom: 12 }}>
        <Form.Item name="vehicleId" rules={[{ required: true, message: '车辆' }]}><Select style={{ width: 130 }} placeholder="车牌号" options={vehicles.map((x) => ({ value: x.id, label: x.plate }))} /></Form.Item>
        <Form.Item name="item" rules={[{ required: true, message: '维修项目' }]}><Input placeholder="维修项目" /></Form.Item>
        <Form.Item name="part"><Input placeholder="更换配件（如有）" /></Form.Item>
        <Form.Item name="quantity"><InputNumber min={1} placeholder="数量" /></Form.Item>
        <Form.Item name="budget" rules={[{ required: true, message: '预算金额' }]}><InputNumber min={0} precision={2} placeholder="预算维修金额（元）" style={{ width: 160 }} /></Form.Item>
        <Form.Item name="shop"><Input placeholder="修配厂" style={{ width: 240 }} /></Form.Item>
        <Button type="primary" onClick={submit}>提交维修申请</Button>
      </Form>
      <Table rowKey="id" dataSource={items} pagination={{ pageSize: 15 }} columns={[
        { title: '车牌号', dataIndex: 'plate' }, { title: '驾驶员', dataIndex: 'driverName' },
        { title: '维修项目', render: (_: unknown, r: Repair) => r.items.map((i) => i.item + (i.part ? `（更换${i.part}）` : '')).join('；') },
        { title: '核定金额', dataIndex: 'budgetFen', render: (v: number) => yuan(v) }, { title: '修配厂', dataIndex: 'shop' },
        { title: '原配件交回', dataIndex: 'partsReturned', render: (v: string[]) => v.join('、') || '—' },
        { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{STATUS[v] ?? v}</Tag> },
        { title: '', render: (_: unknown, r: Repair) => r.flowInstanceId && <Space><Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link><a href={downloadUrl(`/vehicles/repairs/${r.id}/form.pdf`)} target="_blank" rel="noreferrer">打印</a></Space> },
      ]} />
    </Card>
  );
}

interface Rental { id: string; flowInstanceId: string; no: string; unitName: string | null; passengers: number; purpose: string; startDate: string; endDate: string; brandModel: string | null; status: string }
function Rentals() {
  const [items, setItems] = useState<Rental[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const load = () => api.get<{ items: Rental[] }>('/vehicles/rentals').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);
  async function submit() {
    try {
      const v = await form.validateFields();
      const names = (v.names ?? '').split(/[、,，\s]+/).filter(Boolean);
      const res = await api.post<{ instanceId: string }>('/vehicles/rentals', { form: { passengers: v.passengers, purpose: v.purpose, names, startDate: v.startDate, endDate: v.endDate || v.startDate, places: v.places, useCase: v.useCase ?? null, remark: v.remark ?? '' }, acknowledged: v.useCase ? [] : ['CAR-04'] });
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }
  return (
    <Card title="租车申请审批单" extra={<Button href={downloadUrl('/vehicles/ledger/rentals.xlsx')}>导出租车台账（XLSX）</Button>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ passengers: 1 }}>
        <Space wrap>
          <Form.Item label="乘车人数" name="passengers" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item label="乘车人员名单（顿号分隔，人数须一致）" name="names" rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item label="用车情形" name="useCase"><Select allowClear style={{ width: 320 }} options={CASES} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="租车用途" name="purpose" rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item label="开始日期" name="startDate" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="结束日期" name="endDate"><Input type="date" /></Form.Item>
          <Form.Item label="用车起止地点" name="places" rules={[{ required: true }]}><Input /></Form.Item>
        </Space>
        <Form.Item label="备注" name="remark"><Input /></Form.Item>
        <Button type="primary" onClick={submit}>提交租车申请</Button>
      </Form>
      <Table style={{ marginTop: 12 }} rowKey="id" dataSource={items} pagination={false} columns={[
        { title: '编号', dataIndex: 'no' }, { title: '使用科室', dataIndex: 'unitName' }, { title: '人数', dataIndex: 'passengers' }, { title: '用途', dataIndex: 'purpose' },
        { title: '起止', render: (_: unknown, r: Rental) => `${r.startDate}至${r.endDate}` }, { title: '车辆', dataIndex: 'brandModel' },
        { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{STATUS[v] ?? v}</Tag> },
        { title: '', render: (_: unknown, r: Rental) => <Space><Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link><a href={downloadUrl(`/vehicles/rentals/${r.id}/form.pdf`)} target="_blank" rel="noreferrer">打印</a></Space> },
      ]} />
    </Card>
  );
}

interface Fuel { id: string; plate: string; fueledAt: string; station: string; inCity: boolean; centilitres: number; amountFen: number; driverName: string; driverSignedAt: string | null; managerName: string | null; managerSignedAt: string | null; driverPersonId: string; complete: boolean }
function FuelLedger() {
  const [items, setItems] = useState<Fuel[]>([]);
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const { me } = useAuth();
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const load = () => api.get<{ items: Fuel[] }>('/vehicles/fuel').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); api.get<{ items: Vehicle[] }>('/vehicles/vehicles').then((r) => setVehicles(r.items), setError); }, []);
  async function add() {
    try {
      const v = await form.validateFields();
      await api.post('/vehicles/fuel', {
        vehicleId: v.vehicleId, fueledAt: v.fueledAt, station: v.station, inCity: !v.outOfTown, centilitres: Math.round((v.litres ?? 0) * 100), unitPriceFen: Math.round((v.price ?? 0) * 100),
        payment: v.payment, invoiceNo: v.invoiceNo || null, odometerKm: v.odometerKm ?? null, driverPersonId: v.driverPersonId,
        priorReport: v.outOfTown && v.reportedAt ? { reportedAt: v.reportedAt, channel: '电话' } : null, acknowledged: ['CAR-13'],
      });
      form.resetFields(['litres', 'invoiceNo', 'odometerKm']);
      load();
    } catch (e) { setError(e); }
  }
  async function sign(id: string, as: 'driver' | 'manager') {
    try { await api.post(`/vehicles/fuel/${id}/sign`, { as }); load(); } catch (e) { setError(e); }
  }
  return (
    <Card title="加油台账（车辆管理人员和司机互相签字确认）" extra={<Space><Button href={downloadUrl(`/vehicles/fuel/${month}/ledger.pdf`)} target="_blank">打印本月台账</Button><Button href={downloadUrl('/vehicles/ledger/fuel.xlsx')}>导出加油台账（XLSX）</Button></Space>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ station: '白城市定点加油站（演示）', payment: 'fuel_card', driverPersonId: me?.personId ?? undefined }}>
        <Form.Item name="vehicleId" rules={[{ required: true, message: '车辆' }]}><Select style={{ width: 120 }} placeholder="车牌号" options={vehicles.map((x) => ({ value: x.id, label: x.plate }))} /></Form.Item>
        <Form.Item name="fueledAt" rules={[{ required: true, message: '时间' }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="station"><Input placeholder="加油站" /></Form.Item>
        <Form.Item name="litres" rules={[{ required: true, message: '升' }]}><InputNumber min={0} precision={2} placeholder="升" /></Form.Item>
        <Form.Item name="price" rules={[{ required: true, message: '单价' }]}><InputNumber min={0} precision={2} placeholder="单价（元）" /></Form.Item>
        <Form.Item name="payment"><Select style={{ width: 120 }} options={[{ value: 'fuel_card', label: '加油卡' }, { value: 'official_card', label: '公务银行卡' }, { value: 'cash', label: '现金' }]} /></Form.Item>
        <Form.Item name="invoiceNo"><Input placeholder="发票号" /></Form.Item>
        <Form.Item name="odometerKm"><InputNumber min={0} placeholder="里程表" /></Form.Item>
        <Form.Item name="driverPersonId" rules={[{ required: true }]}><PersonPicker /></Form.Item>
        <Form.Item name="outOfTown" valuePropName="checked"><Checkbox>外地加油</Checkbox></Form.Item>
        <Form.Item name="reportedAt"><Input type="datetime-local" title="事先向综合科长报告的时间" /></Form.Item>
        <Button onClick={add}>登记</Button>
      </Form>
      <Table rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '时间', dataIndex: 'fueledAt', render: (v: string) => time(v) }, { title: '车号', dataIndex: 'plate' }, { title: '加油站', render: (_: unknown, r: Fuel) => `${r.station}${r.inCity ? '' : '（外地）'}` },
        { title: '升', dataIndex: 'centilitres', render: (v: number) => (v / 100).toFixed(2) }, { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
        { title: '司机', render: (_: unknown, r: Fuel) => (r.driverSignedAt ? r.driverName : r.driverPersonId === me?.personId ? <Button size="small" onClick={() => sign(r.id, 'driver')}>签字</Button> : `${r.driverName}（未签）`) },
        { title: '车辆管理人员', render: (_: unknown, r: Fuel) => (r.managerSignedAt ? r.managerName : <Button size="small" onClick={() => sign(r.id, 'manager')}>签字</Button>) },
        { title: '', dataIndex: 'complete', render: (v: boolean) => (v ? <Tag color="green">签字齐全</Tag> : <Tag color="orange">不得报销</Tag>) },
      ]} />
    </Card>
  );
}

export default function VehiclesPage() {
  const { can } = useAuth();
  const manage = can('vehicles.manage');
  return (
    <Tabs items={[
      { key: 'request', label: '申请派车', children: <RequestForm /> },
      { key: 'mine', label: '我的派车单', children: <MyRequests /> },
      ...(manage ? [{ key: 'dispatch', label: '统一调度', children: <Dispatch /> }] : []),
      { key: 'repairs', label: '车辆维修', children: <Repairs /> },
      { key: 'rentals', label: '租车', children: <Rentals /> },
      { key: 'fuel', label: '加油台账', children: <FuelLedger /> },
      ...(can('vehicles.ledger') ? [{ key: 'register', label: '车辆与驾驶员', children: <Register /> }] : []),
    ]} />
  );
}
