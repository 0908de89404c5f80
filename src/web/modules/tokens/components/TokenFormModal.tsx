import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { NOT_FOR_TOKENS, PERMISSION_INFO, type Permission } from '@domain/access';
import { addDays, vnDay } from '@domain/dates';
import { foldVietnamese } from '@domain/vn-text';
import { tokenIssue, type TokenView } from '@server/modules/tokens/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { ScopePicker, type ScopeUnit } from '@web/modules/users/components/ScopePicker';
import { useIssueToken } from '../hooks/useTokens';

interface Values {
  name?: string;
  permissions?: Permission[];
  scopeUnits?: ScopeUnit[];
  expiresOn?: string | null;
}

const FIELDS = ['name', 'permissions', 'scopeUnits', 'expiresOn'];

/** Issue a token: what it is for, the permissions (only the administrator's own), the units, the last day. */
export function TokenFormModal({ onClose, onIssued }: { onClose(): void; onIssued(token: TokenView & { token: string }): void }) {
  const { m, lang } = useI18n();
  const k = m.tokens;
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const issue = useIssueToken();
  const labels: Record<string, string> = { name: k.name, permissions: k.permissions, scopeUnits: k.scope, expiresOn: k.expiresOn };
  const grantable = (me?.permissions ?? []).filter((p): p is Permission => p in PERMISSION_INFO && !NOT_FOR_TOKENS.includes(p as Permission));

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const payload = {
      name: v.name ?? '',
      permissions: v.permissions ?? [],
      scopeUnits: (v.scopeUnits ?? []).map((s) => s.value),
      expiresOn: v.expiresOn ?? '',
    };
    const parsed = tokenIssue.safeParse(payload);
    const errors = parsed.success ? [] : zodFieldErrors(parsed.error, payload, lang, m, (p) => labels[String(p[0])] ?? String(p[0]));
    showFieldErrors(
      form,
      errors.map((e) => ({ ...e, name: [e.name[0]] })),
    );
    if (!parsed.success) return;
    try {
      onIssued(await issue.mutateAsync(parsed.data));
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(
        form,
        fields.map((f) => ({ ...f, name: [f.name[0]] })),
      );
      setGeneral(text);
    }
  };

  return (
    <Modal
      open
      title={k.issue}
      okText={k.issueOk}
      cancelText={m.common.cancel}
      onOk={() => void save()}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      width={680}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        name="token"
        layout="vertical"
        initialValues={{ scopeUnits: [], permissions: [], expiresOn: addDays(vnDay(), 90) }}
        onFinish={() => void save()}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        <Form.Item name="name" label={k.name} required extra={k.nameHelp}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="permissions" label={k.permissions} required extra={k.permissionsHelp}>
          <Select
            mode="multiple"
            filterOption={(input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input))}
            options={grantable.map((p) => ({ value: p, label: lang === 'vi' ? `${PERMISSION_INFO[p]} (${p})` : p }))}
          />
        </Form.Item>
        <Form.Item name="scopeUnits" label={k.scope} required extra={k.scopeHelp}>
          <ScopePicker />
        </Form.Item>
        <Form.Item name="expiresOn" label={k.expiresOn} required extra={k.expiresHelp}>
          <VnDateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
