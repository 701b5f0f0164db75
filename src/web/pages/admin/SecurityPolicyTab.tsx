import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Form, InputNumber, Radio, Row, Spin } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

interface Policies {
  password: {
    mode: 'dengbao' | 'asvs';
    minLength: number;
    minClasses: number;
    maxAgeDays: number;
    historyCount: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
  };
  session: { idleMinutes: number; absoluteHours: number };
}

const num = (name: (string | number)[], label: string, min: number, max: number, unit: string, extra?: string) => (
  <Col xs={24} md={12}>
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: '100%' }} />
    </Form.Item>
  </Col>
);

/** 口令、锁定与会话策略 (security.md §6): 等保 mode by default; every change is audited. */
export function SecurityPolicyTab() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Policies>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch(['password', 'mode'], form);

  useEffect(() => {
    api.get<Policies>('/security/policy').then(
      (p) => {
        form.setFieldsValue(p);
        setLoaded(true);
      },
      setError,
    );
  }, [form]);

  const save = async (v: Policies) => {
    setBusy(true);
    setError(null);
    try {
      await api.put('/security/policy', v);
      message.success('策略已保存，并记入审计日志');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!loaded && !error) return <Spin />;
  return (
    <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
      <ErrorAlert error={error} />
      <Form.Item name={['password', 'mode']} label="口令策略模式">
        <Radio.Group
          options={[
            { value: 'dengbao', label: '等保模式（复杂度要求并定期更换，默认）' },
            { value: 'asvs', label: 'ASVS 模式（不设字符类别和定期更换）' },
          ]}
        />
      </Form.Item>
      {mode === 'asvs' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="ASVS 模式不满足 GB/T 22239-2019 8.1.4.1 a “复杂度要求并定期更换”，等级保护测评前请改回等保模式。" />
      )}
      <Row gutter={16}>
        {num(['password', 'minLength'], '最小长度', 8, 64, '位')}
        {num(['password', 'minClasses'], '字符类别', 1, 4, '类', '大写、小写、数字、特殊字符中至少几类（等保模式）')}
        {num(['password', 'maxAgeDays'], '最长使用期限', 0, 365, '天', '0 表示不强制更换（等保模式）')}
        {num(['password', 'historyCount'], '不得重复使用最近', 0, 24, '次')}
      </Row>
      <Divider>登录失败处理</Divider>
      <Row gutter={16}>
        {num(['password', 'lockoutThreshold'], '连续失败次数', 3, 20, '次')}
        {num(['password', 'lockoutMinutes'], '锁定时长', 1, 1440, '分钟')}
      </Row>
      <Divider>会话</Divider>
      <Row gutter={16}>
        {num(['session', 'idleMinutes'], '无操作自动退出', 5, 240, '分钟')}
        {num(['session', 'absoluteHours'], '登录最长有效', 1, 24, '小时')}
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        保存策略
      </Button>
    </Form>
  );
}
