import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { AttendanceCard } from './AttendanceCard';
import { PrepCard } from './PrepCard';
import { formatTime, MEETING_STATUS } from './labels';
import { TopicCard } from './TopicCard';
import type { MeetingDetail } from './types';
import { useAct } from './useAct';

function MinutesCard({ detail, act }: { detail: MeetingDetail; act: (c: () => Promise<unknown>) => Promise<void> }) {
  const id = detail.meeting.id;
  const isRecorder = detail.me.personId === detail.meeting.recorderId;
  return (
    <Card size="small" title="会议纪要（签发后永久保存，更正另行形成新版本）">
      <Space orientation="vertical">
        <Space wrap>
          <a href={downloadUrl(`/meetings/${id}/minutes/draft.pdf`)} data-testid="minutes-draft-pdf" target="_blank" rel="noreferrer">纪要草稿 PDF</a>
          <a href={downloadUrl(`/meetings/${id}/minutes/draft.docx`)} data-testid="minutes-draft-docx">纪要草稿 DOCX</a>
          {isRecorder && detail.meeting.status === 'closed' && detail.minutes.length === 0 && (
            <Button type="primary" data-testid="sign-minutes" onClick={() => act(() => api.post(`/meetings/${id}/minutes/sign`))}>签发纪要（PG-26）</Button>
          )}
        </Space>
        {detail.minutes.map((m) => (
          <Space key={m.id} data-testid={`minutes-v${m.version}`}>
            <span>第 {m.version} 版{m.correctionReason ? `（更正：${m.correctionReason}）` : ''}，签发于 {formatTime(m.signedAt)}</span>
            <a href={downloadUrl(`/meetings/minutes/${m.id}/file.pdf`)} data-testid={`minutes-pdf-${m.version}`}>PDF</a>
            <a href={downloadUrl(`/meetings/minutes/${m.id}/file.docx`)} data-testid={`minutes-docx-${m.version}`}>DOCX</a>
          </Space>
        ))}
      </Space>
    </Card>
  );
}

/** 会议室: attendance and quorum, each topic with recusal, speaking order, votes and the decision, then the minutes. */
export default function MeetingRoomPage() {
  const { id } = useParams<{ id: string }>();
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (id) api.get<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`).then((d) => { setDetail(d); setLoadError(null); }, setLoadError);
  }, [id]);
  useEffect(load, [load]);
  const { error, act } = useAct(load);
  // DM-17: units to choose 承办科室 from.
  const [units, setUnits] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    type Node = { id: string; name: string; children?: Node[] };
    const flat = (n: Node[]): Node[] => n.flatMap((x) => [x, ...flat(x.children ?? [])]);
    api.get<{ units: Node[] }>('/org/units').then((r) => setUnits(flat(r.units).map((u) => ({ id: u.id, name: u.name }))), () => undefined);
  }, []);
  if (loadError instanceof ApiError && (loadError.status === 403 || loadError.status === 404)) {
    return <Result status={loadError.status === 403 ? '403' : '404'} title={loadError.message} subTitle={loadError.rule ? `制度依据：${loadError.rule.id} ${loadError.rule.cite}` : undefined} />;
  }
  if (!detail) return loadError ? <ErrorAlert error={loadError} /> : <Spin style={{ margin: 48 }} />;
  const m = detail.meeting;
  const ack = error instanceof ApiError && error.code === 'RULE_WARNING' && error.rule ? [error.rule.id] : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="meeting-title">{m.title}</Typography.Title>
          <Tag color={MEETING_STATUS[m.status].color} data-testid="meeting-status" data-status={m.status}>{MEETING_STATUS[m.status].label}</Tag>
        </Space>
        <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 1, md: 4 }} items={[
          { key: 'b', label: '会议类别', children: m.bodyName },
          { key: 't', label: '时间', children: formatTime(m.startAt) },
          { key: 'p', label: '地点', children: m.place },
          { key: 'c', label: '主持人', children: m.chairName },
          { key: 'r', label: '记录人', children: m.recorderName ?? '—' },
        ]} />
        {detail.me.isChairOrManager && m.status === 'open' && (
          <Button data-testid="close-meeting" onClick={() => act(() => api.post(`/meetings/${m.id}/close`))}>宣布散会</Button>
        )}
      </Card>
      <ErrorAlert error={error} />
      <PrepCard detail={detail} act={act} ack={ack} />
      <AttendanceCard detail={detail} act={act} ack={ack} />
      {detail.topics.map((t) => <TopicCard key={t.id} detail={detail} topic={t} act={act} ack={ack} units={units} />)}
      <MinutesCard detail={detail} act={act} />
    </Space>
  );
}
