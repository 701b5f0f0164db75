import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { EndAssignmentModal } from './EndAssignmentModal';
import type { Assignment, Division } from './types';

const span = (a: Assignment) => (a.endDate ? `${a.startDate} 至 ${a.endDate}` : `${a.startDate} 起`);

function AreaTag({ a }: { a: Assignment }) {
  return (
    <Tag color={a.restricted ? 'red' : 'blue'} title={a.restricted ? '“五不直接分管”领域' : undefined}>
      {a.areaName}
      {a.restricted && '（五不直接分管）'}
    </Tag>
  );
}

/** 领导分工: leader → units and areas; the five areas with their leaders; the history. */
export function DivisionTab({ division, manage, onChanged }: { division: Division | null; manage: boolean; onChanged(): void }) {
  const [ending, setEnding] = useState<Assignment | null>(null);
  if (!division) return null;
  const principalId = division.principal?.id;

  const leaderColumns = [
    { title: '领导', render: (_: unknown, r: Division['leaders'][number]) => <Typography.Text strong>{r.leader.name}</Typography.Text> },
    { title: '职务', render: (_: unknown, r: Division['leaders'][number]) => r.leader.posts.map((p) => p.name).join('、') },
    {
      title: '分管科室',
      render: (_: unknown, r: Division['leaders'][number]) =>
        r.leader.id === principalId ? <Typography.Text type="secondary">主持全面工作</Typography.Text> : r.units.map((a) => <Tag key={a.id}>{a.unitName}</Tag>),
    },
    { title: '分管领域', render: (_: unknown, r: Division['leaders'][number]) => r.areas.map((a) => <AreaTag key={a.id} a={a} />) },
  ];

  const historyColumns = [
    { title: '领导', render: (_: unknown, a: Assignment) => a.leader.name },
    { title: '分管', render: (_: unknown, a: Assignment) => (a.areaCode ? <AreaTag a={a} /> : <Tag>{a.unitName}</Tag>) },
    { title: '依据', render: (_: unknown, a: Assignment) => (a.basis === 'entrusted' ? '受主任委托' : '班子分工') },
    { title: '期间', render: (_: unknown, a: Assignment) => span(a) },
    ...(manage
      ? [{ title: '操作', render: (_: unknown, a: Assignment) => !a.endDate && <Button size="small" onClick={() => setEnding(a)}>结束分管</Button> }]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {division.warnings.map((w) => (
        <Alert key={w.message} type="warning" showIcon title={w.message} description={`制度依据：${w.ruleId} ${w.cite}`} />
      ))}
      <Table rowKey={(r) => r.leader.id} size="small" pagination={false} columns={leaderColumns} dataSource={division.leaders} data-testid="division-table" />
      <div>
        <Typography.Title level={5}>“五不直接分管”领域</Typography.Title>
        <Space wrap>
          {division.areas.map((a) => (
            <Tag key={a.code} color={a.leader ? 'green' : 'orange'}>
              {a.name}：{a.leader?.name ?? '未确定分管领导'}
            </Tag>
          ))}
        </Space>
      </div>
      <div>
        <Typography.Title level={5}>分工记录</Typography.Title>
        <Table rowKey="id" size="small" columns={historyColumns} dataSource={division.assignments} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </div>
      {ending && <EndAssignmentModal assignment={ending} onClose={() => setEnding(null)} onDone={onChanged} />}
    </Space>
  );
}
