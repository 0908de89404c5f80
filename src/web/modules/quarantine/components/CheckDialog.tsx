import { App, Checkbox, Form, InputNumber, Radio } from 'antd';
import { checkInput, type CheckView, type StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { FormDialog } from '@web/ui/FormDialog';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useQuarantineRules } from '../hooks/useQuarantine';
import { useCheck } from '../hooks/useQuarantineMutations';

interface Values {
  day?: string | null;
  temperature?: number | null;
  spo2?: number | null;
  symptoms: string[];
  warningSigns: string[];
  reportedBy: 'team' | 'family';
}

/** The daily health check of a person at home: temperature, SpO2, symptoms and warning signs of the rule in force. */
export function CheckDialog({ stay, day, onClose, onSaved }: { stay: StayView; day: string; onClose(): void; onSaved(check: CheckView): void }) {
  const { m, lang } = useI18n();
  const k = m.homeCare;
  const { message } = App.useApp();
  const rules = useQuarantineRules();
  const check = useCheck(stay.id);
  const labels: Record<string, string> = {
    day: k.day,
    temperature: k.temperature,
    spo2: k.spo2,
    symptoms: k.symptoms,
    warningSigns: k.warningSigns,
    reportedBy: k.reportedBy,
  };
  const options = (list: { code: string; nameVi: string; nameEn: string }[] = []) =>
    list.map((s) => ({ value: s.code, label: lang === 'vi' ? s.nameVi : s.nameEn }));
  return (
    <FormDialog<Values, (typeof checkInput)['_output']>
      title={fill(k.checkTitle, { name: stay.personName })}
      name="home-check"
      schema={checkInput}
      fields={Object.keys(labels)}
      initialValues={{ day, symptoms: [], warningSigns: [], reportedBy: 'team' }}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      fieldOf={(p) => (p[0] === 'symptoms' || p[0] === 'warningSigns' ? [p[0]] : p)}
      pending={check.isPending}
      submit={async (body) => {
        const saved = await check.mutateAsync(body);
        if (!saved.urgentTaskId) message.success(fill(k.saved, { name: stay.personName }));
        onSaved(saved);
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="day" label={k.day} required>
            <VnDateInput />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="temperature" label={k.temperature} required style={{ flex: 1 }}>
              <InputNumber
                step={0.1}
                precision={1}
                decimalSeparator={lang === 'vi' ? ',' : '.'}
                inputMode="decimal"
                style={{ width: '100%' }}
                placeholder="36,8"
              />
            </Form.Item>
            <Form.Item name="spo2" label={k.spo2} required style={{ flex: 1 }}>
              <InputNumber precision={0} inputMode="numeric" style={{ width: '100%' }} placeholder="98" />
            </Form.Item>
          </div>
          <Form.Item name="symptoms" label={k.symptoms}>
            <Checkbox.Group options={options(rules.data?.symptoms)} style={{ display: 'grid', gap: 6 }} />
          </Form.Item>
          <Form.Item name="warningSigns" label={k.warningSigns} extra={k.warningHelp}>
            <Checkbox.Group options={options(rules.data?.warningSigns)} style={{ display: 'grid', gap: 6 }} />
          </Form.Item>
          <Form.Item name="reportedBy" label={k.reportedBy} required>
            <Radio.Group optionType="button" buttonStyle="solid" options={(['team', 'family'] as const).map((r) => ({ value: r, label: k.reporters[r] }))} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
