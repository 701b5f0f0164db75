import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL, STATUS, qs, type Job } from './labels';

interface Kind { key: string; label: string; department: string; weekly: boolean; items: string[]; defaultPeriod: string }
interface Region { code: string; name: string; level: string }
interface Finding { id: string; householdCode: string; householderName: string; villageName: string; registeredStatus: string; kind: string; sector: string; fromLevel: string | null; toLevel: string; ruleId: string; reason: string; evidence: string; status: string; decidedByName: string | null; decisionNote: string | null; period: string | null }
interface RowError { line: number; column: string | null; code: string; message: string }
interface Warn { ruleId: string; message: string }

const FSTATUS: Record<string, { label: string; color: string }> = { open: { label: '待核实', color: 'orange' }, confirmed: { label: '已核实确认', color: 'green' }, dismissed: { label: '已驳回', color: 'default' } };
const CODE: Record<string, string> = { bad_id: '证件号码错误', name_mismatch: '姓名不一致', bad_value: '取值错误', missing: '缺少必填项', unreadable: '无法读取' };

/** 数据比对: upload a sector file as a job (streamed), see progress, confirm or dismiss each finding (MON-10). */
export default function ComparisonPage() {
  const input = useRef<HTMLInputElement>(null);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [counties, setCounties] = useState<Region[]>([]);
  const [sector, setSector] = useState('housing');
  const [county, setCounty] = useState<string>();
  const [period, setPeriod] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RowError[]>([]);
  const [status, setStatus] = useState<string>('open');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Finding[]; total: number } | null>(null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<Finding | null>(null);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [warnings, setWarnings] = useState<Warn[]>([]);
  const [form] = Form.useForm();
  const [dismissForm] = Form.useForm();
  useEffect(() => {
    api.get<{ items: Kind[] }>('/poverty/sector-kinds').then((r) => { setKinds(r.items); setPeriod(r.items.find((k) => k.key === sector)?.defaultPeriod ?? ''); }, setError);
    api.get<{ items: Region[] }>('/poverty/regions').then((r) => { const c = r.items.filter((x) => x.level === 'county'); setCounties(c); setCounty(c[0]?.code); }, setError);
  }, []);
  useEffect(() => {
    api.get<{ items: Finding[]; total: number }>(`/poverty/findings?${qs({ status, jobId: job?.status === 'done' ? job.id : undefined, page, pageSize: 20 })}`).then(setData, setError);
  }, [status, page, tick, job?.status]);
  useEffect(() => {
    if (!busy || !job) return;
    const t = setInterval(() => api.get<Job>(`/poverty/jobs/${job.id}`).then(setJob, () => undefined), 500);
    return () => clearInterval(t);
  }, [busy, job?.id]);
  const kind = kinds.find((k) => k.key === sector);
  const start = async (file: File) => {
    setError(null);
    setReport([]);
    try {
      const { id } = await api.post<{ id: string }>('/poverty/comparisons', { sector, countyCode: county, period, fileName: file.name });
      setJob({ id, status: 'pending', fileName: file.name, total: 0, processed: 0, accepted: 0, rejected: 0, changed: 0, bytesRead: 0, bytesTotal: file.size, message: null });
      setBusy(true);
      const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const res = await fetch(`/api/v1/poverty/comparisons/${id}/file`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': type }, body: file });
      const body = await res.json();
      if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? '比对失败');
      setJob(body);
      setReport((await api.get<{ items: RowError[] }>(`/poverty/comparisons/${id}/errors`)).items);
      setStatus('open');
      setPage(1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (acknowledged?: string[]) => {
    const v = await form.validateFields();
    try {
      await api.post(`/poverty/findings/${confirming!.id}/confirm`, { ...v, level: v.level || undefined, levelReason: v.levelReason || undefined, acknowledged });
      setConfirming(null);
      setWarnings([]);
      setTick((x) => x + 1);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING') {
        const list = (e.details as { warnings?: Warn[] } | undefined)?.warnings;
        setWarnings(list?.length ? list : [{ ruleId: e.rule?.id ?? '', message: e.message }]);
      } else setError(e);
    }
  };
  const dismiss = async () => {
    const v = await dismissForm.validateFields();
    await api.post(`/poverty/findings/${dismissing!.id}/dismiss`, v).then(() => { setDismissing(null); setTick((x) => x + 1); }, setError);
  };
  const pct = job?.bytesTotal ? Math.min(100, Math.round((job.bytesRead / job.bytesTotal) * 100)) : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="数据比对（部门数据与监测台账比对）">
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="文件格式"
          description={`CSV或XLSX，每行一人。列：姓名、证件号码、事项（必填），日期、金额（元）、说明（可选）。${kind ? `“${kind.label}”的事项：${kind.items.join('、')}。` : ''}按证件号码（加密比对，不保存明文）和姓名与台账匹配，列出新符合监测条件或预警等级应升高的农户，须核实确认后方可纳入或调整（MON-10）。`} />
        <Space wrap>
          <Select style={{ width: 260 }} value={sector} data-testid="compare-sector" options={kinds.map((k) => ({ value: k.key, label: k.label }))} onChange={(v) => { setSector(v); setPeriod(kinds.find((k) => k.key === v)?.defaultPeriod ?? ''); }} />
          <Select style={{ width: 140 }} value={county} options={counties.map((c) => ({ value: c.code, label: c.name }))} onChange={setCounty} />
          <Input style={{ width: 120 }} value={period} onChange={(e) => setPeriod(e.target.value)} addonBefore={kind?.weekly ? '周次' : '季度'} data-testid="compare-period" />
          <input ref={input} type="file" accept=".csv,.xlsx" hidden data-testid="compare-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void start(f); e.target.value = ''; }} />
          <Button type="primary" loading={busy} disabled={!county} onClick={() => input.current?.click()} data-testid="compare-choose">选择文件并比对</Button>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {job && (
        <Card title={`比对任务：${job.fileName ?? ''}`}>
          <Progress percent={job.status === 'done' ? 100 : pct} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
          <Descriptions size="small" column={4} items={[
            { label: '状态', children: <Tag data-testid="compare-status">{{ pending: '等待', running: '比对中', done: '完成', failed: '失败' }[job.status] ?? job.status}</Tag> },
            { label: '已读行数', children: job.processed },
            { label: '与台账匹配', children: job.accepted },
            { label: '发现农户', children: <span data-testid="compare-found">{job.changed}</span> },
          ]} />
          {job.message && <Alert type={job.status === 'failed' ? 'error' : 'success'} title={job.message} />}
          {report.length > 0 && (
            <Table<RowError> style={{ marginTop: 12 }} rowKey={(r) => `${r.line}-${r.code}`} size="small" dataSource={report} pagination={{ pageSize: 10 }} columns={[
              { title: '行号', dataIndex: 'line', width: 80 }, { title: '列', dataIndex: 'column', width: 100 },
              { title: '类型', dataIndex: 'code', width: 120, render: (c: string) => CODE[c] ?? c }, { title: '原因', dataIndex: 'message' },
            ]} />
          )}
        </Card>
      )}
      <Card title={job?.status === 'done' ? '本次比对发现' : '比对发现'} extra={
        <Space>
          <Select style={{ width: 140 }} value={status} onChange={(v) => { setPage(1); setStatus(v); }} options={[{ value: 'open', label: '待核实' }, { value: 'confirmed', label: '已核实确认' }, { value: 'dismissed', label: '已驳回' }]} />
          <Button href={downloadUrl(`/poverty/findings.xlsx?${qs({ status, jobId: job?.status === 'done' ? job.id : undefined })}`)} data-testid="export-findings">导出XLSX</Button>
        </Space>
      }>
        <Table<Finding>
          rowKey="id"
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 户` }}
          columns={[
            { title: '户编号', dataIndex: 'householdCode' },
            { title: '村', dataIndex: 'villageName' },
            { title: '户主', dataIndex: 'householderName' },
            { title: '户类型', dataIndex: 'registeredStatus', render: (s: string) => STATUS[s] ?? s },
            { title: '发现', dataIndex: 'kind', render: (k: string) => (k === 'entry' ? '新符合监测条件' : '预警等级应升高') },
            { title: '等级', key: 'level', render: (_, f) => <span data-testid={`finding-level-${f.householdCode}`}>{f.fromLevel ? <><Tag color={LEVEL[f.fromLevel].color}>{LEVEL[f.fromLevel].label}</Tag>→</> : null}<Tag color={LEVEL[f.toLevel].color}>{LEVEL[f.toLevel].label}</Tag>{f.ruleId}</span> },
            { title: '部门数据', dataIndex: 'evidence', ellipsis: true },
            { title: '状态', dataIndex: 'status', render: (s: string, f) => <span><Tag color={FSTATUS[s]?.color}>{FSTATUS[s]?.label ?? s}</Tag>{f.decidedByName ? `${f.decidedByName}` : ''}</span> },
            { title: '', key: 'act', render: (_, f) => f.status === 'open' ? (
              <Space>
                <Button size="small" type="primary" data-testid={`confirm-${f.householdCode}`} onClick={() => { form.resetFields(); form.setFieldsValue({ level: f.toLevel }); setWarnings([]); setConfirming(f); }}>核实确认</Button>
                <Button size="small" onClick={() => { dismissForm.resetFields(); setDismissing(f); }}>驳回</Button>
              </Space>
            ) : null },
          ]}
        />
      </Card>
      <Modal open={confirming !== null} title={confirming ? `核实确认：${confirming.householderName}户（${confirming.householdCode}）` : ''} onCancel={() => setConfirming(null)} onOk={() => void confirm()} okButtonProps={{ 'data-testid': 'confirm-ok' } as never} destroyOnHidden>
        {confirming && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`${confirming.kind === 'entry' ? '纳入监测（识别渠道：数据比对）' : '调整预警等级'}：规则建议${LEVEL[confirming.toLevel].label}（${confirming.ruleId}：${confirming.reason}）`} description={confirming.evidence} />}
        <Form form={form} layout="vertical">
          <Form.Item name="verifierBody" label="核实单位" rules={[{ required: true, message: '请填写核实单位' }]}><Select data-testid="verifier-body" options={['驻村工作队', '包村干部', '村两委', '乡镇人民政府', '县扶贫办'].map((v) => ({ value: v, label: v }))} /></Form.Item>
          <Form.Item name="verifierName" label="核实人" rules={[{ required: true, whitespace: true, message: '请填写核实人' }]}><Input data-testid="verifier-name" /></Form.Item>
          <Form.Item name="finding" label="核实情况" rules={[{ required: true, whitespace: true, message: '请填写核实情况' }]}><Input.TextArea data-testid="verifier-finding" rows={3} /></Form.Item>
          <Form.Item name="level" label="确定预警等级"><Select options={Object.entries(LEVEL).map(([value, l]) => ({ value, label: l.label }))} /></Form.Item>
          <Form.Item name="levelReason" label="等级理由（低于规则建议时必填）"><Input /></Form.Item>
        </Form>
        {warnings.length > 0 && (
          <Alert type="warning" showIcon title="请确认以下提示后继续" description={<>{warnings.map((w) => <div key={w.ruleId}>{w.message}（{w.ruleId}）</div>)}<Button style={{ marginTop: 8 }} data-testid="confirm-ack" onClick={() => void confirm(warnings.map((w) => w.ruleId))}>已知悉，继续确认</Button></>} />
        )}
      </Modal>
      <Modal open={dismissing !== null} title="驳回比对发现" onCancel={() => setDismissing(null)} onOk={() => void dismiss()} destroyOnHidden>
        <Form form={dismissForm} layout="vertical"><Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item></Form>
      </Modal>
    </Space>
  );
}
