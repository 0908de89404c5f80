import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Role } from '@domain/access';
import { foldVietnamese } from '@domain/vn-text';
import type { UserView } from '@server/modules/users/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { SecretOnceModal } from '@web/ui/SecretOnceModal';
import { UserFormModal } from '../components/UserFormModal';
import { useResetPassword, useUpdateUser, useUsers } from '../hooks/useUsers';

/** Accounts: create with role and scope, change role/scope, disable/enable, reset password (shown once). */
export function UsersPage() {
  const { me } = useAuth();
  const { m, lang, date, num } = useI18n();
  const { message } = App.useApp();
  const u = m.users;
  const { data, error, isPending, refetch } = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const [filter, setFilter] = useState('');

  const rows = useMemo(() => {
    const f = foldVietnamese(filter);
    return (data ?? []).filter((x) => !f || foldVietnamese(`${x.username} ${x.fullName} ${x.agency ?? ''}`).includes(f));
  }, [data, filter]);

  const setDisabled = async (user: UserView, disabled: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, patch: { disabled } });
      message.success(fill(u.updated, { name: user.username }));
    } catch (err) {
      message.error(errorMessage(err, m, lang));
    }
  };
  const resetPassword = async (user: UserView) => {
    try {
      const r = await reset.mutateAsync(user.id);
      setShown({ name: user.username, password: r.password });
    } catch (err) {
      message.error(errorMessage(err, m, lang));
    }
  };

  const columns: TableColumnsType<UserView> = [
    { title: u.username, dataIndex: 'username', fixed: 'left' },
    { title: u.fullName, dataIndex: 'fullName' },
    { title: u.role, dataIndex: 'role', render: (r: string) => m.roles[r as Role] ?? r },
    { title: u.scope, dataIndex: 'scopeUnits', render: (s: UserView['scopeUnits']) => s.map((x) => x.name).join(', ') },
    { title: u.agency, dataIndex: 'agency', render: (a: string | null) => a ?? m.common.none },
    {
      title: u.status,
      key: 'status',
      render: (_, x) =>
        x.disabled ? (
          <Tag color="red">{u.disabled}</Tag>
        ) : x.failedLogins > 0 ? (
          <Tag color="orange">{fill(u.failedLogins, { n: num(x.failedLogins) })}</Tag>
        ) : (
          <Tag color="green">{u.active}</Tag>
        ),
    },
    { title: u.createdAt, dataIndex: 'createdAt', render: (d: string) => date(d.slice(0, 10)) },
    {
      title: m.common.actions,
      key: 'actions',
      render: (_, x) => (
        <Space wrap size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(x)}>
            {m.common.edit}
          </Button>
          {x.id === me?.id ? null : x.disabled ? (
            <Button size="small" icon={<UnlockOutlined />} onClick={() => void setDisabled(x, false)}>
              {u.enable}
            </Button>
          ) : (
            <Popconfirm
              title={fill(u.disableConfirm, { name: x.username })}
              okText={u.disable}
              cancelText={m.common.cancel}
              onConfirm={() => setDisabled(x, true)}
            >
              <Button size="small" danger icon={<LockOutlined />}>
                {u.disable}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={fill(u.resetConfirm, { name: x.username })}
            okText={u.resetPassword}
            cancelText={m.common.cancel}
            onConfirm={() => resetPassword(x)}
          >
            <Button size="small" icon={<KeyOutlined />}>
              {u.resetPassword}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={u.title}
      crumbs={[{ title: m.menu.admin }, { title: u.title }]}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEditing('new')}>
          {u.create}
        </Button>
      }
    >
      <div className="tc-filters">
        <Input.Search aria-label={u.search} placeholder={u.search} allowClear value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onCreated={(user, password) => {
            setEditing(null);
            message.success(fill(u.created, { name: user.username }));
            if (password) setShown({ name: user.username, password });
          }}
        />
      ) : null}
      {shown ? (
        <SecretOnceModal
          title={fill(u.passwordOnceTitle, { name: shown.name })}
          help={u.passwordOnceHelp}
          secret={shown.password}
          onClose={() => setShown(null)}
        />
      ) : null}
    </Page>
  );
}
