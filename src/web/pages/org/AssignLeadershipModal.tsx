import { useState } from 'react';
import { App, Button, DatePicker, Form, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { flattenUnits, type OrgData } from './types';

interface Values {
  leaderId: string;
  target: 'area' | 'unit';
  areaCode?: string;
  unitId?: string;
  start: Dayjs;
  basis: 'division' | 'entrusted';
}

/** Put a leader in charge of an area or a unit. A rule block (FIVE-01/02) shows with its article. */
export function AssignLeadershipModal({ data, onClose, onDone }: { data: OrgData; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'area';
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const leaders = (data.division?.leaders ?? []).map(({ leader }) => ({
    value: leader.id,
    label: `${leader.name}（${leader.posts.map((p) => p.name).join('、')}）`,
  }));
  const areas = (data.division?.areas ?? []).map((a) => ({ value: a.code, label: a.name }));
  const units = flattenUnits(data.units)
    .filter((u) => u.kind !== 'office')
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.post('/org/leadership-assignments', {
        leaderId: v.leaderId,
        areaCode: v.target === 'area' ? v.areaCode : undefined,
        unitId: v.target === 'unit' ? v.unitId : undefined,
        startDate: v.start.format('YYYY-MM-DD'),
        basis: v.basis,
      });
      message.success('已分配分管');
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
    <Button key="ok" type="primary" loading={saving} data-testid="assign-submit" onClick={() => void submit()}>
      确定
    </Button>,
  ];

  return (
    <Modal open title="分配分管" onCancel={onClose} footer={footer} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ target: 'area', start: dayjs(), basis: 'division' }} onValuesChange={() => setError(null)}>
        <Form.Item name="leaderId" label="分管领导" rules={[{ required: true, message: '请选择分管领导' }]}>
          <Select data-testid="assign-leader" options={leaders} placeholder="选择办领导" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="target" label="分管对象">
          <Radio.Group options={[{ value: 'area', label: '分管领域' }, { value: 'unit', label: '分管科室（中心）' }]} />
        </Form.Item>
        {target === 'area' ? (
          <Form.Item name="areaCode" label="领域" rules={[{ required: true, message: '请选择领域' }]} extra="人事、财务审批、工程项目建设、物资采购、行政审批五项工作，党政“一把手”不直接分管，每项确定一名分管领导">
            <Select data-testid="assign-area" options={areas} placeholder="选择领域" />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label="科室（中心）" rules={[{ required: true, message: '请选择科室' }]}>
            <Select data-testid="assign-unit" options={units} placeholder="选择科室" />
          </Form.Item>
        )}
        <Form.Item name="start" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="basis" label="依据">
          <Radio.Group options={[{ value: 'division', label: '班子分工' }, { value: 'entrusted', label: '受主任委托（专项任务）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
