import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { Flags, LEAVE_TYPES, RouteView, warningsOf, type Flag, type RouteStep } from './shared';

/** 请假申请: the form, with the working days, the route and the rule warnings shown live from /preview. */
interface Preview {
  workingDays: number;
  calendarDays: number;
  chargeableDays: number;
  unit: 'working' | 'calendar';
  balance: { entitledDays: number | null; usedDays: number; pendingDays: number; remainingDays: number | null };
  route: RouteStep[];
  warnings: Flag[];
  blocked: boolean;
}

const SPECIAL = [
  { value: 'SPL1', label: '陪护病重亲属（5个工作日以内）' },
  { value: 'SPL2', label: '参加家长会（半个工作日以内）' },
  { value: 'SPL3', label: '搬家或看守维修（1个工作日以内）' },
  { value: 'SPL4', label: '在职学习（每周1个工作日以内）' },
  { value: 'SPL5', label: '产前检查（每次1个工作日以内）' },
];

const RELATIONS = [
  { value: 'spouse', label: '配偶' }, { value: 'parent', label: '父母' }, { value: 'child', label: '子女' },
  { value: 'grandparent', label: '祖父母、外祖父母' }, { value: 'grandchild', label: '孙子女、外孙子女' },
  { value: 'parent_in_law', label: '岳父母、公婆' }, { value: 'other', label: '其他亲属' },
];

type Values = Record<string, unknown> & { type?: string; evidence?: string; channel?: string };

function toForm(v: Values): Record<string, unknown> {
  const { evidence, evidenceKind, ...rest } = v as Values & { evidenceKind?: string };
  const attachments = evidence ? [{ kind: evidenceKind ?? 'OTHER', name: evidence }] : [];
  return Object.fromEntries(Object.entries({ ...rest, attachments }).filter(([, x]) => x !== undefined && x !== ''));
}

