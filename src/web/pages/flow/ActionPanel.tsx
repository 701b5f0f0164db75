import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { PersonPicker } from './PersonPicker';
import { useFlowAction } from './useFlowAction';
import type { FlowStep, FlowTask, InstanceDetail } from './types';

type Dialog = 'approve' | 'reject' | 'return' | 'delegate' | 'add-signer' | 'record-external' | 'comment' | 'withdraw' | 'remind';

const TITLE: Record<Dialog, string> = {
  approve: '签署意见',
  reject: '不同意',
  return: '退回',
  delegate: '转办',
  'add-signer': '加签',
  'record-external': '登记外部审批',
  comment: '发表意见',
  withdraw: '撤回',
  remind: '催办',
};

const DONE: Record<Dialog, string> = {
  approve: '已签署',
  reject: '已签署不同意意见',
  return: '已退回',
  delegate: '已转办',
  'add-signer': '已加签',
  'record-external': '已登记',
  comment: '意见已发表',
  withdraw: '已撤回',
  remind: '已催办',
};

const TASK_DIALOGS: Dialog[] = ['approve', 'reject', 'return', 'delegate', 'add-signer', 'record-external'];

interface Values {
  comment?: string;
  toStep?: number | 'applicant';
  personId?: string;
  approver?: string;
  decision?: 'approve' | 'reject';
  documentRef?: string;
  decidedOn?: Dayjs;
}

function myTask(d: InstanceDetail): { task: FlowTask; step: FlowStep } | null {
  for (const step of d.steps) for (const task of step.tasks) if (task.id === d.can.act) return { task, step };
  return null;
}

function bodyOf(dialog: Dialog, v: Values): Record<string, unknown> {
  const comment = v.comment?.trim() || undefined;
  if (dialog === 'return') return { comment, toStep: v.toStep };
  if (dialog === 'delegate' || dialog === 'add-signer') return { comment, personId: v.personId };
  if (dialog === 'record-external') {
    return { comment, external: { approver: v.approver, decision: v.decision, documentRef: v.documentRef, decidedOn: v.decidedOn?.format('YYYY-MM-DD') } };
  }
  return { comment };
}

/** The buttons the server says this person may use now (detail.can), each with its dialog. */
export function ActionPanel({ detail, onChanged }: { detail: InstanceDetail; onChanged: () => void }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, busy, error, setError } = useFlowAction(onChanged);
  const mine = myTask(detail);
  const running = detail.status === 'running';

  const open = (d: Dialog) => {
    setError(null);
    form.resetFields();
    setDialog(d);
  };
  const url = (d: Dialog | 'read') => (TASK_DIALOGS.includes(d as Dialog) || d === 'read' ? `/flow/tasks/${detail.can.act}/${d}` : `/flow/instances/${detail.id}/${d}`);
  const submit = async () => {
    if (!dialog) return;
    const values = await form.validateFields();
    if (await run(url(dialog), bodyOf(dialog, values), DONE[dialog])) setDialog(null);
  };
  const markRead = () => void run(url('read'), {}, '已阅');

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!dialog && <ErrorAlert error={error} />}
      {detail.can.resubmit && <Alert type="warning" showIcon title="您的申请已被退回，请按退回意见修改后重新提交。" />}
      <Space wrap>
        {mine?.task.kind === 'approve' && (
          <>
            <Button type="primary" data-testid="flow-approve" onClick={() => open('approve')}>
              {mine.step.verbLabel}
            </Button>
            <Button danger data-testid="flow-reject" onClick={() => open('reject')}>
              不同意
            </Button>
            <Button data-testid="flow-return" onClick={() => open('return')}>
              退回
            </Button>
            <Button data-testid="flow-delegate" onClick={() => open('delegate')}>
              转办
            </Button>
            <Button data-testid="flow-add-signer" onClick={() => open('add-signer')}>
              加签
            </Button>
          </>
        )}
        {mine?.task.kind === 'notify' && (
          <Button type="primary" data-testid="flow-read" loading={busy} onClick={markRead}>
            已阅
          </Button>
        )}
        {mine?.task.kind === 'external' && (
          <Button type="primary" data-testid="flow-record-external" onClick={() => open('record-external')}>
            登记外部审批
          </Button>
        )}
        {detail.can.withdraw && (
          <Button data-testid="flow-withdraw" onClick={() => open('withdraw')}>
            撤回
          </Button>
        )}
        {detail.can.remind && running && (
          <Button data-testid="flow-remind" onClick={() => open('remind')}>
            催办
          </Button>
        )}
        <Button data-testid="flow-comment" onClick={() => open('comment')}>
          发表意见
        </Button>
        {detail.can.print !== false && (
          <Button data-testid="flow-print" href={downloadUrl(`/flow/instances/${detail.id}/form.pdf`)} target="_blank" rel="noopener">
            打印审批表
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? TITLE[dialog] : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'flow-dialog-ok' } as ButtonProps}
      >
        <ErrorAlert error={error} />
        {dialog && <DialogFields dialog={dialog} form={form} detail={detail} mine={mine} />}
      </Modal>
    </Space>
  );
}

