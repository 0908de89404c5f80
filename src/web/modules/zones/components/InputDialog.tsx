import { App, Form, Input, InputNumber, Radio, Select } from 'antd';
import { vnDay } from '@domain/dates';
import { riskInputBody } from '@server/modules/zones/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useAddRiskInput } from '../hooks/useLevels';
import { FormDialog } from '@web/ui/FormDialog';

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
  const add = useAddRiskInput();
  const labels: Record<string, string> = { input: u.input, value: u.value, asOf: u.asOf, source: u.source };
  const kindOf = (v: Values) => v.input ?? 'adult_first_dose_coverage';
  let current: Kind = 'adult_first_dose_coverage';
  return (
    <FormDialog<Values, (typeof riskInputBody)['_output']>
      title={u.addInput}
      name="risk-input"
      schema={riskInputBody}
      fields={['input', 'value', 'asOf', 'source']}
      initialValues={{ input: 'adult_first_dose_coverage', asOf: vnDay(), capacity: 1 }}
      toInput={(v) => {
        current = kindOf(v);
        const value = current === 'capacity_met' ? v.capacity : typeof v.percent === 'number' ? v.percent / 100 : undefined;
        return { unitCode, input: current, value, asOf: v.asOf, source: v.source ?? '' };
      }}
      fieldOf={(p) => (p[0] === 'value' ? [current === 'capacity_met' ? 'capacity' : 'percent'] : p)}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={add.isPending}
      submit={async (body) => {
        await add.mutateAsync(body);
        message.success(u.saved);
      }}
      onClose={onClose}
    >
      {(form) => <InputFields form={form} lang={lang} />}
    </FormDialog>
  );
}

function InputFields({ form, lang }: { form: ReturnType<typeof Form.useForm<Values>>[0]; lang: 'vi' | 'en' }) {
  const { m } = useI18n();
  const u = m.unitLevel;
  const kind = Form.useWatch('input', form) ?? 'adult_first_dose_coverage';
  return (
    <>
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
    </>
  );
}
