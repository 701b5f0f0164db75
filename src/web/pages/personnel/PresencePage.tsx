import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { PersonPicker } from '../flow/PersonPicker';
import { thisYear } from './shared';

/** 打卡与抽查 (综合科): clock-in records imported or entered (ATT-02), 工作纪律抽查 (ATT-04). */
interface Punch { id: string; personId: string; personName: string; unitName: string | null; date: string; clockIn: string | null; clockOut: string | null; lateMinutes: number; earlyMinutes: number; source: 'import' | 'manual'; note: string | null }
interface ImportResult { rows: number; imported: number; errors: { line: number; message: string }[] }
interface SpotCheck { id: string; date: string; time: string | null; organiserName: string; checkerName: string; scope: string; note: string | null; findings: { personId: string; personName: string; finding: string; explanation: string | null }[] }

const FINDINGS = [{ value: 'absent', label: '不在岗' }, { value: 'late', label: '迟到' }, { value: 'misconduct', label: '违反工作纪律' }];
const findingLabel = (v: string) => FINDINGS.find((f) => f.value === v)?.label ?? v;
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

export default function PresencePage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Punches />
      <SpotChecks />
    </Space>
  );
}

function Punches() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(7, 'day'), dayjs()]);
  const [items, setItems] = useState<Punch[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('utf-8');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = `from=${ymd(range[0])}&to=${ymd(range[1])}`;
  const load = useCallback(() => {
    api.get<{ items: Punch[] }>(`/personnel/attendance/punches?${query}`).then((r) => { setItems(r.items); setError(null); }, setError);
  }, [query]);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const xlsx = /\.xlsx$/i.test(file.name);
      const res = await fetch(`/api/v1/personnel/attendance/punches/import?encoding=${encoding}&format=${xlsx ? 'xlsx' : 'csv'}`, {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' }, body: file,
      });
      const body = await res.json();
      if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? '导入失败', body.error?.rule);
      setResult(body);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="打卡记录（考勤机导入或综合科登记）" extra={<Space>
      <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} allowClear={false} />
      <Button href={downloadUrl(`/personnel/attendance/punches.xlsx?${query}`)}>导出 Excel</Button>
    </Space>}>
      <ErrorAlert error={error} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="导入格式（ATT-02）"
        description="考勤机导出的 CSV 或 XLSX，第一行为表头，须有“账号”或“姓名”、“日期”（YYYY-MM-DD）、“上班”、“下班”（HH:MM）列。有错误的行不导入并逐行列出原因；同一人同一天再次导入或登记时以最新记录为准。迟到、早退按作息时间计算分钟数，只作记录，不作旷工；当日无打卡记录且无已批准请假、公出的，列入待认定旷工，由综合科确认。" />
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group value={encoding} onChange={(e) => setEncoding(e.target.value)} options={[{ value: 'utf-8', label: 'UTF-8' }, { value: 'gbk', label: 'GBK（Excel另存的CSV）' }]} />
        <input ref={input} type="file" accept=".csv,.xlsx" hidden data-testid="punch-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
        <Button type="primary" loading={busy} onClick={() => input.current?.click()}>选择文件并导入</Button>
        <ManualPunch onDone={load} />
      </Space>
      {result && (
        <Alert style={{ marginBottom: 12 }} type={result.errors.length ? 'warning' : 'success'} showIcon title={`共 ${result.rows} 行，导入 ${result.imported} 行，${result.errors.length} 行有错误`}
          description={result.errors.length > 0 && (
            <Table rowKey="line" size="small" pagination={{ pageSize: 10 }} dataSource={result.errors} columns={[{ title: '行号', dataIndex: 'line', width: 80 }, { title: '错误原因', dataIndex: 'message' }]} />
          )} />
      )}
      <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '日期', dataIndex: 'date' },
        { title: '姓名', dataIndex: 'personName' },
        { title: '科室', dataIndex: 'unitName' },
        { title: '上班', dataIndex: 'clockIn' },
        { title: '下班', dataIndex: 'clockOut' },
        { title: '迟到', dataIndex: 'lateMinutes', render: (m: number) => (m ? <Tag color="orange">{m} 分钟</Tag> : '') },
        { title: '早退', dataIndex: 'earlyMinutes', render: (m: number) => (m ? <Tag color="orange">{m} 分钟</Tag> : '') },
        { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'import' ? '考勤机' : '综合科登记') },
        { title: '备注', dataIndex: 'note' },
      ]} />
    </Card>
  );
}

