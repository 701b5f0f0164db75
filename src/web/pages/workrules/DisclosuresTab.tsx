import { useEffect, useState } from 'react';
import { Button, Form, Input, Select, Space, Table } from 'antd';
import { api } from '../../lib/api';
import { ExportLink, FormModal, today, useAct, type Pickers } from './common';

/** WR-14 向社会公开登记: the matter, the channel (网站、新闻发布会、新闻媒体) and the date. */
interface Disclosure { id: string; title: string; matterKind: string; channel: string; channelDetail: string; disclosedOn: string; unitName: string | null }
const MATTERS = [{ value: 'low_income', label: '低收入人口帮扶事项' }, { value: 'weak_area', label: '经济薄弱区域发展' }, { value: 'other', label: '其他按规定需要公开的事项' }];
const CHANNELS = [{ value: 'website', label: '网站' }, { value: 'press_conference', label: '新闻发布会' }, { value: 'news_media', label: '新闻媒体' }];
const label = (list: { value: string; label: string }[], v: string) => list.find((x) => x.value === v)?.label ?? v;

export function DisclosuresTab({ keep, pickers, setError }: { keep: boolean; pickers: Pickers; setError: (e: unknown) => void }) {
  const [items, setItems] = useState<Disclosure[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const load = () => api.get<{ items: Disclosure[] }>('/workrules/disclosures').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);
  const act = useAct(load, setError);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {keep && <Button type="primary" onClick={() => { form.resetFields(); setOpen(true); }}>登记公开</Button>}
        <ExportLink path="disclosures" />
      </Space>
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '公开事项', dataIndex: 'title' }, { title: '类别', render: (_: unknown, d: Disclosure) => label(MATTERS, d.matterKind) },
        { title: '公开方式', render: (_: unknown, d: Disclosure) => `${label(CHANNELS, d.channel)}：${d.channelDetail}` }, { title: '公开日期', dataIndex: 'disclosedOn' }, { title: '承办科室', dataIndex: 'unitName' },
      ]} />
      <FormModal open={open} title="登记向社会公开" form={form} onClose={() => setOpen(false)} onOk={(v) => act(() => api.post('/workrules/disclosures', v), '已登记')}>
        <Form.Item name="title" label="公开事项" rules={[{ required: true, message: '请填写' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="matterKind" label="事项类别" initialValue="low_income"><Select options={MATTERS} /></Form.Item>
        <Form.Item name="channel" label="公开方式" rules={[{ required: true, message: '请选择' }]}><Select options={CHANNELS} /></Form.Item>
        <Form.Item name="channelDetail" label="网址、发布会名称或媒体名称" rules={[{ required: true, message: '请填写' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="disclosedOn" label="公开日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="unitId" label="承办科室"><Select allowClear options={pickers.units} /></Form.Item>
      </FormModal>
    </>
  );
}
