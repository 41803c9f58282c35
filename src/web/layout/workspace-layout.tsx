import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../core/organisation/role.ts';
import { ApiError, api, loginPathFor, messageOf, rememberCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { CalendarBanner } from './calendar-banner.tsx';
import { SessionContext } from './session.tsx';

/** The officers' frame: signed in or sent to the login page (and back), menu, user, logout. */
export function WorkspaceLayout() {
  const [session, setSession] = useState<Session | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    api
      .get<Session>('/session', { allowUnauthenticated: true })
      .then((s) => {
        rememberCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          navigate(loginPathFor(window.location), { replace: true });
        } else {
          setFailure(messageOf(error));
        }
      });
  }, [navigate]);

  useEffect(() => {
    // The generated first password must be changed before anything else (the API refuses the rest).
    if (session?.mustChangePassword && location.pathname !== '/workspace/password') {
      navigate('/workspace/password', { replace: true });
    }
  }, [session, location.pathname, navigate]);

  if (failure) return <Result status="error" title="无法打开工作台" subTitle={failure} />;
  if (!session) return <Spin fullscreen description="正在加载……" />;

  const logout = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    rememberCsrfToken(null);
    navigate('/login', { replace: true });
  };

  // The menu entry of the page shown: the first path segment after /workspace.
  const section = location.pathname.split('/')[2] ?? '';
  const selected = `/workspace/${section}`;
  return (
    <SessionContext.Provider value={session}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 16 }}>
          <Link
            to="/workspace"
            style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}
          >
            政府信息公开 · 工作台
          </Link>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            style={{ flex: 1, minWidth: 0 }}
            items={[
              ...(session.user.role === 'supervisor' || session.user.role === 'admin'
                ? [{ key: '/workspace/region', label: <Link to="/workspace/region">地区总览</Link> }]
                : []),
              { key: '/workspace/applications', label: <Link to="/workspace/applications">依申请公开</Link> },
              { key: '/workspace/disclosures', label: <Link to="/workspace/disclosures">主动公开</Link> },
              {
                key: '/workspace/normative-documents',
                label: <Link to="/workspace/normative-documents">规范性文件</Link>,
              },
              { key: '/workspace/cases', label: <Link to="/workspace/cases">复议诉讼</Link> },
              { key: '/workspace/work', label: <Link to="/workspace/work">公开工作台账</Link> },
              { key: '/workspace/reports', label: <Link to="/workspace/reports">年度报告</Link> },
              ...(session.user.role === 'admin'
                ? [{ key: '/workspace/admin', label: <Link to="/workspace/admin">系统管理</Link> }]
                : []),
            ]}
            aria-label="工作台导航"
          />
          <Space style={{ whiteSpace: 'nowrap' }}>
            {/* On a phone the name would wrap a character per line: theme.css hides it there. */}
            <Typography.Text className="workspace-user-name" style={{ color: '#fff' }}>
              {session.user.displayName}（{ROLE_LABELS[session.user.role]}）
            </Typography.Text>
            <Link to="/workspace/password" style={{ color: '#fff' }}>
              修改密码
            </Link>
            <Button size="small" onClick={logout}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <CalendarBanner role={session.user.role} />
          <Outlet />
        </Layout.Content>
      </Layout>
    </SessionContext.Provider>
  );
}
