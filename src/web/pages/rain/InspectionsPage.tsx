import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Radio, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { COUNTY_DEFAULT, currentHalf, today } from './common';

interface Inspection {
  id: string; half: string; kind: string; conductedOn: string; note: string | null;
  sample: { townships: { name: string }[]; villages: { name: string }[]; beneficiaries: { name: string; householdCode: string; villageName: string }[] };
  problems: { id: string; description: string; rectification: string | null; closedOn: string | null }[];
}
interface Duty { ruleId: string; key: string; title: string; due: string; overdue: boolean }

/** 抽查: half-yearly 明察暗访 with a random sample, problems until 销号; and the Rain-Dew duties due or overdue. */
export default function InspectionsPage() {
  const [items, setItems] = useState<Inspection[]>([]);
  const [duties, setDuties] = useState<Duty[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const toast = useErrorToast();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: Inspection[] }>('/rain/inspections')).items);
      setDuties((await api.get<{ items: Duty[] }>(`/rain/duties?countyCode=${COUNTY_DEFAULT}`)).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/rain/inspections', { countyCode: COUNTY_DEFAULT, half: v.half, kind: v.kind, conductedOn: v.conductedOn, note: v.note, sizes: { townships: v.townships, villages: v.villages, beneficiaries: v.beneficiaries } });
      message.success('已随机抽取乡镇、村和补助对象');
      setCreating(false);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const addProblem = (id: string) => {
    let text = '';
    modal.confirm({ title: '登记发现的问题', content: <Input.TextArea rows={3} onChange={(e) => (text = e.target.value)} />, onOk: () => api.post(`/rain/inspections/${id}/problems`, { description: text }).then(load, toast) });
  };
  const close = (id: string) => {
    let text = '';
    modal.confirm({ title: '整改销号', content: <Input.TextArea rows={3} placeholder="整改情况" onChange={(e) => (text = e.target.value)} />, onOk: () => api.post(`/rain/problems/${id}/close`, { rectification: text, closedOn: today() }).then(load, toast) });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card title="到期与逾期事项">
        <List size="small" dataSource={duties} locale={{ emptyText: '暂无到期事项' }} renderItem={(d) => (
          <List.Item><Space><Tag color={d.overdue ? 'red' : 'orange'}>{d.overdue ? '逾期' : '到期'}</Tag><Tag>{d.ruleId}</Tag>{d.title}（期限 {d.due}）</Space></List.Item>
        )} />
      </Card>
      <Card title="明察暗访（每半年一次，RAIN-24）" extra={<Button type="primary" onClick={() => { form.resetFields(); setCreating(true); }} data-testid="new-inspection">组织抽查</Button>}>
        <Table<Inspection> rowKey="id" size="small" dataSource={items} expandable={{ expandedRowRender: (r) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>抽取乡镇：{r.sample.townships.map((t) => t.name).join('、')}；村：{r.sample.villages.map((v) => v.name).join('、')}</div>
            <div>抽取补助对象：{r.sample.beneficiaries.map((b) => `${b.name}（${b.villageName} ${b.householdCode}）`).join('、')}</div>
            <Table size="small" rowKey="id" pagination={false} dataSource={r.problems} columns={[
              { title: '问题', dataIndex: 'description' },
              { title: '整改', dataIndex: 'rectification' },
              { title: '销号', key: 'c', render: (_, p) => (p.closedOn ? `已销号 ${p.closedOn}` : <Button size="small" onClick={() => close(p.id)}>整改销号</Button>) },
            ]} />
            <Button size="small" onClick={() => addProblem(r.id)}>登记问题</Button>
          </Space>
        ) }} columns={[
          { title: '半年', dataIndex: 'half', render: (h: string) => `${h.slice(0, 4)}年${h.endsWith('H1') ? '上半年' : '下半年'}` },
          { title: '方式', dataIndex: 'kind', render: (k: string) => (k === 'OPEN' ? '明察' : '暗访') },
          { title: '日期', dataIndex: 'conductedOn' },
          { title: '抽取', key: 's', render: (_, r) => `乡镇 ${r.sample.townships.length} · 村 ${r.sample.villages.length} · 对象 ${r.sample.beneficiaries.length}` },
          { title: '未销号问题', key: 'p', render: (_, r) => { const n = r.problems.filter((p) => !p.closedOn).length; return n ? <Tag color="red">{n}</Tag> : 0; } },
        ]} />
      </Card>
      <Modal open={creating} title="组织明察暗访" onCancel={() => setCreating(false)} onOk={create} okText="随机抽取">
        <Form form={form} layout="vertical" initialValues={{ half: currentHalf(), kind: 'COVERT', conductedOn: today(), townships: 1, villages: 2, beneficiaries: 5 }}>
          <Form.Item name="half" label="半年（YYYY-H1 / YYYY-H2）" rules={[{ required: true, pattern: /^\d{4}-H[12]$/, message: '格式如 2026-H1' }]}><Input /></Form.Item>
          <Form.Item name="kind" label="方式"><Radio.Group options={[{ value: 'OPEN', label: '明察' }, { value: 'COVERT', label: '暗访' }]} /></Form.Item>
          <Form.Item name="conductedOn" label="日期（YYYY-MM-DD）" rules={[{ required: true }]}><Input /></Form.Item>
          <Space>
            <Form.Item name="townships" label="乡镇数"><InputNumber min={1} /></Form.Item>
            <Form.Item name="villages" label="村数"><InputNumber min={1} /></Form.Item>
            <Form.Item name="beneficiaries" label="补助对象数"><InputNumber min={1} /></Form.Item>
          </Space>
          <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
