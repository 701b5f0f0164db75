import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Progress, Radio, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { COUNTY_DEFAULT, currentSemester, putFile, semesterLabel, SemesterSelect, today } from './common';

interface Job { id: string; kind: string; status: string; fileName: string | null; total: number; processed: number; accepted: number; rejected: number; bytesRead: number; bytesTotal: number | null; message: string | null }
interface Finding { line: number; code: string; message: string }
interface Status {
  record: { noticeIssuedOn: string | null; noticeRef: string | null; hukouScreenedOn: string | null; hukouScreenNote: string | null; sourceConfirmedOn: string | null; sourceConfirmNote: string | null } | null;
  counts: { proposed: number; reviewed: number; publicised: number; confirmed: number; paid: number; cancelled: number };
}
const CODE: Record<string, string> = { bad_id: '证件号码错误', duplicate: '重复', not_in_register: '不在农户台账', name_mismatch: '姓名不符', bad_value: '取值错误', missing: '缺少必填项', unreadable: '无法读取', omission: '疑似遗漏', no_determination: '未列入本学期' };
const STATUS: Record<string, string> = { pending: '等待', running: '比对中', done: '完成', failed: '失败' };

/** 学籍比对 (upload + progress + findings), 户籍筛查, 源头确认, 专项通知 and 县级复核 for a semester. */
export default function RollPage() {
  const input = useRef<HTMLInputElement>(null);
  const [semester, setSemester] = useState(currentSemester());
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('utf-8');
  const [job, setJob] = useState<Job | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [note, setNote] = useState('');
  const toast = useErrorToast();
  const { message } = App.useApp();
  const load = useCallback(() => api.get<Status>(`/rain/semesters/status?countyCode=${COUNTY_DEFAULT}&semester=${semester}`).then(setStatus, setError), [semester]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!busy || !job) return;
    const t = setInterval(() => api.get<Job>(`/rain/jobs/${job.id}`).then(setJob, () => undefined), 500);
    return () => clearInterval(t);
  }, [busy, job?.id]);
  const upload = async (file: File) => {
    setError(null);
    setFindings([]);
    try {
      const { id } = await api.post<{ id: string }>('/rain/roll-jobs', { fileName: file.name });
      setJob({ id, kind: 'rain-roll', status: 'pending', fileName: file.name, total: 0, processed: 0, accepted: 0, rejected: 0, bytesRead: 0, bytesTotal: file.size, message: null });
      setBusy(true);
      const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const done = await putFile<Job>(`/rain/roll-jobs/${id}/file?semester=${semester}&encoding=${encoding}`, file, type);
      setJob(done);
      setFindings((await api.get<{ items: Finding[] }>(`/rain/jobs/${id}/findings`)).items);
      void load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const screen = async () => {
    try {
      const j = await api.post<Job>('/rain/screening', { countyCode: COUNTY_DEFAULT, semester });
      setJob(j);
      setFindings((await api.get<{ items: Finding[] }>(`/rain/jobs/${j.id}/findings`)).items);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const record = async (what: 'notice' | 'source') => {
    try {
      await api.post('/rain/semesters/record', { countyCode: COUNTY_DEFAULT, semester, what, date: today(), note });
      message.success('已登记');
      setNote('');
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const review = async () => {
    try {
      const r = await api.post<{ target: number; nonTarget: number; pending: number }>('/rain/semesters/review', { countyCode: COUNTY_DEFAULT, semester });
      message.success(`县级复核完成：补助对象 ${r.target} 人，非补助对象 ${r.nonTarget} 人，待领导小组决定 ${r.pending} 人`);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const pct = job?.bytesTotal ? Math.min(100, Math.round((job.bytesRead / job.bytesTotal) * 100)) : 0;
  const rec = status?.record;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="确定补助对象（学籍比对 → 户籍筛查 → 源头确认 → 县级复核）" extra={<SemesterSelect value={semester} onChange={setSemester} />}>
        <Descriptions size="small" column={2} items={[
          { label: '专项通知', children: rec?.noticeIssuedOn ? `${rec.noticeIssuedOn} ${rec.noticeRef ?? ''}` : <Tag color="orange">未登记</Tag> },
          { label: '户籍筛查', children: rec?.hukouScreenedOn ? `${rec.hukouScreenedOn} ${rec.hukouScreenNote ?? ''}` : <Tag color="orange">未完成</Tag> },
          { label: '源头确认', children: rec?.sourceConfirmedOn ? `${rec.sourceConfirmedOn} ${rec.sourceConfirmNote ?? ''}` : <Tag color="orange">未完成</Tag> },
          { label: '本学期名单', children: status ? `待公示 ${status.counts.proposed}（已复核 ${status.counts.reviewed}）· 公示中 ${status.counts.publicised} · 已确认 ${status.counts.confirmed} · 已发放 ${status.counts.paid} · 已取消 ${status.counts.cancelled}` : '' },
        ]} />
        <Space wrap style={{ marginTop: 12 }}>
          <Input style={{ width: 320 }} placeholder="专项通知文号，或源头确认情况说明" value={note} onChange={(e) => setNote(e.target.value)} />
          <Button onClick={() => record('notice')}>登记专项通知</Button>
          <Button onClick={() => record('source')}>登记源头确认</Button>
          <Button onClick={screen} data-testid="run-screening">户籍筛查</Button>
          <Button type="primary" onClick={review} data-testid="county-review">县级复核</Button>
        </Space>
      </Card>
      <Card title={`学籍比对：上传${semesterLabel(semester)}学籍信息比对名单`}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="文件格式" description="CSV或XLSX。必填列：姓名、证件号码、学校名称、学校类型、在校状态；可选列：学校所在地、学籍系统（教育部/人社部）、学籍号、入学日期、国家标识范围（是/否）。按证件号码（加密检索）和姓名与农户台账匹配，逐行列出未匹配原因。" />
        <Space>
          <Radio.Group value={encoding} onChange={(e) => setEncoding(e.target.value)} options={[{ value: 'utf-8', label: 'UTF-8' }, { value: 'gbk', label: 'GBK' }]} />
          <input ref={input} type="file" accept=".csv,.xlsx" hidden data-testid="roll-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
          <Button type="primary" loading={busy} onClick={() => input.current?.click()} data-testid="roll-choose">选择文件并比对</Button>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {job && (
        <Card title={`${job.kind === 'rain-screening' ? '户籍筛查' : '学籍比对'}任务：${job.fileName ?? ''}`}>
          <Progress percent={job.status === 'done' ? 100 : pct} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
          <Descriptions size="small" column={4} items={[
            { label: '状态', children: <Tag data-testid="roll-status">{STATUS[job.status] ?? job.status}</Tag> },
            { label: '已读行数', children: job.processed },
            { label: job.kind === 'rain-screening' ? '已核对' : '匹配成功', children: <span data-testid="roll-accepted">{job.accepted}</span> },
            { label: job.kind === 'rain-screening' ? '疑似遗漏' : '未匹配', children: <span data-testid="roll-rejected">{job.rejected}</span> },
          ]} />
          {job.message && <Alert type="error" title={job.message} />}
        </Card>
      )}
      {findings.length > 0 && (
        <Card title="逐行结果">
          <Table<Finding> rowKey={(r) => `${r.line}-${r.code}`} size="small" dataSource={findings} pagination={{ pageSize: 50 }} columns={[
            { title: '行号', dataIndex: 'line', width: 80 },
            { title: '类型', dataIndex: 'code', width: 140, render: (c: string) => CODE[c] ?? c },
            { title: '说明', dataIndex: 'message' },
          ]} />
        </Card>
      )}
    </Space>
  );
}
