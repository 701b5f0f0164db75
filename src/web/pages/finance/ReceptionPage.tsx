import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { api } from '../../lib/api';
import { useAck } from './useAck';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, toFen } from './labels';

/**
 * 公务接待申请 (ORS-F1): the 公函 first (RECEP-07), the visit, at most one work meal with its
 * accompanying diners (RECEP-15/16/17); after approval the list (接待清单) and its review (RECEP-20).
 */
const PURPOSES = [['meeting', '出席会议'], ['research', '考察调研'], ['task', '执行任务'], ['exchange', '学习交流'], ['guidance', '检查指导'], ['report', '请示汇报工作'], ['other', '其他公务']].map(([value, label]) => ({ value, label }));
/** RECEP-05 (S1–S4), RECEP-06 (S5 对口接待, S6 联合工作组). */
const VISITORS = [['s1', '各级党政机关等领导视察指导工作'], ['s2', '工作组来办检查指导工作'], ['s3', '其他市（州）扶贫办联系工作'], ['s4', '县（市、区）扶贫办领导请示、汇报工作'], ['s5', '其他公务活动（对口接待）'], ['s6', '检查组、督查组等联合工作组'], ['out_of_scope', '不属于以上范围']].map(([value, label]) => ({ value, label }));
const MEALS = [['buffet_breakfast', '自助早餐'], ['buffet_lunch', '自助午餐'], ['buffet_dinner', '自助晚餐'], ['table', '工作桌餐']].map(([value, label]) => ({ value, label }));
interface Row { id: string; year: number; seq: number; guestUnit: string; visitStart: string; guests: number; status: string; flowInstanceId: string; list: unknown; listReviewedBy: string | null; filedOn: string | null }
interface Hotel { id: string; name: string; kind: string; prices: Record<string, number>; active: boolean }
/** RECEP-14: room types and occupants (当地陪同人员 only as 必要工作人员 with a reason). */
const ROOMS = [['standard', '标准间'], ['single', '单人间'], ['suite', '套间'], ['other', '其他房型']].map(([value, label]) => ({ value, label }));
const OCCUPANTS = [['guest', '接待对象'], ['necessary_staff', '必要工作人员'], ['local', '当地陪同人员']].map(([value, label]) => ({ value, label }));
interface LodgingInput { hotelId: string; roomType: string; occupant: string; occupantName?: string; justification?: string; roomTypeReason?: string; checkIn: string; nights: number; rate: number }
const toLodging = (rows: LodgingInput[] | undefined) => (rows ?? []).map((l) => ({ hotelId: l.hotelId, roomType: l.roomType, occupant: l.occupant, occupantName: l.occupantName ?? '',
  justification: l.justification || undefined, roomTypeReason: l.roomTypeReason || undefined, checkIn: l.checkIn, nights: l.nights ?? 1, rateFen: toFen(l.rate) }));

/** One room per line: hotel from the 综合科 list, room type, occupant, nights and rate. */
function LodgingLines({ name, hotels }: { name: string; hotels: Hotel[] }) {
  const options = hotels.filter((h) => h.active).map((h) => ({ value: h.id, label: `${h.name}（标准间协议价${(h.prices.standard / 100).toFixed(2)}元）` }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} wrap align="baseline">
              <Form.Item name={[f.name, 'hotelId']} label="定点宾馆" rules={[{ required: true, message: '请选择定点宾馆' }]}><Select data-testid={`${name}-hotel-${f.name}`} options={options} style={{ width: 280 }} /></Form.Item>
              <Form.Item name={[f.name, 'roomType']} label="房型" initialValue="standard"><Select data-testid={`${name}-room-${f.name}`} options={ROOMS} style={{ width: 110 }} /></Form.Item>
              <Form.Item name={[f.name, 'roomTypeReason']} label="非标准间理由"><Input style={{ width: 140 }} /></Form.Item>
              <Form.Item name={[f.name, 'occupant']} label="入住人员类别" initialValue="guest"><Select data-testid={`${name}-occupant-${f.name}`} options={OCCUPANTS} style={{ width: 140 }} /></Form.Item>
              <Form.Item name={[f.name, 'occupantName']} label="姓名"><Input style={{ width: 100 }} /></Form.Item>
              <Form.Item name={[f.name, 'justification']} label="必要工作人员理由"><Input style={{ width: 160 }} /></Form.Item>
              <Form.Item name={[f.name, 'checkIn']} label="入住日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item name={[f.name, 'nights']} label="晚数" initialValue={1}><InputNumber min={1} /></Form.Item>
              <Form.Item name={[f.name, 'rate']} label="房价（元/晚）" rules={[{ required: true }]}><InputNumber min={0.01} precision={2} /></Form.Item>
              <Button onClick={() => remove(f.name)}>删除</Button>
            </Space>
          ))}
          <Button onClick={() => add()} style={{ marginBottom: 12 }}>添加住宿房间</Button>
        </>
      )}
    </Form.List>
  );
}

