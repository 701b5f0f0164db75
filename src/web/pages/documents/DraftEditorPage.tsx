import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Spin } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import type { DocDetail, Meta } from './types';

const LEVELS = [
  { value: 0, label: '正文段落' },
  { value: 1, label: '一级标题 一、' },
  { value: 2, label: '二级标题 （一）' },
  { value: 3, label: '三级标题 1.' },
  { value: 4, label: '四级标题 （1）' },
];
const DISCLOSURES = ['主动公开', '依申请公开', '不予公开'];

/** 起草 / 修改发文: every element of the draft, checked again by the server on save and on 送审. */
export default function DraftEditorPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const disclosure = Form.useWatch('disclosure', form);
  const forwarding = Form.useWatch('isForwarding', form);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    void api.get<Meta>('/documents/meta').then(setMeta, setError);
    if (id) void api.get<DocDetail>(`/documents/${id}`).then((d) => form.setFieldsValue(d), setError);
    else form.setFieldsValue({ kind: '通知', direction: 'down', category: 'office', urgency: '非紧急', body: [{ level: 0, text: '' }], attachments: [], mainRecipients: [], ccRecipients: [] });
  }, [id, form]);

  const save = async () => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const body = { ...v, attachments: (v.attachments ?? []).map((a: { attribute?: string }) => ({ ...a, attribute: a.attribute ?? null })), requestedSignBy: v.requestedSignBy || null, disclosure: v.disclosure ?? null };
      const r = id ? await api.put<{ id: string }>(`/documents/${id}`, body) : await api.post<{ id: string }>('/documents', body);
      nav(`/documents/${r.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!meta) return error ? <ErrorAlert error={error} /> : <Spin />;
  return (
    <Card title={id ? '修改发文稿' : '起草发文'}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="涉密信息不上网：标有密级（秘密、机密、绝密）的公文不得在本系统起草，请在涉密计算机上办理（SEC-23）。" />
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" data-testid="draft-form">
        <Space wrap>
          <Form.Item name="kind" label="文种" rules={[{ required: true }]}><Select style={{ width: 140 }} data-testid="draft-kind" options={meta.kinds.map((k) => ({ value: k, label: k }))} /></Form.Item>
          <Form.Item name="direction" label="行文方向" rules={[{ required: true }]}><Select style={{ width: 120 }} data-testid="draft-direction" options={Object.entries(meta.directions).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="category" label="发文名义" rules={[{ required: true }]}><Select style={{ width: 180 }} options={Object.entries(meta.categories).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="urgency" label="紧急程度"><Select style={{ width: 110 }} options={['非紧急', '加急', '特急'].map((v) => ({ value: v, label: v }))} /></Form.Item>
          <Form.Item name="requestedSignBy" label="要求签发日期（YYYY-MM-DD）"><Input style={{ width: 160 }} placeholder="2026-11-06" /></Form.Item>
        </Space>
        {category === 'joint' && (
          <Form.Item name="counterpartSignerLevel" label="对方签发人（对等原则）"><Select style={{ width: 200 }} options={[{ value: 'principal', label: '正职' }, { value: 'deputy', label: '副职' }]} /></Form.Item>
        )}
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input data-testid="draft-title" /></Form.Item>
        <Form.Item name="mainRecipients" label="主送机关"><Select mode="tags" data-testid="draft-main" placeholder="输入后回车" /></Form.Item>
        <Form.Item name="ccRecipients" label="抄送机关"><Select mode="tags" placeholder="输入后回车" /></Form.Item>
        <Form.List name="body">
          {(fields, { add, remove }) => (
            <Card size="small" title="正文（按层次：一、（一）1.（1））" style={{ marginBottom: 16 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'level']} initialValue={0}><Select style={{ width: 160 }} options={LEVELS} /></Form.Item>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: '段落不能为空' }]} style={{ width: 640 }}><Input.TextArea autoSize data-testid={`draft-body-${f.name}`} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ level: 0, text: '' })} icon={<PlusOutlined />}>添加段落</Button>
            </Card>
          )}
        </Form.List>
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <Card size="small" title="附件" style={{ marginBottom: 16 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写附件名称' }]}><Input style={{ width: 360 }} placeholder="附件名称" /></Form.Item>
                  <Form.Item name={[f.name, 'attribute']}><Select allowClear style={{ width: 140 }} placeholder="附件公开属性" options={DISCLOSURES.map((v) => ({ value: v, label: v }))} /></Form.Item>
                  <Form.Item name={[f.name, 'ready']} valuePropName="checked" initialValue={false}><Checkbox>附件已齐备</Checkbox></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', ready: false })} icon={<PlusOutlined />}>添加附件</Button>
            </Card>
          )}
        </Form.List>
        <Card size="small" title="公开属性（DISC-01：起草时同步确定）" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Form.Item name="isForwarding" valuePropName="checked"><Checkbox>转发类公文</Checkbox></Form.Item>
            {forwarding && (
              <Form.Item name="forwardedSourceAttribute" label="被转发文件的公开属性"><Select style={{ width: 160 }} options={[...DISCLOSURES, '未标注'].map((v) => ({ value: v, label: v }))} /></Form.Item>
            )}
            <Form.Item name="disclosure" label="公开属性"><Select allowClear style={{ width: 160 }} data-testid="draft-disclosure" options={DISCLOSURES.map((v) => ({ value: v, label: v }))} /></Form.Item>
            {disclosure === '主动公开' && <Form.Item name="disclosureMethod" label="公开方式"><Input style={{ width: 240 }} placeholder="政府信息公开平台" /></Form.Item>}
            {disclosure === '不予公开' && (
              <>
                <Form.Item name="nonDisclosureReasonCode" label="不予公开理由"><Select style={{ width: 260 }} options={Object.entries(meta.reasons).map(([value, label]) => ({ value, label: `${value} ${label}` }))} /></Form.Item>
                <Form.Item name="nonDisclosureReasonText" label="理由说明"><Input style={{ width: 300 }} /></Form.Item>
              </>
            )}
            {forwarding && <Form.Item name="forwardingDeviationReason" label="改变属性的理由"><Input style={{ width: 300 }} /></Form.Item>}
          </Space>
        </Card>
        <Space wrap align="start">
          <Form.Item name="countersignUnitIds" label="会签科室"><Select mode="multiple" style={{ width: 300 }} options={meta.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="proposedSignerId" label="拟签发人（不选则按制度确定）"><Select allowClear style={{ width: 260 }} data-testid="draft-signer" options={meta.signers.map((p) => ({ value: p.id, label: `${p.name}（${p.posts}）` }))} /></Form.Item>
          <Form.Item name="isImportant" valuePropName="checked" label=" "><Checkbox>重要公文（报主任签发）</Checkbox></Form.Item>
        </Space>
        <Form.Item name="note" label="附注"><Input /></Form.Item>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="draft-save">保存草稿</Button>
      </Form>
    </Card>
  );
}
