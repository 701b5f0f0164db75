import { useState } from 'react';
import { App, DatePicker, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import type { Assignment } from './types';

/**
 * End a 分管 on a date. Leaving one of the five areas without a leader is a FIVE-01 warning:
 * the first answer shows it, a second click confirms it (acknowledged).
 */
export function EndAssignmentModal({ assignment, onClose, onDone }: { assignment: Assignment; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<unknown>(null);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!date) return;
    setSaving(true);
    try {
      await api.post(`/org/leadership-assignments/${assignment.id}/end`, { endDate: date.format('YYYY-MM-DD'), acknowledged });
      message.success('已结束分管');
      onDone();
      onClose();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'RULE_WARNING' && err.rule) setAcknowledged([err.rule.id]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="结束分管" okText={acknowledged.length ? '确认并结束' : '确定'} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      <Typography.Paragraph>
        {assignment.leader.name} 分管 {assignment.unitName ?? assignment.areaName}（{assignment.startDate} 起）
      </Typography.Paragraph>
      <DatePicker value={date} onChange={setDate} placeholder="最后一天" />
    </Modal>
  );
}
