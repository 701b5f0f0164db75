import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api';
import { ATTENDANCE, CAPACITY } from './labels';
import type { Attendee, MeetingDetail } from './types';

/** 应到 / 列席 with present, leave (with reason) or absent; 综合科 registers before and during the meeting. */
export function AttendanceCard({ detail, act, ack }: { detail: MeetingDetail; act: (call: () => Promise<unknown>) => Promise<void>; ack: string[] }) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [emergencyReason, setEmergencyReason] = useState('');
  const isChair = detail.me.personId === detail.meeting.chairId;
  const editable = detail.me.isChairOrManager && detail.meeting.status !== 'closed';
  const set = (a: Attendee, status: string) =>
    act(() => api.post(`/meetings/${detail.meeting.id}/attendance`, { personId: a.personId, status, leaveReason: status === 'leave' ? reasons[a.personId] || '因公外出' : undefined }));
  const members = detail.attendees.filter((a) => a.capacity === 'member');
  const present = members.filter((a) => a.status === 'present').length;
  return (
    <Card title={`出席情况（应到 ${members.length} 人，实到 ${present} 人）`} size="small">
      <Table<Attendee>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={detail.attendees}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份', dataIndex: 'capacity', render: (c) => <Tag color={c === 'member' ? 'blue' : 'default'}>{CAPACITY[c]}</Tag> },
          {
            title: '出席',
            dataIndex: 'status',
            render: (s, a) =>
              editable ? (
                <Space>
                  <Select size="small" value={s} style={{ width: 90 }} data-testid={`attendance-${a.personId}`} onChange={(v) => set(a, v)}
                    options={Object.entries(ATTENDANCE).map(([value, label]) => ({ value, label }))} />
                  <Input size="small" placeholder="请假事由" style={{ width: 140 }} data-testid={`leave-reason-${a.personId}`} value={reasons[a.personId] ?? a.leaveReason ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [a.personId]: e.target.value })} />
                </Space>
              ) : (
                <span>{ATTENDANCE[s]}{a.leaveReason ? `（${a.leaveReason}）` : ''}</span>
              ),
          },
        ]}
      />
      {editable && detail.meeting.status === 'planned' && (
        <Space style={{ marginTop: 12 }} wrap>
          {/* PG-02 / DM-08: a notice later than the day before — only the chair convenes at short notice, with the reason recorded. */}
          {detail.meeting.noticeLate && isChair && (
            <Input placeholder="临时召开事由（通知未提前一天，PG-02 / DM-08）" style={{ width: 320 }} value={emergencyReason} onChange={(e) => setEmergencyReason(e.target.value)} data-testid="emergency-reason" />
          )}
          <Button type="primary" data-testid="open-meeting" onClick={() => act(() => api.post(`/meetings/${detail.meeting.id}/open`, { acknowledged: ack, emergencyReason: emergencyReason || undefined }))}>
            {ack.length ? '已知悉提示，继续开会' : '宣布开会'}
          </Button>
        </Space>
      )}
      {detail.meeting.emergencyReason && <div data-testid="emergency-recorded">临时召开事由：{detail.meeting.emergencyReason}</div>}
    </Card>
  );
}
