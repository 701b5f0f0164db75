import { useEffect, useState, type ReactNode } from 'react';
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { useAuth } from '../../shell/auth';
import { ExportLink, FormModal, today, useAct, type Pickers } from './common';

/**
 * WR-16 群众来信来访及12317电话 with WR-11 首问负责: 综合科 registers (the first responder owns
 * the item), sends important ones for 阅批; the owner hands over (recorded) and closes; an
 * important item closes only after 阅批. `mine` shows what the person owns or must annotate.
 */
interface Letter {
  id: string; year: number; seq: number; channel: string; receivedOn: string; contact: string | null; subject: string; important: boolean;
  annotatorId: string | null; annotatorName: string | null; firstResponderName: string; ownerId: string; ownerName: string; handovers: { on: string; note: string }[];
  dueOn: string | null; annotatedByName: string | null; annotatedOn: string | null; annotation: string | null; result: string | null; closedOn: string | null; fedBackOn: string | null; feedback: string | null; overdue: boolean; awaitingAnnotation: boolean;
}
const CHANNELS = [{ value: 'letter', label: '来信' }, { value: 'visit', label: '来访' }, { value: 'hotline', label: '12317电话' }, { value: 'online', label: '网上信访' }];
type Act = 'new' | 'send' | 'handover' | 'annotate' | 'close';
const TITLE: Record<Act, string> = { new: '登记来信来访或12317电话', send: '列为重要事项并送阅批', handover: '转办', annotate: '阅批', close: '办结' };

export function LettersTab({ mine, pickers, setError }: { mine: boolean; pickers: Pickers; setError: (e: unknown) => void }) {
  const { me, can } = useAuth();
  const keep = can('workrules.keep');
  const [items, setItems] = useState<Letter[]>([]);
  const [action, setAction] = useState<{ kind: Act; l?: Letter } | null>(null);
  const [form] = Form.useForm();
  const important = Form.useWatch('important', form);
  const noFeedback = Form.useWatch('noFeedback', form);
  const load = () => api.get<{ items: Letter[] }>(mine ? '/workrules/letters/mine' : '/workrules/letters').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, [mine]);
  const act = useAct(load, setError);
  const start = (kind: Act, l?: Letter) => { form.resetFields(); setAction({ kind, l }); };
  const submit = (v: Record<string, unknown>) => act(() => api.post(action!.kind === 'new' ? '/workrules/letters' : `/workrules/letters/${action!.l!.id}/${action!.kind}`, v), '已登记');
  const owner = (l: Letter) => keep || l.ownerId === me?.personId;
  const fields: Record<Act, ReactNode> = {
    new: <>
      <Space wrap>
        <Form.Item name="channel" label="来源" initialValue="hotline"><Select style={{ width: 140 }} options={CHANNELS} /></Form.Item>
        <Form.Item name="receivedOn" label="收到日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="contact" label="反映人（可匿名）"><Input maxLength={100} /></Form.Item>
      </Space>
      <Form.Item name="subject" label="反映问题摘要" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      <Form.Item name="firstResponderId" label="首问责任人（默认本人）"><Select allowClear showSearch optionFilterProp="label" options={pickers.people} /></Form.Item>
      <Form.Item name="important" valuePropName="checked" initialValue={false}><Checkbox>重要事项（送办领导或科室负责人阅批）</Checkbox></Form.Item>
      {important && <Form.Item name="annotatorId" label="送阅批" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={pickers.people} /></Form.Item>}
    </>,
    send: <Form.Item name="annotatorId" label="送阅批（办领导或科室负责人）" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={pickers.people} /></Form.Item>,
    handover: <>
      <Form.Item name="toPersonId" label="接办人" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={pickers.people} /></Form.Item>
      <Form.Item name="note" label="转办说明" rules={[{ required: true, message: '请填写' }]}><Input maxLength={500} /></Form.Item>
    </>,
    annotate: <Form.Item name="annotation" label="阅批意见" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>,
    close: <>
      <Form.Item name="closedOn" label="办结日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      {action?.l?.channel === 'hotline' && <>
        <Typography.Paragraph type="secondary">政务信用承诺书（2）：12317电话的处理结果要及时反馈举报人（CRED-02）。</Typography.Paragraph>
        <Form.Item name="noFeedback" valuePropName="checked" initialValue={false}><Checkbox>无法反馈（匿名等）</Checkbox></Form.Item>
        {!noFeedback && <Form.Item name="fedBackOn" label="反馈日期" initialValue={today()} rules={[{ required: true, message: '请填写反馈日期' }]}><Input type="date" /></Form.Item>}
        <Form.Item name="feedback" label={noFeedback ? '无法反馈的原因' : '反馈方式和内容'} rules={[{ required: true, message: '请填写' }]}><Input maxLength={500} /></Form.Item>
      </>}
    </>,
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {keep && !mine && <Button type="primary" onClick={() => start('new')}>登记</Button>}
        {!mine && <ExportLink path="letters" />}
      </Space>
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="wr-letters" columns={[
        { title: '登记号', render: (_: unknown, l: Letter) => `${l.year}-${String(l.seq).padStart(3, '0')}` },
        { title: '来源', render: (_: unknown, l: Letter) => CHANNELS.find((c) => c.value === l.channel)?.label ?? l.channel }, { title: '收到', dataIndex: 'receivedOn' },
        { title: '反映问题', render: (_: unknown, l: Letter) => <>{l.important && <Tag color="red">重要</Tag>}{l.subject}</> },
        { title: '首问 / 现责任人', render: (_: unknown, l: Letter) => `${l.firstResponderName} / ${l.ownerName}${l.handovers.length ? `（转办${l.handovers.length}次）` : ''}` },
        { title: '阅批', render: (_: unknown, l: Letter) => (l.annotatedOn ? <Typography.Text>{l.annotatedByName}（{l.annotatedOn}）：{l.annotation}</Typography.Text> : l.important ? <Tag color="orange">待{l.annotatorName}阅批</Tag> : '') },
        { title: '办理', render: (_: unknown, l: Letter) => (l.closedOn ? `${l.closedOn} 办结${l.fedBackOn ? `，${l.fedBackOn} 已反馈` : l.feedback ? '，未能反馈' : ''}` : l.overdue ? <Tag color="red">逾期（期限 {l.dueOn}）</Tag> : l.dueOn ? `期限 ${l.dueOn}` : '办理中') },
        { title: '', render: (_: unknown, l: Letter) => !l.closedOn && (
          <Space size={4} wrap>
            {l.awaitingAnnotation && can('workrules.annotate') && <Button size="small" type="primary" onClick={() => start('annotate', l)}>阅批</Button>}
            {keep && !l.annotatedOn && <Button size="small" onClick={() => start('send', l)}>送阅批</Button>}
            {owner(l) && <Button size="small" onClick={() => start('handover', l)}>转办</Button>}
            {owner(l) && <Button size="small" onClick={() => start('close', l)}>办结</Button>}
          </Space>
        ) },
      ]} />
      <FormModal open={!!action} title={action ? TITLE[action.kind] : ''} form={form} onClose={() => setAction(null)} onOk={submit}>{action && fields[action.kind]}</FormModal>
    </>
  );
}
