import { useState } from 'react';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { shipmentInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { requiredMessage, showFieldErrors, splitProblem } from '@web/lib/form-errors';
import { useLabs } from '../hooks/useLabs';
import { useShip } from '../hooks/useShipments';
import type { SessionView } from '../hooks/useSessions';

/** Sends the chosen tubes of a session to a lab as one shipment. */
export function ShipDialog({ session, barcodes, onClose }: { session: SessionView; barcodes: string[]; onClose(shipped: boolean): void }) {
  const { m, lang } = useI18n();
  const s = m.sampling;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ labId?: string }>();
  const labs = useLabs();
  const ship = useShip(session.id);
  const [general, setGeneral] = useState<string | null>(null);

  const save = async () => {
    setGeneral(null);
    const input = { teamId: session.teamId, labId: form.getFieldValue('labId') as string | undefined, barcodes };
    const parsed = shipmentInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, input.labId ? [] : [{ name: ['labId'], errors: [requiredMessage(m, s.lab, true)] }]);
      return;
    }
    try {
      const sh = await ship.mutateAsync(parsed.data);
      message.success(fill(s.shipped, { code: sh.code, n: sh.tubes, lab: sh.labName }));
      onClose(true);
    } catch (err) {
      const { fields, general: text } = splitProblem(err, ['labId'], m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  };

  return (
    <Modal
      open
      title={fill(s.shipTitle, { n: barcodes.length })}
      okText={m.common.save}
      cancelText={m.common.cancel}
      onOk={() => void save()}
      confirmLoading={ship.isPending}
      onCancel={() => onClose(false)}
    >
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph style={{ wordBreak: 'break-word' }}>{barcodes.join(', ')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="ship" onFinish={() => void save()}>
        <Form.Item name="labId" label={s.lab} required>
          <Select
            loading={labs.isPending}
            options={(labs.data ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="ship-lab"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
