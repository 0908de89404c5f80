import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '@domain/access';
import { useAuth } from './AuthProvider';
import { useI18n } from './i18n/I18nProvider';
import { paths } from './paths';

// The form and its zod schema load only when the dialog is opened.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));

/** Name, role and scope of the logged-in user; change password; log out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { me, logout } = useAuth();
  const { m } = useI18n();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  if (!me) return null;
  const role = m.roles[me.role as Role] ?? me.role;
  const scope = me.scopeUnits.map((u) => u.name).join(', ');
  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div style={{ maxWidth: 280, whiteSpace: 'normal' }} data-testid="user-info">
          <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{me.fullName}</div>
          <div>
            {m.account.role}: {role}
          </div>
          <div>
            {m.account.scope}: {scope}
          </div>
          {me.agency ? (
            <div>
              {m.account.agency}: {me.agency}
            </div>
          ) : null}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: m.account.changePassword },
    { key: 'logout', icon: <LogoutOutlined />, label: m.account.logout, danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') void logout().then(() => navigate(paths.login, { replace: true }));
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={m.account.menu} data-testid="user-menu" style={{ height: 'auto', padding: '4px 8px' }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#0b5cad' }} />
          {compact ? null : (
            <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.2, marginLeft: 4 }}>
              <span style={{ fontWeight: 600 }}>{me.fullName}</span>
              <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                {role} · {scope}
              </span>
            </span>
          )}
        </Button>
      </Dropdown>
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
