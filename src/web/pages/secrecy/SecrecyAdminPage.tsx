import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL_OPTIONS, usePickers } from './common';

/**
 * 保密管理 (综合科; leaders read): the registers the secrecy rules imply besides the document
 * register — 涉密发文 with printing on the classified computer, copy numbers, distribution
 * and secure dispatch (SEC-10/11/17/18); take-outs (SEC-15); periodic reconciliation
 * (SEC-16); the equipment register (SEC-22/23/25/26/31); the secrecy work log (SEC-21/27/28/
 * 30/32/33/34) with the pre-holiday inspection reminder; the secrecy committee (SEC-29).
 * Every register exports to XLSX.
 */
interface CopyRow { copyNo: string; recipient: string | null; receiverName: string | null; distributedAt: string | null }
interface Outgoing { id: string; regNo: string; title: string; levelLabel: string; level: string; directionLabel: string; copies: number; recipients: string; drafterName: string; levelDecidedByName: string;
  status: string; statusLabel: string; flowInstanceId: string | null; printDevice: string | null; channelLabel: string | null; distributed: number; copyList: CopyRow[] }
interface Takeout { id: string; regNo: string; levelLabel: string; personName: string; purpose: string; destination: string; dueDate: string; status: string; statusLabel: string; overdue: boolean; flowInstanceId: string | null }
interface Check { id: string; period: string; startedOn: string; startedByName: string; status: string; problems: number | null; reportedToName: string | null; total: number; checked: number }
interface CheckItem { id: string; objectType: string; label: string; levelLabel: string; expectedHolder: string; result: string; note: string | null }
interface Device { id: string; number: string; kindLabel: string; kind: string; name: string; unitName: string; userName: string | null; isClassified: boolean; internetConnected: boolean; levelLabel: string; deviceFileNo: string | null; location: string; statusLabel: string; status: string }
interface Rec { id: string; kind: string; kindLabel: string; rule: string; occurredOn: string; subject: string; summary: string; device: string | null; personName: string | null; approvedByName: string | null; findings: string | null; correctedOn: string | null; outcome: string | null }
interface Due { festival: string; start: string; deadline: string; state: string }
interface Committee { members: { id: string; personName: string; roleLabel: string; startDate: string }[]; missing: string[] }

