import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { api, ApiError } from '../../lib/api';
import { useAuth } from '../../shell/auth';
import { ErrorAlert } from '../../lib/errors';
import type { Proposal } from './types';
import { useAct } from './useAct';

const BODY = { party_group: '党组会议', director_meeting: '主任办公会议' } as const;
const STATUS: Record<Proposal['status'], { label: string; color: string }> = {
  submitted: { label: '待综合科汇总', color: 'default' }, collected: { label: '已汇总，待主持人确定', color: 'processing' },
  scheduled: { label: '已列入议程', color: 'success' }, withdrawn: { label: '已撤回', color: 'default' },
};
const KIND: Record<Proposal['kind'], string> = { ordinary: '一般议题', cadre: '干部工作', szyd: '三重一大', briefing: '通报事项' };
const PROPOSER = { principal: '主要负责人', member: '班子成员', section: '科室' } as const;

interface FormValues {
  bodyCode: Proposal['bodyCode'];
  title: string;
  kind?: 'ordinary' | 'cadre' | 'briefing';
  matterKind?: string;
  amountYuan?: number;
  materials?: string;
  attachmentsText?: string;
  preferredOpinion?: string;
  scopeCodes?: string[];
  planItem?: string;
  flags?: string[];
  notIndividuallySolvableReason?: string;
}

const FLAGS: Record<string, string> = {
  involvesOtherSections: '涉及相关科室（WR-06）', involvesCounties: '涉及县（市、区）（WR-06）', majorPublicInterest: '涉及重大公共利益（WR-06）',
  specialisedOrTechnical: '专业性、技术性较强（SZYD-09）', broadPublicImpact: '涉及面广、与群众利益密切相关（SZYD-09）', notIndividuallySolvable: '个人或副主任之间不能解决（DM-02）',
};

interface Scopes { party_group: Record<string, string>; director_meeting: Record<string, string>; consultationKinds: Record<string, string> }

/** SZYD-09 / WR-06 / PG-11 / SZYD-10: record research, consultations and 酝酿 on a proposal; WR-09: the 主任 admits off-plan topics. */
function ConsultationPanel({ p, kinds, act }: { p: Proposal; kinds: Record<string, string>; act: (c: () => Promise<unknown>) => Promise<void> }) {
  const [kind, setKind] = useState<string>('research');
  const [summary, setSummary] = useState('');
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [offPlan, setOffPlan] = useState('');
  const { me: user } = useAuth();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {p.consultations.map((c) => <div key={c.id}>{c.heldOn} {c.kindName}：{c.summary}</div>)}
      {p.pending.map((v) => <Tag key={v.ruleId + v.message} color="warning" data-testid={`pending-${p.id}-${v.ruleId}`}>{v.ruleId}：{v.message}</Tag>)}
      {p.status !== 'scheduled' && p.status !== 'withdrawn' && (
        <Space wrap>
          <Select style={{ width: 200 }} value={kind} onChange={setKind} data-testid={`consult-kind-${p.id}`} options={Object.entries(kinds).map(([value, label]) => ({ value, label }))} />
          <Input placeholder="日期" style={{ width: 120 }} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          <Input placeholder="情况摘要" style={{ width: 260 }} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid={`consult-summary-${p.id}`} />
          <Button size="small" data-testid={`consult-submit-${p.id}`} onClick={() => act(async () => {
            await api.post(`/meetings/proposals/${p.id}/consultations`, { kind, summary, heldOn, leadId: user?.personId ?? undefined, memberIds: user?.personId ? [user.personId] : [] });
            setSummary('');
          })}>登记（本人牵头参加）</Button>
          {p.pending.some((v) => v.ruleId === 'WR-09') && (
            <Space.Compact>
              <Input placeholder="列入决策的理由（主任）" value={offPlan} onChange={(e) => setOffPlan(e.target.value)} style={{ width: 200 }} />
              <Button size="small" onClick={() => act(() => api.post(`/meetings/proposals/${p.id}/off-plan`, { reason: offPlan }))}>主任决定列入（WR-09）</Button>
            </Space.Compact>
          )}
        </Space>
      )}
    </Space>
  );
}

