import { Card, Tabs, Typography } from 'antd';
import { useAuth } from '../../shell/auth';
import { RolePermissionsTab } from './RolePermissionsTab';
import { AccountRolesTab } from './AccountRolesTab';
import { SecurityPolicyTab } from './SecurityPolicyTab';

/** 角色与权限 (安全管理员, security.md §3.2): roles, their permissions, who holds them, and the password policy. */
export default function RolesPage() {
  const { can } = useAuth();
  const items = [
    { key: 'roles', label: '角色与权限', children: <RolePermissionsTab /> },
    { key: 'accounts', label: '账号授权', children: <AccountRolesTab /> },
  ];
  if (can('security.policy')) items.push({ key: 'policy', label: '口令与会话策略', children: <SecurityPolicyTab /> });
  return (
    <Card title="角色与权限">
      <Typography.Paragraph type="secondary">
        按等级保护三级要求实行三员分立：系统管理员、安全管理员、审计管理员的权限互不重叠，一个账号只能担任其中一个，且不得兼任业务角色。每一次授权变更都记入审计日志。
      </Typography.Paragraph>
      <Tabs items={items} />
    </Card>
  );
}
