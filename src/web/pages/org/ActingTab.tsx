import { App, Button, DatePicker, Popover, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { useErrorToast } from '../../lib/errors';
import type { Acting } from './types';

/** 代理安排: who stands in for whom, for which post, when; managers may end one early. */
export function ActingTab({ list, manage, onChanged }: { list: Acting[]; manage: boolean; onChanged(): void }) {
  const { message } = App.useApp();
  const toast = useErrorToast();

  const end = async (a: Acting, endDate: string) => {
    try {
      await api.post(`/org/acting-arrangements/${a.id}/end`, { endDate });
      message.success('已提前结束代理');
      onChanged();
    } catch (err) {
      toast(err);
    }
  };

  const columns = [
    { title: '外出人员', render: (_: unknown, a: Acting) => a.absent.name },
    { title: '代理人', render: (_: unknown, a: Acting) => a.acting.name },
    { title: '代理职务', render: (_: unknown, a: Acting) => (a.postName ? <Tag>{a.postName}</Tag> : '全部职务') },
    { title: '期间', render: (_: unknown, a: Acting) => `${a.startDate} 至 ${a.endDate}` },
    { title: '事由', dataIndex: 'reason' },
    { title: '指定人', render: (_: unknown, a: Acting) => a.designatedBy?.name ?? '—' },
    ...(manage
      ? [
          {
            title: '操作',
            render: (_: unknown, a: Acting) => (
              <Popover trigger="click" title="提前结束：最后一天" content={<DatePicker onChange={(d) => d && void end(a, d.format('YYYY-MM-DD'))} />}>
                <Button size="small">提前结束</Button>
              </Popover>
            ),
          },
        ]
      : []),
  ];

  return <Table rowKey="id" size="small" columns={columns} dataSource={list} locale={{ emptyText: '暂无代理安排' }} data-testid="acting-table" />;
}
