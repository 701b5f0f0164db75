import { useCallback, useState } from 'react';
import { App, type ButtonProps } from 'antd';
import { api, ApiError } from '../../lib/api';
import type { RuleWarning } from './types';

/**
 * Post an approval action. A rule warning (422 RULE_WARNING) is shown in a dialog and, when
 * confirmed, the action is sent again acknowledging those rules; a 409 (someone acted first,
 * or the request moved on) shows its message and refreshes; other errors are returned for
 * an ErrorAlert, which cites the rule that blocked.
 */
export function useFlowAction(onChanged: () => void) {
  const { modal, message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const confirmWarnings = useCallback(
    (warnings: RuleWarning[]) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '请确认以下制度提示',
          width: 560,
          content: (
            <ul data-testid="rule-warnings" style={{ paddingLeft: 20 }}>
              {warnings.map((w) => (
                <li key={w.ruleId}>
                  {w.message}
                  {w.cite ? `（依据：${w.ruleId} ${w.cite}）` : `（${w.ruleId}）`}
                </li>
              ))}
            </ul>
          ),
          okText: '已知悉，继续办理',
          cancelText: '取消',
          okButtonProps: { 'data-testid': 'rule-warning-confirm' } as ButtonProps,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );

  const send = useCallback(
    async (url: string, body: Record<string, unknown>, acknowledged: string[]): Promise<boolean> => {
      try {
        await api.post(url, acknowledged.length ? { ...body, acknowledged } : body);
        return true;
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'RULE_WARNING') throw e;
        const warnings = (e.details as { warnings?: RuleWarning[] } | undefined)?.warnings ?? [];
        if (!(await confirmWarnings(warnings))) return false;
        return send(url, body, [...acknowledged, ...warnings.map((w) => w.ruleId)]);
      }
    },
    [confirmWarnings],
  );

  /** Resolves true when the action went through (the caller closes its dialog). */
  const run = useCallback(
    async (url: string, body: Record<string, unknown>, done: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const ok = await send(url, body, []);
        if (ok) {
          message.success(done);
          onChanged();
        }
        return ok;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          message.warning(e.message, 6);
          onChanged();
          return true;
        }
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [send, message, onChanged],
  );

  return { run, busy, error, setError };
}
