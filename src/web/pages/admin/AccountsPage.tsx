import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { OneTimePasswordModal } from './OneTimePassword';

interface Account {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  unitName: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: string[];
  adminKind: 'system' | 'security' | 'audit' | null;
}

interface PersonOption {
  id: string;
  name: string;
  unitName: string | null;
  linkedUsername: string | null;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

/** 账号管理 (系统管理员): accounts, one-time passwords, disable/enable, person link. Roles are the 安全管理员's. */
export default function AccountsPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [q, setQ] = useState('');
  const [list, setList] = useState<Account[]>([]);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState<Account | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [a, p] = await Promise.all([
        api.get<{ accounts: Account[] }>(`/accounts?q=${encodeURIComponent(q)}`),
        api.get<{ people: PersonOption[] }>('/accounts/people'),
      ]);
      setList(a.accounts);
      setPeople(p.people);
    } catch (err) {
      toast(err);
    } finally {
      setLoading(false);
    }
  }, [q]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await load();
    } catch (err) {
      toast(err);
    }
  };

  const reset = async (a: Account) => {
    try {
      const r = await api.post<{ oneTimePassword: string }>(`/accounts/${a.id}/reset-password`);
      setOtp({ username: a.username, password: r.oneTimePassword });
      await load();
    } catch (err) {
      toast(err);
    }
  };

  const protectedAdmin = (a: Account) => a.id === me?.accountId || a.adminKind === 'security' || a.adminKind === 'audit';

  return (
    <Card
      title="账号管理"
      extra={
        <Space>
          <Input.Search placeholder="用户名、姓名或科室" allowClear onSearch={setQ} style={{ width: 240 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        系统管理员负责账号的建立、停用与密码重置；角色与权限由安全管理员分配（三员分立）。安全管理员、审计管理员的账号不由系统管理员停用或重置密码。
      </Typography.Paragraph>
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '关联人员', render: (_, a) => (a.personName ? `${a.personName}${a.unitName ? `（${a.unitName}）` : ''}` : <Typography.Text type="secondary">未关联</Typography.Text>) },
          { title: '角色', render: (_, a) => (a.roles.length ? a.roles.map((r) => <Tag key={r}>{r}</Tag>) : <Typography.Text type="secondary">未分配</Typography.Text>) },
          {
            title: '状态',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.status === 'active' ? <Tag color="green">正常</Tag> : <Tag color="default">已停用</Tag>}
                {a.lockedUntil && <Tag color="red">锁定至 {when(a.lockedUntil)}</Tag>}
                {a.mustChangePassword && <Tag color="orange">待改密</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', render: (_, a) => when(a.lastLoginAt) },
          {
            title: '操作',
            render: (_, a) => (
              <Space size={0} wrap>
                {a.status === 'active' ? (
                  <Popconfirm title={`停用账号 ${a.username}？其登录将立即失效。`} onConfirm={() => act(() => api.post(`/accounts/${a.id}/disable`), '账号已停用')} disabled={protectedAdmin(a)}>
                    <Button type="link" disabled={protectedAdmin(a)}>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" onClick={() => act(() => api.post(`/accounts/${a.id}/enable`), '账号已启用')} disabled={protectedAdmin(a)}>
                    启用
                  </Button>
                )}
                <Popconfirm title={`重置 ${a.username} 的密码？将生成一次性密码，原密码和登录立即失效。`} onConfirm={() => reset(a)} disabled={protectedAdmin(a)}>
                  <Button type="link" disabled={protectedAdmin(a)}>
                    重置密码
                  </Button>
                </Popconfirm>
                <Button type="link" onClick={() => setLinking(a)}>
                  关联人员
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CreateAccountModal
        open={creating}
        people={people}
        onClose={() => setCreating(false)}
        onCreated={async (username, password) => {
          setCreating(false);
          setOtp({ username, password });
          await load();
        }}
      />
      <LinkPersonModal account={linking} people={people} onClose={() => setLinking(null)} onDone={() => act(async () => setLinking(null), '已更新关联人员')} />
      <OneTimePasswordModal value={otp} onClose={() => setOtp(null)} />
    </Card>
  );
}

function personOptions(people: PersonOption[], allowLinkedTo?: string) {
  return people.map((p) => ({
    value: p.id,
    label: `${p.name}${p.unitName ? `（${p.unitName}）` : ''}${p.linkedUsername && p.linkedUsername !== allowLinkedTo ? ` — 已关联 ${p.linkedUsername}` : ''}`,
    disabled: Boolean(p.linkedUsername && p.linkedUsername !== allowLinkedTo),
  }));
}

function CreateAccountModal(props: { open: boolean; people: PersonOption[]; onClose(): void; onCreated(username: string, password: string): Promise<void> }) {
  const [form] = Form.useForm<{ username: string; displayName: string; personId?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ account: { username: string }; oneTimePassword: string }>('/accounts', { ...v, personId: v.personId ?? null });
      form.resetFields();
      await props.onCreated(r.account.username, r.oneTimePassword);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title="新建账号" onOk={submit} onCancel={props.onClose} confirmLoading={busy} okText="建立并生成一次性密码" destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="username" label="用户名" extra="姓名拼音，小写；登录时不区分大小写" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z][A-Za-z0-9._-]{2,31}$/, message: '3–32 位字母、数字、点、下划线或连字符，以字母开头' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="personId" label="关联人员" extra="可稍后再关联">
          <Select allowClear showSearch optionFilterProp="label" options={personOptions(props.people)} placeholder="选择本单位人员" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LinkPersonModal(props: { account: Account | null; people: PersonOption[]; onClose(): void; onDone(): Promise<void> }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setPersonId(props.account?.personId ?? null);
    setError(null);
  }, [props.account]);
  const submit = async () => {
    if (!props.account) return;
    try {
      await api.put(`/accounts/${props.account.id}/person`, { personId });
      await props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal open={props.account !== null} title={`关联人员：${props.account?.username ?? ''}`} onOk={submit} onCancel={props.onClose} okText="保存" destroyOnHidden>
      <ErrorAlert error={error} />
      <Select
        style={{ width: '100%' }}
        allowClear
        showSearch
        optionFilterProp="label"
        value={personId ?? undefined}
        onChange={(v) => setPersonId(v ?? null)}
        options={personOptions(props.people, props.account?.username)}
        placeholder="不关联任何人员"
      />
    </Modal>
  );
}
