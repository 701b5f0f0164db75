import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { CreateYearForm } from './EntryForms';
import { EntryPanel } from './EntryPanel';
import { WorkdayTool } from './WorkdayTool';
import { Legend, YearGrid } from './YearGrid';
import { STATUS_COLOR, type HolidayPeriod, type YearDetail, type YearListItem } from './types';

/** 工作日历: each year's holidays and 调休上班 days, and for administrators the entry workflow. */
export default function CalendarPage() {
  const { can } = useAuth();
  const admin = can('calendar.edit') || can('calendar.publish');
  const [years, setYears] = useState<YearListItem[]>([]);
  const [warning, setWarning] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [detail, setDetail] = useState<YearDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadYears = useCallback(async (select?: number) => {
    try {
      const res = await api.get<{ years: YearListItem[]; warning: string | null }>('/calendar/years');
      setYears(res.years);
      setWarning(res.warning);
      const thisYear = new Date().getFullYear();
      setYear((cur) => select ?? cur ?? (res.years.some((y) => y.year === thisYear) ? thisYear : (res.years.at(-1)?.year ?? null)));
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => void loadYears(), [loadYears]);
  useEffect(() => {
    if (year === null) return;
    setDetail(null);
    api.get<YearDetail>(`/calendar/years/${year}`).then(setDetail, setError);
  }, [year]);

  const changed = (y: YearDetail) => {
    setDetail(y);
    void loadYears(y.year);
  };
  const deleted = () => {
    setYear(null);
    void loadYears();
  };
  const latest = years.at(-1)?.year ?? new Date().getFullYear();
  const pending = years.some((y) => y.status !== 'published');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        工作日历
      </Typography.Title>
      <ErrorAlert error={error} />
      {warning && <Alert type="warning" showIcon title={warning} />}
      <Card>
        <Space wrap size="large">
          <Space>
            年度
            <Select
              value={year ?? undefined}
              style={{ width: 160 }}
              data-testid="year-select"
              onChange={setYear}
              options={[...years].reverse().map((y) => ({ value: y.year, label: `${y.year}年（${y.statusLabel}）` }))}
            />
          </Space>
          <Legend />
        </Space>
      </Card>
      {detail ? <YearView detail={detail} /> : year !== null && <Spin />}
      {admin && detail && detail.status !== 'published' && <EntryPanel detail={detail} onChanged={changed} onDeleted={deleted} />}
      {can('calendar.edit') && !pending && (
        <Card title="录入新年度放假安排">
          <Typography.Paragraph type="secondary">
            国务院办公厅每年11月前后发布下一年度的节假日安排。未发布的年度一律不计算工作日，请及时录入，并由另一名管理员审核发布。
          </Typography.Paragraph>
          <CreateYearForm suggestedYear={latest + 1} onCreated={changed} />
        </Card>
      )}
      <WorkdayTool />
    </Space>
  );
}

function YearView({ detail }: { detail: YearDetail }) {
  return (
    <Card
      title={
        <Space>
          {detail.year}年放假安排
          <Tag color={STATUS_COLOR[detail.status]} data-testid="year-status">
            {detail.statusLabel}
          </Tag>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="依据">{detail.sourceDoc}</Descriptions.Item>
        <Descriptions.Item label="来源">{detail.origin === 'manual' ? '管理员录入' : detail.origin}</Descriptions.Item>
        {detail.createdBy && <Descriptions.Item label="录入">{detail.createdBy}</Descriptions.Item>}
        {detail.approvedBy && <Descriptions.Item label="审核发布">{detail.approvedBy}</Descriptions.Item>}
        {detail.approvedAt && <Descriptions.Item label="发布时间">{new Date(detail.approvedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</Descriptions.Item>}
      </Descriptions>
      {detail.status !== 'published' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${detail.year}年放假安排尚未发布（${detail.statusLabel}），不生效：涉及${detail.year}年的工作日计算会被拒绝。`}
        />
      )}
      <YearGrid year={detail.year} days={detail.days} />
      <PeriodTable periods={detail.periods} />
    </Card>
  );
}

function PeriodTable({ periods }: { periods: HolidayPeriod[] }) {
  if (periods.length === 0) return null;
  return (
    <Table
      size="small"
      rowKey="start"
      pagination={false}
      style={{ marginTop: 12 }}
      dataSource={periods}
      columns={[
        { title: '节日', dataIndex: 'festival' },
        { title: '放假时间', render: (_: unknown, p: HolidayPeriod) => `${p.start} 至 ${p.end}` },
        { title: '天数', dataIndex: 'days' },
        { title: '调休上班', render: (_: unknown, p: HolidayPeriod) => p.adjustedWorkdays.join('、') || '无' },
      ]}
    />
  );
}
