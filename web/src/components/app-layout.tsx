import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EditOutlined,
  FileTextOutlined,
  LineChartOutlined,
  SettingOutlined,
  TrophyOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Select, Space, Tag, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Action } from '../../../src/domain/access/action';
import { useAuth, useUser } from '../auth/auth-context';
import { can } from '../auth/can';
import { setLanguage } from '../i18n/i18n';

interface NavItem {
  key: string;
  label: string;
  icon?: React.ReactNode;
  action: Action;
}

/** The pages a role may use, in menu order (the server checks every request again). */
function navItems(
  t: (k: string) => string,
): (NavItem | { key: string; label: string; icon: React.ReactNode; children: NavItem[] })[] {
  return [
    { key: '/', label: t('nav.overview'), icon: <DashboardOutlined />, action: 'plan:read' },
    { key: '/plans', label: t('nav.plans'), icon: <FileTextOutlined />, action: 'plan:read' },
    { key: '/indicators', label: t('nav.indicators'), icon: <LineChartOutlined />, action: 'indicator:read' },
    { key: '/data-entry', label: t('nav.dataEntry'), icon: <EditOutlined />, action: 'observation:write' },
    { key: '/review', label: t('nav.review'), icon: <AuditOutlined />, action: 'observation:approve' },
    { key: '/alerts', label: t('nav.alerts'), icon: <AlertOutlined />, action: 'observation:read' },
    { key: '/ranking', label: t('nav.ranking'), icon: <TrophyOutlined />, action: 'observation:read' },
    { key: '/reports', label: t('nav.reports'), icon: <FileWordOutlined />, action: 'report:read' },
    {
      key: 'admin',
      label: t('nav.admin'),
      icon: <SettingOutlined />,
      children: [
        { key: '/admin/users', label: t('nav.users'), action: 'user:manage' },
        { key: '/admin/departments', label: t('nav.departments'), action: 'department:manage' },
        { key: '/admin/regions', label: t('nav.regions'), action: 'user:manage' },
        { key: '/admin/plans', label: t('nav.planAdmin'), action: 'plan:import' },
      ],
    },
  ];
}

/** Header (user, role, language, sign out), role-aware side menu, and the page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const items: MenuProps['items'] = navItems(t).flatMap((item) => {
    if ('children' in item) {
      const children = item.children
        .filter((c) => can(user, c.action))
        .map(({ key, label }) => ({ key, label }));
      return children.length ? [{ key: item.key, label: item.label, icon: item.icon, children }] : [];
    }
    return can(user, item.action) ? [{ key: item.key, label: item.label, icon: item.icon }] : [];
  });
  const selected =
    '/' +
    location.pathname
      .split('/')
      .filter(Boolean)
      .slice(0, location.pathname.startsWith('/admin') ? 2 : 1)
      .join('/');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="hs-skip" href="#main">
        {t('nav.skip')}
      </a>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#7a1f4a', paddingInline: 16 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          <BarChartOutlined /> {t('app.title')}
        </Typography.Text>
        {!narrow && <Typography.Text style={{ color: '#f6dce8' }}>{t('app.subtitle')}</Typography.Text>}
        <Space style={{ marginLeft: 'auto' }} wrap={false}>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {user.displayName || user.username}
          </Typography.Text>
          <Tag color="magenta">{t(`role.${user.role}`)}</Tag>
          <Select
            size="small"
            aria-label={t('nav.language')}
            value={i18n.language === 'en' ? 'en' : 'zh'}
            onChange={(v: string) => setLanguage(v)}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            style={{ width: 96 }}
          />
          <Button size="small" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={200}
          collapsedWidth={56}
          collapsed={narrow}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <nav aria-label={t('nav.main')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              defaultOpenKeys={narrow ? [] : ['admin']}
              items={items}
              onClick={({ key }) => navigate(key)}
              data-testid="nav"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
