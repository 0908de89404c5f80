import { useState } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';

/** A secret the server shows once and never returns again (a generated password, an API token). */
export function SecretOnceModal({ title, help, secret, onClose }: { title: string; help: string; secret: string; onClose(): void }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {m.common.close}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={help} style={{ marginBottom: 16 }} />
      <Space wrap>
        <code className="tc-password" data-testid="secret-once">
          {secret}
        </code>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {copied ? m.common.copied : m.common.copy}
        </Button>
      </Space>
    </Modal>
  );
}
