import { useEffect, useState } from 'react';
import { Descriptions, Drawer, Spin, Table, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { GRADE_LABEL, type Assignment, type PersonRef } from './types';

interface Detail extends PersonRef {
  unitName: string | null;
  grade: string;
  workStartDate: string | null;
  partyMember: boolean;
  holdings: { id: string; postName: string; startDate: string; endDate: string | null; current: boolean }[];
  leadership: Assignment[];
}

const span = (s: string, e: string | null) => `${s} 至 ${e ?? '今'}`;

/** A person's record; personal fields are served only within the viewer's data scope (else 403). */
export function PersonDrawer({ personId, onClose }: { personId: string; onClose(): void }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<Detail>(`/org/people/${personId}`).then(setDetail, setError);
  }, [personId]);

  return (
    <Drawer open title={detail?.name ?? '人员信息'} size="large" onClose={onClose}>
      <ErrorAlert error={error} />
      {!detail && !error && <Spin />}
      {detail && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="所在单位">{detail.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职级">{GRADE_LABEL[detail.grade] ?? detail.grade}</Descriptions.Item>
            <Descriptions.Item label="参加工作时间">{detail.workStartDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="中共党员">{detail.partyMember ? '是' : '否'}</Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.holdings}
            columns={[
              { title: '职务', dataIndex: 'postName', render: (n: string, h: Detail['holdings'][number]) => (h.current ? <Tag color="blue">{n}</Tag> : n) },
              { title: '任职期间', render: (_: unknown, h: Detail['holdings'][number]) => span(h.startDate, h.endDate) },
            ]}
          />
          {detail.leadership.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={detail.leadership}
              columns={[
                { title: '分管', render: (_: unknown, a: Assignment) => a.unitName ?? a.areaName },
                { title: '期间', render: (_: unknown, a: Assignment) => span(a.startDate, a.endDate) },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
