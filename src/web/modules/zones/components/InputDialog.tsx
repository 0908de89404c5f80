import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { vnDay } from '@domain/dates';
import { riskInputBody } from '@server/modules/zones/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useAddRiskInput } from '../hooks/useLevels';

type Kind = 'adult_first_dose_coverage' | 'over50_full_coverage' | 'capacity_met';
interface Values {
  input: Kind;
  percent?: number | null;
  capacity?: 0 | 1;
  asOf?: string | null;
  source?: string;
}

/** Enters a figure the product does not compute yet (coverage as a percentage, capacity met or not), dated, with its source. */
export function InputDialog({ unitCode, onClose }: { unitCode: string; onClose(): void }) {
  const { m, lang } = useI18n();
  const u = m.unitLevel;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddRiskInput();
  const [general, setGeneral] = useState<string | null>(null);
  const kind = Form.useWatch('input', form) ?? 'adult_first_dose_coverage';
  const labels: Record<string, string> = { input: u.input, value: u.value, percent: u.value, asOf: u.asOf, source: u.source };

  async function submit() {
    setGeneral(null);
    const v = form.getFieldsValue();
    const value = v.input === 'capacity_met' ? v.capacity : typeof v.percent === 'number' ? v.percent / 100 : undefined;
    const input = { unitCode, input: v.input, value, asOf: v.asOf, source: v.source ?? '' };
    const parsed = riskInputBody.safeParse(input);
    const valueField = v.input === 'capacity_met' ? 'capacity' : 'percent';
    const toForm = (name: (string | number)[]) => (name[0] === 'value' ? [valueField] : name);
    if (!parsed.success) {
      showFieldErrors(
        form,
        zodFieldErrors(parsed.error, input, lang, m, (p) => labels[String(p[0])] ?? String(p[0])).map((e) => ({ ...e, name: toForm(e.name) })),
      );
      return;
    }
    try {
      await add.mutateAsync(parsed.data);
      message.success(u.saved);
      onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, ['input', 'value', 'asOf', 'source'], m, lang);
      showFieldErrors(
        form,
        fields.map((e) => ({ ...e, name: toForm(e.name) })),
      );
      setGeneral(text);
    }
  }

  return (
    <Modal
      open
      title={u.addInput}
      okText={m.common.save}
      cancelText={m.common.cancel}
      okButtonProps={{ loading: add.isPending }}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        name="risk-input"
        initialValues={{ input: 'adult_first_dose_coverage', asOf: vnDay(), capacity: 1 }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void submit()}
      >
        <Form.Item name="input" label={u.input} required>
          <Select options={(Object.keys(u.inputKinds) as Kind[]).map((k) => ({ value: k, label: u.inputKinds[k] }))} />
        </Form.Item>
        {kind === 'capacity_met' ? (
          <Form.Item name="capacity" label={u.value} required>
            <Radio.Group
              options={[
                { value: 1, label: u.capacityYes },
                { value: 0, label: u.capacityNo },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="percent" label={u.value} extra={u.percentHelp} required>
            <InputNumber min={0} max={100} step={0.1} decimalSeparator={lang === 'vi' ? ',' : '.'} addonAfter="%" style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="asOf" label={u.asOf} required>
          <VnDateInput />
        </Form.Item>
        <Form.Item name="source" label={u.source} required>
          <Input maxLength={300} autoComplete="off" placeholder="Sở Y tế, báo cáo ngày …" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