export default function LeaveApplyPage() {
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ack, setAck] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const navigate = useNavigate();

  useEffect(() => {
    if (!values?.type || !values.startDate || !values.endDate || !values.reason) return setPreview(null);
    const timer = setTimeout(() => {
      api.post<Preview>('/personnel/leave/preview', { form: toForm(values) }).then((p) => { setPreview(p); setError(null); }, (e) => { setPreview(null); setError(e); });
    }, 300);
    return () => clearTimeout(timer);
  }, [JSON.stringify(values)]);

  const warnings = preview?.warnings.filter((w) => w.outcome === 'warn') ?? [];
  const allAcked = warnings.every((w) => ack.includes(w.ruleId));

  async function submit() {
    setBusy(true);
    try {
      const res = await api.post<{ instanceId: string }>('/personnel/leave', { form: toForm(await form.validateFields()), acknowledged: ack });
      message.success('请假申请已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      const pending = warningsOf(e);
      if (pending.length && preview) setPreview({ ...preview, warnings: [...preview.warnings, ...pending.filter((p) => !preview.warnings.some((w) => w.ruleId === p.ruleId))] });
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const type = values?.type;
  return (
    <Card title="请假申请（《请销假审批表》）">
      <Typography.Paragraph type="secondary">
        请假应事先办理；特殊紧急情况可先电话请假，事后补办。病假、产假、护理假按日历天数计算，其余按工作日计算；审批权限按工作日确定（考勤制度二、三）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ type: 'personal', startHalf: 'full', endHalf: 'full', channel: 'written' }} style={{ maxWidth: 720 }}>
        <Form.Item name="type" label="请假类别" rules={[{ required: true }]}>
          <Select options={LEAVE_TYPES} />
        </Form.Item>
        {type === 'special' && (
          <Form.Item name="specialKind" label="特殊事假情形" rules={[{ required: true, message: '请选择' }]}>
            <Select options={SPECIAL} />
          </Form.Item>
        )}
        {type === 'bereavement' && (
          <Form.Item name="relationship" label="与逝者关系" rules={[{ required: true, message: '请选择' }]}>
            <Select options={RELATIONS} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="startHalf" label="开始">
            <Radio.Group options={[{ value: 'full', label: '全天' }, { value: 'pm', label: '下午起' }]} />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endHalf" label="结束">
            <Radio.Group options={[{ value: 'full', label: '全天' }, { value: 'am', label: '上午止' }]} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label="请假事由" rules={[{ required: true, message: '请填写请假事由' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="channel" label="请假方式">
          <Radio.Group options={[{ value: 'written', label: '书面（事先）' }, { value: 'phone', label: '已电话请假，现补办' }, { value: 'proxy', label: '已委托他人代请，现补办' }]} />
        </Form.Item>
        {values?.channel && values.channel !== 'written' && (
          <Space wrap>
            <Form.Item name="phoneApproverId" label="电话同意的审批人（人员编号）" rules={[{ required: true }]}><Input placeholder="如 psn_zhutao" /></Form.Item>
            <Form.Item name="phoneApprovedOn" label="同意日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            {values.channel === 'proxy' && <Form.Item name="proxyName" label="代请人" rules={[{ required: true }]}><Input /></Form.Item>}
          </Space>
        )}
        <Space wrap>
          <Form.Item name="evidenceKind" label="证明材料">
            <Select style={{ width: 220 }} allowClear options={[
              { value: 'HOSPITAL_DIAGNOSIS', label: '市级正规医院诊断书' }, { value: 'EMERGENCY_CERT', label: '急诊证明' },
              { value: 'MARRIAGE_CERT', label: '结婚证' }, { value: 'SCHOOL_NOTICE', label: '学校通知书' }, { value: 'STUDY_APPROVAL', label: '学习批准文件' },
              { value: 'HOSPITAL_CARE_NOTICE', label: '医院陪护通知' }, { value: 'PRENATAL_PROOF', label: '产检证明' }, { value: 'DEATH_PROOF', label: '死亡证明' }, { value: 'OTHER', label: '其他' },
            ]} />
          </Form.Item>
          <Form.Item name="evidence" label="材料名称或编号"><Input style={{ width: 260 }} /></Form.Item>
        </Space>
        <Form.Item name="leavesBaicheng" valuePropName="checked">
          <Checkbox data-testid="leave-out-of-city">离开白城（办领导、科室及服务中心主要负责人须按工作规则第三十三条报告，未报告齐全的不能批准）</Checkbox>
        </Form.Item>
        {values?.leavesBaicheng ? (
          <Form.Item name="destination" label="去向" rules={[{ required: true, message: '离白外出请填写去向' }]}><Input maxLength={200} /></Form.Item>
        ) : null}
        {type === 'personal' && (
          <Form.Item name="capOverrideReason" label="超过全年15天上限时，报主要领导批准的理由（无则不填）"><Input /></Form.Item>
        )}
      </Form>
      {preview && (
        <Card size="small" title="计算结果" style={{ maxWidth: 720, marginBottom: 16 }}>
          <Descriptions size="small" column={3} items={[
            { label: '工作日', children: preview.workingDays },
            { label: '日历天数', children: preview.calendarDays },
            { label: '计假天数', children: `${preview.chargeableDays}（${preview.unit === 'calendar' ? '按日历天' : '按工作日'}）` },
            ...(preview.balance.remainingDays !== null ? [{ label: '本年余额', children: `应休${preview.balance.entitledDays}，已休${preview.balance.usedDays}，审批中${preview.balance.pendingDays}，剩余${preview.balance.remainingDays}` }] : []),
          ]} />
          <Typography.Title level={5}>审批路径</Typography.Title>
          <RouteView route={preview.route} />
          <div style={{ marginTop: 12 }}><Flags flags={preview.warnings} /></div>
          {warnings.length > 0 && (
            <Checkbox.Group style={{ marginTop: 8 }} value={ack} onChange={(v) => setAck(v as string[])}
              options={warnings.map((w) => ({ value: w.ruleId, label: `我已知悉 ${w.ruleId}` }))} />
          )}
        </Card>
      )}
      {error && !preview ? <ErrorAlert error={error} /> : null}
      <Button type="primary" loading={busy} disabled={!preview || preview.blocked || !allAcked} onClick={submit}>提交申请</Button>
    </Card>
  );
}
