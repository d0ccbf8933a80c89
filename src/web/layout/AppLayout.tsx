// The frame of every signed-in page: side menu from ROUTES filtered by abilities; header with
// the user's name, roles, 修改密码, 通知邮箱 and 退出.
import {
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { toast } from '../lib/feedback.ts';
import { roleColor } from '../labels.ts';
import { usePendingAdminChangeCount } from '../pages/admin-changes/pending.ts';
import { ADMINS, ROUTES } from '../routes.tsx';
import { useActor, useSession } from '../session.tsx';
import ChangePasswordModal from './ChangePasswordModal.tsx';
import NoticeEmailModal from './NoticeEmailModal.tsx';

const { Sider, Header, Content, Footer } = Layout;

/** The menu key for a location: the longest route path that prefixes it. */
function selectedKey(pathname: string): string {
  const hits = ROUTES.filter((r) =>
    r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(r.path + '/'),
  );
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

export default function AppLayout() {
  const { can, logout } = useSession();
  const actor = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [pwdOpen, setPwdOpen] = useState(false);
  const [mailOpen, setMailOpen] = useState(false);

  // 管理员变更确认 shows how many changes wait for this administrator's confirmation
  const toConfirm = usePendingAdminChangeCount(can(ADMINS), location.pathname);
  const items = ROUTES.filter((r) => r.menu !== false && can(r.ability)).map((r) => ({
    key: r.path,
    icon: r.icon,
    label:
      r.path === '/admin-changes' && toConfirm > 0 ? (
        <span>
          {r.label} <Badge count={toConfirm} size="small" title={`${toConfirm}项待您确认`} />
        </span>
      ) : (
        r.label
      ),
  }));
  const roleTags = [...new Map(actor.roles.map((g) => [`${g.role}@${g.bodyId}`, g])).values()];

  async function onLogout() {
    await logout();
    toast.success('已安全退出');
    navigate('/login', { replace: true });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} trigger={null} width={220} breakpoint="lg" onBreakpoint={setCollapsed}>
        <div className="app-logo" title="包头市权责清单管理平台">
          <span className="emblem">权</span>
          {!collapsed && <span>权责清单管理平台</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Space>
            <Button
              type="text"
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <Typography.Text strong style={{ fontSize: 16 }}>
              包头市权责清单管理平台 · 工作台
            </Typography.Text>
          </Space>
          <Space size="middle">
            <Space size={4} wrap={false}>
              {roleTags.slice(0, 3).map((g) => (
                <Tooltip key={`${g.role}@${g.bodyId}`} title={g.bodyName}>
                  <Tag color={roleColor(g.role)} style={{ marginInlineEnd: 0 }}>
                    {g.roleLabel}
                  </Tag>
                </Tooltip>
              ))}
              {roleTags.length > 3 && (
                <Tooltip
                  title={roleTags
                    .slice(3)
                    .map((g) => `${g.roleLabel}（${g.bodyName}）`)
                    .join('、')}
                >
                  <Tag>+{roleTags.length - 3}</Tag>
                </Tooltip>
              )}
            </Space>
            <Space size={6}>
              <Avatar size="small" style={{ background: '#1f5fbf' }} icon={<UserOutlined />} />
              <span data-testid="current-user">{actor.user.displayName}</span>
            </Space>
            <Button size="small" icon={<KeyOutlined />} onClick={() => setPwdOpen(true)}>
              修改密码
            </Button>
            <Button size="small" icon={<MailOutlined />} onClick={() => setMailOpen(true)}>
              通知邮箱
            </Button>
            <Button size="small" danger icon={<LogoutOutlined />} onClick={onLogout}>
              退出
            </Button>
          </Space>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
        <Footer className="app-footer">包头市权责清单管理平台 · 工作人员工作台</Footer>
      </Layout>
      <ChangePasswordModal open={pwdOpen} onClose={() => setPwdOpen(false)} />
      <NoticeEmailModal open={mailOpen} onClose={() => setMailOpen(false)} />
    </Layout>
  );
}
