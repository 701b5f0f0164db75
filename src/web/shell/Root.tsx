import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useAuth } from './auth';
import { LoginPage } from './LoginPage';
import { AppLayout } from './AppLayout';
import { pages } from '../nav';

export function Root() {
  const { me, loading, can } = useAuth();
  if (loading) return <Spin fullscreen />;
  if (!me) {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  if (me.mustChangePassword) {
    const ChangePassword = pages.find((p) => p.path === '/account/password')!.element;
    return (
      <AppLayout>
        <Suspense fallback={<Spin />}>
          <ChangePassword />
        </Suspense>
      </AppLayout>
    );
  }
  return (
    <AppLayout>
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Routes>
          {pages.map((p) => (
            <Route
              key={p.path}
              path={p.path}
              element={!p.permission || can(p.permission) ? <p.element /> : <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限" />}
            />
          ))}
          <Route path="/login" element={<Navigate to="/" replace />} />
          <Route path="*" element={<Result status="404" title="页面不存在" />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
