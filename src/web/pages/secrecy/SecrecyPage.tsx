import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

/**
 * 涉密文件登记簿 (综合科 and the leaders; every view is audited): paper documents only — the
 * system never holds classified content (SEC-23). The 文书 registers, sends for instructions
 * (SEC-02), circulates and archives (SEC-04, SEC-14); loans (SEC-05), copies and excerpts
 * (SEC-07, SEC-08), the first-quarter archiving list (SEC-13) and the media (SEC-24).
 */
const LEVEL: Record<string, string> = { secret: '秘密', confidential: '机密', top_secret: '绝密' };
const STATUS: Record<string, string> = { registered: '已登记', instructing: '签批中', instructed: '已批示', archived: '已归档', destroyed: '已销毁' };
const LOAN: Record<string, string> = { pending: '审批中', approved: '已批准待借出', out: '借出', returned: '已归还', rejected: '未批准', withdrawn: '已撤回' };
interface Doc { id: string; regNo: string; title: string; sourceOrg: string; docNo: string | null; levelLabel: string; level: string; term: string; copyNo: string; status: string; receivedOn: string; openLegs: number; direction: string; cabinet: string | null; instructInstanceId: string | null }
interface Loan { id: string; regNo: string; levelLabel: string; borrowerName: string; dueDate: string; status: string; overdue: boolean; flowInstanceId: string | null }
interface Copy { id: string; regNo: string; kind: string; copyNo: string; levelLabel: string; holderName: string; returnedAt: string | null; stampText: string | null }
interface CopyReq { id: string; regNo: string; kind: string; count: number; status: string; applicantName: string; flowInstanceId: string | null }
interface Medium { id: string; number: string; custodianName: string; location: string; levelLabel: string; computedLevelLabel: string | null; items: { id: string; label: string; levelLabel: string }[] }
interface ArchiveItem { id: string; regNo: string; levelLabel: string; year: number; deadline: string; state: string }

