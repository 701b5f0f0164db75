import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import type { PersonBrief } from './types';

interface Values {
  absentPersonId: string;
  actingPersonId: string;
  postCode?: string;
  range: [Dayjs, Dayjs];
  reason: string;
}

/** Record who stands in for an absent person (WR-03 for the 主任: a 副主任 the 主任 designates). */
export function ActingModal({ people, onClose, onDone }: { people: PersonBrief[]; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const absentId = Form.useWatch('absentPersonId', form);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const options = people.map((p) => ({ value: p.id, label: `${p.name}（${p.unitName ?? '—'}）` }));
  const absentPosts = people.find((p) => p.id === absentId)?.posts ?? [];

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.post('/org/acting-arrangements', {
        absentPersonId: v.absentPersonId,
        actingPersonId: v.actingPersonId,
        postCode: v.postCode || undefined,
        startDate: v.range[0].format('YYYY-MM-DD'),
        endDate: v.range[1].format('YYYY-MM-DD'),
        reason: v.reason,
      });
      message.success('已登记代理安排');
      onDone();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const footer = [
    <Button key="cancel" onClick={onClose}>
      取消
    </Button>,
    <Button key="ok" type="primary" loading={saving} data-testid="acting-submit" onClick={() => void submit()}>
      确定
    </Button>,
  ];

  return (
    <Modal open title="新增代理安排" onCancel={onClose} footer={footer} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item name="absentPersonId" label="外出（缺席）人员" rules={[{ required: true, message: '请选择外出人员' }]}>
          <Select data-testid="acting-absent" options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="postCode" label="代理的职务" extra="不选则代理其全部职务">
          <Select allowClear options={absentPosts.map((p) => ({ value: p.code, label: p.name }))} placeholder="全部职务" />
        </Form.Item>
        <Form.Item name="actingPersonId" label="代理人" rules={[{ required: true, message: '请选择代理人' }]}>
          <Select data-testid="acting-person" options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="range" label="代理期间" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }]}>
          <Input maxLength={200} placeholder="如：主任参加省委党校学习，指定李明华副主任主持工作" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
