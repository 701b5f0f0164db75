import { useEffect, useState, type ReactNode } from 'react';
import { Button, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ExportLink, FormModal, today, useAct, type Pickers } from './common';

/** WR-15 监督发现问题: verified (media, public), rectified, reported to the 市政府, result published (media, public). */
interface Finding {
  id: string; source: string; sourceDetail: string; title: string; foundOn: string; responsibleUnitName: string | null; verification: string;
  rectification: string | null; rectifiedOn: string | null; reportedOn: string | null; reportRef: string | null; publishedOn: string | null; pending: string[];
}
const SOURCES = [{ value: 'judicial', label: '司法机关' }, { value: 'discipline', label: '派驻纪检组' }, { value: 'audit', label: '审计' }, { value: 'media', label: '新闻舆论' }, { value: 'public', label: '群众监督' }];
type Step = 'new' | 'verify' | 'rectify' | 'report' | 'publish';
const TITLE: Record<Step, string> = { new: '登记监督发现的问题', verify: '调查核实', rectify: '登记纠治整改', report: '登记向市政府报告', publish: '登记向社会公布处理结果' };
const NEXT: Record<string, Step> = { 调查核实: 'verify', 纠治整改: 'rectify', 向市政府报告: 'report', 向社会公布处理结果: 'publish' };

export function FindingsTab({ keep, pickers, setError }: { keep: boolean; pickers: Pickers; setError: (e: unknown) => void }) {
  const [items, setItems] = useState<Finding[]>([]);
  const [step, setStep] = useState<{ kind: Step; f?: Finding } | null>(null);
  const [form] = Form.useForm();
  const load = () => api.get<{ items: Finding[] }>('/workrules/findings').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);
  const act = useAct(load, setError);
  const submit = (v: Record<string, unknown>) => act(() => api.post(step!.kind === 'new' ? '/workrules/findings' : `/workrules/findings/${step!.f!.id}/${step!.kind}`, v), '已登记');
  const fields: Record<Step, ReactNode> = {
    new: <>
      <Form.Item name="source" label="监督来源" rules={[{ required: true, message: '请选择' }]}><Select options={SOURCES} /></Form.Item>
      <Form.Item name="sourceDetail" label="监督机关、媒体或反映渠道" rules={[{ required: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
      <Form.Item name="foundOn" label="发现日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="responsibleUnitId" label="责任科室" rules={[{ required: true, message: '请选择' }]}><Select options={pickers.units} /></Form.Item>
    </>,
    verify: <>
      <Form.Item name="verification" label="核实结论" initialValue="confirmed"><Radio.Group options={[{ value: 'confirmed', label: '确有问题' }, { value: 'unfounded', label: '不属实' }]} /></Form.Item>
      <Form.Item name="note" label="调查核实情况" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>
    </>,
    rectify: <>
      <Form.Item name="rectification" label="纠治整改措施" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="rectifiedOn" label="整改日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
    </>,
    report: <>
      <Form.Item name="reportedOn" label="报告日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="reportRef" label="报告文号或报送方式" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
    </>,
    publish: <>
      <Form.Item name="publishedOn" label="公布日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="publishChannel" label="公布渠道" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
    </>,
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {keep && <Button type="primary" onClick={() => { form.resetFields(); setStep({ kind: 'new' }); }}>登记问题</Button>}
        <ExportLink path="findings" />
      </Space>
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="wr-findings" columns={[
        { title: '来源', render: (_: unknown, f: Finding) => `${SOURCES.find((s) => s.value === f.source)?.label ?? f.source}·${f.sourceDetail}` },
        { title: '问题', dataIndex: 'title' }, { title: '发现', dataIndex: 'foundOn' }, { title: '责任科室', dataIndex: 'responsibleUnitName' },
        { title: '整改', render: (_: unknown, f: Finding) => (f.rectifiedOn ? `${f.rectifiedOn} ${f.rectification ?? ''}` : '') },
        { title: '报告市政府', render: (_: unknown, f: Finding) => (f.reportedOn ? `${f.reportedOn} ${f.reportRef ?? ''}` : '') },
        { title: '状态', render: (_: unknown, f: Finding) => (f.pending.length ? <Tag color="orange">待{f.pending.join('、')}</Tag> : <Tag color="green">{f.verification === 'unfounded' ? '不属实' : '已办结'}</Tag>) },
        { title: '', render: (_: unknown, f: Finding) => keep && f.pending.length > 0 && NEXT[f.pending[0]] && (
          <Button size="small" onClick={() => { form.resetFields(); setStep({ kind: NEXT[f.pending[0]], f }); }}>{TITLE[NEXT[f.pending[0]]]}</Button>
        ) },
      ]} />
      <FormModal open={!!step} title={step ? TITLE[step.kind] : ''} form={form} onClose={() => setStep(null)} onOk={submit}>{step && fields[step.kind]}</FormModal>
    </>
  );
}
