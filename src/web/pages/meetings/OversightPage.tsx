import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { useAct } from './useAct';

interface Report {
  candidates: { circumstance: number; ruleId: string; what: string; names: string[] }[];
  openProblems: { id: string; decisionTitle: string; body: string; dueDate: string | null; overdue: boolean }[];
  disposals: { id: string; name: string; matter: string; reportDueDate: string; reportedAt: string | null; overdue: boolean }[];
  fiveAreas: { code: string; leader: { id: string; name: string } | null; ok: boolean }[];
  byMember: { personId: string; name: string; decisions: { title: string; status: string; isLead: boolean }[]; cases: { id: string; circumstance: number; measures: string[] }[] }[];
  institutions: { id: string; institution: string; title: string; decidedOn: string; oversightNote: string | null }[];
  measures: string[];
}

/**
 * 监督检查 (SZYD-27, SZYD-29, SZYD-32…34, SZYD-36, PG-25): accountability candidates, emergency
 * disposals to be reported, the five areas, each leader's decisions and cases, and the subordinate
 * institutions' decisions. 综合科 and the discipline inspector use it.
 */
export default function OversightPage() {
  const [report, setReport] = useState<Report | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const load = useCallback(() => { api.get<Report>('/meetings/oversight').then(setReport, setLoadError); }, []);
  useEffect(load, [load]);
  const { error, act } = useAct(load);
  const { me } = useAuth();
  const [matter, setMatter] = useState('');
  const [acc, setAcc] = useState<{ circumstance?: number; person?: string; facts: string; measures: string[] }>({ facts: '', measures: [] });
  const [inst, setInst] = useState({ institution: '扶贫开发服务中心', title: '', decidedOn: '', category: '大额资金使用', summary: '' });
  const people = report?.byMember.map((m) => ({ value: m.personId, label: m.name })) ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error ?? loadError} />
      <Card size="small" title="责任追究线索（SZYD-32）">
        {report?.candidates.length ? report.candidates.map((c, i) => <div key={i} data-testid="candidate"><Tag color="red">六（一）{c.circumstance}</Tag>{c.what}（{c.names.join('、')}）</div>) : '暂无'}
        {report?.openProblems.map((p) => <div key={p.id}><Tag color={p.overdue ? 'red' : 'orange'}>PG-25</Tag>{p.decisionTitle}：{p.body}（请于 {p.dueDate} 前决定是否重新研究）</div>)}
      </Card>
      <Card size="small" title="临时处置事后报告（SZYD-29）">
        <Space.Compact style={{ marginBottom: 8 }}>
          <Input placeholder="临时处置的事项" style={{ width: 360 }} value={matter} onChange={(e) => setMatter(e.target.value)} data-testid="disposal-matter" />
          <Button onClick={() => act(async () => { await api.post('/meetings/emergency-disposals', { matter, personId: me?.personId ?? undefined }); setMatter(''); })}>登记本人临时处置</Button>
        </Space.Compact>
        <Table rowKey="id" size="small" pagination={false} dataSource={report?.disposals ?? []} columns={[
          { title: '领导', dataIndex: 'name' }, { title: '事项', dataIndex: 'matter' }, { title: '报告期限', dataIndex: 'reportDueDate' },
          { title: '状态', key: 's', render: (_, d) => d.reportedAt ? <Tag color="success">已报告</Tag> : <Tag color={d.overdue ? 'red' : 'warning'}>{d.overdue ? '逾期未报告' : '待报告'}</Tag> },
          { title: '', key: 'op', render: (_, d) => !d.reportedAt && <Button size="small" onClick={() => act(() => api.post(`/meetings/emergency-disposals/${d.id}/reported`, {}))}>已向领导班子报告</Button> },
        ]} />
      </Card>
      <Card size="small" title="五项工作分管（SZYD-27：主要负责人不直接分管）">
        {report?.fiveAreas.map((a) => <Tag key={a.code} color={a.ok ? 'success' : 'red'}>{a.code}：{a.leader?.name ?? '无人分管'}</Tag>)}
      </Card>
      <Card size="small" title="班子成员“三重一大”决策与责任追究（SZYD-34，供民主生活会、述职述廉、考核使用）">
        <Table rowKey="personId" size="small" pagination={false} dataSource={report?.byMember ?? []} columns={[
          { title: '成员', dataIndex: 'name' },
          { title: '负责的决定', key: 'd', render: (_, m) => m.decisions.map((d) => `${d.title}${d.isLead ? '（牵头）' : ''}`).join('；') },
          { title: '责任追究', key: 'c', render: (_, m) => m.cases.map((c) => `六（一）${c.circumstance}：${c.measures.join('、')}`).join('；') || '—' },
        ]} />
        <Space wrap style={{ marginTop: 8 }}>
          <InputNumber min={1} max={5} placeholder="情形 1–5" value={acc.circumstance} onChange={(v) => setAcc({ ...acc, circumstance: v ?? undefined })} />
          <Select placeholder="责任人" style={{ width: 120 }} value={acc.person} onChange={(v) => setAcc({ ...acc, person: v })} options={people} />
          <Input placeholder="事实" style={{ width: 240 }} value={acc.facts} onChange={(e) => setAcc({ ...acc, facts: e.target.value })} />
          <Select mode="multiple" placeholder="追究方式（SZYD-33）" style={{ minWidth: 220 }} value={acc.measures} onChange={(v) => setAcc({ ...acc, measures: v })}
            options={(report?.measures ?? []).map((m) => ({ value: m, label: m }))} />
          <Button onClick={() => act(() => api.post('/meetings/accountability', { circumstance: acc.circumstance, personIds: acc.person ? [acc.person] : [], facts: acc.facts, measures: acc.measures }))}>登记责任追究</Button>
        </Space>
      </Card>
      <Card size="small" title="所属事业单位“三重一大”决策（SZYD-36）">
        <Space wrap style={{ marginBottom: 8 }}>
          <Input placeholder="单位" value={inst.institution} onChange={(e) => setInst({ ...inst, institution: e.target.value })} style={{ width: 160 }} />
          <Input placeholder="决策事项" value={inst.title} onChange={(e) => setInst({ ...inst, title: e.target.value })} style={{ width: 200 }} />
          <Input placeholder="决策日期 YYYY-MM-DD" value={inst.decidedOn} onChange={(e) => setInst({ ...inst, decidedOn: e.target.value })} style={{ width: 160 }} />
          <Input placeholder="摘要" value={inst.summary} onChange={(e) => setInst({ ...inst, summary: e.target.value })} style={{ width: 220 }} />
          <Button onClick={() => act(() => api.post('/meetings/institution-decisions', inst))}>登记备查</Button>
        </Space>
        <Table rowKey="id" size="small" pagination={false} dataSource={report?.institutions ?? []} columns={[
          { title: '单位', dataIndex: 'institution' }, { title: '事项', dataIndex: 'title' }, { title: '日期', dataIndex: 'decidedOn' },
          { title: '监督情况', dataIndex: 'oversightNote', render: (v: string | null, r) => v ?? <Button size="small" onClick={() => act(() => api.post(`/meetings/institution-decisions/${r.id}/oversight`, { note: '已听取执行情况汇报' }))}>记录已听取执行情况</Button> },
        ]} />
      </Card>
    </Space>
  );
}