/** One attachment per line: 名称｜引用 (document number, file id or link). */
const parseAttachments = (text = '') => text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
  const [name, ref] = l.split(/[|｜]/);
  return { name: name.trim(), ref: (ref ?? name).trim() };
});

/** 议题征集 (PG-06, PG-10, DM-12, DM-13, SZYD-11): propose, 综合科 collects, 分管领导 reviews, the principal confirms. */
export default function ProposalsPage() {
  const [rows, setRows] = useState<Proposal[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const { can } = useAuth();
  const manage = can('meetings.manage');
  const load = useCallback(() => { api.get<{ proposals: Proposal[] }>('/meetings/proposals').then((r) => setRows(r.proposals), setLoadError); }, []);
  useEffect(load, [load]);
  const { error, act } = useAct(load);
  const [form] = Form.useForm<FormValues>();
  const [scopes, setScopes] = useState<Scopes | null>(null);
  useEffect(() => { api.get<Scopes>('/meetings/scopes').then(setScopes, () => undefined); }, []);
  const bodyCode = Form.useWatch('bodyCode', form) ?? 'party_group';
  const ack = error instanceof ApiError && error.code === 'RULE_WARNING' && error.rule ? [error.rule.id] : [];
  const submit = (v: FormValues) => act(async () => {
    const flags = Object.fromEntries((v.flags ?? []).map((f) => [f, true]));
    await api.post('/meetings/proposals', {
      bodyCode: v.bodyCode, title: v.title, kind: v.kind, materials: v.materials, preferredOpinion: v.preferredOpinion, attachments: parseAttachments(v.attachmentsText),
      scopeCodes: v.scopeCodes, planItem: v.planItem, flags: { ...flags, notIndividuallySolvableReason: v.notIndividuallySolvableReason }, acknowledged: ack,
      matter: v.matterKind ? { kind: v.matterKind, amountFen: v.amountYuan != null ? Math.round(v.amountYuan * 100) : undefined, inOfficeName: v.matterKind === 'donation' ? true : undefined } : undefined,
    });
    form.resetFields();
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error ?? loadError} />
      <Card title="提出议题（附上会材料和倾向性意见）" size="small">
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ bodyCode: 'party_group' }} data-testid="proposal-form">
          <Space wrap align="start">
            <Form.Item name="bodyCode" label="提交会议"><Select style={{ width: 160 }} data-testid="proposal-body" options={Object.entries(BODY).map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item name="title" label="议题名称" rules={[{ required: true, message: '请填写议题名称' }]}><Input style={{ width: 320 }} data-testid="proposal-title" /></Form.Item>
            <Form.Item name="kind" label="议题类别"><Select allowClear style={{ width: 140 }} options={[{ value: 'ordinary', label: '一般议题' }, { value: 'cadre', label: '干部工作' }, { value: 'briefing', label: '通报事项' }]} /></Form.Item>
            <Form.Item name="matterKind" label="事项（“三重一大”认定）"><Select allowClear style={{ width: 160 }} data-testid="proposal-matter" options={[
              { value: 'procurement', label: '采购项目' }, { value: 'special_fund', label: '专项经费' }, { value: 'donation', label: '以办名义捐赠' },
              { value: 'office_building', label: '办公用房建设装修' }, { value: 'budget', label: '年度预算' }, { value: 'cadre_appointment', label: '干部任免' }]} /></Form.Item>
            <Form.Item name="amountYuan" label="金额（元）"><InputNumber min={0} style={{ width: 140 }} data-testid="proposal-amount" /></Form.Item>
          </Space>
          <Form.Item name="materials" label="材料说明（需要解决的主要问题、依据）"><Input.TextArea rows={2} data-testid="proposal-materials" /></Form.Item>
          <Form.Item name="attachmentsText" label="上会材料（每行一件：名称｜文号或链接）"><Input.TextArea rows={2} data-testid="proposal-attachments" /></Form.Item>
          <Form.Item name="preferredOpinion" label="呈报科室倾向性意见（建议方案）"><Input.TextArea rows={2} data-testid="proposal-opinion" /></Form.Item>
          <Space wrap align="start">
            <Form.Item name="scopeCodes" label="议事范围（PG-01 / DM-01）"><Select mode="multiple" style={{ width: 360 }} data-testid="proposal-scope"
              options={Object.entries(scopes?.[bodyCode as Proposal['bodyCode']] ?? {}).map(([value, label]) => ({ value, label: `${value} ${label}` }))} /></Form.Item>
            <Form.Item name="planItem" label="年度计划 / 决策目录事项（WR-09）"><Input style={{ width: 260 }} data-testid="proposal-plan" /></Form.Item>
          </Space>
          <Form.Item name="flags" label="事项特点（决定须登记哪些调研和征求意见）"><Checkbox.Group options={Object.entries(FLAGS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          {bodyCode === 'director_meeting' && <Form.Item name="notIndividuallySolvableReason" label="须提交主任办公会议的理由（DM-02）"><Input style={{ width: 400 }} /></Form.Item>}
          <Button type="primary" htmlType="submit" data-testid="proposal-submit">{ack.length ? '已知悉提示，提交议题' : '提交议题'}</Button>
        </Form>
      </Card>
      <Card title="议题建议" size="small" extra={manage && (
        <Space>
          <Button data-testid="followups-to-topic-pg" onClick={() => act(() => api.post('/meetings/proposals/followups', { bodyCode: 'party_group' }))}>落实情况列为党组会议议题</Button>
          <Button data-testid="followups-to-topic-dm" onClick={() => act(() => api.post('/meetings/proposals/followups', { bodyCode: 'director_meeting' }))}>落实情况列为主任办公会议议题</Button>
        </Space>
      )}>
        <Table<Proposal> rowKey="id" size="small" loading={!rows && !loadError} dataSource={rows ?? []} pagination={{ pageSize: 20 }}
          onRow={(r) => ({ 'data-testid': `proposal-${r.title}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '议题', dataIndex: 'title', render: (v, r) => <span>{v}{r.attachments.length > 0 && <div style={{ color: '#888' }}>材料：{r.attachments.map((a) => a.name).join('、')}</div>}</span> },
            { title: '会议', dataIndex: 'bodyCode', render: (b: Proposal['bodyCode']) => BODY[b] },
            { title: '类别', dataIndex: 'kind', render: (k: Proposal['kind'], r) => <Tag color={k === 'szyd' || k === 'cadre' ? 'red' : 'default'}>{KIND[k]}{r.szydRuleId ? `（${r.szydRuleId}）` : ''}</Tag> },
            { title: '提出', dataIndex: 'proposerName', render: (n, r) => `${n ?? ''}（${PROPOSER[r.proposerKind]}）` },
            { title: '倾向性意见', dataIndex: 'preferredOpinion' },
            { title: '确认（SZYD-11）', key: 'entry', render: (_, r) => r.needsConfirmation
              ? <span>{r.reviewedByName ? `分管领导 ${r.reviewedByName} 已审核；` : ''}{r.confirmedByName ? `${r.confirmedByName} 已确认` : <Tag color="warning">待确认</Tag>}</span> : '—' },
            { title: '调研与征求意见', key: 'consult', render: (_, r) => <ConsultationPanel p={r} kinds={scopes?.consultationKinds ?? {}} act={act} /> },
            { title: '状态', dataIndex: 'status', render: (s: Proposal['status'], r) => <Tag color={STATUS[s].color} data-testid={`proposal-status-${r.id}`} data-status={s}>{STATUS[s].label}</Tag> },
            { title: '操作', key: 'ops', render: (_, r) => (
              <Space>
                {manage && r.status === 'submitted' && <Button size="small" data-testid={`collect-${r.id}`} onClick={() => act(() => api.post(`/meetings/proposals/${r.id}/collect`))}>汇总</Button>}
                {r.mayReview && <Button size="small" onClick={() => act(() => api.post(`/meetings/proposals/${r.id}/review`))}>分管领导审核</Button>}
                {r.mayConfirm && <Button size="small" onClick={() => act(() => api.post(`/meetings/proposals/${r.id}/confirm`))}>确认进入决策程序</Button>}
                {r.meetingId && <Link to={`/meetings/${r.meetingId}`}>查看会议</Link>}
              </Space>
            ) },
          ]} />
      </Card>
    </Space>
  );
}
