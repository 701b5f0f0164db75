import { useEffect, useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Tabs, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL, STATUS, qs, yuan, type HouseholdRow, type Job } from './labels';

interface Scale { countyName: string; registeredPersons: number; monitoredPersons: number; verdict: { outcome: string; ruleId: string; message?: string } }

/** 监测对象: monitored households by colour, the rule's suggestion beside the confirmed colour, and reclassification. */
export default function MonitoringPage() {
  const [level, setLevel] = useState<string>('RED');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: HouseholdRow[]; total: number } | null>(null);
  const [scale, setScale] = useState<Scale[]>([]);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const filter = { monitored: 'true', level: level === 'ALL' ? undefined : level };
  useEffect(() => {
    api.get<{ items: HouseholdRow[]; total: number }>(`/poverty/households?${qs({ ...filter, page, pageSize: 20 })}`).then(setData, setError);
  }, [level, page, tick]);
  useEffect(() => {
    api.get<{ items: Scale[] }>('/poverty/monitoring/scale').then((r) => setScale(r.items), () => undefined);
  }, [tick]);
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const t = setInterval(() => api.get<Job>(`/poverty/jobs/${job.id}`).then((j) => { setJob(j); if (j.status === 'done') setTick((x) => x + 1); }, setError), 500);
    return () => clearInterval(t);
  }, [job?.id, job?.status]);
  const reclassify = () => api.post<{ jobId: string }>('/poverty/reclassify').then((r) => setJob({ id: r.jobId, status: 'pending', fileName: null, total: 0, processed: 0, accepted: 0, rejected: 0, changed: 0, bytesRead: 0, bytesTotal: null, message: null }), setError);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      {scale.filter((s) => s.verdict.outcome === 'warn').map((s) => (
        <Alert key={s.countyName} type="warning" showIcon title={`${s.countyName}监测规模提示`} description={`${s.verdict.message}（监测人口 ${s.monitoredPersons} / 建档立卡人口 ${s.registeredPersons}；制度依据：${s.verdict.ruleId}）`} />
      ))}
      <Card
        title="监测对象"
        extra={
          <Space>
            <Button onClick={reclassify} loading={job?.status === 'running' || job?.status === 'pending'} data-testid="reclassify">按预警规则重新分级</Button>
            <Button href={downloadUrl(`/poverty/households.xlsx?${qs(filter)}`)} data-testid="export-monitoring">导出XLSX</Button>
          </Space>
        }
      >
        {job && (
          <div style={{ marginBottom: 12 }}>
            <Progress percent={job.total ? Math.round((job.processed / job.total) * 100) : job.status === 'done' ? 100 : 0} status={job.status === 'failed' ? 'exception' : undefined} />
            {job.status === 'done' && <Alert type="success" showIcon title={`已重新分级 ${job.processed} 户，其中 ${job.changed} 户的规则建议等级发生变化（均已留痕）`} />}
          </div>
        )}
        <Tabs activeKey={level} onChange={(k) => { setPage(1); setLevel(k); }} items={[...Object.entries(LEVEL).map(([key, v]) => ({ key, label: v.label })), { key: 'ALL', label: '全部' }]} />
        <Table<HouseholdRow>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 户` }}
          columns={[
            { title: '户编号', dataIndex: 'code' },
            { title: '村', dataIndex: 'villageName' },
            { title: '户主', dataIndex: 'householderName' },
            { title: '证件号码', dataIndex: 'householderIdMasked' },
            { title: '户类型', dataIndex: 'registeredStatus', render: (s: string) => STATUS[s] ?? s },
            { title: '人均可支配收入（元）', dataIndex: 'disposableIncomePerHeadFen', align: 'right', render: yuan },
            { title: '确认等级', dataIndex: 'level', render: (l: string | null) => (l ? <Tag color={LEVEL[l].color}>{LEVEL[l].label}</Tag> : '待确认') },
            { title: '规则建议', dataIndex: 'suggestedLevel', render: (l: string | null, r) => (l ? <span><Tag color={LEVEL[l].color}>{LEVEL[l].label}</Tag>{r.suggestedRule}{r.level && r.level !== l ? <Tag color="orange">与确认等级不同</Tag> : null}</span> : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
