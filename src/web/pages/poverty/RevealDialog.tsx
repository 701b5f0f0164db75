import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

/** 查看完整证件号码: a separate permission; the reason is required and the view is audited. */
export function RevealDialog({ personId, name, onClose }: { personId: string | null; name: string; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setShown(null);
    setError(null);
    onClose();
  };
  const reveal = () =>
    api.post<{ idNumber: string }>(`/poverty/persons/${personId}/reveal`, { reason }).then((r) => setShown(r.idNumber), setError);
  return (
    <Modal open={personId !== null} title={`查看完整证件号码：${name}`} onCancel={close} onOk={shown ? close : reveal} okText={shown ? '关闭' : '查看'} okButtonProps={{ disabled: !shown && reason.trim().length < 2, 'data-testid': 'reveal-ok' } as never} destroyOnHidden>
      <Alert type="info" showIcon title="个人信息保护" description="查看完整证件号码将记录查看人、时间和理由，供审计管理员查询。" style={{ marginBottom: 12 }} />
      <ErrorAlert error={error} />
      {shown ? (
        <Typography.Title level={4} copyable data-testid="revealed-id">{shown}</Typography.Title>
      ) : (
        <Input.TextArea data-testid="reveal-reason" rows={3} maxLength={500} placeholder="请填写查看理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
      )}
    </Modal>
  );
}