function ManualPunch({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/personnel/attendance/punches', { personId: v.personId, date: ymd(v.date), clockIn: v.clockIn ? v.clockIn.format('HH:mm') : null, clockOut: v.clockOut ? v.clockOut.format('HH:mm') : null, note: v.note });
      message.success('已登记');
      form.resetFields();
      setOpen(false);
      onDone();
    } catch (e) {
      toast(e);
    }
  };
  if (!open) return <Button onClick={() => setOpen(true)}>手工登记</Button>;
  return (
    <Form form={form} layout="inline" initialValues={{ date: dayjs() }}>
      <Form.Item name="personId" rules={[{ required: true, message: '请选择人员' }]} style={{ minWidth: 240 }}><PersonPicker /></Form.Item>
      <Form.Item name="date" rules={[{ required: true }]}><DatePicker /></Form.Item>
      <Form.Item name="clockIn" label="上班"><TimePicker format="HH:mm" /></Form.Item>
      <Form.Item name="clockOut" label="下班"><TimePicker format="HH:mm" /></Form.Item>
      <Form.Item name="note"><Input placeholder="备注（如：考勤机故障补登）" /></Form.Item>
      <Button type="primary" onClick={save}>保存</Button>
      <Button onClick={() => setOpen(false)}>取消</Button>
    </Form>
  );
}

function SpotChecks() {
  const [year, setYear] = useState(thisYear());
  const [items, setItems] = useState<SpotCheck[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const load = useCallback(() => {
    api.get<{ items: SpotCheck[] }>(`/personnel/attendance/spot-checks?year=${year}`).then((r) => { setItems(r.items); setError(null); }, setError);
  }, [year]);
  useEffect(load, [load]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/personnel/attendance/spot-checks', {
        date: ymd(v.date), time: v.time ? v.time.format('HH:mm') : undefined, organiserPersonId: v.organiserPersonId, checkerPersonId: v.checkerPersonId,
        scope: v.scope, note: v.note, findings: (v.findings ?? []).filter((f: { personId?: string }) => f?.personId),
      });
      message.success('已登记抽查');
      form.resetFields();
      load();
    } catch (e) {
      toast(e);
    }
  };
  return (
    <Card title="工作纪律抽查（ATT-04）" extra={<Space>年度 <InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} />
      <Button href={downloadUrl(`/personnel/attendance/spot-checks.xlsx?year=${year}`)}>导出 Excel</Button></Space>}>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">办领导组织不定期抽查工作纪律；年度汇总抽查情况，列入考勤统计，与年度考核结果相结合。抽查时不在岗的，列入待认定旷工，由综合科核实后确认或排除。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), findings: [] }}>
        <Space wrap align="start">
          <Form.Item name="date" label="抽查日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="time" label="时间"><TimePicker format="HH:mm" /></Form.Item>
          <Form.Item name="organiserPersonId" label="组织领导" rules={[{ required: true, message: '请选择组织抽查的办领导' }]} style={{ minWidth: 240 }}><PersonPicker /></Form.Item>
          <Form.Item name="checkerPersonId" label="抽查人" rules={[{ required: true, message: '请选择抽查人' }]} style={{ minWidth: 240 }}><PersonPicker /></Form.Item>
          <Form.Item name="scope" label="抽查范围" rules={[{ required: true, message: '请写明抽查范围' }]}><Input placeholder="如：全体科室" /></Form.Item>
        </Space>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'personId']} rules={[{ required: true, message: '请选择人员' }]} style={{ minWidth: 240 }}><PersonPicker /></Form.Item>
                  <Form.Item name={[f.name, 'finding']} rules={[{ required: true, message: '请选择情况' }]}><Select style={{ width: 140 }} options={FINDINGS} placeholder="情况" /></Form.Item>
                  <Form.Item name={[f.name, 'explanation']}><Input style={{ width: 320 }} placeholder="本人说明或查实情况" /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({ finding: 'absent' })} style={{ marginBottom: 12 }}>添加发现的问题</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item>
        <Button type="primary" onClick={save}>登记抽查</Button>
      </Form>
      <Table style={{ marginTop: 16 }} rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 10 }} columns={[
        { title: '日期', render: (_, c) => `${c.date}${c.time ? ` ${c.time}` : ''}` },
        { title: '组织领导', dataIndex: 'organiserName' },
        { title: '抽查人', dataIndex: 'checkerName' },
        { title: '范围', dataIndex: 'scope' },
        { title: '发现的问题', render: (_, c) => (c.findings.length ? c.findings.map((f) => <div key={f.personId}><Tag color={f.finding === 'absent' ? 'red' : 'orange'}>{findingLabel(f.finding)}</Tag>{f.personName}{f.explanation ? `：${f.explanation}` : ''}</div>) : <Tag color="green">均在岗</Tag>) },
        { title: '备注', dataIndex: 'note' },
      ]} />
    </Card>
  );
}