export default function ReceptionPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [items, setItems] = useState<Row[]>([]);
  const [hotels, setHotels] = useState<Hotel[]>([]);
  const [budget, setBudget] = useState<{ year: number; totalFen: number | null; remainingFen: number | null } | null>(null);
  const [listing, setListing] = useState<Row | null>(null);
  const [listForm] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const ack = useAck();
  const load = () => api.get<{ items: Row[] }>('/finance/receptions?scope=mine').then((r) => setItems(r.items), setError);
  useEffect(() => {
    load();
    api.get<{ items: Hotel[] }>('/finance/reception-hotels').then((r) => setHotels(r.items), setError);
    api.get<{ year: number; totalFen: number | null; remainingFen: number | null }>(`/finance/reception-budgets/${new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)}`).then(setBudget, () => undefined);
  }, []);

  async function submit() {
    try {
      const v = await form.validateFields();
      const meals = v.mealType ? [{ date: v.visitStart, type: v.mealType, venue: v.mealVenue ?? '', guests: v.guests, accompanying: v.accompanying ?? 0, amountFen: toFen(v.mealAmount), drinksFen: 0, tableReason: v.tableReason || undefined }] : [];
      const body = {
        letter: { issuer: v.issuer ?? '', docNo: v.docNo ?? '', content: v.content ?? '', itinerary: v.itinerary ?? '', persons: v.persons ?? '', fileRef: v.fileRef ?? '' },
        guestUnit: v.guestUnit, purpose: v.purpose, purposeCategory: v.purposeCategory, visitorCategory: v.visitorCategory, weAreLeadUnit: !!v.weAreLeadUnit,
        hostEntity: v.hostEntity ?? 'office', customsNote: v.customsNote || undefined, visitStart: v.visitStart, visitEnd: v.visitEnd || v.visitStart,
        guests: v.guests, leadGuest: v.leadGuest, arrangement: v.arrangement, accompanyNames: (v.accompanyNames ?? '').split(/[、,，\s]+/).filter(Boolean),
        meals, workMealReason: v.workMealReason || undefined, lodging: toLodging(v.lodging),
        estimatedFen: v.estimated === undefined || v.estimated === null ? undefined : toFen(v.estimated),
      };
      const res = await ack((acknowledged) => api.post<{ instanceId: string }>('/finance/receptions', { form: body, acknowledged }));
      if (!res) return;
      message.success('公务接待审批报告单已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      setError(e);
    }
  }

  async function fillList() {
    if (!listing) return;
    try {
      const v = await listForm.validateFields();
      const meals = v.mealType ? [{ date: v.mealDate, type: v.mealType, venue: v.mealVenue ?? '', guests: v.mealGuests ?? listing.guests, accompanying: v.accompanying ?? 0, amountFen: toFen(v.mealAmount), drinksFen: 0, tableReason: v.tableReason || undefined }] : [];
      const body = { guestNames: v.guestNames, activities: v.activities, meals, lodgingLines: toLodging(v.lodgingLines), vehicles: v.vehicles ?? '', vehicleCount: v.vehicleCount ?? undefined, totalFen: toFen(v.total) };
      const done = await ack((acknowledged) => api.post(`/finance/receptions/${listing.id}/list`, { ...body, acknowledged }));
      if (done === undefined) return;
      message.success('接待清单已填写，请接待科室负责人审查');
      setListing(null);
      load();
    } catch (e) { setError(e); setListing(null); }
  }

  async function review(id: string) {
    try { await api.post(`/finance/receptions/${id}/list/review`); message.success('接待清单已审查'); load(); } catch (e) { setError(e); }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="公务接待审批报告单">
        <ErrorAlert error={error} />
        <Typography.Paragraph type="secondary">无公函的公务活动和来访人员一律不予接待（公务接待制度第9条）。</Typography.Paragraph>
        <Typography.Paragraph type="secondary">原则：有利公务、务实节俭、严格标准、简化礼仪、高效透明、尊重少数民族风俗习惯（第3条）。不得迎送、献花、悬挂横幅（第12条），不得旅游、娱乐、赠送礼品（第20条）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ purposeCategory: 'report', guests: 1, hostEntity: 'office' }}>
          <Space wrap>
            <Form.Item label="发函单位" name="issuer"><Input /></Form.Item>
            <Form.Item label="公函文号" name="docNo"><Input /></Form.Item>
            <Form.Item label="公函扫描件" name="fileRef"><Input placeholder="文件名或档案号" /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="公函内容" name="content"><Input /></Form.Item>
            <Form.Item label="公函行程" name="itinerary"><Input /></Form.Item>
            <Form.Item label="公函人员" name="persons"><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="被接待单位" name="guestUnit" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item label="事由类别" name="purposeCategory"><Select options={PURPOSES} style={{ width: 160 }} /></Form.Item>
            <Form.Item label="来白事由" name="purpose" rules={[{ required: true }]}><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="接待对象类别（第7、8条）" name="visitorCategory" rules={[{ required: true, message: '请选择接待对象类别' }]}><Select data-testid="reception-visitor" options={VISITORS} style={{ width: 320 }} /></Form.Item>
            <Form.Item label="联合工作组" name="weAreLeadUnit" valuePropName="checked"><Checkbox>本办为牵头单位</Checkbox></Form.Item>
            <Form.Item label="接待主体（第1条）" name="hostEntity"><Select options={[{ value: 'office', label: '市扶贫办机关' }, { value: 'affiliated', label: '所属事业单位' }]} style={{ width: 160 }} /></Form.Item>
            <Form.Item label="饮食、民族风俗说明" name="customsNote"><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="来白日期" name="visitStart" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="离白日期" name="visitEnd"><Input type="date" /></Form.Item>
            <Form.Item label="来白人数" name="guests" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Form.Item label="来白主要领导姓名及职务" name="leadGuest" rules={[{ required: true }]}><Input /></Form.Item>
          </Space>
          <Form.Item label="在白食宿安排及行程" name="arrangement" rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label="建议市办陪同人员（以顿号分隔）" name="accompanyNames"><Input /></Form.Item>
          <Space wrap>
            <Form.Item label="工作餐" name="mealType"><Select data-testid="reception-meal" allowClear options={MEALS} style={{ width: 140 }} /></Form.Item>
            <Form.Item label="陪餐人数" name="accompanying"><InputNumber min={0} /></Form.Item>
            <Form.Item label="预计金额（元）" name="mealAmount"><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item label="地点" name="mealVenue"><Input /></Form.Item>
            <Form.Item label="桌餐理由" name="tableReason"><Input /></Form.Item>
          </Space>
          <Form.Item label="安排工作餐的理由（确因工作需要）" name="workMealReason"><Input /></Form.Item>
          <Typography.Paragraph type="secondary">住宿在定点宾馆或机关内部接待场所安排，执行协议价格，以标准间为主；除必要工作人员外，当地陪同人员一律不安排住宿（第14条）。</Typography.Paragraph>
          <LodgingLines name="lodging" hotels={hotels} />
          <Form.Item label="预计接待费用（元，不填则按工作餐和住宿合计）" name="estimated"><InputNumber min={0} precision={2} /></Form.Item>
          {budget && <Typography.Paragraph type="secondary">{budget.year}年度接待费预算{budget.totalFen === null ? '尚未设置' : `剩余${((budget.remainingFen ?? 0) / 100).toFixed(2)}元`}；超出预算的接待不予审批（第18条）。</Typography.Paragraph>}
          <Button type="primary" onClick={submit}>提交审批</Button>
        </Form>
      </Card>
      <Card title="本科室公务接待">
        <Table rowKey="id" dataSource={items} pagination={false} columns={[
          { title: '编号', render: (_: unknown, r: Row) => `${r.year}年第${r.seq}号` }, { title: '被接待单位', dataIndex: 'guestUnit' },
          { title: '来白日期', dataIndex: 'visitStart' }, { title: '人数', dataIndex: 'guests' },
          { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
          { title: '接待清单', render: (_: unknown, r: Row) => (r.listReviewedBy ? `已审查（${r.listReviewedBy}）` : r.list ? <Button size="small" onClick={() => review(r.id)}>审查清单</Button>
            : r.status === 'approved' ? <Button size="small" onClick={() => { listForm.resetFields(); listForm.setFieldsValue({ mealDate: r.visitStart }); setListing(r); }}>填写清单</Button> : '未填写') },
          { title: '备案', dataIndex: 'filedOn', render: (v: string | null) => (v ? `已备案（${v}）` : '—') },
          { title: '', render: (_: unknown, r: Row) => <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link> },
        ]} />
      </Card>
      <Modal open={!!listing} width={1000} title="公务接待清单" onCancel={() => setListing(null)} onOk={fillList} okText="保存清单">
        <Form form={listForm} layout="vertical">
          <Form.Item label="接待对象姓名、职务" name="guestNames" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="公务活动项目" name="activities" rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item label="工作餐" name="mealType"><Select allowClear options={MEALS} style={{ width: 140 }} /></Form.Item>
            <Form.Item label="日期" name="mealDate"><Input type="date" /></Form.Item>
            <Form.Item label="接待对象人数" name="mealGuests"><InputNumber min={0} /></Form.Item>
            <Form.Item label="陪餐人数" name="accompanying"><InputNumber min={0} /></Form.Item>
            <Form.Item label="金额（元）" name="mealAmount"><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item label="地点" name="mealVenue"><Input /></Form.Item>
            <Form.Item label="桌餐理由" name="tableReason"><Input /></Form.Item>
          </Space>
          <LodgingLines name="lodgingLines" hotels={hotels} />
          <Space wrap>
            <Form.Item label="用车情况" name="vehicles"><Input /></Form.Item>
            <Form.Item label="用车数量" name="vehicleCount"><InputNumber min={0} /></Form.Item>
            <Form.Item label="费用合计（元）" name="total" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
