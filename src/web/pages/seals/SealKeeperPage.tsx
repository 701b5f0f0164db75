import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { CATEGORY, DEFECTS, SEAL_KIND, SEAL_STATUS, TAKEOUT_STATUS, USE_STATUS, type Seal, type UseRow } from './labels';

/**
 * 印章管理 (综合科): entries waiting for the keeper (stamp or refuse, SEAL-05/06/08), the
 * 用印登记簿 with XLSX export, emergency uses awaiting paperwork (SEAL-09), take-outs
 * (SEAL-07), the register of seals with stopping and loss (SEAL-11/13), violations (SEAL-10).
 */
interface Takeout { id: string; sealName: string; borrowerName: string; purpose: string; dueBack: string; status: string; flowInstanceId: string; overdue: boolean }

export default function SealKeeperPage() {
  const [waiting, setWaiting] = useState<UseRow[]>([]);
  const [ledger, setLedger] = useState<UseRow[]>([]);
  const [emergencies, setEmergencies] = useState<UseRow[]>([]);
  const [seals, setSeals] = useState<Seal[]>([]);
  const [outs, setOuts] = useState<Takeout[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [stamping, setStamping] = useState<UseRow | null>(null);
  const [refusing, setRefusing] = useState<UseRow | null>(null);
  const [blank, setBlank] = useState(false);
  const [count, setCount] = useState(1);
  const [defects, setDefects] = useState<string[]>([]);
  const { message } = App.useApp();
  const load = () => {
    api.get<{ items: UseRow[] }>('/seals/uses?scope=keeper').then((r) => setWaiting(r.items.filter((u) => u.status === 'approved' || u.status === 'emergency' || u.status === 'pending')), setError);
    api.get<{ items: UseRow[] }>('/seals/uses?scope=all').then((r) => setLedger(r.items), setError);
    api.get<{ items: UseRow[] }>('/seals/uses/emergencies').then((r) => setEmergencies(r.items), setError);
    api.get<{ items: Seal[] }>('/seals').then((r) => setSeals(r.items), setError);
    api.get<{ items: Takeout[] }>('/seals/takeouts').then((r) => setOuts(r.items), setError);
  };
  useEffect(load, []);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try { await fn(); message.success(done); load(); } catch (e) { setError(e); }
  };

  const useColumns = [
    { title: '编号', dataIndex: 'entryNo' }, { title: '印章', dataIndex: 'sealName' }, { title: '科室', dataIndex: 'unitName' }, { title: '经办人', dataIndex: 'applicantName' },
    { title: '文件名称', dataIndex: 'documentTitle' }, { title: '类别', dataIndex: 'category', render: (v: string) => CATEGORY[v]?.split(' ')[0] ?? v }, { title: '份数', dataIndex: 'copies' },
    { title: '状态', dataIndex: 'status', render: (v: string, r: UseRow) => <Tag color={v === 'emergency' ? 'orange' : v === 'refused' ? 'red' : undefined} data-testid={`seal-status-${r.entryNo}`}>{USE_STATUS[v] ?? v}</Tag> },
  ];
  return (
    <Card title="印章管理">
      <ErrorAlert error={error} />
      {emergencies.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`紧急用章未补办手续 ${emergencies.length} 件`} description={emergencies.map((e) => <div key={e.id}>{e.entryNo} {e.applicantName}：{e.documentTitle}（补办期限 {e.paperworkDue ?? '用印后'}）</div>)} />}
      <Tabs items={[
        { key: 'waiting', label: `待用印（${waiting.filter((w) => w.status !== 'pending').length}）`, children: (
          <Table rowKey="id" dataSource={waiting} pagination={false} columns={[...useColumns, {
            title: '', render: (_: unknown, r: UseRow) => (
              <Space>
                {/* SEAL-08: the stamp action is offered only on a compliant entry; a pending one waits for its approval. */}
                {r.status === 'pending'
                  ? <Tag>待审批</Tag>
                  : <Button size="small" type="primary" data-testid={`seal-stamp-${r.entryNo}`} onClick={() => { setStamping(r); setCount(r.copies); setBlank(false); }}>用印</Button>}
                <Button size="small" danger onClick={() => { setRefusing(r); setDefects([]); }}>拒绝</Button>
                {r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link>}
              </Space>
            ),
          }]} />
        ) },
        { key: 'ledger', label: '用印登记簿', children: (
          <>
            <Space style={{ marginBottom: 12 }}><Button href={downloadUrl('/seals/ledger/uses.xlsx')}>导出用印登记簿（XLSX）</Button></Space>
            <Table rowKey="id" data-testid="seal-ledger" dataSource={ledger} pagination={{ pageSize: 20 }} columns={[...useColumns,
              { title: '用印人', dataIndex: 'stampedByName' },
              { title: '', render: (_: unknown, r: UseRow) => <a href={downloadUrl(`/seals/uses/${r.id}/form.pdf`)} target="_blank" rel="noreferrer">用印审批单</a> }]} />
          </>
        ) },
        { key: 'takeouts', label: '印章带出', children: (
          <Table rowKey="id" dataSource={outs} pagination={false} columns={[
            { title: '印章', dataIndex: 'sealName' }, { title: '借用人', dataIndex: 'borrowerName' }, { title: '事由', dataIndex: 'purpose' }, { title: '交回日期', dataIndex: 'dueBack' },
            { title: '状态', render: (_: unknown, r: Takeout) => <Tag color={r.overdue ? 'red' : undefined}>{TAKEOUT_STATUS[r.status] ?? r.status}{r.overdue ? '（逾期）' : ''}</Tag> },
            { title: '', render: (_: unknown, r: Takeout) => (
              <Space>
                {r.status === 'approved' && <Button size="small" onClick={() => act(() => api.post(`/seals/takeouts/${r.id}/out`), '已交付借用人')}>交付</Button>}
                {r.status === 'out' && <Button size="small" onClick={() => act(() => api.post(`/seals/takeouts/${r.id}/return`), '印章已交回')}>交回</Button>}
                <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link>
              </Space>
            ) },
          ]} />
        ) },
        { key: 'seals', label: '印章登记', children: (
          <Table rowKey="id" dataSource={seals} pagination={false} columns={[
            { title: '印章', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (v: string) => SEAL_KIND[v] ?? v }, { title: '所属科室', dataIndex: 'ownerUnitName' },
            { title: '使用范围', dataIndex: 'usageScope' }, { title: '保管人', dataIndex: 'keeperName' }, { title: '临时代管', dataIndex: 'tempKeeperName' },
            { title: '状态', render: (_: unknown, s: Seal) => <Tag color={s.status === 'active' ? 'green' : 'default'}>{SEAL_STATUS[s.status] ?? s.status}{s.custody === 'out' ? '·外带中' : ''}</Tag> },
            { title: '', render: (_: unknown, s: Seal) => (
              <Space>
                {s.status === 'active' && <Button size="small" danger onClick={() => Modal.confirm({ title: `报告“${s.name}”遗失？`, content: '印章将立即停用，并须报告办领导、办理遗失声明、报有关部门备案（SEAL-11、SEAL-13）。',
                  onOk: () => act(() => api.post(`/seals/${s.id}/loss`, { discoveredOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }), theft: false }), '已停用并登记遗失') })}>报告遗失</Button>}
                {s.status === 'stopped' && <Button size="small" onClick={() => act(() => api.post(`/seals/${s.id}/dispose`, { disposal: 'sealed_up' }), '已封存')}>封存</Button>}
                {s.status === 'stopped' && <Button size="small" onClick={() => act(() => api.post(`/seals/${s.id}/dispose`, { disposal: 'destroyed' }), '已送销毁')}>送销毁</Button>}
              </Space>
            ) },
          ]} />
        ) },
      ]} />
      <Modal open={!!stamping} title={`用印：${stamping?.documentTitle ?? ''}`} onCancel={() => setStamping(null)} okButtonProps={{ 'data-testid': 'seal-stamp-ok' } as never}
        onOk={() => { const r = stamping!; setStamping(null); act(() => api.post(`/seals/uses/${r.id}/stamp`, { blankPages: blank, stampCount: count }), '已登记用印'); }}>
        <Space direction="vertical">
          <span>用印处数：<InputNumber min={1} value={count} onChange={(v) => setCount(Number(v) || 1)} /></span>
          <Checkbox checked={blank} onChange={(e) => setBlank(e.target.checked)}>用印页面为空白页面</Checkbox>
        </Space>
      </Modal>
      <Modal open={!!refusing} title="拒绝用印（行文不规范）" onCancel={() => setRefusing(null)}
        onOk={() => { const r = refusing!; setRefusing(null); act(() => api.post(`/seals/uses/${r.id}/refuse`, { defects }), '已登记拒绝用印'); }}>
        <Select mode="multiple" style={{ width: '100%' }} value={defects} onChange={setDefects} options={Object.entries(DEFECTS).map(([value, label]) => ({ value, label }))} />
      </Modal>
    </Card>
  );
}
