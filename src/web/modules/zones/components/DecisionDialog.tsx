import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { formatDate } from '@domain/format';
import { decisionBody, type LevelRow, type RegimeView } from '@server/modules/zones/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useDecide } from '../hooks/useLevels';
import { levelName } from './LevelTag';

const FIELDS = ['level', 'decisionNumber', 'decidedOn', 'effectiveFrom', 'signer', 'reason', 'assessmentDay'] as const;
type Values = Partial<Record<(typeof FIELDS)[number], string | null>>;

/** An official's decision on a unit's level: confirms the proposal of the day or overrides it, with number, signer and dates. */
export function DecisionDialog({ row, regime, onClose }: { row: LevelRow; regime: RegimeView; onClose(): void }) {
  const { m, lang } = useI18n();
  const k = m.levels;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecide();
  const [general, setGeneral] = useState<string | null>(null);
  const proposal = row.proposal!;
  const label = (path: (string | number)[]) => (k as Record<string, unknown>)[String(path[0])] as string;

  async function submit() {
    setGeneral(null);
    const input = { ...form.getFieldsValue(), assessmentDay: proposal.day };
    const parsed = decisionBody.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, input, lang, m, label));
      return;
    }
    try {
      const saved = await decide.mutateAsync({ code: row.unitCode, body: parsed.data });
      message.success(fill(k.decided, { number: saved.decisionNumber }));
      onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  }

  return (
    <Modal
      open
      title={fill(k.decisionTitle, { unit: row.name })}
      okText={m.common.save}
      cancelText={m.common.cancel}
      okButtonProps={{ loading: decide.isPending }}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      <p>{fill(k.decisionHelp, { day: formatDate(proposal.day), level: levelName(regime, proposal.level, lang) })}</p>
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        name="risk-decision"
        initialValues={{ level: proposal.level, decidedOn: proposal.day, effectiveFrom: proposal.day }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void submit()}
      >
        <Form.Item name="level" label={k.level} required>
          <Select options={regime.levels.map((l) => ({ value: l.code, label: levelName(regime, l.code, lang) }))} />
        </Form.Item>
        <Form.Item name="decisionNumber" label={k.decisionNumber} required>
          <Input maxLength={60} autoComplete="off" placeholder="1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="decidedOn" label={k.decidedOn} required>
          <VnDateInput />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={k.effectiveFrom} required>
          <VnDateInput />
        </Form.Item>
        <Form.Item name="signer" label={k.signer} required>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason" label={k.reason}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
