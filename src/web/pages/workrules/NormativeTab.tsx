import { useEffect, useState, type ReactNode } from 'react';
import { Button, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ExportLink, FormModal, today, useAct, type Pickers } from './common';

/** WR-12 规范性文件登记: drafting, issue, filing with the 市政府 (reminded until recorded), amendment, repeal. */
interface Doc {
  id: string; title: string; role: string; status: string; draftingUnitName: string | null; interpretingUnitName: string | null; docNo: string | null; issuedOn: string | null;
  filingDueOn: string | null; filedOn: string | null; filingRef: string | null; amendsId: string | null; repealedOn: string | null; filingOverdue: boolean;
}
const STATUS: Record<string, { text: string; color: string }> = { drafting: { text: '起草中', color: 'processing' }, in_force: { text: '现行有效', color: 'success' }, amended: { text: '已修改', color: 'default' }, repealed: { text: '已废止', color: 'default' } };
type Action = 'new' | 'amend' | 'issue' | 'file' | 'repeal';
const TITLE: Record<Action, string> = { new: '登记起草规范性文件', amend: '起草修改稿', issue: '登记印发', file: '登记报市政府备案', repeal: '登记废止' };

export function NormativeTab({ keep, pickers, setError }: { keep: boolean; pickers: Pickers; setError: (e: unknown) => void }) {
  const [items, setItems] = useState<Doc[]>([]);
  const [action, setAction] = useState<{ kind: Action; doc?: Doc } | null>(null);
  const [form] = Form.useForm();
  const load = () => api.get<{ items: Doc[] }>('/workrules/normative').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);
  const act = useAct(load, setError);
  const start = (kind: Action, doc?: Doc) => { form.resetFields(); setAction({ kind, doc }); };
  const submit = (v: Record<string, unknown>) => {
    const { kind, doc } = action!;
    const url = kind === 'new' ? '/workrules/normative' : `/workrules/normative/${doc!.id}/${kind}`;
    return act(() => api.post(url, v), '已登记');
  };
  const draftFields = (
    <>
      <Form.Item name="title" label="文件名称" rules={[{ required: true, message: '请填写文件名称' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="role" label="制定方式" initialValue="lead"><Radio.Group options={[{ value: 'lead', label: '牵头制定' }, { value: 'joint', label: '参与制定' }]} /></Form.Item>
      <Form.Item name="draftingUnitId" label="起草科室" rules={[{ required: true, message: '请选择起草科室' }]}><Select options={pickers.units} /></Form.Item>
      <Form.Item name="interpretingUnitId" label="负责解释的职能科室（第十六条）" rules={[{ required: true, message: '请选择负责解释的职能科室' }]}><Select options={pickers.units} /></Form.Item>
      <Form.Item name="draftStartedOn" label="起草日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item>
    </>
  );
  const fields: Record<Action, ReactNode> = {
    new: draftFields,
    amend: draftFields,
    issue: <><Form.Item name="docNo" label="文号" rules={[{ required: true, message: '请填写文号' }]}><Input /></Form.Item><Form.Item name="issuedOn" label="印发日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item></>,
    file: <><Form.Item name="filedOn" label="备案日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item><Form.Item name="filingRef" label="备案登记号或报送文号" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></>,
    repeal: <><Form.Item name="repealedOn" label="废止日期" initialValue={today()} rules={[{ required: true }]}><Input type="date" /></Form.Item><Form.Item name="repealRef" label="废止决定文号" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></>,
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {keep && <Button type="primary" onClick={() => start('new')}>登记起草</Button>}
        <ExportLink path="normative" />
      </Space>
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="wr-normative" columns={[
        { title: '文件名称', dataIndex: 'title' }, { title: '文号', dataIndex: 'docNo' },
        { title: '起草 / 解释科室', render: (_: unknown, d: Doc) => `${d.draftingUnitName ?? ''} / ${d.interpretingUnitName ?? ''}` },
        { title: '状态', render: (_: unknown, d: Doc) => <Tag color={STATUS[d.status]?.color}>{STATUS[d.status]?.text ?? d.status}{d.amendsId ? '（修改稿）' : ''}</Tag> },
        { title: '印发', dataIndex: 'issuedOn' },
        { title: '报市政府备案', render: (_: unknown, d: Doc) => d.filedOn ? `${d.filedOn} ${d.filingRef ?? ''}` : d.issuedOn ? <Tag color={d.filingOverdue ? 'red' : 'orange'}>未备案（提醒日 {d.filingDueOn}）</Tag> : '' },
        { title: '', render: (_: unknown, d: Doc) => keep && (
          <Space size={4} wrap>
            {d.status === 'drafting' && <Button size="small" onClick={() => start('issue', d)}>印发</Button>}
            {d.issuedOn && !d.filedOn && <Button size="small" onClick={() => start('file', d)}>登记备案</Button>}
            {d.status === 'in_force' && <Button size="small" onClick={() => start('amend', d)}>修改</Button>}
            {d.status === 'in_force' && <Button size="small" danger onClick={() => start('repeal', d)}>废止</Button>}
          </Space>
        ) },
      ]} />
      <FormModal open={!!action} title={action ? TITLE[action.kind] : ''} form={form} onClose={() => setAction(null)} onOk={submit}>{action && fields[action.kind]}</FormModal>
    </>
  );
}
