import { useEffect, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { api } from '../../lib/api';

/** A numbered 公文 whose current print round has no 用印 step yet (GET /documents/for-seal-request). */
export interface SealableDocument { id: string; docNumber: string; title: string; round: number; printedCopies: number | null; plannedCopies: number | null }

/** The 用印文件名称 the seal step recognises: the title with its 发文字号. */
export const documentTitleOf = (d: SealableDocument) => `${d.title}（${d.docNumber}）`.slice(0, 100);

/**
 * The 对应公文 choice of the 用印申请 form: choosing a document fills the reference, the
 * 用印文件名称 and the copies (printed, else planned, when the reader may see them). `preselect`
 * (the ?doc= of a link from the document page) is applied once, when the list has arrived. The
 * list is read with documents.read only, so a user without it simply gets no choice.
 */
export function useDocumentChoice(form: FormInstance, allowed: boolean, shown: boolean, preselect: string | null, onError: (e: unknown) => void) {
  const { message } = App.useApp();
  const [docs, setDocs] = useState<SealableDocument[] | null>(null);
  const applied = useRef(false);
  const wanted = allowed && (shown || !!preselect);

  useEffect(() => {
    if (wanted && docs === null) api.get<{ items: SealableDocument[] }>('/documents/for-seal-request').then((r) => setDocs(r.items), onError);
  }, [wanted, docs, onError]);

  const fill = (d: SealableDocument) => {
    const copies = d.printedCopies ?? d.plannedCopies;
    form.setFieldsValue({ documentRef: d.id, documentTitle: documentTitleOf(d), ...(copies ? { copies } : {}) });
  };

  useEffect(() => {
    if (!preselect || !docs || applied.current) return;
    applied.current = true;
    const d = docs.find((x) => x.id === preselect);
    if (!d) {
      message.warning('链接中的公文不在可选范围内（非本年已编号公文，或本轮已登记用印），请另行选择');
      return;
    }
    form.setFieldsValue({ category: 'gongwen' });
    fill(d);
    // Runs on the list's arrival only; form and message are stable for the page's life.
  }, [preselect, docs]);

  return {
    enabled: docs !== null,
    options: (docs ?? []).map((d) => ({ value: d.id, label: `${d.docNumber} ${d.title}` })),
    choose: (id: string | undefined) => {
      const d = docs?.find((x) => x.id === id);
      if (d) fill(d);
    },
  };
}
