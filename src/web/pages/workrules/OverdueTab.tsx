import { useEffect, useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { ExportLink } from './common';

/** WR-17 逾期事项报告: open items past their own time limit, longest overdue first. */
interface Row { kind: string; kindLabel: string; title: string; ownerName: string; dueOn: string; daysOverdue: number; link: string }

export function OverdueTab({ setError }: { setError: (e: unknown) => void }) {
  const [items, setItems] = useState<Row[]>([]);
  useEffect(() => { api.get<{ items: Row[] }>('/workrules/overdue').then((r) => setItems(r.items), setError); }, []);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">对职权范围内的事项按程序和时限办理（工作规则第二十六条）。时限取自各事项本身：审批待办、会议督办事项、规范性文件备案提醒日、来信来访办理时限（本单位设定后）。</Typography.Text>
        <ExportLink path="overdue" />
      </Space>
      <Table rowKey={(r) => `${r.kind}-${r.link}-${r.title}`} size="small" dataSource={items} pagination={{ pageSize: 30 }} data-testid="wr-overdue" columns={[
        { title: '类别', render: (_: unknown, r: Row) => <Tag>{r.kindLabel}</Tag> }, { title: '事项', render: (_: unknown, r: Row) => <Link to={r.link}>{r.title}</Link> },
        { title: '责任人或科室', dataIndex: 'ownerName' }, { title: '期限', dataIndex: 'dueOn' }, { title: '逾期天数', render: (_: unknown, r: Row) => <Tag color="red">{r.daysOverdue} 天</Tag> },
      ]} />
    </>
  );
}