export default function SecrecyPage() {
  const [docs, setDocs] = useState<Doc[]>([]);
  const [loans, setLoans] = useState<Loan[]>([]);
  const [copies, setCopies] = useState<Copy[]>([]);
  const [requests, setRequests] = useState<CopyReq[]>([]);
  const [media, setMedia] = useState<Medium[]>([]);
  const [archive, setArchive] = useState<ArchiveItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const load = () => {
    api.get<{ items: Doc[] }>('/secrecy/documents').then((r) => setDocs(r.items), setError);
    api.get<{ items: Loan[] }>('/secrecy/loans').then((r) => setLoans(r.items), setError);
    api.get<{ items: Copy[] }>('/secrecy/copies/outstanding').then((r) => setCopies(r.items), setError);
    api.get<{ items: CopyReq[] }>('/secrecy/copy-requests').then((r) => setRequests(r.items), setError);
    api.get<{ items: Medium[] }>('/secrecy/media').then((r) => setMedia(r.items), setError);
    api.get<{ items: ArchiveItem[] }>('/secrecy/archive-report').then((r) => setArchive(r.items), setError);
  };
  useEffect(load, []);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try { await fn(); message.success(done); load(); } catch (e) { setError(e); }
  };

  async function register() {
    try {
      const v = await form.validateFields();
      const units = String(v.units ?? '').split(/[、,，\s]+/).filter(Boolean);
      await act(() => api.post('/secrecy/documents', { title: v.title, sourceOrg: v.sourceOrg, docNo: v.docNo || undefined, level: v.level, term: v.term, copyNo: v.copyNo, pages: v.pages,
        direction: v.direction, receivedOn: v.receivedOn, knowledgeScope: { unitIds: units, personIds: [] } }), '已登记');
      form.resetFields();
    } catch (e) { setError(e); }
  }

  const overdueArchive = archive.filter((a) => a.state !== 'open');
  return (
    <Card title="涉密文件登记簿">
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">涉密信息不上网：本系统只登记纸质涉密文件和存储介质的标识信息（登记号、份号、密级、保密期限、知悉范围），不录入任何涉密内容。每次查阅均留痕。</Typography.Paragraph>
      {overdueArchive.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`上年涉密文件未归档 ${overdueArchive.length} 件（每年第一季度内必须全部归档入卷，SEC-13）`} description={overdueArchive.map((a) => `${a.regNo}（${a.levelLabel}，期限${a.deadline}${a.state === 'overdue' ? '，已逾期' : ''}）`).join('；')} />}
      <Tabs items={[
        { key: 'docs', label: '登记簿', children: (
          <>
            <Space style={{ marginBottom: 12 }}><Button href={downloadUrl('/secrecy/ledger/documents.xlsx')}>导出登记簿（XLSX）</Button></Space>
            <Table rowKey="id" dataSource={docs} pagination={{ pageSize: 20 }} columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '标题', dataIndex: 'title' }, { title: '来文单位', dataIndex: 'sourceOrg' }, { title: '文号', dataIndex: 'docNo' },
              { title: '密级', dataIndex: 'levelLabel', render: (v: string) => <Tag color={v === '绝密' ? 'red' : v === '机密' ? 'orange' : 'gold'}>{v}</Tag> },
              { title: '保密期限', dataIndex: 'term' }, { title: '份号', dataIndex: 'copyNo' }, { title: '状态', dataIndex: 'status', render: (v: string, r: Doc) => `${STATUS[v] ?? v}${r.openLegs ? '（传阅中）' : ''}` },
              { title: '', render: (_: unknown, r: Doc) => (
                <Space wrap>
                  {r.status === 'registered' && r.direction === 'incoming' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/documents/${r.id}/instruct`), '已呈送签批')}>呈送签批</Button>}
                  {r.instructInstanceId && <Link to={`/flow/instances/${r.instructInstanceId}`}>签批</Link>}
                  {r.status !== 'archived' && r.status !== 'destroyed' && r.openLegs === 0 && <Button size="small" onClick={() => act(() => api.post(`/secrecy/documents/${r.id}/archive`, { cabinet: `${r.levelLabel}保密柜`, compartmentLevel: r.level }), '已归档入柜')}>归档入柜</Button>}
                </Space>
              ) },
            ]} />
            <Card size="small" title="登记涉密文件（文书；绝密件由绝密件专管人员）" style={{ marginTop: 12 }}>
              <Form form={form} layout="vertical" initialValues={{ level: 'secret', direction: 'incoming', pages: 1 }}>
                <Space wrap>
                  <Form.Item label="文件标题" name="title" rules={[{ required: true }]}><Input maxLength={60} style={{ width: 320 }} /></Form.Item>
                  <Form.Item label="来文单位" name="sourceOrg" rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
                  <Form.Item label="文号" name="docNo"><Input maxLength={40} /></Form.Item>
                </Space>
                <Space wrap>
                  <Form.Item label="密级" name="level"><Select style={{ width: 100 }} options={Object.entries(LEVEL).map(([value, label]) => ({ value, label }))} /></Form.Item>
                  <Form.Item label="保密期限" name="term" rules={[{ required: true }]}><Input style={{ width: 100 }} /></Form.Item>
                  <Form.Item label="份号" name="copyNo" rules={[{ required: true }]}><Input style={{ width: 100 }} /></Form.Item>
                  <Form.Item label="页数" name="pages"><InputNumber min={1} /></Form.Item>
                  <Form.Item label="类别" name="direction"><Select style={{ width: 100 }} options={[{ value: 'incoming', label: '来文' }, { value: 'outgoing', label: '发文' }, { value: 'internal', label: '内部' }]} /></Form.Item>
                  <Form.Item label="收文日期" name="receivedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
                  <Form.Item label="知悉范围（科室编号，顿号分隔）" name="units" rules={[{ required: true }]}><Input placeholder="unit_zonghe、unit_xinxi" style={{ width: 260 }} /></Form.Item>
                </Space>
                <Button type="primary" onClick={register}>登记</Button>
              </Form>
            </Card>
          </>
        ) },
        { key: 'loans', label: '借阅', children: (
          <Table rowKey="id" dataSource={loans} pagination={{ pageSize: 20 }} columns={[
            { title: '登记号', dataIndex: 'regNo' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '借阅人', dataIndex: 'borrowerName' }, { title: '归还期限', dataIndex: 'dueDate' },
            { title: '状态', render: (_: unknown, r: Loan) => <Tag color={r.overdue ? 'red' : undefined}>{LOAN[r.status] ?? r.status}{r.overdue ? '（逾期）' : ''}</Tag> },
            { title: '', render: (_: unknown, r: Loan) => (
              <Space>
                {r.status === 'approved' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/loans/${r.id}/out`), '已借出')}>借出</Button>}
                {r.status === 'out' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/loans/${r.id}/return`), '已收回')}>收回</Button>}
                {r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link>}
              </Space>
            ) },
          ]} />
        ) },
        { key: 'copies', label: '复制与摘抄', children: (
          <>
            <Table rowKey="id" dataSource={requests} pagination={false} size="small" columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '申请', render: (_: unknown, r: CopyReq) => (r.kind === 'copy' ? `复制${r.count}份` : '摘抄') }, { title: '申请人', dataIndex: 'applicantName' }, { title: '状态', dataIndex: 'status' },
              { title: '', render: (_: unknown, r: CopyReq) => <Space>{r.status === 'approved' && <Button size="small" onClick={() => act(() => api.post(`/secrecy/copy-requests/${r.id}/make`), '已复制并编号')}>复制、编号、盖章</Button>}{r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link>}</Space> },
            ]} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>未退回销毁的复制件、摘抄件</Typography.Title>
            <Table rowKey="id" dataSource={copies} pagination={false} size="small" columns={[
              { title: '登记号', dataIndex: 'regNo' }, { title: '编号', dataIndex: 'copyNo' }, { title: '密级', dataIndex: 'levelLabel' }, { title: '持有人', dataIndex: 'holderName' }, { title: '印章', dataIndex: 'stampText' },
              { title: '', render: (_: unknown, c: Copy) => <Space>{!c.returnedAt && <Button size="small" onClick={() => act(() => api.post(`/secrecy/copies/${c.id}`, { action: 'return' }), '已退回')}>退回</Button>}{c.returnedAt && <Button size="small" onClick={() => act(() => api.post(`/secrecy/copies/${c.id}`, { action: 'destroy' }), '已销毁')}>销毁</Button>}</Space> },
            ]} />
          </>
        ) },
        { key: 'media', label: '存储介质', children: (
          <Table rowKey="id" dataSource={media} pagination={false} columns={[
            { title: '统一编号', dataIndex: 'number' }, { title: '责任人', dataIndex: 'custodianName' }, { title: '保管地点', dataIndex: 'location' }, { title: '标定密级', dataIndex: 'levelLabel' },
            { title: '按内容计算', dataIndex: 'computedLevelLabel' }, { title: '存储条目', render: (_: unknown, m: Medium) => m.items.map((i) => `${i.label}（${i.levelLabel}）`).join('；') },
          ]} />
        ) },
      ]} />
    </Card>
  );
}
