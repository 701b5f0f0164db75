import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';

interface PolicyInfo {
  mode: 'dengbao' | 'asvs';
  minLength: number;
  rules: string[];
}

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: also the only page an account with a one-time or expired password can reach. */
export default function ChangePasswordPage() {
  const { me, refresh } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [policy, setPolicy] = useState<PolicyInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    api.get<PolicyInfo>('/auth/password-policy').then(setPolicy, setError);
  }, []);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      await refresh();
      navigate('/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {me?.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="您正在使用初始密码、重置后的密码或已到期的密码，须先修改密码才能继续使用系统。" />
      )}
      {policy && (
        <div data-testid="password-policy" style={{ marginBottom: 16 }}>
          <Typography.Text strong>口令要求（{policy.mode === 'dengbao' ? '等保模式' : 'ASVS 模式'}）</Typography.Text>
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {policy.rules.map((r) => (
              <li key={r}>
                <Typography.Text type="secondary">{r}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: policy?.minLength ?? 8, message: `长度至少 ${policy?.minLength ?? 8} 位` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
