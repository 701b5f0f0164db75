import { useEffect, useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { ExportLink } from './common';
import { RuleText } from '../../lib/RuleText';

/** WR-17 逾期事项报告: open items past their own time limit, longest overdue first. */
interface Row { kind: string; kindLabel: string; title: string; ownerName: string; dueOn: string; daysOverdue: number; link: string }

export function OverdueTab({ setError }: { setError: (e: unknown) => void }) {
  const [items, setItems] = useState<Row[]>([]);
  useEffect(() => { api.get<{ items: Row[] }>('/workrules/overdue').then((r) => setItems(r.items), setError); }, []);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary"><RuleText id="WR-17" /></Typography.Text>
        <ExportLink path="overdue" />
      </Space>
      <Table rowKey={(r) => `${r.kind}-${r.link}-${r.title}`} size="small" dataSource={items} pagination={{ pageSize: 30 }} data-testid="wr-overdue" columns={[
        { title: '类别', render: (_: unknown, r: Row) => <Tag>{r.kindLabel}</Tag> }, { title: '事项', render: (_: unknown, r: Row) => <Link to={r.link}>{r.title}</Link> },
        { title: '责任人或科室', dataIndex: 'ownerName' }, { title: '期限', dataIndex: 'dueOn' }, { title: '逾期天数', render: (_: unknown, r: Row) => <Tag color="red">{r.daysOverdue} 天</Tag> },
      ]} />
    </>
  );
}
