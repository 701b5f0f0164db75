import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Select, Space, Table, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { COUNTY_DEFAULT, currentHalf, currentSemester, putFile, RegionSelect, semesterLabel, SemesterSelect, today, useRegions, yuan } from './common';

interface Summary {
  county: { inRangePaid: number; inRangeNotPaid: number; outRangeEligible: number; outRangePaid: number; paid: number; paidFen: number };
  levels: { level: string; code: string; name: string; persons: number; households: number; amountFen: number }[];
  differences: string[];
}
interface Entry { paid: number; entered: number; missing: { paymentId: string; name: string; villageName: string; householdCode: string }[]; deadline: string | null; completedOn: string | null; overdue: boolean; verdict: { outcome: string; message?: string; ruleId: string } }
interface Compilation { half: string; halfLabel: string; dueDate: string; counties: { id: string; countyName: string; approvedOn: string | null; approvedByName: string | null; submittedOn: string | null; summaryText: string; attachments: { id: string; label: string | null; fileName: string }[]; stats: { paid: number; paidFen: number; objections: number; cancelled: number; corrections: number } }[] }
const LABELS: Record<string, string> = { minutes: '会议纪要', notices: '专项通知', statistics: '统计表', ledgers: '台账' };

/** 台账导出: three-level semester ledgers (XLSX), county counts and reconciliation, national entry, half-year summary. */
export default function LedgersPage() {
  const regions = useRegions();
  const [semester, setSemester] = useState(currentSemester());
  const [region, setRegion] = useState<string>(COUNTY_DEFAULT);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [half, setHalf] = useState(currentHalf());
  const [comp, setComp] = useState<Compilation | null>(null);
  const [text, setText] = useState('');
  const [label, setLabel] = useState('minutes');
  const [error, setError] = useState<unknown>(null);
  const file = useRef<HTMLInputElement>(null);
  const toast = useErrorToast();
  const { message } = App.useApp();
  const load = useCallback(async () => {
    try {
      setSummary(await api.get<Summary>(`/rain/ledgers/summary?countyCode=${COUNTY_DEFAULT}&semester=${semester}`));
      setEntry((await api.get<{ entry: Entry }>(`/rain/semesters/status?countyCode=${COUNTY_DEFAULT}&semester=${semester}`)).entry);
    } catch (e) {
      setError(e);
    }
  }, [semester]);
  const loadComp = useCallback(() => api.get<Compilation>(`/rain/summaries?half=${half}`).then((c) => { setComp(c); setText(c.counties[0]?.summaryText ?? ''); }, setError), [half]);
  useEffect(() => void load(), [load]);
  useEffect(() => void loadComp(), [loadComp]);
  const mine = comp?.counties[0];
  const complete = () => api.post('/rain/entries/complete', { countyCode: COUNTY_DEFAULT, semester }).then(() => { message.success('已标记录入完成'); void load(); }, toast);
  const save = () => api.post('/rain/summaries', { countyCode: COUNTY_DEFAULT, half, summaryText: text }).then(() => { message.success('已保存'); void loadComp(); }, toast);
  const upload = async (f: File) => {
    try {
      await putFile(`/rain/summaries/${mine!.id}/attachments?label=${label}&fileName=${encodeURIComponent(f.name)}`, f, f.type || 'application/octet-stream');
      void loadComp();
    } catch (e) {
      toast(e);
    }
  };
  const approve = () => api.post(`/rain/summaries/${mine!.id}/approve`, { approverName: '扶贫领导小组组长', approvedOn: today() }).then(loadComp, toast);
  const submit = () => api.post(`/rain/summaries/${mine!.id}/submit`, { submittedOn: today() }).then(() => { message.success('已上报'); void loadComp(); }, toast);
  const halves = [0, 1, 2, 3].map((i) => { const y = Number(currentHalf().slice(0, 4)) - Math.floor(i / 2); return currentHalf().endsWith('H2') ? `${y}-${i % 2 ? 'H1' : 'H2'}` : `${y - (i % 2)}-${i % 2 ? 'H2' : 'H1'}`; });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card title="学期台账（县、乡、村三级，到户到人）" extra={<SemesterSelect value={semester} onChange={setSemester} />}>
        <Space wrap>
          <RegionSelect regions={regions} value={region} allowClear={false} onChange={setRegion} testId="ledger-region" />
          <Button type="primary" href={downloadUrl(`/rain/ledgers.xlsx?semester=${semester}&region=${region}`)} data-testid="export-ledger">导出{semesterLabel(semester)}台账（XLSX）</Button>
        </Space>
        {summary && (
          <>
            <Descriptions style={{ marginTop: 12 }} size="small" column={3} title="县级统计（RAIN-21）" items={[
              { label: '国家标识范围内实补人数', children: summary.county.inRangePaid },
              { label: '国家标识范围内非补人数', children: summary.county.inRangeNotPaid },
              { label: '范围外且符合补助条件人数', children: summary.county.outRangeEligible },
              { label: '已发放人数', children: summary.county.paid },
              { label: '已发放金额（元）', children: yuan(summary.county.paidFen) },
            ]} />
            {summary.differences.length > 0 ? <Alert type="error" title={summary.differences.join('；')} /> : <Alert type="success" title="乡、村台账与县台账人数、金额一致（RAIN-20）" />}
            <Table size="small" style={{ marginTop: 8 }} rowKey={(r) => r.code} pagination={false} dataSource={summary.levels} columns={[
              { title: '级别', dataIndex: 'level', render: (l: string) => (l === 'township' ? '乡镇' : '村') },
              { title: '名称', dataIndex: 'name' },
              { title: '户数', dataIndex: 'households' },
              { title: '人数', dataIndex: 'persons' },
              { title: '金额（元）', dataIndex: 'amountFen', render: yuan },
            ]} />
          </>
        )}
      </Card>
      {entry && (
        <Card title="录入全国扶贫开发信息管理系统（RAIN-22）">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>补助 {entry.paid} 人，已录入 {entry.entered} 人；录入期限：{entry.deadline ?? '未设定'}{entry.completedOn ? `；已于 ${entry.completedOn} 完成` : ''}</div>
            {entry.verdict.outcome !== 'ok' && <Alert type="warning" showIcon title={`${entry.verdict.message}（依据：${entry.verdict.ruleId} 雨露计划细则 三（六））`} />}
            {entry.overdue && <Tag color="red">已超过录入期限</Tag>}
            {entry.missing.length > 0 && <Table size="small" rowKey="paymentId" pagination={false} dataSource={entry.missing} columns={[{ title: '未录入', dataIndex: 'name' }, { title: '村', dataIndex: 'villageName' }, { title: '户编号', dataIndex: 'householdCode' }]} />}
            <Button onClick={complete} disabled={!!entry.completedOn}>标记录入完成</Button>
          </Space>
        </Card>
      )}
      <Card title="半年工作总结（RAIN-23）" extra={<Select style={{ width: 160 }} value={half} onChange={setHalf} options={halves.map((h) => ({ value: h, label: `${h.slice(0, 4)}年${h.endsWith('H1') ? '上半年' : '下半年'}` }))} />}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>报送期限：{comp?.dueDate}{mine?.stats ? `；本半年发放 ${mine.stats.paid} 人 ${yuan(mine.stats.paidFen)} 元，举报 ${mine.stats.objections} 件，取消资格 ${mine.stats.cancelled} 人，补放/追缴 ${mine.stats.corrections} 件` : ''}</div>
          <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="工作总结" disabled={!!mine?.submittedOn} />
          <Space wrap>
            <Button onClick={save} disabled={!!mine?.submittedOn || !text.trim()}>保存总结</Button>
            {mine && !mine.submittedOn && (
              <>
                <Select style={{ width: 120 }} value={label} onChange={setLabel} options={Object.entries(LABELS).map(([value, l]) => ({ value, label: l }))} />
                <input ref={file} type="file" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
                <Button onClick={() => file.current?.click()}>上传附件</Button>
                <Button onClick={approve}>组长审定</Button>
                <Button type="primary" onClick={submit}>逐级上报</Button>
              </>
            )}
          </Space>
          {mine && <div>附件：{mine.attachments.map((a) => <Tag key={a.id}><a href={`/api/v1/rain/files/${a.id}`} target="_blank" rel="noreferrer">{LABELS[a.label ?? ''] ?? a.label}：{a.fileName}</a></Tag>)}；审定：{mine.approvedOn ? `${mine.approvedByName} ${mine.approvedOn}` : '未审定'}；上报：{mine.submittedOn ?? '未上报'}</div>}
        </Space>
      </Card>
    </Space>
  );
}