const RESULT: Record<string, string> = { pending: '未核对', present: '在位', missing: '缺失', mismatch: '与登记不符' };
const CHANNELS = [{ value: 'courier', label: '机要收发人员' }, { value: 'secure_system', label: '符合国家保密规定的计算机信息系统' }, { value: 'crypto_fax', label: '密码传真' }, { value: 'plain_fax', label: '普通传真（禁止）' }];
const RECORD_KINDS = [
  { value: 'education', label: '保密教育（SEC-27）' }, { value: 'inspection', label: '节前保密检查（SEC-27、28）' }, { value: 'data_release', label: '对外提供数据（SEC-21）' }, { value: 'fault', label: '故障报修（SEC-30）' },
  { value: 'external_device', label: '外来存储设备接入（SEC-32）' }, { value: 'config_change', label: '配置变更许可（SEC-33）' }, { value: 'maintenance', label: '系统维护（SEC-34）' }, { value: 'incident', label: '违规事件及处理（SEC-34）' },
];
const LOCKS = [{ value: 'pcRoom', label: '微机室' }, { value: 'archiveRoom', label: '档案室' }, { value: 'leaderOffices', label: '领导办公室' }, { value: 'otherOffices', label: '其他办公室无人时关门' }];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export default function SecrecyAdminPage() {
  const [outs, setOuts] = useState<Outgoing[]>([]);
  const [takeouts, setTakeouts] = useState<Takeout[]>([]);
  const [checks, setChecks] = useState<Check[]>([]);
  const [checkDue, setCheckDue] = useState<{ label: string; due: boolean } | null>(null);
  const [items, setItems] = useState<{ checkId: string; rows: CheckItem[] } | null>(null);
  const [devices, setDevices] = useState<Device[]>([]);
  const [records, setRecords] = useState<Rec[]>([]);
  const [dues, setDues] = useState<Due[]>([]);
  const [committee, setCommittee] = useState<Committee>({ members: [], missing: [] });
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState<Outgoing | null>(null);
  const [distributing, setDistributing] = useState<Outgoing | null>(null);
  const [dispatching, setDispatching] = useState<Outgoing | null>(null);
  const [eventFor, setEventFor] = useState<Device | null>(null);
  const [correcting, setCorrecting] = useState<Rec | null>(null);
  const [printForm] = Form.useForm();
  const [distForm] = Form.useForm();
  const [dispForm] = Form.useForm();
  const [evForm] = Form.useForm();
  const [corrForm] = Form.useForm();
  const [devForm] = Form.useForm();
  const [recForm] = Form.useForm();
  const [comForm] = Form.useForm();
  const pick = usePickers();
  const { message } = App.useApp();
  const recKind = Form.useWatch('kind', recForm);
  const load = () => {
    api.get<{ items: Outgoing[] }>('/secrecy/outgoing').then((r) => setOuts(r.items), setError);
    api.get<{ items: Takeout[] }>('/secrecy/takeouts').then((r) => setTakeouts(r.items), setError);
    api.get<{ items: Check[]; due: { label: string; due: boolean } }>('/secrecy/checks').then((r) => { setChecks(r.items); setCheckDue(r.due); }, setError);
    api.get<{ items: Device[] }>('/secrecy/devices').then((r) => setDevices(r.items), setError);
    api.get<{ items: Rec[]; inspections: Due[] }>('/secrecy/records').then((r) => { setRecords(r.items); setDues(r.inspections); }, setError);
    api.get<Committee>('/secrecy/committee').then(setCommittee, setError);
  };
  useEffect(load, []);
  const act = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    try { await fn(); message.success(done); load(); return true; } catch (e) { setError(e); return false; }
  };
  const openItems = (checkId: string) => api.get<{ items: CheckItem[] }>(`/secrecy/checks/${checkId}/items`).then((r) => setItems({ checkId, rows: r.items }), setError);
  const people = pick.people.map((p) => ({ value: p.id, label: p.name }));
  const classifiedZh = devices.filter((d) => d.isClassified && d.status === 'in_use' && d.kind !== 'fax');
  const exportBtn = (url: string, label: string) => <Button href={downloadUrl(url)}>{label}</Button>;

  async function saveDevice() {
    const v = await devForm.validateFields().catch(() => null);
    if (!v) return;
    if (await act(() => api.post('/secrecy/devices', { ...v, userPersonId: v.userPersonId || undefined, level: v.isClassified ? v.level : undefined, justification: v.justification || undefined, deviceFileNo: v.deviceFileNo || undefined,
      isClassified: !!v.isClassified, internetConnected: !!v.internetConnected, passwordSet: !!v.passwordSet }), '设备已登记')) devForm.resetFields();
  }

  async function saveRecord() {
    const v = await recForm.validateFields().catch(() => null);
    if (!v) return;
    const base = { kind: v.kind, occurredOn: v.occurredOn, subject: v.subject, findings: v.findings || undefined };
    const extra: Record<string, unknown> =
      v.kind === 'education' ? { attendees: v.attendees ?? [] }
      : v.kind === 'inspection' ? { holiday: v.holiday || undefined, locks: Object.fromEntries(LOCKS.map((l) => [l.value, (v.locks ?? []).includes(l.value)])) }
      : v.kind === 'data_release' ? { requester: v.requester, decision: v.decision, keeperPersonId: v.keeperPersonId }
      : v.kind === 'fault' ? { deviceId: v.deviceId, personId: v.personId || undefined }
      : v.kind === 'external_device' ? { deviceId: v.deviceId, personId: v.personId || undefined, approvedBy: v.approvedBy }
      : v.kind === 'config_change' ? { deviceId: v.deviceId, approvedBy: v.approvedBy }
      : v.kind === 'maintenance' ? { deviceId: v.deviceId || undefined }
      : { personId: v.personId, deliberate: !!v.deliberate, recoverable: !!v.recoverable, outcome: v.outcome };
    if (await act(() => api.post('/secrecy/records', { ...base, ...extra }), '已登记')) recForm.resetFields();
  }

  const needsDevice = ['fault', 'external_device', 'config_change', 'maintenance'].includes(recKind);
  return (
    <Card title="保密管理">
      <ErrorAlert error={error} />
      {checkDue?.due && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${checkDue.label}涉密文件清查核对尚未进行（SEC-16）`} />}
      {dues.filter((d) => d.state === 'due' || d.state === 'overdue').map((d) => <Alert key={d.start} type="warning" showIcon style={{ marginBottom: 12 }} title={`${d.festival}（${d.start}起）前的保密检查尚未登记，最迟 ${d.deadline}（SEC-27）`} />)}
      {committee.missing.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="保密委员会组成需调整（SEC-29）" description={committee.missing.join('；')} />}
      <Tabs items={[
        { key: 'outgoing', label: '涉密发文', children: (
          <>
            <Space style={{ marginBottom: 12 }}><Link to="/secrecy/outgoing/new">登记涉密发文</Link>{exportBtn('/secrecy/ledger/outgoing.xlsx', '导出涉密发文登记簿（XLSX）')}</Space>
            <Table rowKey="id" dataSource={outs} pagination={{ pageSize: 20 }} data-testid="sout-table" columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '标题', dataIndex: 'title' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '方向', dataIndex: 'directionLabel' },
              { title: '份数', render: (_: unknown, r: Outgoing) => `${r.distributed}/${r.copies}` }, { title: '分送', dataIndex: 'recipients' }, { title: '定密责任人', dataIndex: 'levelDecidedByName' },
              { title: '状态', render: (_: unknown, r: Outgoing) => <Tag>{r.statusLabel}</Tag> }, { title: '传递方式', dataIndex: 'channelLabel' },
              { title: '', render: (_: unknown, r: Outgoing) => (
                <Space>
                  {r.status === 'approved' && <Button size="small" type="primary" onClick={() => { printForm.resetFields(); setPrinting(r); }}>登记印制</Button>}
                  {r.status === 'printed' && r.distributed < r.copies && <Button size="small" onClick={() => { distForm.resetFields(); setDistributing(r); }}>逐份分发</Button>}
                  {r.status === 'printed' && <Button size="small" onClick={() => { dispForm.resetFields(); setDispatching(r); }}>登记发出</Button>}
                  {r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批单</Link>}
                </Space>
              ) },
            ]} expandable={{ rowExpandable: (r) => r.copyList.length > 0, expandedRowRender: (r) => (
              <Table size="small" rowKey="copyNo" dataSource={r.copyList} pagination={false} columns={[{ title: '份号', dataIndex: 'copyNo' }, { title: '分发对象', dataIndex: 'recipient' }, { title: '签收人', dataIndex: 'receiverName' }, { title: '分发时间', dataIndex: 'distributedAt' }]} />
            ) }} />
          </>
        ) },
        { key: 'takeouts', label: '带离登记', children: (
          <>
            <Space style={{ marginBottom: 12 }}>{exportBtn('/secrecy/ledger/takeouts.xlsx', '导出带离登记（XLSX）')}</Space>
            <Table rowKey="id" dataSource={takeouts} pagination={{ pageSize: 20 }} columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '带离人', dataIndex: 'personName' }, { title: '事由', dataIndex: 'purpose' }, { title: '去向', dataIndex: 'destination' },
              { title: '带回期限', dataIndex: 'dueDate' }, { title: '状态', render: (_: unknown, r: Takeout) => <Tag color={r.overdue ? 'red' : undefined}>{r.statusLabel}{r.overdue ? '（逾期）' : ''}</Tag> },
              { title: '', render: (_: unknown, r: Takeout) => (
                <Space>
                  {r.status === 'approved' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/takeouts/${r.id}/out`), '已登记带出')}>登记带出</Button>}
                  {r.status === 'out' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/takeouts/${r.id}/return`), '已登记带回')}>登记带回</Button>}
                  {r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批单</Link>}
                </Space>
              ) },
            ]} />
          </>
        ) },
        { key: 'checks', label: '清查核对', children: (
          <>
            <Space style={{ marginBottom: 12 }}><Button type="primary" onClick={() => act(() => api.post('/secrecy/checks'), '已开始本期清查核对')}>开始本期清查核对</Button></Space>
            <Table rowKey="id" dataSource={checks} pagination={false} columns={[
              { title: '期间', dataIndex: 'period' }, { title: '开始日期', dataIndex: 'startedOn' }, { title: '清查人', dataIndex: 'startedByName' }, { title: '进度', render: (_: unknown, c: Check) => `${c.checked}/${c.total}` },
              { title: '状态', render: (_: unknown, c: Check) => <Tag color={c.problems ? 'red' : undefined}>{c.status === 'open' ? '进行中' : `已结束${c.problems ? `，发现问题 ${c.problems} 个（已报告${c.reportedToName ?? ''}）` : '，无问题'}`}</Tag> },
              { title: '', render: (_: unknown, c: Check) => (
                <Space>
                  <Button size="small" onClick={() => openItems(c.id)}>明细</Button>
                  {c.status === 'open' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/checks/${c.id}/close`), '清查已结束')}>结束清查</Button>}
                  <a href={downloadUrl(`/secrecy/checks/${c.id}/items.xlsx`)}>导出核对表</a>
                </Space>
              ) },
            ]} />
            {items && <Table style={{ marginTop: 12 }} rowKey="id" size="small" dataSource={items.rows} pagination={false} columns={[
              { title: '登记号/份号', dataIndex: 'label' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '登记的持有人/存放处', dataIndex: 'expectedHolder' },
              { title: '结果', render: (_: unknown, i: CheckItem) => <Tag color={i.result === 'present' ? 'green' : i.result === 'pending' ? undefined : 'red'}>{RESULT[i.result]}{i.note ? `：${i.note}` : ''}</Tag> },
              { title: '', render: (_: unknown, i: CheckItem) => (
                <Space>
                  <Button size="small" onClick={() => act(() => api.post(`/secrecy/check-items/${i.id}`, { result: 'present' }), '已核对').then(() => openItems(items.checkId))}>在位</Button>
                  <Button size="small" danger onClick={() => { const note = window.prompt('请写明缺失或不符的情况'); if (note) act(() => api.post(`/secrecy/check-items/${i.id}`, { result: 'missing', note }), '已登记').then(() => openItems(items.checkId)); }}>缺失</Button>
                  <Button size="small" onClick={() => { const note = window.prompt('请写明与登记不符的情况'); if (note) act(() => api.post(`/secrecy/check-items/${i.id}`, { result: 'mismatch', note }), '已登记').then(() => openItems(items.checkId)); }}>不符</Button>
                </Space>
              ) },
            ]} />}
          </>
        ) },
        { key: 'devices', label: '设备登记', children: (
          <>
            <Form form={devForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} initialValues={{ kind: 'desktop', unitId: 'unit_zonghe', isClassified: false, internetConnected: true, passwordSet: true }}>
              <Form.Item name="number" rules={[{ required: true, message: '编号' }]}><Input placeholder="设备编号" style={{ width: 110 }} /></Form.Item>
              <Form.Item name="kind"><Select style={{ width: 110 }} options={[{ value: 'desktop', label: '台式计算机' }, { value: 'laptop', label: '笔记本电脑' }, { value: 'printer', label: '打印机' }, { value: 'fax', label: '传真机' }, { value: 'copier', label: '复印机' }, { value: 'other', label: '其他' }]} /></Form.Item>
              <Form.Item name="name" rules={[{ required: true, message: '名称' }]}><Input placeholder="名称型号" style={{ width: 150 }} /></Form.Item>
              <Form.Item name="unitId"><Select style={{ width: 120 }} options={pick.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
              <Form.Item name="userPersonId"><Select allowClear showSearch optionFilterProp="label" placeholder="责任人" style={{ width: 100 }} options={people} data-testid="dev-user" /></Form.Item>
              <Form.Item name="location" rules={[{ required: true, message: '地点' }]}><Input placeholder="存放地点" style={{ width: 120 }} /></Form.Item>
              <Form.Item name="isClassified" valuePropName="checked"><Checkbox>涉密</Checkbox></Form.Item>
              <Form.Item name="level"><Select allowClear placeholder="密级" style={{ width: 80 }} options={LEVEL_OPTIONS} data-testid="dev-level" /></Form.Item>
              <Form.Item name="internetConnected" valuePropName="checked"><Checkbox>连接互联网</Checkbox></Form.Item>
              <Form.Item name="passwordSet" valuePropName="checked"><Checkbox>已设开机密码</Checkbox></Form.Item>
              <Form.Item name="deviceFileNo"><Input placeholder="涉密单机档案号" style={{ width: 120 }} /></Form.Item>
              <Form.Item name="justification"><Input placeholder="笔记本作涉密单机的理由" style={{ width: 180 }} /></Form.Item>
              <Button type="primary" onClick={saveDevice}>登记</Button>
              {exportBtn('/secrecy/ledger/devices.xlsx', '导出（XLSX）')}
            </Form>
            <Table rowKey="id" dataSource={devices} pagination={{ pageSize: 20 }} columns={[
              { title: '编号', dataIndex: 'number' }, { title: '类别', dataIndex: 'kindLabel' }, { title: '名称', dataIndex: 'name' }, { title: '科室', dataIndex: 'unitName' }, { title: '责任人', dataIndex: 'userName' },
              { title: '密级', render: (_: unknown, d: Device) => <Tag color={d.isClassified ? 'red' : undefined}>{d.levelLabel}</Tag> }, { title: '互联网', render: (_: unknown, d: Device) => (d.internetConnected ? '连接' : '不连接') },
              { title: '档案', dataIndex: 'deviceFileNo' }, { title: '存放', dataIndex: 'location' }, { title: '状态', dataIndex: 'statusLabel' },
              { title: '', render: (_: unknown, d: Device) => d.status !== 'scrapped' && d.status !== 'transferred' && <Button size="small" onClick={() => { evForm.resetFields(); setEventFor(d); }}>维修/报废/外借…</Button> },
            ]} />
          </>
        ) },
        { key: 'records', label: '保密工作记录', children: (
          <>
            <Form form={recForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} initialValues={{ kind: 'education', occurredOn: today() }}>
              <Form.Item name="kind"><Select style={{ width: 220 }} options={RECORD_KINDS} /></Form.Item>
              <Form.Item name="occurredOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item name="subject" rules={[{ required: true, message: '事项' }]}><Input placeholder="事项" style={{ width: 220 }} maxLength={60} /></Form.Item>
              {recKind === 'education' && <Form.Item name="attendees" rules={[{ required: true, message: '参加人员' }]}><Select mode="multiple" placeholder="参加人员" style={{ minWidth: 240 }} options={people} /></Form.Item>}
              {recKind === 'inspection' && <><Form.Item name="holiday"><Input placeholder="节日" style={{ width: 100 }} /></Form.Item><Form.Item name="locks" label="已上锁/关门"><Checkbox.Group options={LOCKS} /></Form.Item></>}
              {recKind === 'data_release' && <><Form.Item name="requester" rules={[{ required: true, message: '请求单位' }]}><Input placeholder="请求单位" style={{ width: 140 }} /></Form.Item>
                <Form.Item name="decision" rules={[{ required: true, message: '处理意见' }]}><Select placeholder="综合科意见" style={{ width: 120 }} options={[{ value: 'provide', label: '同意提供' }, { value: 'partial', label: '部分提供' }, { value: 'refuse', label: '不予提供' }]} /></Form.Item>
                <Form.Item name="keeperPersonId" rules={[{ required: true, message: '保管人' }]}><Select placeholder="资料保管人" style={{ width: 120 }} options={people} /></Form.Item></>}
              {needsDevice && <Form.Item name="deviceId" rules={[{ required: recKind !== 'maintenance', message: '设备' }]}><Select allowClear placeholder="设备" style={{ width: 120 }} options={devices.map((d) => ({ value: d.id, label: d.number }))} /></Form.Item>}
              {(recKind === 'fault' || recKind === 'external_device' || recKind === 'incident') && <Form.Item name="personId" rules={[{ required: recKind === 'incident', message: '当事人' }]}><Select allowClear placeholder="当事人" style={{ width: 110 }} options={people} /></Form.Item>}
              {(recKind === 'external_device' || recKind === 'config_change') && <Form.Item name="approvedBy" rules={[{ required: true, message: '许可人' }]}><Select placeholder="微机管理人员" style={{ width: 130 }} options={people.filter((p) => pick.itAdmins.includes(p.value))} /></Form.Item>}
              {recKind === 'incident' && <><Form.Item name="deliberate" valuePropName="checked"><Checkbox>故意违规</Checkbox></Form.Item><Form.Item name="recoverable" valuePropName="checked"><Checkbox>损坏可恢复</Checkbox></Form.Item>
                <Form.Item name="outcome" rules={[{ required: true, message: '处理' }]}><Select placeholder="处理" style={{ width: 110 }} options={[{ value: 'criticism', label: '批评教育' }, { value: 'accountability', label: '追究责任' }, { value: 'none', label: '无需处理' }]} /></Form.Item></>}
              <Form.Item name="findings"><Input placeholder="发现问题（如有）" style={{ width: 180 }} maxLength={60} /></Form.Item>
              <Button type="primary" onClick={saveRecord}>登记</Button>
              {exportBtn('/secrecy/ledger/records.xlsx', '导出（XLSX）')}
            </Form>
            <Table rowKey="id" dataSource={records} pagination={{ pageSize: 20 }} columns={[
              { title: '日期', dataIndex: 'occurredOn' }, { title: '类别', dataIndex: 'kindLabel' }, { title: '依据', dataIndex: 'rule' }, { title: '事项', dataIndex: 'subject' }, { title: '情况', dataIndex: 'summary' },
              { title: '设备', dataIndex: 'device' }, { title: '当事人', dataIndex: 'personName' }, { title: '许可人', dataIndex: 'approvedByName' }, { title: '发现问题', dataIndex: 'findings' },
              { title: '整改/处理', render: (_: unknown, r: Rec) => [r.correctedOn, r.outcome].filter(Boolean).join(' ') },
              { title: '', render: (_: unknown, r: Rec) => !r.correctedOn && (r.findings || r.kind === 'fault') && <Button size="small" onClick={() => { corrForm.resetFields(); setCorrecting(r); }}>登记整改</Button> },
            ]} />
          </>
        ) },
        { key: 'committee', label: '保密委员会', children: (
          <>
            <Form form={comForm} layout="inline" style={{ marginBottom: 12 }} initialValues={{ role: 'member', startDate: today() }}>
              <Form.Item name="personId" rules={[{ required: true, message: '人员' }]}><Select placeholder="人员" style={{ width: 140 }} options={people} /></Form.Item>
              <Form.Item name="role"><Select style={{ width: 180 }} options={[{ value: 'chair', label: '主任委员' }, { value: 'vice_chair', label: '副主任委员' }, { value: 'member', label: '委员' }, { value: 'office', label: '保密办公室（综合科）' }, { value: 'daily', label: '日常工作专人' }]} /></Form.Item>
              <Form.Item name="startDate"><Input type="date" /></Form.Item>
              <Button type="primary" onClick={async () => { const v = await comForm.validateFields().catch(() => null); if (v && await act(() => api.post('/secrecy/committee', v), '已登记')) comForm.resetFields(); }}>登记成员</Button>
            </Form>
            <Table rowKey="id" dataSource={committee.members} pagination={false} columns={[
              { title: '姓名', dataIndex: 'personName' }, { title: '职务', dataIndex: 'roleLabel' }, { title: '起始日期', dataIndex: 'startDate' },
              { title: '', render: (_: unknown, m: { id: string }) => <Button size="small" onClick={() => act(() => api.post(`/secrecy/committee/${m.id}/end`), '已登记离任')}>离任</Button> },
            ]} />
          </>
        ) },
      ]} />

      <Modal open={!!printing} title={`登记印制：${printing?.regNo ?? ''}（${printing?.copies ?? 0}份）`} onCancel={() => setPrinting(null)}
        onOk={async () => { const v = await printForm.validateFields(); if (await act(() => api.post(`/secrecy/outgoing/${printing!.id}/print`, v), '已印制，份号已生成')) setPrinting(null); }}>
        <Form form={printForm} layout="vertical">
          <Form.Item label="印制所用的综合科涉密计算机（SEC-17）" name="deviceId" rules={[{ required: true, message: '请选择设备' }]}>
            <Select options={devices.filter((d) => d.status === 'in_use' && d.kind !== 'fax').map((d) => ({ value: d.id, label: `${d.number} ${d.name}（${d.levelLabel}）` }))} />
          </Form.Item>
          {classifiedZh.length === 0 && <Alert type="warning" title="尚未登记涉密计算机" />}
        </Form>
      </Modal>
      <Modal open={!!distributing} width={640} title={`逐份登记分发：${distributing?.regNo ?? ''}`} onCancel={() => setDistributing(null)}
        onOk={async () => {
          const v = await distForm.validateFields();
          const entries = (distributing?.copyList ?? []).filter((c) => !c.distributedAt && v[`r_${c.copyNo}`]).map((c) => ({ copyNo: c.copyNo, recipient: v[`r_${c.copyNo}`], receiverName: v[`n_${c.copyNo}`] }));
          if (await act(() => api.post(`/secrecy/outgoing/${distributing!.id}/distribute`, { entries }), '已登记分发')) setDistributing(null);
        }}>
        <Form form={distForm} layout="inline" style={{ rowGap: 8 }}>
          {(distributing?.copyList ?? []).filter((c) => !c.distributedAt).map((c) => (
            <Space key={c.copyNo} style={{ width: '100%' }}>
              <span style={{ width: 70, display: 'inline-block' }}>{c.copyNo}</span>
              <Form.Item name={`r_${c.copyNo}`}><Input placeholder="分发对象" style={{ width: 240 }} /></Form.Item>
              <Form.Item name={`n_${c.copyNo}`}><Input placeholder="签收人" style={{ width: 120 }} /></Form.Item>
            </Space>
          ))}
        </Form>
      </Modal>
      <Modal open={!!dispatching} title={`登记发出：${dispatching?.regNo ?? ''}`} onCancel={() => setDispatching(null)}
        onOk={async () => { const v = await dispForm.validateFields(); if (await act(() => api.post(`/secrecy/outgoing/${dispatching!.id}/dispatch`, v), '已登记发出')) setDispatching(null); }}>
        <Form form={dispForm} layout="vertical">
          <Form.Item label="传递方式（SEC-18）" name="channel" rules={[{ required: true, message: '请选择传递方式' }]}><Select options={CHANNELS} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!eventFor} title={`设备处理：${eventFor?.number ?? ''}`} onCancel={() => setEventFor(null)}
        onOk={async () => { const v = await evForm.validateFields(); if (await act(() => api.post(`/secrecy/devices/${eventFor!.id}/events`, { ...v, handlerName: v.handlerName || undefined, note: v.note || undefined }), '已登记')) setEventFor(null); }}>
        <Form form={evForm} layout="vertical">
          <Form.Item label="处理类型" name="kind" rules={[{ required: true }]}><Select options={[{ value: 'repair', label: '维修' }, { value: 'replace', label: '更换' }, { value: 'scrap', label: '报废' }, { value: 'transfer', label: '转让' }, { value: 'sell', label: '出售' }, { value: 'lend', label: '外借' }, { value: 'take_out', label: '带离' }, { value: 'return', label: '收回' }]} /></Form.Item>
          <Form.Item label="办理单位类型" name="handlerType"><Select allowClear options={[{ value: 'authority', label: '保密工作部门' }, { value: 'designated', label: '保密工作部门指定单位' }, { value: 'vendor', label: '一般维修商' }, { value: 'internal', label: '本办微机管理人员' }, { value: 'other', label: '其他' }]} /></Form.Item>
          <Form.Item label="办理单位名称" name="handlerName"><Input maxLength={40} /></Form.Item>
          <Form.Item label="批准人（转让须综合科负责人批准，SEC-31）" name="approvedBy"><Select allowClear options={people} /></Form.Item>
          <Form.Item label="说明" name="note"><Input maxLength={60} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!correcting} title={`登记整改：${correcting?.subject ?? ''}`} onCancel={() => setCorrecting(null)}
        onOk={async () => { const v = await corrForm.validateFields(); if (await act(() => api.post(`/secrecy/records/${correcting!.id}/correct`, v), '已登记整改')) setCorrecting(null); }}>
        <Form form={corrForm} layout="vertical" initialValues={{ correctedOn: today() }}>
          <Form.Item label="整改日期" name="correctedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="整改（处理）结果" name="outcome" rules={[{ required: true, message: '请填写结果' }]}><Input maxLength={60} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
