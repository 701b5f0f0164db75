import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, Badge, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from './auth';
import { groups, pages } from '../nav';
import { menuCounts } from './menuCounts';

const { Header, Sider, Content } = Layout;

export function AppLayout({ children }: { children: ReactNode }) {
  const { me, logout, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    void menuCounts().then(setCounts);
  }, [location.pathname]);
  const visible = pages.filter((p) => !p.hidden && (!p.permission || can(p.permission)));
  const items = groups
    .map((g) => ({
      type: 'group' as const,
      key: g,
      label: g,
      children: visible
        .filter((p) => p.group === g)
        .map((p) => ({
          key: p.path,
          icon: p.icon,
          label: counts[p.path] ? (
            <Space>
              {p.label}
              <Badge count={counts[p.path]} size="small" />
            </Space>
          ) : (
            p.label
          ),
        })),
    }))
    .filter((g) => g.children.length > 0);
  const selected = visible
    .map((p) => p.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', background: '#b71c1c', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          规程 · 白城市扶贫开发办公室
        </Typography.Title>
        <Dropdown
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/account/password') },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout().then(() => navigate('/')) },
            ],
          }}
        >
          <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="user-menu">
            <UserOutlined />
            {me?.displayName}
            {me?.unitName ? `（${me.unitName}）` : ''}
          </Space>
        </Dropdown>
      </Header>
      {me?.demo && <Alert banner type="warning" title="演示环境：本系统载入的是虚构的演示单位与人员，数据仅供演示，请勿录入真实信息。" />}
      <Layout>
        <Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} style={{ height: '100%' }} />
        </Sider>
        <Content style={{ padding: 24, background: '#f5f5f5' }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
