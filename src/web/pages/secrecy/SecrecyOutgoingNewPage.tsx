import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL_OPTIONS, usePickers, usePostAck } from './common';

/**
 * 涉密发文登记、带离申请 (any staff member). The classified document itself is drafted and
 * printed on 综合科's classified computer; here the drafter records its identification, the
 * level decided by the 定密责任人 (SEC-20) and the recipients (SEC-12 for 办内部文件), and
 * sends it to 综合科审核 → 分管领导签发 → 主任把关 (SEC-10, SEC-11). A take-out of a classified
 * paper document asks the 综合科负责人 and warns that it is exceptional (SEC-15).
 */
interface Takeout { id: string; regNo: string; levelLabel: string; destination: string; dueDate: string; statusLabel: string; overdue: boolean; flowInstanceId: string | null }

export default function SecrecyOutgoingNewPage() {
  const [form] = Form.useForm();
  const [tform] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [mine, setMine] = useState<Takeout[]>([]);
  const pick = usePickers();
  const postAck = usePostAck();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const direction = Form.useWatch('direction', form);
  useEffect(() => { api.get<{ items: Takeout[] }>('/secrecy/takeouts/mine').then((r) => setMine(r.items), setError); }, []);
  const leaders = pick.people.filter((p) => p.unitId === 'unit_office');
  const sections = pick.units.filter((u) => u.kind === 'section');

  async function submitOutgoing() {
    setError(null);
    try {
      const v = await form.validateFields();
      const recipients = [
        ...(v.leaderIds ?? []).map((personId: string) => ({ personId })),
        ...(v.unitIds ?? []).map((unitId: string) => ({ unitId })),
        ...String(v.orgs ?? '').split(/[、,，\n]+/).map((s) => s.trim()).filter(Boolean).map((org) => ({ org })),
      ];
      const res = await postAck<{ instanceId: string; regNo: string }>('/secrecy/outgoing', {
        title: v.title, docNo: v.docNo || undefined, level: v.level, term: v.term, direction: v.direction, copies: v.copies, recipients, levelDecidedBy: v.levelDecidedBy,
        knowledgeScope: { unitIds: v.scopeUnits ?? [], personIds: v.scopePeople ?? [] },
      });
      if (!res) return;
      message.success(`已登记 ${res.regNo}，送综合科审核`);
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }

  async function submitTakeout() {
    setError(null);
    try {
      const v = await tform.validateFields();
      const res = await postAck<{ instanceId: string }>('/secrecy/takeouts', { regNo: v.regNo, purpose: v.purpose, destination: v.destination, dueDate: v.dueDate });
      if (!res) return;
      message.success('带离申请已提交综合科负责人');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }

  const people = pick.people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Card title="涉密发文登记与带离申请">
      <ErrorAlert error={error} />
      <Tabs items={[
        { key: 'outgoing', label: '登记涉密发文', children: (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="涉密信息不上网：本系统只登记文件标识信息（标题、密级、份数、分送），文件正文在综合科涉密计算机上拟制、印制（SEC-23）。" />
            <Form form={form} layout="vertical" initialValues={{ level: 'secret', direction: 'downward', copies: 1, term: '10年' }}>
              <Form.Item label="文件标题" name="title" rules={[{ required: true, message: '请填写文件标题' }]}><Input maxLength={60} data-testid="sout-title" /></Form.Item>
              <Space wrap>
                <Form.Item label="文号" name="docNo"><Input maxLength={40} placeholder="白扶办密〔2026〕1号" /></Form.Item>
                <Form.Item label="密级" name="level"><Select style={{ width: 100 }} options={LEVEL_OPTIONS} /></Form.Item>
                <Form.Item label="保密期限" name="term" rules={[{ required: true }]}><Input style={{ width: 100 }} /></Form.Item>
                <Form.Item label="定密责任人" name="levelDecidedBy" rules={[{ required: true, message: '请选择定密责任人' }]}>
                  <Select style={{ width: 140 }} options={people.filter((p) => pick.officers.includes(p.value))} />
                </Form.Item>
                <Form.Item label="行文方向" name="direction"><Select style={{ width: 140 }} options={[{ value: 'upward', label: '上报（主任签发）' }, { value: 'parallel', label: '平行' }, { value: 'downward', label: '下发' }, { value: 'internal', label: '办内部文件' }]} /></Form.Item>
                <Form.Item label="印制份数" name="copies"><InputNumber min={1} max={999} /></Form.Item>
              </Space>
              {direction === 'internal' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="办内部文件必须发至每位主任及各科室（SEC-12）。" />}
              <Space wrap align="start">
                <Form.Item label="分送领导" name="leaderIds"><Select mode="multiple" style={{ minWidth: 260 }} options={people.filter((p) => leaders.some((l) => l.id === p.value))} /></Form.Item>
                <Form.Item label="分送科室" name="unitIds"><Select mode="multiple" style={{ minWidth: 260 }} options={sections.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                <Form.Item label="外单位（用顿号分隔）" name="orgs"><Input style={{ width: 300 }} placeholder="吉林省扶贫开发办公室、白城市人民政府办公室" /></Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item label="知悉范围：科室" name="scopeUnits" rules={[{ required: true, message: '请登记知悉范围' }]}><Select mode="multiple" style={{ minWidth: 260 }} options={pick.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                <Form.Item label="知悉范围：人员" name="scopePeople"><Select mode="multiple" style={{ minWidth: 260 }} options={people} /></Form.Item>
              </Space>
              <Button type="primary" data-testid="sout-submit" onClick={submitOutgoing}>登记并送审</Button>
            </Form>
          </>
        ) },
        { key: 'takeout', label: '申请带离涉密文件', children: (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="涉密文件原则上不可带离工作场所；确需带离的，须经综合科负责人批准，并按期带回（公文运转管理制度第二十四条，SEC-15）。" />
            <Form form={tform} layout="vertical">
              <Space wrap>
                <Form.Item label="登记号" name="regNo" rules={[{ required: true, message: '请填写登记号' }]}><Input placeholder="2026-0001" /></Form.Item>
                <Form.Item label="去向" name="destination" rules={[{ required: true, message: '请填写去向' }]}><Input maxLength={40} /></Form.Item>
                <Form.Item label="带回日期" name="dueDate" rules={[{ required: true, message: '请填写带回日期' }]}><Input type="date" /></Form.Item>
              </Space>
              <Form.Item label="事由" name="purpose" rules={[{ required: true, message: '请填写事由' }]}><Input maxLength={60} /></Form.Item>
              <Button type="primary" onClick={submitTakeout}>提交申请</Button>
            </Form>
            <Table style={{ marginTop: 16 }} rowKey="id" dataSource={mine} pagination={false} columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '去向', dataIndex: 'destination' }, { title: '带回期限', dataIndex: 'dueDate' },
              { title: '状态', render: (_: unknown, r: Takeout) => <Tag color={r.overdue ? 'red' : undefined}>{r.statusLabel}{r.overdue ? '（逾期）' : ''}</Tag> },
              { title: '', render: (_: unknown, r: Takeout) => r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link> },
            ]} />
          </>
        ) },
      ]} />
    </Card>
  );
}
