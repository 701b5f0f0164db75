import { Card, Col, Row, Space, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarRow } from './types';

/** Twelve month grids of one year: 放假 in red with 休, 调休上班 in blue with 班, weekends grey. */
const HEAD = ['一', '二', '三', '四', '五', '六', '日'];

const STYLE = {
  holiday: { background: '#fff1f0', color: '#cf1322', border: '1px solid #ffa39e' },
  adjusted_workday: { background: '#e6f4ff', color: '#0958d9', border: '1px solid #91caff' },
  weekend: { color: '#8c8c8c' },
  workday: {},
} satisfies Record<string, CSSProperties>;

const pad = (n: number) => String(n).padStart(2, '0');

function monthCells(year: number, month: number): (number | null)[] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first + 6) % 7; // weeks start on Monday
  return [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
}

function DayCell({ date, row, weekend }: { date: string; row?: CalendarRow; weekend: boolean }) {
  const style: CSSProperties = { textAlign: 'center', padding: '2px 0', borderRadius: 4, fontSize: 12, position: 'relative' };
  const kindStyle = row ? STYLE[row.kind] : weekend ? STYLE.weekend : STYLE.workday;
  const cell = (
    <div style={{ ...style, ...kindStyle }} data-testid={`day-${date}`} data-kind={row?.kind ?? (weekend ? 'weekend' : 'workday')}>
      {Number(date.slice(8))}
      {row && <sup style={{ fontSize: 9, marginLeft: 1 }}>{row.kind === 'holiday' ? '休' : '班'}</sup>}
    </div>
  );
  if (!row) return cell;
  const what = row.kind === 'holiday' ? '放假' : '调休上班';
  const notice = row.noticeYear !== Number(date.slice(0, 4)) ? `（依据${row.noticeYear}年放假安排）` : '';
  return <Tooltip title={`${date} ${row.festival}${what}${notice}`}>{cell}</Tooltip>;
}

function Month({ year, month, byDate }: { year: number; month: number; byDate: Map<string, CalendarRow> }) {
  const cells = monthCells(year, month);
  return (
    <Card size="small" title={`${month + 1}月`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {HEAD.map((h, i) => (
          <div key={h} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#8c8c8c' : undefined }}>
            {h}
          </div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`x${i}`} />;
          const date = `${year}-${pad(month + 1)}-${pad(d)}`;
          return <DayCell key={date} date={date} row={byDate.get(date)} weekend={i % 7 >= 5} />;
        })}
      </div>
    </Card>
  );
}

export function Legend() {
  const box = (s: CSSProperties, text: string) => (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, ...s, border: s.border ?? '1px solid #d9d9d9' }} />
      <Typography.Text>{text}</Typography.Text>
    </Space>
  );
  return (
    <Space wrap size="large" data-testid="calendar-legend">
      {box(STYLE.holiday, '放假（休）')}
      {box(STYLE.adjusted_workday, '调休上班（班）')}
      {box({ background: '#fafafa', color: '#8c8c8c' }, '周末休息')}
      {box({ background: '#fff' }, '工作日')}
    </Space>
  );
}

export function YearGrid({ year, days }: { year: number; days: CalendarRow[] }) {
  const byDate = new Map(days.filter((d) => d.date.startsWith(`${year}-`)).map((d) => [d.date, d]));
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, m) => (
        <Col key={m} xs={24} sm={12} md={8} xl={6}>
          <Month year={year} month={m} byDate={byDate} />
        </Col>
      ))}
    </Row>
  );
}
