import { useState } from 'react';

/** Run an API call, keep its error for ErrorAlert (with the rule's citation), reload after success. */
export function useAct(reload: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
      setError(null);
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, act, setError };
}
