import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../lib/api';
import { HAZARD, list, options, RELIEF, SECTORS, SOCIAL_ITEMS, STABLE_SUBSIDIES, SUBSIDY_STATE, SUPPORT_STEP, TYPE_LABEL } from './common';

export interface Member { id: string; name: string; birthDate: string; relation: string }
export interface Incident { id: string; eventType: string; eventDate: string; status: string; householdId: string }

/**
 * 登记帮扶措施: the type decides the extra fields the rule asks for (社会保障项目, 行业部门与问题,
 * 十一项稳定补贴, 赡养事项, 救助方式). The server checks them again and cites the rule.
 */
export function MeasureForm(props: { householdId: string | null; members: Member[]; incidents: Incident[]; initialType?: string; onClose: () => void; onSaved: () => void; onError: (e: unknown) => void }) {
  const [form] = Form.useForm();
  const type = Form.useWatch('type', form) as string | undefined;
  const step = Form.useWatch('step', form) as string | undefined;
  const reliefKind = Form.useWatch('reliefKind', form) as string | undefined;
  const save = async () => {
    const v = await form.validateFields();
    const detail: Record<string, unknown> = {};
    if (type === 'SOCIAL_SECURITY') detail.item = v.item;
    if (type === 'SECTOR_POLICY_FOR_GUARANTEES') Object.assign(detail, { sector: v.sector, hazard: v.hazard });
    if (type === 'STABLE_SUBSIDY_CHECK') Object.assign(detail, { checkKind: v.checkKind, items: Object.fromEntries(STABLE_SUBSIDIES.map((s, i) => [s, v.items[i]])) });
    if (type === 'SUPPORT_OBLIGATION') Object.assign(detail, { step: v.step, supporterName: v.supporterName, supporterRelation: v.supporterRelation, supportedPersonId: v.supportedPersonId, villageCommittee: v.villageCommittee, signedOn: v.signedOn?.format('YYYY-MM-DD') });
    if (type === 'MAJOR_DISASTER_RELIEF') Object.assign(detail, { incidentId: v.incidentId, reliefKind: v.reliefKind, decisionRef: v.decisionRef });
    const body = { householdId: props.householdId, type, description: v.description, responsibleBody: v.responsibleBody, startDate: v.startDate.format('YYYY-MM-DD'), amountFen: v.amount === undefined || v.amount === null ? null : Math.round(v.amount * 100), detail: Object.keys(detail).length ? JSON.parse(JSON.stringify(detail)) : undefined };
    await api.post('/poverty/measures', body).then(props.onSaved, props.onError);
  };
  const open = props.householdId !== null;
  return (
    <Modal open={open} width={640} title="登记帮扶措施" onCancel={props.onClose} onOk={() => void save()} okButtonProps={{ 'data-testid': 'measure-save' } as ButtonProps} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ type: props.initialType, startDate: dayjs(), checkKind: 'periodic', items: STABLE_SUBSIDIES.map(() => 'not_applicable') }}>
        <Form.Item name="type" label="措施类型（四（三）1–7）" rules={[{ required: true, message: '请选择措施类型' }]}>
          <Select options={options(TYPE_LABEL)} data-testid="measure-type" />
        </Form.Item>
        {type === 'SOCIAL_SECURITY' && <Form.Item name="item" label="社会保障项目（MON-19）" rules={[{ required: true, message: '请选择' }]}><Select options={list(SOCIAL_ITEMS)} data-testid="measure-item" /></Form.Item>}
        {type === 'SECTOR_POLICY_FOR_GUARANTEES' && (
          <Space>
            <Form.Item name="sector" label="行业部门" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 160 }} options={list(SECTORS)} /></Form.Item>
            <Form.Item name="hazard" label="解决的问题" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 160 }} options={options(HAZARD)} /></Form.Item>
          </Space>
        )}
        {type === 'STABLE_SUBSIDY_CHECK' && (
          <>
            <Form.Item name="checkKind" label="摸排方式（MON-20）"><Radio.Group options={[{ value: 'periodic', label: '定期' }, { value: 'adhoc', label: '不定期' }]} /></Form.Item>
            {STABLE_SUBSIDIES.map((s, i) => (
              <Form.Item key={s} name={['items', i]} label={s} style={{ marginBottom: 4 }}><Radio.Group options={options(SUBSIDY_STATE)} /></Form.Item>
            ))}
          </>
        )}
        {type === 'SUPPORT_OBLIGATION' && (
          <>
            <Form.Item name="step" label="赡养事项（MON-21）" rules={[{ required: true, message: '请选择' }]}><Select options={options(SUPPORT_STEP)} /></Form.Item>
            <Space>
              <Form.Item name="supporterName" label="法定赡养人" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input /></Form.Item>
              <Form.Item name="supporterRelation" label="与老人关系"><Input style={{ width: 100 }} /></Form.Item>
              <Form.Item name="supportedPersonId" label="被赡养老人" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 180 }} options={props.members.map((m) => ({ value: m.id, label: `${m.name}（${m.birthDate.slice(0, 4)}年生）` }))} /></Form.Item>
            </Space>
            {step === 'agreement' && (
              <Space>
                <Form.Item name="villageCommittee" label="监督的村委会" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input /></Form.Item>
                <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择' }]}><DatePicker /></Form.Item>
              </Space>
            )}
          </>
        )}
        {type === 'MAJOR_DISASTER_RELIEF' && (
          <>
            <Form.Item name="incidentId" label="重大灾害或变故（MON-22）" rules={[{ required: true, message: '请选择' }]}><Select options={props.incidents.filter((i) => i.status === 'open').map((i) => ({ value: i.id, label: `${i.eventDate} ${i.eventType}` }))} /></Form.Item>
            <Form.Item name="reliefKind" label="救助方式" rules={[{ required: true, message: '请选择' }]}><Select options={options(RELIEF)} /></Form.Item>
            {reliefKind === 'one_case' && <Form.Item name="decisionRef" label="县级政府“一事一议”文件" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input /></Form.Item>}
          </>
        )}
        <Form.Item name="description" label={step === 'agreement' ? '赡养义务内容（打印在协议上）' : '措施内容'} rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} data-testid="measure-description" /></Form.Item>
        <Space>
          <Form.Item name="responsibleBody" label="责任单位" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input data-testid="measure-body" /></Form.Item>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="amount" label="金额（元）"><InputNumber min={0} precision={2} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
