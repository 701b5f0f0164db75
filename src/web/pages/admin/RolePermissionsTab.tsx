import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Empty, Form, Input, Modal, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { ADMIN_LABEL, SCOPE_LABEL, type PermissionGroup, type Role } from './roles-api';

export function RolePermissionsTab() {
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [roles, setRoles] = useState<Role[]>([]);
  const [groups, setGroups] = useState<PermissionGroup[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<string[]>([]);
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const [r, g] = await Promise.all([api.get<{ roles: Role[] }>('/access/roles'), api.get<{ groups: PermissionGroup[] }>('/access/permissions')]);
      setRoles(r.roles);
      setGroups(g.groups);
    } catch (err) {
      toast(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const role = roles.find((r) => r.id === selected) ?? null;
  useEffect(() => setDraft(role?.permissions ?? []), [role]);
  const known = useMemo(() => new Set(groups.flatMap((g) => g.permissions.map((p) => p.code))), [groups]);
  const uncatalogued = (role?.permissions ?? []).filter((p) => !known.has(p));
  const locked = role?.adminKind !== 'none';

  const save = async () => {
    if (!role) return;
    setSaving(true);
    try {
      const r = await api.put<{ added: string[]; removed: string[] }>(`/access/roles/${role.id}/permissions`, { permissions: draft });
      message.success(`已保存：新增 ${r.added.length} 项，撤销 ${r.removed.length} 项`);
      await load();
    } catch (err) {
      toast(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (r: Role) => {
    try {
      await api.del(`/access/roles/${r.id}`);
      message.success('角色已删除');
      setSelected(null);
      await load();
    } catch (err) {
      toast(err);
    }
  };

  return (
    <Row gutter={24}>
      <Col xs={24} lg={10}>
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建角色
          </Button>
        </Space>
        <Table<Role>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={roles}
          onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '角色', render: (_, r) => <span>{r.name}<Typography.Text type="secondary"> {r.code}</Typography.Text></span> },
            { title: '类别', render: (_, r) => <Tag color={r.adminKind === 'none' ? 'blue' : 'red'}>{ADMIN_LABEL[r.adminKind]}</Tag> },
            { title: '数据范围', render: (_, r) => SCOPE_LABEL[r.scope] },
            { title: '持有', dataIndex: 'holders', width: 60 },
          ]}
        />
      </Col>
      <Col xs={24} lg={14}>
        {!role ? (
          <Empty description="选择左侧的角色以查看或设置其权限" />
        ) : (
          <>
            <Space style={{ marginBottom: 8 }} wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {role.name}
              </Typography.Title>
              {!locked && (
                <Button size="small" onClick={() => setEditing(role)}>
                  修改名称与范围
                </Button>
              )}
              {!role.builtin && (
                <Popconfirm title={`删除角色“${role.name}”？`} onConfirm={() => remove(role)}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Space>
            <Typography.Paragraph type="secondary">{role.description}</Typography.Paragraph>
            {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="三员管理员角色的权限由系统固定，不能增减，以保证三者互不重叠。" />}
            {groups.map((g) => (
              <div key={g.module} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{g.label}</Typography.Text>
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
                  disabled={locked}
                  value={draft.filter((p) => g.permissions.some((x) => x.code === p))}
                  onChange={(vals) => setDraft([...draft.filter((p) => !g.permissions.some((x) => x.code === p)), ...(vals as string[])])}
                  options={g.permissions.map((p) => ({
                    value: p.code,
                    label: `${p.label}（${p.code}）${p.adminOnly && !locked ? ' · 管理员专有' : ''}`,
                    // 三员分立: an administrator's permission is never granted to a business role (the server refuses too).
                    disabled: locked || (p.adminOnly && !draft.includes(p.code)),
                  }))}
                />
              </div>
            ))}
            {uncatalogued.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`另有未登记的权限：${uncatalogued.join('、')}`} />}
            {!locked && (
              <Button type="primary" loading={saving} onClick={save}>
                保存权限
              </Button>
            )}
          </>
        )}
      </Col>
      <RoleModal value={editing} onClose={() => setEditing(null)} onSaved={async () => { setEditing(null); message.success('已保存'); await load(); }} />
    </Row>
  );
}

function RoleModal(props: { value: Role | 'new' | null; onClose(): void; onSaved(): Promise<void> }) {
  const [form] = Form.useForm<{ code: string; name: string; description: string; scope: Role['scope'] }>();
  const [error, setError] = useState<unknown>(null);
  const isNew = props.value === 'new';
  useEffect(() => {
    setError(null);
    if (props.value === 'new') form.setFieldsValue({ code: '', name: '', description: '', scope: 'self' });
    else if (props.value) form.setFieldsValue(props.value);
  }, [props.value, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (isNew) await api.post('/access/roles', v);
      else if (props.value && props.value !== 'new') await api.put(`/access/roles/${props.value.id}`, { name: v.name, description: v.description, scope: v.scope });
      await props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal open={props.value !== null} title={isNew ? '新建角色' : '修改角色'} onOk={submit} onCancel={props.onClose} okText="保存" forceRender>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="code" label="角色代码" rules={[{ required: true, message: '请填写角色代码' }, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母开头，可含数字和下划线' }]}>
          <Input disabled={!isNew} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="scope" label="数据范围">
          <Radio.Group options={(['self', 'unit', 'all'] as const).map((s) => ({ value: s, label: SCOPE_LABEL[s] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
