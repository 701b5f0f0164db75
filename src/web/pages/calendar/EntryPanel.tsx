import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { FestivalForm } from './EntryForms';
import { KIND_LABEL, type CalendarRow, type Issue, type YearDetail } from './types';

/**
 * 录入新年度放假安排 for one draft or review year: rows, the count summary to compare with
 * the notice, open issues, and the submit / publish / return actions. The server decides;
 * the page only hides buttons the account cannot use.
 */
export function EntryPanel({ detail, onChanged, onDeleted }: { detail: YearDetail; onChanged: (y: YearDetail) => void; onDeleted: () => void }) {
  const { can } = useAuth();
  const { modal } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const base = `/calendar/years/${detail.year}`;
  const editable = detail.status === 'draft' && can('calendar.edit');

  const run = async (work: () => Promise<YearDetail | void>) => {
    setError(null);
    try {
      const y = await work();
      if (y) onChanged(y);
    } catch (e) {
      setError(e);
    }
  };

  /** Submit or publish; a RULE_WARNING is confirmed by the user and sent again acknowledged. */
  const advance = (action: 'submit' | 'publish', acknowledge: string[] = []) =>
    run(async () => {
      try {
        return await api.post<YearDetail>(`${base}/${action}`, { acknowledge });
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'RULE_WARNING') throw e;
        const warnings = ((e.details as { warnings?: Issue[] })?.warnings ?? []).map((w) => w.ruleId);
        modal.confirm({ title: '请确认以下提示', content: e.message, okText: '确认并继续', onOk: () => advance(action, [...acknowledge, ...warnings]) });
      }
    });

  const columns = [
    { title: '日期', dataIndex: 'date' },
    { title: '类型', dataIndex: 'kind', render: (k: CalendarRow['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{KIND_LABEL[k]}</Tag> },
    { title: '节日', dataIndex: 'festival' },
    ...(editable
      ? [
          {
            title: '操作',
            render: (_: unknown, r: CalendarRow) => (
              <Popconfirm title={`删除 ${r.date}？`} onConfirm={() => run(() => api.del<YearDetail>(`${base}/days/${r.date}`))}>
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={`录入新年度放假安排：${detail.year}年`} data-testid="entry-panel">
      <ErrorAlert error={error} />
      {detail.returnNote && detail.status === 'draft' && <Alert type="warning" showIcon title={`审核退回：${detail.returnNote}`} style={{ marginBottom: 12 }} />}
      {editable && <FestivalForm year={detail.year} onChanged={onChanged} />}
      <Issues issues={detail.issues} />
      <Summary detail={detail} />
      <Table size="small" rowKey="date" columns={columns} dataSource={detail.days.filter((d) => d.noticeYear === detail.year)} pagination={false} style={{ marginBottom: 12 }} />
      <Space wrap>
        {editable && (
          <Button type="primary" onClick={() => void advance('submit')} data-testid="submit-year">
            提交审核
          </Button>
        )}
        {editable && (
          <Popconfirm title={`删除${detail.year}年度草稿及其全部日期？`} onConfirm={() =>
              run(async () => {
                await api.del(base);
                onDeleted();
              })
            }>
            <Button danger>删除草稿</Button>
          </Popconfirm>
        )}
        {detail.status === 'review' && can('calendar.publish') && (
          <>
            <Popconfirm title="发布后全办的工作日计算将按本安排执行，确认发布？" onConfirm={() => void advance('publish')}>
              <Button type="primary" data-testid="publish-year">
                审核发布
              </Button>
            </Popconfirm>
            <Input placeholder="退回原因" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 220 }} />
            <Button onClick={() => void run(() => api.post<YearDetail>(`${base}/return`, { note }))}>退回修改</Button>
          </>
        )}
      </Space>
      {detail.status === 'review' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          四眼原则：录入或提交本年度的人员不能审核发布，须由另一名管理员核对通知原文后发布。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Issues({ issues }: { issues: Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ margin: '12px 0' }}
      title="提交前需处理的问题"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {issues.map((i) => (
            <li key={i.message}>
              {i.outcome === 'block' ? '【须修改】' : '【请核对】'}
              {i.message}（{i.ruleId}）
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Summary({ detail }: { detail: YearDetail }) {
  const prev = detail.summary.previousYearRows;
  if (detail.summary.festivals.length === 0) return null;
  return (
    <>
      <Table
        size="small"
        rowKey="festival"
        pagination={false}
        style={{ margin: '12px 0' }}
        dataSource={detail.summary.festivals}
        columns={[
          { title: '节日', dataIndex: 'festival' },
          { title: '放假天数', dataIndex: 'daysOff' },
          { title: '其中工作日', dataIndex: 'weekdaysOff' },
          { title: '调休上班', dataIndex: 'adjustedWorkdays' },
          { title: '折合法定假日', dataIndex: 'netDaysOff' },
        ]}
        title={() => `核对汇总：放假 ${detail.summary.holidayDays} 天，调休上班 ${detail.summary.adjustedWorkdays} 天`}
      />
      {prev.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`发布后将改变${detail.year - 1}年的以下日期`}
          description={prev.map((r) => `${r.date} ${r.festival}${KIND_LABEL[r.kind]}`).join('；')}
        />
      )}
    </>
  );
}
