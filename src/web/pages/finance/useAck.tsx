import { App } from 'antd';
import { ApiError } from '../../lib/api';

interface Warn { ruleId: string; message: string }

/**
 * Run a command; on RULE_WARNING (e.g. RECEP-14 a room that is not a standard room) show the
 * warnings with their rules and run it again, acknowledged, once the user agrees.
 */
export function useAck() {
  const { modal } = App.useApp();
  return async function run<T>(call: (acknowledged: string[]) => Promise<T>): Promise<T | undefined> {
    try {
      return await call([]);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'RULE_WARNING') throw e;
      const warnings = (e.details as { warnings?: Warn[] } | undefined)?.warnings ?? [];
      const ok = await modal.confirm({
        title: '请确认以下提示后继续',
        content: <div>{warnings.map((w, i) => <p key={i}>{w.message}（{w.ruleId}）</p>)}</div>,
        okText: '已知悉，继续',
        cancelText: '取消',
      });
      return ok ? call([...new Set(warnings.map((w) => w.ruleId))]) : undefined;
    }
  };
}