function DialogFields({ dialog, form, detail, mine }: { dialog: Dialog; form: ReturnType<typeof Form.useForm<Values>>[0]; detail: InstanceDetail; mine: { task: FlowTask; step: FlowStep } | null }) {
  const needReason = dialog === 'reject' || dialog === 'return' || dialog === 'comment';
  const commentLabel = dialog === 'reject' || dialog === 'return' ? '理由' : dialog === 'approve' || dialog === 'comment' ? '意见' : '说明';
  const placeholder = dialog === 'approve' ? `可不填，审批表上写“${mine?.step.verbLabel ?? '同意'}”` : needReason ? '必填' : '可不填';
  const earlier = detail.steps.filter((s) => mine && s.index < mine.step.index && s.kind !== 'notify');
  const involved = [detail.applicant.personId, ...(mine ? mine.step.tasks.filter((t) => t.status === 'pending').map((t) => t.assigneePersonId) : [])];
  return (
    <Form form={form} layout="vertical" initialValues={{ decision: 'approve' }}>
      {dialog === 'return' && (
        <Form.Item name="toStep" label="退回到" rules={[{ required: true, message: '请选择退回到哪一步' }]}>
          <Select data-testid="flow-return-to" options={[{ value: 'applicant', label: `申请人（${detail.applicant.name}）修改` }, ...earlier.map((s) => ({ value: s.index, label: s.name }))]} />
        </Form.Item>
      )}
      {(dialog === 'delegate' || dialog === 'add-signer') && (
        <Form.Item name="personId" label={dialog === 'delegate' ? '转办给' : '加签人'} rules={[{ required: true, message: '请选择人员' }]}>
          <PersonPicker exclude={involved} testId="flow-person" />
        </Form.Item>
      )}
      {dialog === 'record-external' && <ExternalFields />}
      {dialog === 'withdraw' && <Alert type="info" showIcon title="撤回后，已发出的待办将收回。" style={{ marginBottom: 12 }} />}
      <Form.Item name="comment" label={commentLabel} rules={needReason ? [{ required: true, whitespace: true, message: `请填写${commentLabel}` }] : []}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={placeholder} data-testid="flow-comment-input" />
      </Form.Item>
    </Form>
  );
}

function ExternalFields() {
  return (
    <>
      <Form.Item name="approver" label="外部审批人" rules={[{ required: true, whitespace: true, message: '请填写外部审批人' }]}>
        <Input placeholder="如：市政府分管副市长 王某某" maxLength={100} data-testid="flow-external-approver" />
      </Form.Item>
      <Form.Item name="decision" label="审批结果" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'approve', label: '同意' }, { value: 'reject', label: '不同意' }]} />
      </Form.Item>
      <Form.Item name="documentRef" label="审批文件或记录编号" rules={[{ required: true, whitespace: true, message: '请填写审批文件或记录编号' }]}>
        <Input placeholder="如：批示件编号、电话记录编号" maxLength={200} data-testid="flow-external-doc" />
      </Form.Item>
      <Form.Item name="decidedOn" label="审批日期" rules={[{ required: true, message: '请选择审批日期' }]}>
        <DatePicker style={{ width: '100%' }} data-testid="flow-external-date" />
      </Form.Item>
    </>
  );
}
