import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Form, Input, Modal } from 'antd';
import { clusterInput } from '@server/modules/tracing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { useCreateCluster } from '../hooks/useClusters';

/** Names the chain around a case as a cluster (ổ dịch), the case as its index case, then opens the cluster. */
export function NameClusterDialog({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const { m, lang } = useI18n();
  const k = m.clusters;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name?: string }>();
  const create = useCreateCluster();
  const [general, setGeneral] = useState<string | null>(null);

  async function submit() {
    setGeneral(null);
    const input = { indexCaseId: caseId, name: form.getFieldValue('name') ?? '' };
    const parsed = clusterInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(
        form,
        zodFieldErrors(parsed.error, input, lang, m, () => k.clusterName),
      );
      return;
    }
    try {
      const created = await create.mutateAsync(parsed.data);
      message.success(fill(k.created, { name: created.name }));
      navigate(paths.cluster(created.id));
    } catch (err) {
      const { fields, general: text } = splitProblem(err, ['name'], m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  }

  return (
    <Modal
      open
      title={k.name}
      okText={m.common.save}
      cancelText={m.common.cancel}
      okButtonProps={{ loading: create.isPending }}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form form={form} layout="vertical" name="cluster-name" onValuesChange={(changed) => clearChangedErrors(form, changed)} onFinish={() => void submit()}>
        <Form.Item name="name" label={k.clusterName} extra={k.nameHelp} required>
          <Input maxLength={200} autoComplete="off" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
