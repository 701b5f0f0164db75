import { Alert, Modal, Typography } from 'antd';

/** Shows a one-time password once; it is not stored anywhere the page can read it again. */
export function OneTimePasswordModal({ value, onClose }: { value: { username: string; password: string } | null; onClose(): void }) {
  return (
    <Modal open={value !== null} title="一次性密码" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下" destroyOnHidden>
      {value && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="此密码只显示这一次，请当面或通过安全渠道交给本人。对方首次登录时须修改密码。" />
          <p>
            账号：<Typography.Text strong>{value.username}</Typography.Text>
          </p>
          <p>
            一次性密码：
            <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 18 }}>
              {value.password}
            </Typography.Text>
          </p>
        </>
      )}
    </Modal>
  );
}
