import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, List, Space, Switch, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { formatTime } from './labels';
import type { Notification } from './types';

const KIND: Record<string, { label: string; color: string }> = {
  remind: { label: '催办', color: 'orange' },
  due: { label: '到期', color: 'gold' },
  overdue: { label: '逾期', color: 'red' },
  escalate: { label: '逾期上报', color: 'red' },
  info: { label: '通知', color: 'blue' },
};

/** 我的消息: reminders, 催办 and overdue notices; opening one marks it read. */
export function NotificationsList({ onChanged }: { onChanged?: () => void }) {
  const navigate = useNavigate();
  const toast = useErrorToast();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api.get<{ items: Notification[] }>(`/notifications${unreadOnly ? '?unread=true' : ''}`).then((r) => setItems(r.items), setError);
  }, [unreadOnly]);
  useEffect(load, [load]);

  const markRead = async (n: Notification) => {
    try {
      if (!n.readAt) await api.post(`/notifications/${n.id}/read`);
      load();
      onChanged?.();
    } catch (e) {
      toast(e);
    }
  };
  const open = async (n: Notification) => {
    await markRead(n);
    if (n.link) navigate(n.link);
  };

  return (
    <div data-testid="notifications">
      <ErrorAlert error={error} />
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={unreadOnly} onChange={setUnreadOnly} size="small" data-testid="notifications-unread" /> 只看未读
      </Space>
      <List<Notification>
        loading={!items && !error}
        dataSource={items ?? []}
        locale={{ emptyText: unreadOnly ? '没有未读消息' : '暂无消息' }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" type="link" size="small" data-testid="notification-read" onClick={() => void markRead(n)}>
                      标为已读
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  {!n.readAt && <Badge status="processing" />}
                  {KIND[n.kind] && <Tag color={KIND[n.kind].color}>{KIND[n.kind].label}</Tag>}
                  {n.link ? <a onClick={() => void open(n)}>{n.title}</a> : n.title}
                </Space>
              }
              description={
                <>
                  {n.body && <div>{n.body}</div>}
                  <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
