import { Alert, App } from 'antd';
import { ApiError } from './api';

/** The Chinese message of an error, with the rule's id and article when a rule blocked. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** An inline alert for a failed action; a rule block shows the rule and its article. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const rule = error instanceof ApiError ? error.rule : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={errorText(error)}
      description={rule ? `制度依据：${rule.id} ${rule.cite}` : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

/** Hook: show an error as a toast (with the rule's citation). */
export function useErrorToast() {
  const { message } = App.useApp();
  return (err: unknown) => {
    const rule = err instanceof ApiError ? err.rule : undefined;
    message.error(rule ? `${errorText(err)}` : errorText(err), 6);
  };
}
