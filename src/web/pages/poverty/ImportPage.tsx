import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Radio, Space, Table, Tag } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import type { Job } from './labels';

interface RowError { line: number; column: string | null; code: string; message: string }
const CODE: Record<string, string> = { bad_id: '证件号码错误', duplicate: '重复', unknown_village: '村代码不存在', bad_value: '取值错误', missing: '缺少必填项', unreadable: '无法读取' };

/** 台账导入: the file is sent as a stream, progress is polled, the error report listed row by row. */
export default function ImportPage() {
  const input = useRef<HTMLInputElement>(null);
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('utf-8');
  const [job, setJob] = useState<Job | null>(null);
  const [report, setReport] = useState<RowError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!busy || !job) return;
    const t = setInterval(() => api.get<Job>(`/poverty/jobs/${job.id}`).then(setJob, () => undefined), 500);
    return () => clearInterval(t);
  }, [busy, job?.id]);
  const start = async (file: File) => {
    setError(null);
    setReport([]);
    try {
      const { id } = await api.post<{ id: string }>('/poverty/imports', { fileName: file.name });
      setJob({ id, status: 'pending', fileName: file.name, total: 0, processed: 0, accepted: 0, rejected: 0, changed: 0, bytesRead: 0, bytesTotal: file.size, message: null });
      setBusy(true);
      const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const res = await fetch(`/api/v1/poverty/imports/${id}/file?encoding=${encoding}`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': type }, body: file });
      const body = await res.json();
      if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? '导入失败');
      setJob(body);
      setReport((await api.get<{ items: RowError[] }>(`/poverty/imports/${id}/errors`)).items);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const pct = job?.bytesTotal ? Math.min(100, Math.round((job.bytesRead / job.bytesTotal) * 100)) : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="导入农户台账">
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="文件格式" description="CSV或XLSX，每行一名家庭成员。必填列：户编号、村代码、姓名、证件号码、与户主关系、户类型；可选列：劳动技能、残疾等级、脱贫年度、特困供养、人均纯收入、人均可支配收入、收入年度、刚性支出、上年收入、收入仅靠扶持、义务教育保障、基本医疗保障、住房安全保障、饮水安全、一卡通账号。金额单位为元。有错误的行不导入，其他行正常导入。" />
        <Space>
          <Radio.Group value={encoding} onChange={(e) => setEncoding(e.target.value)} options={[{ value: 'utf-8', label: 'UTF-8' }, { value: 'gbk', label: 'GBK（Excel另存的CSV）' }]} />
          <input ref={input} type="file" accept=".csv,.xlsx" hidden data-testid="import-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void start(f); e.target.value = ''; }} />
          <Button type="primary" loading={busy} onClick={() => input.current?.click()} data-testid="import-choose">选择文件并导入</Button>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {job && (
        <Card title={`导入任务：${job.fileName ?? ''}`}>
          <Progress percent={job.status === 'done' ? 100 : pct} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
          <Descriptions size="small" column={4} items={[
            { label: '状态', children: <Tag data-testid="import-status">{{ pending: '等待', running: '导入中', done: '完成', failed: '失败' }[job.status] ?? job.status}</Tag> },
            { label: '已读行数', children: job.processed },
            { label: '导入成功', children: <span data-testid="import-accepted">{job.accepted}</span> },
            { label: '被拒绝', children: <span data-testid="import-rejected">{job.rejected}</span> },
          ]} />
          {job.message && <Alert type="error" title={job.message} />}
        </Card>
      )}
      {report.length > 0 && (
        <Card title="错误报告（以下行未导入）">
          <Table<RowError> rowKey={(r) => `${r.line}-${r.code}-${r.column}`} size="small" dataSource={report} pagination={{ pageSize: 50 }} columns={[
            { title: '行号', dataIndex: 'line', width: 80 },
            { title: '列', dataIndex: 'column', width: 120 },
            { title: '类型', dataIndex: 'code', width: 140, render: (c: string) => CODE[c] ?? c },
            { title: '原因', dataIndex: 'message' },
          ]} />
        </Card>
      )}
    </Space>
  );
}
