import { useEffect, useState } from 'react';
import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { FlowInbox, NotificationsList } from './flow';
import { useAuth } from '../shell/auth';
import { api } from '../lib/api';
import { eventLabel, isKnownEvent, OUTCOMES } from './audit/labels';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const todayLong = () =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'full' }).format(new Date());

/** A load that may fail because the area behind it is not there (yet) or not for this account. */
function useOptional<T>(url: string | null): { data: T | null; loading: boolean; failed: boolean } {
  const [state, setState] = useState<{ data: T | null; loading: boolean; failed: boolean }>({ data: null, loading: true, failed: false });
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState({ data: null, loading: true, failed: false });
    api
      .get<T>(url)
      .then((data) => live && setState({ data, loading: false, failed: false }))
      .catch(() => live && setState({ data: null, loading: false, failed: true }));
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}

interface Holiday {
  festival: string;
  start: string;
  end: string;
  days: number;
  adjustedWorkdays: string[];
}

function Holidays() {
  const { data, loading, failed } = useOptional<{ publishedThrough: string | null; holidays: Holiday[] }>(
    `/calendar/holidays/upcoming?from=${today()}&limit=5`,
  );
  return (
    <Card title="近期节假日" size="small" loading={loading}>
      {failed ? (
        <Typography.Text type="secondary">节假日安排暂不可用</Typography.Text>
      ) : !data || data.holidays.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={data?.publishedThrough ? `工作日历已发布至 ${data.publishedThrough}，其后的放假安排尚未发布` : '暂无已发布的放假安排'}
        />
      ) : (
        <List
          size="small"
          dataSource={data.holidays}
          renderItem={(h) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  <Typography.Text strong>{h.festival}</Typography.Text> {h.start === h.end ? h.start : `${h.start} 至 ${h.end}`}，共 {h.days} 天
                </span>
                {h.adjustedWorkdays.length > 0 && (
                  <Typography.Text type="secondary">调休上班：{h.adjustedWorkdays.join('、')}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

interface MyEvent {
  id: number;
  atLocal: string;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
}

function MyActivity() {
  const { data, loading, failed } = useOptional<{ items: MyEvent[] }>('/audit/mine?limit=10');
  return (
    <Card title="我的最近操作" size="small" loading={loading}>
      {failed || !data || data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={failed ? '操作记录暂不可用' : '暂无操作记录'} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          rowKey="id"
          renderItem={(e) => (
            <List.Item extra={e.outcome !== 'success' ? <Tag color={OUTCOMES[e.outcome]?.color}>{OUTCOMES[e.outcome]?.label ?? e.outcome}</Tag> : null}>
              <Space orientation="vertical" size={0}>
                <span>
                  {eventLabel(e.event)}
                  {!isKnownEvent(e.event) && (
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {e.event}
                    </Typography.Text>
                  )}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.atLocal}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 工作台: the day's work (filled by the areas as they arrive), holidays ahead and one's own trail. */
export default function Workbench() {
  const { me, can } = useAuth();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {me ? `${me.displayName}，您好` : '工作台'}
        </Typography.Title>
        <Typography.Text type="secondary">
          今天是 {todayLong()}
          {me?.unitName ? ` · ${me.unitName}` : ''}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {/* Accounts without flow.use (the three administrators) have no approvals: asking
              would only fill the audit log with access.denied records. */}
          {can('flow.use') ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card size="small">
                <FlowInbox />
              </Card>
              <Card size="small" title="我的消息">
                <NotificationsList />
              </Card>
            </Space>
          ) : (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本账号为系统管理账号，不办理业务审批" />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Holidays />
            <MyActivity />
          </div>
        </Col>
      </Row>
    </Space>
  );
}
