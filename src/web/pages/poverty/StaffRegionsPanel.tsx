import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

interface Region { code: string; name: string; level: string; parentCode: string | null }
interface Staff { accountId: string; username: string; displayName: string; regions: string[] }
interface Node { value: string; title: string; children: Node[] }

/** Region tree (county → township → village) for the picker. */
function tree(regions: Region[], parent: string | null): Node[] {
  return regions.filter((r) => (r.parentCode ?? null) === parent).map((r) => ({ value: r.code, title: r.name, children: tree(regions, r.code) }));
}

/**
 * 数据范围: the poverty administrator (an office account without a region link) assigns
 * county/township/village regions to 乡村监测员 accounts; saved through the audited
 * PUT /poverty/staff-regions/:id, and the account's lists follow at once.
 */
export function StaffRegionsPanel() {
  const [staff, setStaff] = useState<Staff[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const [accountId, setAccountId] = useState<string | undefined>();
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const [canAssign, setCanAssign] = useState(false);
  const { message } = App.useApp();
  useEffect(() => {
    api.get<{ items: Staff[]; canAssign: boolean }>('/poverty/staff-accounts').then((r) => { setStaff(r.items); setCanAssign(r.canAssign); }, setError);
    api.get<{ items: Region[] }>('/poverty/regions').then((r) => setRegions(r.items), setError);
  }, [tick]);
  const pick = (id: string) => { setAccountId(id); setCodes(staff.find((s) => s.accountId === id)?.regions ?? []); };
  const save = () => api.put(`/poverty/staff-regions/${accountId}`, { regions: codes }).then(() => { message.success('数据范围已保存（已记入审计日志）'); setError(null); setTick((x) => x + 1); }, setError);
  const name = (c: string) => regions.find((r) => r.code === c)?.name ?? c;
  return (
    <Card title="县、乡镇、村工作人员的数据范围">
      <ErrorAlert error={error} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="关联了区划的乡村监测员只能查看和管理该区划内的农户；未关联区划的账号（市、县扶贫办）按权限查看全部。分配和调整均记入审计日志。" />
      {!canAssign && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="本账号关联了区划，只能查看数据范围；分配和调整由市级（未限定区域的）工作人员办理。" />}
      {canAssign && <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 220 }} placeholder="选择乡村监测员" value={accountId} onChange={pick} options={staff.map((s) => ({ value: s.accountId, label: `${s.displayName}（${s.username}）` }))} data-testid="scope-account" />
        <TreeSelect style={{ width: 420 }} multiple treeDefaultExpandAll allowClear placeholder="选择县（区）、乡镇或村" value={codes} onChange={setCodes} treeData={tree(regions, null)} disabled={!accountId} data-testid="scope-regions" />
        <Button type="primary" disabled={!accountId} onClick={() => void save()} data-testid="scope-save">保存数据范围</Button>
      </Space>}
      <Table<Staff> rowKey="accountId" size="small" pagination={false} dataSource={staff} data-testid="scope-table" columns={[
        { title: '姓名', dataIndex: 'displayName' }, { title: '账号', dataIndex: 'username' },
        { title: '数据范围', dataIndex: 'regions', render: (r: string[]) => (r.length ? r.map((c) => <Tag key={c}>{name(c)}</Tag>) : <Tag color="orange">未限定（全部）</Tag>) },
      ]} />
    </Card>
  );
}
