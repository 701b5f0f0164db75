import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../lib/api';
import type { HouseholdRow } from '../labels';
import { HAZARD, householdLabel, options, useAckRunner } from './common';

interface IncidentRow { id: string; householdCode: string; householderName: string; villageName: string; kind: string; eventType: string; eventDate: string; description: string; populationClass: string; status: string; assessedOn: string | null; assessment: string | null; monitoringStatus: string; reliefs: number }
interface Conversion { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; source: string; status: string; proposedOn: string; identifiedOn: string | null; procedureRef: string | null; enteredOn: string | null; note: string | null }
const INC_STATUS: Record<string, { label: string; color: string }> = { open: { label: '救助中', color: 'orange' }, resolved: { label: '已解决', color: 'green' }, problems_remain: { label: '仍有问题，待动态调整', color: 'red' } };
const CONV_STATUS: Record<string, { label: string; color: string }> = { proposed: { label: '待动态调整识别', color: 'orange' }, identified: { label: '已识别，待录入国办系统', color: 'blue' }, entered: { label: '已录入', color: 'green' } };
const today = () => dayjs().format('YYYY-MM-DD');

/** MON-22: incidents; a household not yet monitored is proposed at once; assessment after relief. */
export function IncidentTab({ onError, tick, refresh }: { onError: (e: unknown) => void; tick: number; refresh: () => void }) {
  const [items, setItems] = useState<IncidentRow[]>([]);
  const [households, setHouseholds] = useState<HouseholdRow[]>([]);
  const [adding, setAdding] = useState(false);
  const [assessing, setAssessing] = useState<IncidentRow | null>(null);
  const [form] = Form.useForm();
  const [aform] = Form.useForm();
  const remain = Form.useWatch('problemsRemain', aform);
  useEffect(() => void api.get<{ items: IncidentRow[] }>('/poverty/incidents').then((r) => setItems(r.items), onError), [tick]);
  const search = (q: string) => q.trim().length >= 2 && api.get<{ items: HouseholdRow[] }>(`/poverty/households?q=${encodeURIComponent(q)}&pageSize=20`).then((r) => setHouseholds(r.items), onError);
  const save = async () => {
    const v = await form.validateFields();
    await api.post('/poverty/incidents', { ...v, eventDate: v.eventDate.format('YYYY-MM-DD') }).then(() => { setAdding(false); refresh(); }, onError);
  };
  const saveAssess = async () => {
    const v = await aform.validateFields();
    await api.post(`/poverty/incidents/${assessing!.id}/assess`, { problemsRemain: v.problemsRemain, hazards: v.hazards ?? [], assessment: v.assessment, assessedOn: v.assessedOn.format('YYYY-MM-DD') }).then(() => { setAssessing(null); refresh(); }, onError);
  };
  return (
    <Card title="重大自然灾害、家庭重大变故（MON-22 防返贫细则 四（三）6）" extra={<Button type="primary" onClick={() => { form.resetFields(); setAdding(true); }} data-testid="incident-new">登记重大变故</Button>}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="登记后：未纳入监测的农户即按“重大变故”条件提出纳入监测；区别贫困人口和非贫困人口落实民政救助、社会捐助、包保部门和亲友帮助等措施，必要时县级政府“一事一议”；救助后仍有明显“两不愁三保障”问题的，在动态调整时纳入建档立卡。" />
      <Table<IncidentRow> rowKey="id" size="small" dataSource={items} data-testid="incidents" columns={[
        { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' },
        { title: '类型', dataIndex: 'kind', render: (k: string) => (k === 'disaster' ? '重大自然灾害' : '家庭重大变故') }, { title: '事件', dataIndex: 'eventType' }, { title: '日期', dataIndex: 'eventDate' },
        { title: '人口类别', dataIndex: 'populationClass', render: (p: string) => (p === 'poor' ? '贫困人口（建档立卡）' : '非贫困人口') },
        { title: '监测', dataIndex: 'monitoringStatus', render: (s: string) => ({ proposed: '已提出纳入，待确认', monitored: '监测中', exited: '已移出' }[s] ?? s) },
        { title: '救助措施', dataIndex: 'reliefs' },
        { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={INC_STATUS[s].color}>{INC_STATUS[s].label}</Tag> },
        { title: '', key: 'a', render: (_, i) => (i.status === 'open' ? <Button size="small" onClick={() => { aform.resetFields(); setAssessing(i); }}>救助后评估</Button> : i.assessment) },
      ]} />
      <Modal open={adding} title="登记重大灾害或家庭重大变故" onCancel={() => setAdding(false)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'family', eventDate: dayjs(), channel: 'HOUSEHOLD_VISIT' }}>
          <Form.Item name="householdId" label="农户（输入姓名、村名或户编号查找）" rules={[{ required: true, message: '请选择农户' }]}>
            <Select showSearch filterOption={false} onSearch={(q) => void search(q)} options={households.map((h) => ({ value: h.id, label: householdLabel(h) }))} data-testid="incident-household" />
          </Form.Item>
          <Form.Item name="kind" label="类型"><Radio.Group options={[{ value: 'family', label: '家庭重大变故' }, { value: 'disaster', label: '重大自然灾害' }]} /></Form.Item>
          <Form.Item name="eventType" label="事件" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input placeholder="如：房屋火灾、主要劳动力重病" /></Form.Item>
          <Form.Item name="eventDate" label="发生日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="description" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="channel" label="发现渠道（未监测的据此提出纳入，MON-07）"><Select options={options({ HOUSEHOLD_APPLICATION: '农户申报', HOUSEHOLD_VISIT: '入户走访排查', SECTOR_SCREENING: '行业部门筛查', DATA_COMPARISON: '数据比对分析', THIRD_PARTY_SURVEY: '第三方调查' })} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={assessing !== null} title="救助后评估" onCancel={() => setAssessing(null)} onOk={() => void saveAssess()} destroyOnHidden>
        <Form form={aform} layout="vertical" initialValues={{ problemsRemain: false, assessedOn: dayjs() }}>
          <Form.Item name="problemsRemain" label="采取各类措施后"><Radio.Group options={[{ value: false, label: '问题已解决' }, { value: true, label: '仍存在明显的“两不愁三保障”问题' }]} /></Form.Item>
          {remain && <Form.Item name="hazards" label="仍存在的问题" rules={[{ required: true, message: '请选择' }]}><Checkbox.Group options={options(HAZARD)} /></Form.Item>}
          <Form.Item name="assessment" label="评估情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="assessedOn" label="评估日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** MON-23 (and MON-22 proposals): identification by procedure, then the national-system entry once open. */
export function ConversionTab({ onError, tick, refresh, monitored }: { onError: (e: unknown) => void; tick: number; refresh: () => void; monitored: HouseholdRow[] }) {
  const [data, setData] = useState<{ items: Conversion[]; nationalSystemOpenedOn: string | null }>({ items: [], nationalSystemOpenedOn: null });
  const [identifying, setIdentifying] = useState(false);
  const [form] = Form.useForm();
  const run = useAckRunner();
  useEffect(() => void api.get<typeof data>('/poverty/conversions').then(setData, onError), [tick]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const r = await run((acknowledged) => api.post(`/poverty/households/${v.householdId}/identify`, { identifiedOn: v.identifiedOn.format('YYYY-MM-DD'), procedureRef: v.procedureRef, acknowledged }));
      if (r) { setIdentifying(false); refresh(); }
    } catch (e) {
      onError(e);
    }
  };
  const enter = (c: Conversion) => api.post(`/poverty/conversions/${c.id}/entry`, { enteredOn: today() }).then(refresh, onError);
  const marginal = monitored.filter((h) => h.registeredStatus === 'none' && h.monitoringStatus === 'monitored');
  const proposed = data.items.filter((c) => c.status === 'proposed');
  return (
    <Card title="识别为贫困户与国办系统录入（MON-23 防返贫细则 三（二）1；MON-22）" extra={<Button type="primary" onClick={() => { form.resetFields(); setIdentifying(true); }} data-testid="identify-new">按程序识别为贫困户</Button>}>
      <Alert type={data.nationalSystemOpenedOn ? 'success' : 'info'} showIcon style={{ marginBottom: 12 }} title={data.nationalSystemOpenedOn ? `国办系统相关录入功能已于 ${data.nationalSystemOpenedOn} 开放，可登记录入。` : '国办系统相关录入功能尚未开放：已识别的贫困户保持“待录入”，开放后逐户登记录入日期。'} />
      <Table<Conversion> rowKey="id" size="small" dataSource={data.items} data-testid="conversions" columns={[
        { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' }, { title: '户编号', dataIndex: 'householdCode' },
        { title: '依据', dataIndex: 'source', render: (s: string) => (s === 'standard' ? '符合贫困户识别标准（MON-23）' : '重大变故救助后仍有问题（MON-22）') },
        { title: '提出日期', dataIndex: 'proposedOn' }, { title: '识别日期', dataIndex: 'identifiedOn' }, { title: '识别程序', dataIndex: 'procedureRef' },
        { title: '状态', dataIndex: 'status', render: (s: string, c) => <><Tag color={CONV_STATUS[s].color}>{CONV_STATUS[s].label}</Tag>{c.enteredOn ?? ''}</> },
        { title: '', key: 'a', render: (_, c) => (c.status === 'identified' && data.nationalSystemOpenedOn ? <Button size="small" onClick={() => void enter(c)}>登记今日已录入</Button> : null) },
      ]} />
      <Modal open={identifying} title="按程序识别为贫困户" onCancel={() => setIdentifying(false)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ identifiedOn: dayjs() }}>
          <Form.Item name="householdId" label="农户（监测中的边缘户，或动态调整待识别的农户）" rules={[{ required: true, message: '请选择' }]}>
            <Select showSearch optionFilterProp="label" options={[...proposed.map((c) => ({ value: c.householdId, label: `${c.villageName} ${c.householderName}（${c.householdCode}，重大变故）` })), ...marginal.map((h) => ({ value: h.id, label: householdLabel(h) }))]} />
          </Form.Item>
          <Form.Item name="procedureRef" label="识别程序依据" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} placeholder="如：村民主评议、公示，乡镇审核，县扶贫开发领导小组审定（文件号）" /></Form.Item>
          <Form.Item name="identifiedOn" label="识别日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
