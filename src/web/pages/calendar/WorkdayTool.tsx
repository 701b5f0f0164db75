import { useState } from 'react';
import { Button, Card, DatePicker, InputNumber, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

/** Ask the server the same questions the deadlines ask: is d a working day, d + N working days. */
interface DayAnswer {
  date: string;
  workingDay: boolean;
  reason: string;
}

export function WorkdayTool() {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<number | null>(5);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const ask = async (work: (d: string) => Promise<string>) => {
    setError(null);
    setAnswer(null);
    if (!date) return setError(new Error('请先选择日期'));
    try {
      setAnswer(await work(date.format('YYYY-MM-DD')));
    } catch (e) {
      setError(e);
    }
  };
  const checkDay = () =>
    ask(async (d) => {
      const r = await api.get<DayAnswer>(`/calendar/days/${d}`);
      return `${r.date}：${r.reason}`;
    });
  const addDays = () =>
    ask(async (d) => {
      const r = await api.get<{ date: string }>(`/calendar/working-days/add?date=${d}&days=${days ?? 0}`);
      return `${d} 之后第 ${days ?? 0} 个工作日（不含当日）：${r.date}`;
    });

  return (
    <Card title="工作日计算" data-testid="workday-tool">
      <ErrorAlert error={error} />
      <Space wrap>
        <DatePicker value={date} onChange={setDate} />
        <Button onClick={() => void checkDay()}>是否工作日</Button>
        <InputNumber value={days} onChange={setDays} min={-365} max={365} suffix="个工作日" style={{ width: 150 }} />
        <Button onClick={() => void addDays()}>推算日期</Button>
      </Space>
      {answer && (
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="workday-answer">
          {answer}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
