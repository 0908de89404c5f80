import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SettingOutlined } from '@ant-design/icons';
import { PageSpinner } from '@web/ui/PageSpinner';
import { useIsPhone } from '@web/ui/useIsPhone';
import { useAuth } from './AuthProvider';
import { useI18n } from './i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { activeMenuKey, allowedMenu, menuLabel } from './menu-items';
import { UserMenu } from './UserMenu';
import type { MenuEntry } from './web-module';

/** The shell after login: side menu (a drawer on phones), header with language and account, the page. */
export function AppLayout() {
  const { can } = useAuth();
  const { m } = useI18n();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const active = activeMenuKey(location.pathname);

  const allowed = allowedMenu(can);
  const entry = ({ key, icon: Icon, path, label }: MenuEntry) => ({
    key,
    icon: <Icon />,
    label: (
      <Link to={path} onClick={() => setDrawer(false)}>
        {menuLabel(m, label)}
      </Link>
    ),
  });
  const main = allowed.filter((e) => e.group === 'main').map(entry);
  const admin = allowed.filter((e) => e.group === 'admin').map(entry);
  const items: MenuProps['items'] = [...main, ...(admin.length ? [{ key: 'admin', icon: <SettingOutlined />, label: m.menu.admin, children: admin }] : [])];
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={active ? [active] : []}
      defaultOpenKeys={['admin']}
      style={{ borderInlineEnd: 0 }}
      aria-label={m.menu.open}
    />
  );
  const brand = (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit', minWidth: 0 }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {(!collapsed || phone) && (
        <span style={{ lineHeight: 1.1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <strong style={{ display: 'block', fontSize: 15 }}>{m.app.name}</strong>
          <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{m.app.tagline}</span>
        </span>
      )}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} width={280} title={brand} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider theme="light" width={240} collapsed={collapsed} collapsedWidth={64} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '14px 16px', borderBottom: '1px solid #f0f0f0' }}>{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 8px',
            display: 'flex',
            alignItems: 'center',
            gap: 4,
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {phone ? (
            <>
              <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={m.menu.open} data-testid="menu-toggle" />
              <div style={{ flex: 1, minWidth: 0 }}>{brand}</div>
            </>
          ) : (
            <>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
                aria-label={collapsed ? m.menu.expand : m.menu.collapse}
              />
              <div style={{ flex: 1 }} />
            </>
          )}
          <LanguageSwitch compact={phone} />
          <UserMenu compact={phone} />
        </Layout.Header>
        <Layout.Content id="main" style={{ background: '#f5f6f8' }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
