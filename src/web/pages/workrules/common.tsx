import { useEffect, useState } from 'react';
import { App, Modal, Form } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { api, ApiError, downloadUrl } from '../../lib/api';

/** Shared by the 工作规则 register tabs: people and units to pick, posting with feedback, a modal form. */
export interface Option { value: string; label: string }
export interface Pickers { people: Option[]; units: Option[] }

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export function usePickers(): Pickers {
  const [p, setP] = useState<Pickers>({ people: [], units: [] });
  useEffect(() => {
    api.get<{ people: { id: string; name: string; unitId: string | null; unitName: string | null }[] }>('/org/people').then((r) => {
      const units = new Map<string, string>();
      for (const x of r.people) if (x.unitId && x.unitName) units.set(x.unitId, x.unitName);
      setP({ people: r.people.map((x) => ({ value: x.id, label: `${x.name}${x.unitName ? `（${x.unitName}）` : ''}` })), units: [...units].map(([value, label]) => ({ value, label })) });
    }, () => undefined);
  }, []);
  return p;
}

/** Run an action; on success show `done` and reload; errors (with the rule cited) go to the page's alert. */
export function useAct(reload: () => void, setError: (e: unknown) => void) {
  const { message, modal } = App.useApp();
  return async function act(fn: (acknowledged: string[]) => Promise<unknown>, done: string, acknowledged: string[] = []): Promise<boolean> {
    setError(null);
    try {
      await fn(acknowledged);
      message.success(done);
      reload();
      return true;
    } catch (e) {
      // A rule warning (WR-18) is shown and, if confirmed, the action is sent again acknowledging it.
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) {
        const ok = await new Promise<boolean>((resolve) => modal.confirm({ title: '请确认以下制度提示', content: e.message, okText: '确认登记', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }));
        return ok ? act(fn, done, [...acknowledged, e.rule.id]) : false;
      }
      setError(e);
      return false;
    }
  };
}

export const ExportLink = ({ path }: { path: string }) => <a href={downloadUrl(`/workrules/${path}.xlsx`)}>导出 XLSX</a>;

/** A modal holding one form; `onOk` gets the validated values and returns true to close. */
export function FormModal({ open, title, form, onClose, onOk, children }: { open: boolean; title: string; form: FormInstance; onClose: () => void; onOk: (v: Record<string, unknown>) => Promise<boolean>; children: ReactNode }) {
  return (
    <Modal open={open} title={title} destroyOnHidden onCancel={onClose} onOk={async () => { if (await onOk(await form.validateFields())) onClose(); }}>
      <Form form={form} layout="vertical" preserve={false}>{children}</Form>
    </Modal>
  );
}
