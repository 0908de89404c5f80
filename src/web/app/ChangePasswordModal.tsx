import { useState } from 'react';
import { App, Alert, Form, Input, Modal } from 'antd';
import { changePasswordBody } from '@server/modules/auth/schemas';
import { api } from '@web/lib/api';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { useI18n } from './i18n/I18nProvider';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { m, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const labels: Record<string, string> = { currentPassword: m.password.current, newPassword: m.password.next, confirm: m.password.confirm };

  const submit = async () => {
    const values = form.getFieldsValue();
    setGeneral(null);
    const parsed = changePasswordBody.safeParse({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
    const errors = parsed.success ? [] : zodFieldErrors(parsed.error, values, lang, m, (p) => labels[String(p[0])] ?? String(p[0]));
    if (values.newPassword !== values.confirm) errors.push({ name: ['confirm'], errors: [m.password.mismatch] });
    showFieldErrors(form, errors);
    if (!parsed.success || errors.length) return;
    setSaving(true);
    try {
      await api.post('/api/auth/password', { body: parsed.data });
      message.success(m.password.changed);
      form.resetFields();
      onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, Object.keys(labels), m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={m.password.title}
      okText={m.common.save}
      cancelText={m.common.cancel}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="change-password" onFinish={submit} onValuesChange={(changed) => clearChangedErrors(form, changed)}>
        <Form.Item name="currentPassword" label={m.password.current}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={m.password.next}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={m.password.confirm}>
          <Input.Password autoComplete="new-password" onPressEnter={submit} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
