/** Chinese names for the engine's codes: actions in the trail, instance and task states. */
export const ACTION_LABEL: Record<string, string> = {
  submit: '提交',
  resubmit: '重新提交',
  approve: '同意',
  reject: '不同意',
  return: '退回',
  withdraw: '撤回',
  delegate: '转办',
  add_signer: '加签',
  comment: '意见',
  remind: '催办',
  read: '已阅',
  record_external: '登记外部审批',
  merge: '合并',
  complete: '办结',
  timer: '到期提醒',
};

export const INSTANCE_STATUS: Record<string, { label: string; color: string }> = {
  running: { label: '审批中', color: 'processing' },
  approved: { label: '已通过', color: 'success' },
  rejected: { label: '未通过', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
  returned: { label: '退回修改', color: 'warning' },
};

export const TASK_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待办', color: 'processing' },
  approved: { label: '已同意', color: 'success' },
  rejected: { label: '不同意', color: 'error' },
  returned: { label: '已退回', color: 'warning' },
  cancelled: { label: '已取消', color: 'default' },
  delegated: { label: '已转办', color: 'default' },
  read: { label: '已阅', color: 'success' },
  recorded: { label: '已登记', color: 'success' },
  withdrawn: { label: '已撤回', color: 'default' },
};

export const ORIGIN_LABEL: Record<string, string> = { delegated: '转办', added: '加签', acting: '代理', withdrawn: '撤回后重办' };

export const COMPLETE_OUTCOME: Record<string, string> = { approved: '审批通过', rejected: '未通过', withdrawn: '已撤回' };

/** An approve action reads as the step's verb (同意, 批准, 审核 …) rather than always 同意. */
export function actionLabel(action: string, detail: Record<string, unknown> | null, verbLabels: Record<string, string>): string {
  if (action === 'approve' && typeof detail?.verb === 'string') return verbLabels[detail.verb] ?? ACTION_LABEL.approve;
  return ACTION_LABEL[action] ?? action;
}

/** 2026-11-02 14:05 in the office's zone, whatever the browser's zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Today as YYYY-MM-DD in Asia/Shanghai, for overdue marks. */
export function officeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
