import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Drawer, Input, Select, Space, Table, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LABOUR, LEVEL, STATUS, qs, yuan, type HouseholdRow } from './labels';
import { RevealDialog } from './RevealDialog';

interface Region { code: string; name: string; level: string }
interface Person { id: string; name: string; idMasked: string; birthDate: string; sex: string; relation: string; labourCapacity: string; disabilityGrade: number | null }

/** 农户台账: filters, masked ID numbers, member detail, audited reveal, XLSX export. */
export default function HouseholdsPage() {
  const [regions, setRegions] = useState<Region[]>([]);
  const [filter, setFilter] = useState<{ region?: string; status?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: HouseholdRow[]; total: number } | null>(null);
  const [detail, setDetail] = useState<(HouseholdRow & { persons: Person[] }) | null>(null);
  const [reveal, setReveal] = useState<Person | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<{ items: Region[] }>('/poverty/regions').then((r) => setRegions(r.items), setError);
  }, []);
  useEffect(() => {
    api.get<{ items: HouseholdRow[]; total: number }>(`/poverty/households?${qs({ ...filter, page, pageSize: 20 })}`).then(setData, setError);
  }, [filter, page]);
  const open = (id: string) => api.get<HouseholdRow & { persons: Person[] }>(`/poverty/households/${id}`).then(setDetail, setError);
  return (
    <Card title="农户台账" extra={<Button href={downloadUrl(`/poverty/households.xlsx?${qs(filter)}`)} data-testid="export-households">导出XLSX</Button>}>
      <ErrorAlert error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="乡镇/村" style={{ width: 200 }} options={regions.filter((r) => r.level !== 'county').map((r) => ({ value: r.code, label: r.level === 'village' ? `　${r.name}` : r.name }))} onChange={(v) => { setPage(1); setFilter({ ...filter, region: v }); }} />
        <Select allowClear placeholder="户类型" style={{ width: 140 }} options={Object.entries(STATUS).map(([value, label]) => ({ value, label }))} onChange={(v) => { setPage(1); setFilter({ ...filter, status: v }); }} />
        <Input.Search allowClear placeholder="姓名、村名、户编号、证件号码后4位/后6位或完整号码" style={{ width: 300 }} onSearch={(q) => { setPage(1); setFilter({ ...filter, q }); }} data-testid="household-search" />
      </Space>
      <Table<HouseholdRow>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 户` }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '户编号', dataIndex: 'code' },
          { title: '乡镇', dataIndex: 'townshipName' },
          { title: '村', dataIndex: 'villageName' },
          { title: '户主', dataIndex: 'householderName' },
          { title: '证件号码', dataIndex: 'householderIdMasked' },
          { title: '户类型', dataIndex: 'registeredStatus', render: (s: string) => STATUS[s] ?? s },
          { title: '人口', dataIndex: 'memberCount' },
          { title: '人均可支配收入（元）', dataIndex: 'disposableIncomePerHeadFen', align: 'right', render: yuan },
          { title: '预警等级', dataIndex: 'level', render: (l: string | null, r) => (l ? <Tag color={LEVEL[l].color}>{LEVEL[l].label}</Tag> : r.monitoringStatus === 'proposed' ? <Tag>待确认</Tag> : null) },
        ]}
      />
      <Drawer open={detail !== null} width={720} title={detail ? `${detail.householderName}户（${detail.code}）` : ''} onClose={() => setDetail(null)}>
        {detail && (
          <>
            <Descriptions size="small" column={2} items={[
              { label: '村', children: `${detail.townshipName} ${detail.villageName}` },
              { label: '户类型', children: STATUS[detail.registeredStatus] },
              { label: '脱贫年度', children: detail.exitYear ?? '—' },
              { label: '人均可支配收入', children: `${yuan(detail.disposableIncomePerHeadFen)} 元` },
              { label: '规则建议', children: detail.suggestedLevel ? `${LEVEL[detail.suggestedLevel].label}（${detail.suggestedRule}）` : '—' },
            ]} />
            <Table<Person> style={{ marginTop: 16 }} rowKey="id" size="small" pagination={false} dataSource={detail.persons} columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '关系', dataIndex: 'relation' },
              { title: '证件号码', dataIndex: 'idMasked' },
              { title: '劳动技能', dataIndex: 'labourCapacity', render: (l: string) => LABOUR[l] ?? l },
              { title: '', key: 'reveal', render: (_, p) => <Button size="small" type="link" data-testid={`reveal-${p.id}`} onClick={() => setReveal(p)}>查看完整号码</Button> },
            ]} />
          </>
        )}
      </Drawer>
      <RevealDialog personId={reveal?.id ?? null} name={reveal?.name ?? ''} onClose={() => setReveal(null)} />
    </Card>
  );
}
