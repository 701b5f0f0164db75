import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Input, Select, Space, Tag } from 'antd';
import { api } from '../../lib/api';
import { formatTime } from './labels';
import type { MeetingDetail, Proposal } from './types';

type Act = (call: () => Promise<unknown>) => Promise<void>;
const BASIS = { holder: '', delegated: '受委托主持', acting: '主持工作（代理）' } as const;

/**
 * 会前准备: chair (PG-07, DM-09), approval of the time (PG-03, DM-07), the agenda from collected
 * proposals (PG-10, DM-13, SZYD-11), the notice with its reminder (PG-04, DM-11) and leave (PG-08).
 */
export function PrepCard({ detail, act, ack }: { detail: MeetingDetail; act: Act; ack: string[] }) {
  const m = detail.meeting;
  const me = detail.me.personId;
  const planned = m.status === 'planned';
  const isChair = me === m.chairId;
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [pick, setPick] = useState<string>();
  const [adHocReason, setAdHocReason] = useState('');
  const [delegate, setDelegate] = useState<string>();
  const [delegationReason, setDelegationReason] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [leaveReason, setLeaveReason] = useState('');
  const [comment, setComment] = useState('');
  const [newStart, setNewStart] = useState('');
  const [rescheduleReason, setRescheduleReason] = useState('');
  useEffect(() => {
    if (isChair && m.status !== 'closed') api.get<{ proposals: Proposal[] }>('/meetings/proposals').then((r) => setProposals(r.proposals.filter((p) => p.status === 'collected' && p.bodyCode === m.bodyCode)), () => undefined);
  }, [isChair, m.status, m.bodyCode, detail]);
  const mySeat = detail.attendees.find((a) => a.personId === me);
  const members = detail.attendees.filter((a) => a.capacity === 'member' && a.personId !== m.chairHolderId);
  return (
    <Card size="small" title="会前准备" data-testid="prep-card">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'c', label: '主持人', children: <span data-testid="prep-chair">{m.chairName}{m.chairBasis !== 'holder' ? `（${BASIS[m.chairBasis]}，${m.chairHolderName ?? ''}${m.chairDelegationReason ? `：${m.chairDelegationReason}` : ''}）` : ''}</span> },
        { key: 't', label: '会议时间', children: m.timeApprovedAt ? <Tag color="success" data-testid="time-approved">{m.timeApprovedByName} 已批准</Tag> : <Tag color="warning" data-testid="time-pending">待主持人批准（PG-03 / DM-07）</Tag> },
        { key: 'n', label: '会议通知', children: m.noticeSentAt
          ? <span data-testid="notice-sent">已于 {formatTime(m.noticeSentAt)} 发出{m.noticeLateReason ? `（迟发：${m.noticeLateReason}）` : ''}；会前提醒{m.reminderSentAt ? '已发送' : m.reminderDueAt ? `于 ${formatTime(m.reminderDueAt)} 发送` : ''}</span>
          : <span data-testid="notice-pending">未发出（应不晚于 {m.noticeDeadline}）</span> },
      ]} />
      {detail.agendaComments.length > 0 && (
        <div data-testid="agenda-comments">议程意见（PG-10）：{detail.agendaComments.map((c) => `${c.name}：${c.body}`).join('；')}</div>
      )}
      {detail.reschedules.map((r) => <div key={r.toStartAt}>改期：{formatTime(r.fromStartAt)} → {formatTime(r.toStartAt)}（{r.reason}，{r.byName}）</div>)}
      <Space wrap style={{ marginTop: 8 }}>
        {isChair && planned && !m.timeApprovedAt && <Button type="primary" data-testid="approve-time" onClick={() => act(() => api.post(`/meetings/${m.id}/approve-time`))}>批准会议时间</Button>}
        {isChair && m.status !== 'closed' && (
          <Space.Compact>
            <Select style={{ width: 280 }} placeholder="选择已汇总的议题" data-testid="schedule-proposal" value={pick} onChange={setPick} options={proposals.map((p) => ({ value: p.id, label: p.title }))} />
            {m.status === 'open' && <Input placeholder="临时动议理由（DM-14）" value={adHocReason} onChange={(e) => setAdHocReason(e.target.value)} style={{ width: 200 }} />}
            <Button data-testid="schedule-submit" disabled={!pick} onClick={() => act(async () => {
              await api.post(`/meetings/proposals/${pick}/schedule`, { meetingId: m.id, adHoc: m.status === 'open' ? { ground: 'urgent', reason: adHocReason } : undefined });
              setPick(undefined);
            })}>列入议程</Button>
          </Space.Compact>
        )}
        {me === m.chairHolderId && m.chairBasis === 'holder' && planned && (
          <Space.Compact>
            <Select style={{ width: 140 }} placeholder="委托主持人" data-testid="delegate-person" value={delegate} onChange={setDelegate} options={members.map((a) => ({ value: a.personId, label: a.name }))} />
            <Input placeholder="不能出席的事由" value={delegationReason} onChange={(e) => setDelegationReason(e.target.value)} style={{ width: 180 }} data-testid="delegate-reason" />
            <Button data-testid="delegate-submit" disabled={!delegate} onClick={() => act(() => api.post(`/meetings/${m.id}/delegate-chair`, { delegateId: delegate, reason: delegationReason }))}>委托主持（PG-07 / DM-09）</Button>
          </Space.Compact>
        )}
        {detail.me.isChairOrManager && planned && !m.noticeSentAt && (
          <Space.Compact>
            <Input placeholder="迟发理由（晚于前一天时必填）" value={lateReason} onChange={(e) => setLateReason(e.target.value)} style={{ width: 220 }} data-testid="notice-late-reason" />
            <Button type="primary" data-testid="send-notice" onClick={() => act(() => api.post(`/meetings/${m.id}/notice`, { lateReason: lateReason || undefined, acknowledged: ack }))}>
              {ack.length ? '已知悉提示，发出通知' : '发出会议通知'}
            </Button>
          </Space.Compact>
        )}
        {mySeat?.capacity === 'member' && planned && !m.noticeSentAt && (
          <Space.Compact>
            <Input placeholder="对议程的意见（PG-10）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 240 }} data-testid="agenda-comment" />
            <Button data-testid="agenda-comment-submit" onClick={() => act(async () => { await api.post(`/meetings/${m.id}/agenda-comments`, { body: comment }); setComment(''); })}>提出议程意见</Button>
          </Space.Compact>
        )}
        {(detail.me.isChairOrManager) && planned && (
          <Space.Compact>
            <Input placeholder="新时间，如 2026-12-01T09:00:00+08:00" value={newStart} onChange={(e) => setNewStart(e.target.value)} style={{ width: 260 }} data-testid="reschedule-start" />
            <Input placeholder="改期原因" value={rescheduleReason} onChange={(e) => setRescheduleReason(e.target.value)} style={{ width: 160 }} data-testid="reschedule-reason" />
            <Button data-testid="reschedule-submit" onClick={() => act(() => api.post(`/meetings/${m.id}/reschedule`, { startAt: newStart, reason: rescheduleReason }))}>改期（DM-08，须重新批准和通知）</Button>
          </Space.Compact>
        )}
        {mySeat && !isChair && mySeat.status === 'present' && m.status !== 'closed' && (
          <Space.Compact>
            <Input placeholder="请假事由" value={leaveReason} onChange={(e) => setLeaveReason(e.target.value)} style={{ width: 180 }} data-testid="my-leave-reason" />
            <Button data-testid="my-leave" onClick={() => act(() => api.post(`/meetings/${m.id}/leave`, { reason: leaveReason }))}>向主持人请假（PG-08）</Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
