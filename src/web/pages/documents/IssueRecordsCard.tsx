import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Descriptions, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { useFlowAction } from '../flow/useFlowAction';

type Step = 'proofread' | 'print' | 'recheck' | 'seal' | 'dispatch';
const LABEL: Record<Step, string> = { proofread: '校对', print: '印制', recheck: '复核', seal: '用印', dispatch: '封发' };
interface Issue {
  round: number;
  urgency: string;
  plan: { recipientCopies: { recipient: string; copies: number; kind: 'main' | 'cc' }[]; leaderCopies: number; deptArchiveCopies: { unitId: string | null; unitName: string; copies: number }[]; hubRetainedCopies: number; computedCopies: number } | null;
  steps: { round: number; step: Step; at: string; byName: string; data: Record<string, unknown> }[];
  next: Step | null;
  archived: { at: string; location: string | null; sha256: string } | null;
  canArchive: boolean;
}
/** An approved entry of the 用印登记簿 registered for this document (SEAL-01). */
interface SealRequest { id: string; entryNo: string; sealName: string; documentTitle: string; copies: number; statusLabel: string }
const fmt = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const detailOf = (s: Issue['steps'][number]) => {
  const d = s.data as Record<string, unknown>;
  if (s.step === 'print') return `${d.copies}份（应印${d.computedCopies}份）${d.reason ? `，理由：${d.reason}` : ''}${d.device ? `，${d.device}` : ''}`;
  if (s.step === 'seal') return `${d.sealName} ${d.copiesStamped}份，批准：${d.approverName}${d.sealRequestId ? `，用印申请 ${d.entryNo ?? d.sealRequestId}` : ''}`;
  if (s.step === 'dispatch') return ((d.entries as { recipient: string; copies: number; method: string }[]) ?? []).map((e) => `${e.recipient} ${e.copies}份（${e.method}）`).join('；');
  return String(d.note ?? '');
};

/**
 * 发文办理 after numbering on the document page: copy count (DOC-22), 校对 → 印制 → 复核 → 用印 →
 * 封发 (DOC-14, DOC-20), 归档 of the signed original and the electronic file (DOC-18).
 */
