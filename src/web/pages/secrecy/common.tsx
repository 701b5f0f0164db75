import { useEffect, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../../lib/api';

/** Shared by the secrecy pages: the people/unit pickers and posting with rule warnings confirmed. */
export interface Pickers { people: { id: string; name: string; unitId: string | null }[]; units: { id: string; name: string; kind: string }[]; officers: string[]; itAdmins: string[] }
export const LEVEL_OPTIONS = [{ value: 'secret', label: '秘密' }, { value: 'confidential', label: '机密' }, { value: 'top_secret', label: '绝密' }];

export function usePickers(): Pickers {
  const [p, setP] = useState<Pickers>({ people: [], units: [], officers: [], itAdmins: [] });
  useEffect(() => { api.get<Pickers>('/secrecy/people').then(setP, () => undefined); }, []);
  return p;
}

/** POST { form, acknowledged }: a 422 RULE_WARNING is shown and, when confirmed, sent again acknowledging it. */
export function usePostAck() {
  const { modal } = App.useApp();
  return async function postAck<T>(url: string, form: Record<string, unknown>, acknowledged: string[] = []): Promise<T | null> {
    try {
      return await api.post<T>(url, { form, acknowledged });
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'RULE_WARNING') throw e;
      const ok = await new Promise<boolean>((resolve) => modal.confirm({ title: '请确认以下制度提示', content: e.message, okText: '已知悉，继续办理', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }));
      if (!ok) return null;
      return postAck<T>(url, form, [...acknowledged, e.rule?.id ?? '']);
    }
  };
}
