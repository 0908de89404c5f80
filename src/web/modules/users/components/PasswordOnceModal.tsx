import { useState } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/** A generated password, shown once: the server never returns it again. */
export function PasswordOnceModal({ name, password, onClose }: { name: string; password: string; onClose(): void }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal open title={fill(m.users.passwordOnceTitle, { name })} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{m.common.close}</Button>}>
      <Alert type="warning" showIcon message={m.users.passwordOnceHelp} style={{ marginBottom: 16 }} />
      <Space wrap>
        <code className="tc-password" data-testid="password-once">{password}</code>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>{copied ? m.common.copied : m.common.copy}</Button>
      </Space>
    </Modal>
  );
}
