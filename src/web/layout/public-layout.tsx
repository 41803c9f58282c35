import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';

const ITEMS = [
  { key: '/', label: <Link to="/">首页</Link> },
  { key: '/apply', label: <Link to="/apply">在线申请</Link> },
  { key: '/track', label: <Link to="/track">办理进度查询</Link> },
  { key: '/reports', label: <Link to="/reports">年度报告</Link> },
  { key: '/statistics', label: <Link to="/statistics">统计数据</Link> },
  { key: '/login', label: <Link to="/login">工作人员登录</Link> },
];

/** The public portal's frame: the site name, the sections, the page. Usable on a phone. */
export function PublicLayout() {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 16 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          政府信息公开
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[pathname]}
          items={ITEMS}
          style={{ flex: 1, minWidth: 0 }}
          aria-label="网站导航"
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main style={{ maxWidth: 960, margin: '0 auto' }}>
          <Outlet />
        </main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#666' }}>
        依据《中华人民共和国政府信息公开条例》提供服务
      </Layout.Footer>
    </Layout>
  );
}
