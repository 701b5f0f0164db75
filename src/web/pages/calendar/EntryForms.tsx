import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { FESTIVALS, type YearDetail } from './types';

/** Forms of 录入新年度放假安排: a new draft year, and one festival as the notice states it. */
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

export function CreateYearForm({ suggestedYear, onCreated }: { suggestedYear: number; onCreated: (y: YearDetail) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { year: number; sourceDoc: string }) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.post<YearDetail>('/calendar/years', v));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Form layout="inline" onFinish={submit} initialValues={{ year: suggestedYear }} data-testid="create-year-form">
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2025} max={2100} />
        </Form.Item>
        <Form.Item name="sourceDoc" label="通知文号" rules={[{ required: true, message: '请填写国务院办公厅通知的发文字号' }]}>
          <Input placeholder="如：国办发明电〔2026〕N号" style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          新建草稿
        </Button>
      </Form>
    </>
  );
}

interface FestivalValues {
  festival: string;
  range: [Dayjs, Dayjs];
  adjusted?: Dayjs[];
}

export function FestivalForm({ year, onChanged }: { year: number; onChanged: (y: YearDetail) => void }) {
  const [form] = Form.useForm<FestivalValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: FestivalValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = { festival: v.festival, start: fmt(v.range[0]), end: fmt(v.range[1]), adjustedWorkdays: (v.adjusted ?? []).map(fmt) };
      onChanged(await api.post<YearDetail>(`/calendar/years/${year}/festivals`, body));
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="festival-form">
        <Space wrap align="end">
          <Form.Item name="festival" label="节日" rules={[{ required: true, message: '请选择或填写节日' }]}>
            <AutoComplete options={FESTIVALS.map((f) => ({ value: f }))} style={{ width: 140 }} placeholder="如：春节" />
          </Form.Item>
          <Form.Item name="range" label="放假起止日期（含周末）" rules={[{ required: true, message: '请选择放假起止日期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="adjusted" label="调休上班日期（周六或周日）">
            <DatePicker multiple style={{ minWidth: 220 }} placeholder="可多选，没有则不填" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              录入该节日
            </Button>
          </Form.Item>
        </Space>
      </Form>
    </>
  );
}
