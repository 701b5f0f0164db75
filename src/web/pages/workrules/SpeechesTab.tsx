import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { useAuth } from '../../shell/auth';
import { ExportLink, FormModal, today, useAct, type Pickers } from './common';
import { RuleText } from '../../lib/RuleText';

/**
 * WR-18 讲话、文章事先报党组同意: a leader files the request; 综合科 records the 党组会议's
 * decision and the publication. Publication without prior consent is confirmed and flagged.
 */
interface Speech {
  id: string; kind: string; speakerName: string; title: string; venue: string; plannedOn: string; requestedOn: string; status: string;
  decidedOn: string | null; decisionRef: string | null; publishedOn: string | null; withoutPriorConsent: boolean;
}
const KINDS = [{ value: 'office', label: '代表办发表' }, { value: 'personal_major', label: '个人发表（涉及未经党组研究决定的重大问题）' }];
const STATUS: Record<string, { text: string; color: string }> = { requested: { text: '待党组研究', color: 'processing' }, consented: { text: '党组同意', color: 'success' }, refused: { text: '党组不同意', color: 'error' }, withdrawn: { text: '已撤回', color: 'default' } };
type Act = 'new' | 'decision' | 'publish';
const TITLE: Record<Act, string> = { new: '讲话、文章报党组同意', decision: '登记党组意见', publish: '登记发表' };

export function SpeechesTab({ mine, pickers, setError }: { mine: boolean; pickers: Pickers; setError: (e: unknown) => void }) {
  const { can } = useAuth();
  const keep = can('workrules.keep');
  const [items, setItems] = useState<Speech[]>([]);
  const [action, setAction] = useState<{ kind: Act; s?: Speech } | null>(null);
  const [form] = Form.useForm();
  const load = () => api.get<{ items: Speech[] }>(mine ? '/workrules/speeches/mine' : '/workrules/speeches').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, [mine]);
  const act = useAct(load, setError);
  const start = (kind: Act, s?: Speech) => { form.resetFields(); setAction({ kind, s }); };
  const submit = (v: Record<string, unknown>) => {
    const { kind, s } = action!;
    if (kind === 'new') return act(() => api.post('/workrules/speeches', v), '已报党组');
    if (kind === 'decision') return act(() => api.post(`/workrules/speeches/${s!.id}/decision`, v), '已登记');
    return act((acknowledged) => api.post(`/workrules/speeches/${s!.id}/publish`, { form: v, acknowledged }), '已登记发表');
  };
  const fields: Record<Act, ReactNode> = {
    new: <>
      <Form.Item name="kind" label="类别" initialValue="office"><Radio.Group options={KINDS} /></Form.Item>
      {keep && <Form.Item name="speakerId" label="讲话（署名）人（代为登记时选择）"><Select allowClear showSearch optionFilterProp="label" options={pickers.people} /></Form.Item>}
      <Form.Item name="title" label="题目" rules={[{ required: true, message: '请填写' }]}><Input maxLength={300} /></Form.Item>
      <Form.Item name="venue" label="发表场合或媒体" rules={[{ required: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="plannedOn" label="拟发表日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="summary" label="主要内容" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </>,
    decision: <>
      <Form.Item name="decision" label="党组意见" initialValue="consented"><Radio.Group options={[{ value: 'consented', label: '同意' }, { value: 'refused', label: '不同意' }]} /></Form.Item>
      <Form.Item name="decidedOn" label="党组会议日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="decisionRef" label="会议纪要（记录）编号" rules={[{ required: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
    </>,
    publish: <>
      <Form.Item name="publishedOn" label="发表日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="note" label="备注"><Input maxLength={500} /></Form.Item>
    </>,
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<RuleText id="WR-18" />} />
      <Space style={{ marginBottom: 12 }}>
        {can('workrules.speech') && <Button type="primary" onClick={() => start('new')}>报党组同意</Button>}
        {!mine && <ExportLink path="speeches" />}
      </Space>
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="wr-speeches" columns={[
        { title: '类别', render: (_: unknown, s: Speech) => KINDS.find((k) => k.value === s.kind)?.label ?? s.kind }, { title: '讲话（署名）人', dataIndex: 'speakerName' },
        { title: '题目', dataIndex: 'title' }, { title: '场合或媒体', dataIndex: 'venue' }, { title: '拟发表', dataIndex: 'plannedOn' },
        { title: '党组意见', render: (_: unknown, s: Speech) => <><Tag color={STATUS[s.status]?.color}>{STATUS[s.status]?.text ?? s.status}</Tag>{s.decidedOn ? `${s.decidedOn} ${s.decisionRef ?? ''}` : ''}</> },
        { title: '发表', render: (_: unknown, s: Speech) => <>{s.publishedOn}{s.withoutPriorConsent && <Tag color="red" style={{ marginLeft: 4 }}>未经事先同意</Tag>}</> },
        { title: '', render: (_: unknown, s: Speech) => (
          <Space size={4}>
            {keep && s.status === 'requested' && <Button size="small" onClick={() => start('decision', s)}>登记党组意见</Button>}
            {keep && !s.publishedOn && s.status !== 'withdrawn' && <Button size="small" onClick={() => start('publish', s)}>登记发表</Button>}
            {s.status === 'requested' && <Button size="small" onClick={() => act(() => api.post(`/workrules/speeches/${s.id}/withdraw`), '已撤回')}>撤回</Button>}
          </Space>
        ) },
      ]} />
      <FormModal open={!!action} title={action ? TITLE[action.kind] : ''} form={form} onClose={() => setAction(null)} onOk={submit}>{action && fields[action.kind]}</FormModal>
    </>
  );
}
