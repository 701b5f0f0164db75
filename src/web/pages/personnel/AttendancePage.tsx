import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { thisYear } from './shared';

/** 考勤统计 (综合科): absence candidates to confirm or dismiss, the yearly consequences report, export. */
interface Candidate { personId: string; personName: string; date: string; ground: string; ruleId: string; basis: string; leaveId: string | null; tripId: string | null }
interface Reported { personId: string; personName: string; ruleId: string; text: string }
interface PersonYear {
  personId: string; personName: string; unitName: string | null; absenceDays: number; absenceLongestRun: number; overdueDays: number;
  att05Days: number; personalDays: number; sickDays: number; lateReportBacks: number; annualForfeits: string[];
  flags: { ruleId: string; text: string }[]; grade: string | null; dismissalReview: boolean;
}

const GROUNDS = [
  { value: 'A1', label: 'A1 未请假或请假未获批准离岗' }, { value: 'A2', label: 'A2 请假期满逾期不到岗' },
  { value: 'A3', label: 'A3 不服从组织调动' }, { value: 'A4', label: 'A4 不服从工作安排' },
  { value: 'A5', label: 'A5 骗取医疗证明' }, { value: 'A6', label: 'A6 以下基层为由办私事' },
];

export default function AttendancePage() {
  const [year, setYear] = useState(thisYear());
  const [cands, setCands] = useState<{ candidates: Candidate[]; reported: Reported[] } | null>(null);
  const [report, setReport] = useState<PersonYear[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [deciding, setDeciding] = useState<{ c: Candidate; confirm: boolean } | null>(null);

  const load = useCallback(() => {
    Promise.all([
      api.get<{ candidates: Candidate[]; reported: Reported[] }>(`/personnel/attendance/candidates?year=${year}`),
      api.get<{ items: PersonYear[] }>(`/personnel/attendance/report?year=${year}`),
    ]).then(([c, r]) => { setCands(c); setReport(r.items); setError(null); }, setError);
  }, [year]);
  useEffect(load, [load]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="考勤统计" extra={<Space>年度 <InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} />
        <Button href={downloadUrl(`/personnel/attendance/report.xlsx?year=${year}`)}>导出 Excel</Button></Space>}>
        <ErrorAlert error={error} />
        <Typography.Title level={5}>待认定旷工（须综合科逐日确认，写明依据）</Typography.Title>
        <Table rowKey={(c) => `${c.personId}|${c.date}`} size="small" dataSource={cands?.candidates ?? []} pagination={{ pageSize: 20 }} columns={[
          { title: '姓名', dataIndex: 'personName' },
          { title: '日期', dataIndex: 'date' },
          { title: '情形', render: (_, c) => <Tag>{c.ground}</Tag> },
          { title: '依据', dataIndex: 'ruleId' },
          { title: '说明', dataIndex: 'basis' },
          { title: '操作', render: (_, c) => (
            <Space>
              <Button size="small" danger onClick={() => setDeciding({ c, confirm: true })}>认定旷工</Button>
              <Button size="small" onClick={() => setDeciding({ c, confirm: false })}>排除</Button>
            </Space>
          ) },
        ]} />
        <Typography.Title level={5}>只作统计、不作旷工的事项</Typography.Title>
        <Table rowKey={(r, i) => `${r.personId}${i}`} size="small" dataSource={cands?.reported ?? []} pagination={false} columns={[
          { title: '姓名', dataIndex: 'personName' }, { title: '依据', dataIndex: 'ruleId' }, { title: '说明', dataIndex: 'text' },
        ]} />
      </Card>
      <Card title={`${year}年考勤对年度考核的影响`}>
        <Table rowKey="personId" size="small" dataSource={report} pagination={false} columns={[
          { title: '姓名', dataIndex: 'personName' },
          { title: '科室', dataIndex: 'unitName' },
          { title: '旷工', dataIndex: 'absenceDays' },
          { title: '逾期', dataIndex: 'overdueDays' },
          { title: '旷工及逾期', dataIndex: 'att05Days' },
          { title: '事假', dataIndex: 'personalDays' },
          { title: '病假', dataIndex: 'sickDays' },
          { title: '逾期销假', dataIndex: 'lateReportBacks' },
          { title: '考核等次', dataIndex: 'grade', render: (g: string | null) => g && <Tag color="red">{g}</Tag> },
          { title: '说明', render: (_, r) => r.flags.map((f) => <div key={f.ruleId}>{f.ruleId}：{f.text}</div>) },
        ]} />
      </Card>
      {deciding && <Decide {...deciding} onClose={() => { setDeciding(null); load(); }} />}
    </Space>
  );
}

function Decide({ c, confirm, onClose }: { c: Candidate; confirm: boolean; onClose: () => void }) {
  const [ground, setGround] = useState(c.ground);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const toast = useErrorToast();
  const { message } = App.useApp();
  async function ok() {
    try {
      if (confirm) await api.post('/personnel/attendance/absences', { personId: c.personId, date: c.date, halves: 2, ground, evidence: text, leaveId: c.leaveId ?? undefined, tripId: c.tripId ?? undefined });
      else await api.post('/personnel/attendance/absences/dismiss', { personId: c.personId, date: c.date, reason: text });
      message.success(confirm ? '已认定' : '已排除');
      onClose();
    } catch (e) {
      setError(e);
      toast(e);
    }
  }
  return (
    <Modal open title={`${confirm ? '认定旷工' : '排除旷工嫌疑'}：${c.personName} ${c.date}`} onOk={ok} onCancel={onClose}>
      <ErrorAlert error={error} />
      {confirm && <Select style={{ width: '100%', marginBottom: 8 }} value={ground} onChange={setGround} options={GROUNDS} />}
      <Input.TextArea rows={3} placeholder={confirm ? '事实依据（必填）' : '排除理由（必填）'} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}
