import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { ROLES, type Role } from '@domain/access';
import { userCreate, userPatch, type UserView } from '@server/modules/users/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { useCreateUser, useUpdateUser } from '../hooks/useUsers';
import { ScopePicker, type ScopeUnit } from './ScopePicker';
import type { z } from 'zod';

type UserCreate = z.output<typeof userCreate>;
type UserPatch = z.output<typeof userPatch>;

interface Values {
  username?: string;
  fullName?: string;
  role?: Role;
  scopeUnits?: ScopeUnit[];
  agency?: string | null;
  password?: string;
}

const FIELDS = ['username', 'fullName', 'role', 'scopeUnits', 'agency', 'password'];

/** Create a user (role, scope, optional password) or change an existing one's name, role, scope, agency. */
export function UserFormModal({ user, onClose, onCreated }: { user?: UserView; onClose(): void; onCreated?(user: UserView, password?: string): void }) {
  const { m, lang } = useI18n();
  const u = m.users;
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const labels: Record<string, string> = {
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    scopeUnits: u.scope,
    agency: u.agency,
    password: u.password,
  };

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const common = { fullName: v.fullName ?? '', role: v.role, scopeUnits: (v.scopeUnits ?? []).map((s) => s.value), agency: v.agency || null };
    const payload = user ? common : { ...common, username: v.username ?? '', password: v.password || undefined };
    const parsed = user ? userPatch.safeParse(payload) : userCreate.safeParse(payload);
    const errors = parsed.success ? [] : zodFieldErrors(parsed.error, payload, lang, m, (p) => labels[String(p[0])] ?? String(p[0]));
    showFieldErrors(
      form,
      errors.map((e) => ({ ...e, name: [e.name[0]] })),
    );
    if (!parsed.success) return;
    try {
      if (user) {
        await update.mutateAsync({ id: user.id, patch: parsed.data as UserPatch });
        onClose();
      } else {
        const r = await create.mutateAsync(parsed.data as UserCreate);
        onCreated?.(r.user, r.password);
      }
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(
        form,
        fields.map((f) => ({ ...f, name: [f.name[0]] })),
      );
      setGeneral(text);
    }
  };

  const initial: Values = user
    ? { fullName: user.fullName, role: user.role as Role, scopeUnits: user.scopeUnits.map((s) => ({ value: s.code, label: s.name })), agency: user.agency }
    : { scopeUnits: [] };
  return (
    <Modal
      open
      title={user ? fill(u.editTitle, { name: user.username }) : u.create}
      okText={m.common.save}
      cancelText={m.common.cancel}
      onOk={() => void save()}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      width={640}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        initialValues={initial}
        onFinish={() => void save()}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {user ? null : (
          <Form.Item name="username" label={u.username} required>
            <Input autoComplete="off" autoCapitalize="none" />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={u.fullName} required>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={u.role} required>
          <Select options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))} />
        </Form.Item>
        <Form.Item name="scopeUnits" label={u.scope} required extra={u.scopeHelp}>
          <ScopePicker />
        </Form.Item>
        <Form.Item name="agency" label={u.agency}>
          <Input />
        </Form.Item>
        {user ? null : (
          <Form.Item name="password" label={u.password} extra={u.passwordHelp}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