export default function IssueRecordsCard({ documentId }: { documentId: string }) {
  const { can } = useAuth();
  const [s, setS] = useState<Issue | null>(null);
  const [f, setF] = useState<Record<string, unknown>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [leaders, setLeaders] = useState<{ id: string; name: string; posts: string }[]>([]);
  const load = useCallback(() => void api.get<Issue>(`/documents/${documentId}/issue`).then(setS, () => setS(null)), [documentId]);
  const { run, busy, error } = useFlowAction(load);
  useEffect(load, [load]);
  useEffect(() => void api.get<{ leaders: typeof leaders }>('/incoming/meta').then((m) => setLeaders(m.leaders), () => undefined), []);
  const hub = can('documents.dispatch');
  const [sealRequests, setSealRequests] = useState<SealRequest[]>([]);
  // Reloaded with the card, so an entry taken by this stamping drops out of the list.
  useEffect(() => {
    if (hub && s?.next === 'seal') void api.get<{ items: SealRequest[] }>(`/documents/${documentId}/issue/seal-requests`).then((r) => setSealRequests(r.items), setSaveError);
  }, [hub, s, documentId]);
  if (!s || !s.plan) return null;
  const set = (k: string) => (v: unknown) => setF((x) => ({ ...x, [k]: v }));
  const record = (step: Step, body: Record<string, unknown>) => void run(`/documents/${documentId}/issue/${step}`, body, `已登记${LABEL[step]}`).then((ok) => ok && setF({}));
  const p = s.plan;
  const printedCopies = Number((s.steps.find((x) => x.round === s.round && x.step === 'print')?.data.copies as number) ?? 0);

  return (
    <Card title={`发文办理记录（第${s.round + 1}次印制${s.round ? '，重印' : ''}）`} data-testid="issue-card">
      <ErrorAlert error={error ?? saveError} />
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="印制份数（DOC-22）" span={2}>
          <span data-testid="issue-copies">{p.computedCopies}</span>份 = 主送抄送 {p.recipientCopies.reduce((a, r) => a + r.copies, 0)} + 办领导 {p.leaderCopies} + 科室存档 {p.deptArchiveCopies.reduce((a, r) => a + r.copies, 0)} + 综合科留存 {p.hubRetainedCopies}
        </Descriptions.Item>
        <Descriptions.Item label="下一环节">{s.next ? <Tag color="blue">{LABEL[s.next]}</Tag> : '本轮已封发'}</Descriptions.Item>
        <Descriptions.Item label="归档">{s.archived ? <span>{fmt(s.archived.at)} {s.archived.location ?? ''} <a href={downloadUrl(`/documents/${documentId}/archived.pdf`)} target="_blank" rel="noreferrer">归档电子件</a></span> : '未归档'}</Descriptions.Item>
      </Descriptions>
      {hub && (
        <Space wrap style={{ marginTop: 12 }}>
          <Typography.Text>调整：</Typography.Text>
          办领导 <InputNumber min={0} value={(f.leaders as number) ?? p.leaderCopies} onChange={set('leaders')} />
          综合科留存 <InputNumber min={0} value={(f.retained as number) ?? p.hubRetainedCopies} onChange={set('retained')} />
          <Button onClick={() => void api.put(`/documents/${documentId}/issue/copies`, { recipientCopies: p.recipientCopies, deptArchiveCopies: p.deptArchiveCopies, leaderCopies: f.leaders ?? p.leaderCopies, hubRetainedCopies: f.retained ?? p.hubRetainedCopies }).then(load, setSaveError)}>保存份数</Button>
        </Space>
      )}
      {s.next && (
        <Space wrap style={{ marginTop: 12 }}>
          {s.next === 'proofread' && hub && <Button data-testid="issue-proofread" loading={busy} onClick={() => record('proofread', {})}>登记校对</Button>}
          {s.next === 'print' && hub && (
            <>
              <InputNumber min={1} value={(f.copies as number) ?? p.computedCopies} onChange={set('copies')} />
              <Input style={{ width: 200 }} placeholder="份数不同时说明理由" value={(f.reason as string) ?? ''} onChange={(e) => set('reason')(e.target.value)} />
              <Button data-testid="issue-print" loading={busy} onClick={() => record('print', { copies: f.copies ?? p.computedCopies, reason: f.reason || null })}>登记印制</Button>
            </>
          )}
          {s.next === 'recheck' && <Button data-testid="issue-recheck" loading={busy} onClick={() => record('recheck', { note: '复核无误' })}>复核无误</Button>}
          {s.next === 'seal' && hub && (
            <>
              <Select style={{ width: 180 }} placeholder="批准用印的领导" value={f.approver as string} onChange={set('approver')} options={leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.posts}）` }))} />
              <Select
                data-testid="issue-seal-request"
                style={{ width: 360 }}
                placeholder={sealRequests.length ? '选择已批准的用印申请（用印登记簿）' : '用印登记簿中没有本公文已批准的用印申请'}
                notFoundContent="请先在“用印申请”中登记本公文（选择对应公文）并经批准"
                value={f.sealReq as string}
                onChange={(v: string) => setF((x) => ({ ...x, sealReq: v, stamped: Math.min(printedCopies, sealRequests.find((r) => r.id === v)?.copies ?? printedCopies) }))}
                options={sealRequests.map((r) => ({ value: r.id, label: `${r.entryNo} ${r.sealName} ${r.copies}份（${r.statusLabel}）：${r.documentTitle}` }))}
              />
              {!sealRequests.length && can('seals.use') && <Link to={`/seals?doc=${encodeURIComponent(documentId)}`} data-testid="issue-seal-apply">为本公文登记用印申请</Link>}
              用印份数 <InputNumber min={1} value={(f.stamped as number) ?? printedCopies} onChange={set('stamped')} />
              <Button data-testid="issue-seal" loading={busy} onClick={() => record('seal', { approverPersonId: f.approver, copiesStamped: Number(f.stamped ?? printedCopies), sealRequestId: f.sealReq })}>登记用印</Button>
            </>
          )}
          {s.next === 'dispatch' && hub && (
            <Button data-testid="issue-dispatch" loading={busy} onClick={() => record('dispatch', { entries: p.recipientCopies.filter((r) => r.copies > 0).map((r) => ({ recipient: r.recipient, copies: r.copies, method: '机要交换' })) })}>按主送、抄送登记封发</Button>
          )}
        </Space>
      )}
      {hub && s.canArchive && (
        <Space style={{ marginTop: 12 }}>
          <Checkbox checked={!!f.signed} onChange={(e) => set('signed')(e.target.checked)}>领导手签件已存档</Checkbox>
          <Input style={{ width: 180 }} placeholder="档号 / 存放位置" value={(f.location as string) ?? ''} onChange={(e) => set('location')(e.target.value)} />
          <Button type="primary" data-testid="issue-archive" loading={busy} onClick={() => void run(`/documents/${documentId}/issue/archive`, { signedOriginal: !!f.signed, location: f.location || null }, '已归档')}>归档</Button>
        </Space>
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        pagination={false}
        rowKey={(r) => `${r.round}-${r.step}`}
        dataSource={s.steps}
        columns={[
          { title: '轮次', dataIndex: 'round', width: 60, render: (v: number) => (v ? `重印${v}` : '首印') },
          { title: '环节', dataIndex: 'step', width: 70, render: (v: Step) => LABEL[v] },
          { title: '时间', dataIndex: 'at', width: 170, render: fmt },
          { title: '办理人', dataIndex: 'byName', width: 80 },
          { title: '内容', render: (_: unknown, r) => detailOf(r) },
        ]}
      />
    </Card>
  );
}
