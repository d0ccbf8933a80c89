// Routes: /login and the first sign-in's /password outside the layout; every page of ROUTES
// inside it, behind sign-in (and the forced password change) and ability.
import { Button, Result } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import AppLayout from './layout/AppLayout.tsx';
import { PageSpin } from './lib/PageSpin.tsx';
import ChangePasswordPage from './pages/auth/ChangePasswordPage.tsx';
import LoginPage from './pages/auth/LoginPage.tsx';
import { ROUTES } from './routes.tsx';
import { useSession } from './session.tsx';
import type { Ability } from './types.ts';

const PASSWORD_PATH = '/password';

function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <PageSpin />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // an account from the one-time setup sees nothing but 修改密码 until it has changed its password
  if (session.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <>{children}</>;
}

function Guard({ ability, children }: { ability?: Ability | Ability[]; children: ReactNode }) {
  const { can } = useSession();
  const navigate = useNavigate();
  if (!can(ability))
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您当前的角色无权访问此页面。如需开通，请联系本单位安全管理员。"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
    );
  return <>{children}</>;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}

export default function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path={PASSWORD_PATH}
        element={
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {ROUTES.map(({ path, ability, page: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Guard ability={ability}>
                <Suspense fallback={<PageSpin />}>
                  <Page />
                </Suspense>
              </Guard>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
