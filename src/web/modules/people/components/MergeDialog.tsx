import { useState } from 'react';
import { Alert, Modal, Radio, Space } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';

export interface MergeParty {
  id: string | null;
  fullName: string;
}

/**
 * Confirms merging two records. `current` is the record open on screen (id null while it is still
 * being entered: it is then saved first and always merged into the other one).
 */
export function MergeDialog({
  current,
  other,
  onConfirm,
  onClose,
}: {
  current: MergeParty;
  other: MergeParty & { id: string };
  onConfirm(keep: 'current' | 'other'): Promise<void>;
  onClose(): void;
}) {
  const { m, lang } = useI18n();
  const d = m.duplicates;
  const [keep, setKeep] = useState<'current' | 'other'>('other');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = current.id === null;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(isNew ? 'other' : keep);
    } catch (err) {
      setError(errorMessage(err, m, lang));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={d.mergeTitle}
      okText={d.merge}
      cancelText={m.common.cancel}
      onOk={confirm}
      confirmLoading={busy}
      onCancel={onClose}
      okButtonProps={{ danger: true }}
    >
      <p>{isNew ? d.mergeNewHelp : d.mergeHelp}</p>
      {isNew ? (
        <p>
          <strong>{d.keep}:</strong> {other.fullName}
        </p>
      ) : (
        <Radio.Group value={keep} onChange={(e) => setKeep(e.target.value)} aria-label={d.keep}>
          <Space direction="vertical">
            <Radio value="current">
              {d.keep}: {fill(d.keepCurrent, { name: current.fullName })}
            </Radio>
            <Radio value="other">
              {d.keep}: {fill(d.keepOther, { name: other.fullName })}
            </Radio>
          </Space>
        </Radio.Group>
      )}
      {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
