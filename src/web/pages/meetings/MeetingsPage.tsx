import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { formatTime, MEETING_STATUS } from './labels';

interface Row {
  id: string;
  bodyName: string;
  title: string;
  startAt: string;
  place: string;
  status: string;
}
interface Warning {
  month: string;
  ruleId: string;
  cite: string;
  message: string;
}

/** 会议列表 and the meeting-calendar warning (PG-02, DM-06). */
export default function MeetingsPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();
  useEffect(() => {
    api.get<{ meetings: Row[] }>('/meetings').then((r) => setRows(r.meetings), setError);
    api.get<{ warnings: Warning[] }>('/meetings/calendar').then((r) => setWarnings(r.warnings), () => undefined);
  }, []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-warning"
          title="会议召开频次提示"
          description={warnings.map((w) => <div key={`${w.month}-${w.ruleId}`}>{w.message}（制度依据：{w.ruleId} {w.cite}）</div>)}
        />
      )}
      <Card title="会议" extra={<Button type="primary" data-testid="new-meeting" onClick={() => navigate('/meetings/new')}>筹备会议</Button>}>
        <Table<Row>
          rowKey="id"
          loading={!rows && !error}
          dataSource={rows ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '会议', dataIndex: 'title', render: (v, r) => <Link to={`/meetings/${r.id}`} data-testid={`meeting-link-${r.id}`}>{v}</Link> },
            { title: '类别', dataIndex: 'bodyName' },
            { title: '时间', dataIndex: 'startAt', render: formatTime },
            { title: '地点', dataIndex: 'place' },
            { title: '状态', dataIndex: 'status', render: (s) => <Tag color={MEETING_STATUS[s]?.color}>{MEETING_STATUS[s]?.label ?? s}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}
