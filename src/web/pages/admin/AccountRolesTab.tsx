import { useCallback, useEffect, useState } from 'react';
import { App, Button, Checkbox, Divider, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import type { Role } from './roles-api';

interface AccountRoles {
  id: string;
  username: string;
  displayName: string;
  unitName: string | null;
  status: string;
  lockedUntil: string | null;
  roles: string[];
}

export function AccountRolesTab() {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [q, setQ] = useState('');
  const [list, setList] = useState<AccountRoles[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<AccountRoles | null>(null);

  const load = useCallback(async () => {
    try {
      const [a, r] = await Promise.all([
        api.get<{ accounts: AccountRoles[] }>(`/access/accounts?q=${encodeURIComponent(q)}`),
        api.get<{ roles: Role[] }>('/access/roles'),
      ]);
      setList(a.accounts);
      setRoles(r.roles);
    } catch (err) {
      toast(err);
    }
  }, [q]);
  useEffect(() => {
    void load();
  }, [load]);

  const name = (code: string) => roles.find((r) => r.code === code)?.name ?? code;
  const unlock = async (a: AccountRoles) => {
    try {
      await api.post(`/accounts/${a.id}/unlock`);
      message.success(`已解除 ${a.username} 的登录锁定`);
      await load();
    } catch (err) {
      toast(err);
    }
  };

  return (
    <>
      <Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 240, marginBottom: 12 }} />
      <Table<AccountRoles>
        rowKey="id"
        size="middle"
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '科室', render: (_, a) => a.unitName ?? '—' },
          { title: '角色', render: (_, a) => (a.roles.length ? a.roles.map((r) => <Tag key={r}>{name(r)}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>) },
          {
            title: '状态',
            render: (_, a) => (
              <Space size={4}>
                {a.status === 'active' ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>}
                {a.lockedUntil && <Tag color="red">已锁定</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, a) => (
              <Space size={0}>
                <Button type="link" disabled={a.id === me?.accountId} onClick={() => setEditing(a)}>
                  分配角色
                </Button>
                {a.lockedUntil && can('account.unlock') && (
                  <Popconfirm title={`解除 ${a.username} 的登录锁定？`} onConfirm={() => unlock(a)}>
                    <Button type="link">解锁</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AssignRolesModal account={editing} roles={roles} onClose={() => setEditing(null)} onSaved={async () => { setEditing(null); message.success('角色已更新'); await load(); }} />
    </>
  );
}

function AssignRolesModal(props: { account: AccountRoles | null; roles: Role[]; onClose(): void; onSaved(): Promise<void> }) {
  const [value, setValue] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setValue(props.account?.roles ?? []);
    setError(null);
  }, [props.account]);
  const business = props.roles.filter((r) => r.adminKind === 'none');
  const admin = props.roles.filter((r) => r.adminKind !== 'none');
  const submit = async () => {
    if (!props.account) return;
    try {
      await api.put(`/access/accounts/${props.account.id}/roles`, { roles: value });
      await props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const pick = (group: Role[]) => ({
    value: value.filter((v) => group.some((r) => r.code === v)),
    onChange: (vals: string[]) => setValue([...value.filter((v) => !group.some((r) => r.code === v)), ...vals]),
    options: group.map((r) => ({ value: r.code, label: r.name })),
  });
  return (
    <Modal open={props.account !== null} title={`分配角色：${props.account?.displayName ?? ''}（${props.account?.username ?? ''}）`} onOk={submit} onCancel={props.onClose} okText="保存" destroyOnHidden>
      <ErrorAlert error={error} />
      <Typography.Text strong>业务角色</Typography.Text>
      <div style={{ margin: '8px 0' }}>
        <Checkbox.Group {...pick(business)} />
      </div>
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>三员管理员（只能担任其中一个，且不得兼任业务角色）</Typography.Text>
      <div style={{ margin: '8px 0' }}>
        <Checkbox.Group {...pick(admin)} />
      </div>
    </Modal>
  );
}
