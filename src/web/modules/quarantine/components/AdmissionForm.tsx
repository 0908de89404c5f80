import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { vnDay } from '@domain/dates';
import { admitInput, type StayView } from '@server/modules/quarantine/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { clearChangedErrors, requiredMessage, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { useAdmit } from '../hooks/useQuarantineMutations';
import { AdmissionFields, settingOf, type Reason } from './AdmissionFields';

interface Values {
  personId?: string;
  reason?: Reason;
  vaccination?: 'full' | 'partial' | 'none';
  admittedOn?: string | null;
  exposedOn?: string | null;
  setting?: 'facility' | 'home';
  homeQualifies?: boolean;
  facilityId?: string;
  roomId?: string;
  bed?: string;
  overrideReason?: string;
}

const FIELDS = ['personId', 'reason', 'vaccination', 'admittedOn', 'exposedOn', 'setting', 'homeQualifies', 'facilityId', 'roomId', 'bed', 'overrideReason'];
/** The cohort rule's refusals: another class, another entry window, an exposed room; an override may place the person anyway. */
const COHORT = ['quarantine.cohort_class', 'quarantine.cohort_window', 'quarantine.cohort_exposed'];

/** Admits a person (checked by the route's schema first); a cohort refusal is shown, with an override for those allowed one. */
export function AdmissionForm({ initial, onAdmitted }: { initial: { facilityId?: string; roomId?: string }; onAdmitted(stay: StayView): void }) {
  const { m, lang } = useI18n();
  const k = m.admission;
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const admit = useAdmit();
  const [general, setGeneral] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const labelOf = (p: FieldPath) => ((k as Record<string, unknown>)[String(p[0])] as string | undefined) ?? String(p[0]);
  const overriding = !!refusal && can('quarantine.override');

  async function submit() {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const setting = settingOf(v.reason, v.setting);
    if (overriding && !v.overrideReason?.trim()) return showFieldErrors(form, [{ name: ['overrideReason'], errors: [requiredMessage(m, k.overrideReason)] }]);
    const input = {
      personId: v.personId,
      reason: v.reason,
      vaccination: v.vaccination,
      admittedOn: v.admittedOn,
      exposedOn: v.reason === 'f1' ? v.exposedOn || undefined : undefined,
      setting,
      roomId: setting === 'facility' ? v.roomId : undefined,
      bed: setting === 'facility' ? v.bed?.trim() || undefined : undefined,
      homeQualifies: setting === 'home' && !!v.homeQualifies,
      overrideReason: overriding ? v.overrideReason : undefined,
    };
    const parsed = admitInput.safeParse(input);
    if (!parsed.success) return showFieldErrors(form, zodFieldErrors(parsed.error, input, lang, m, labelOf));
    try {
      const stay = await admit.mutateAsync(parsed.data);
      setRefusal(null);
      onAdmitted(stay);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && COHORT.includes(err.code)) return setRefusal(err.problem.detail);
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="admission"
      initialValues={{ reason: 'f1', setting: 'facility', admittedOn: vnDay(), homeQualifies: false, ...initial }}
      onValuesChange={(changed: Partial<Values>) => {
        clearChangedErrors(form, changed);
        if ('roomId' in changed || 'facilityId' in changed || 'reason' in changed || 'setting' in changed) setRefusal(null);
      }}
      onFinish={() => void submit()}
    >
      {general ? <Alert type="error" showIcon role="alert" message={general} style={{ marginBottom: 16 }} /> : null}
      <AdmissionFields form={form} />
      {refusal ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="cohort-refusal"
          style={{ marginBottom: 16 }}
          message={k.refused}
          description={
            <>
              <div>{refusal}</div>
              <div>{can('quarantine.override') ? k.overrideHelp : k.noOverride}</div>
            </>
          }
        />
      ) : null}
      {overriding ? (
        <Form.Item name="overrideReason" label={k.overrideReason} required>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={admit.isPending} danger={overriding} data-testid="admission-submit">
        {overriding ? k.override : k.submit}
      </Button>
    </Form>
  );
}
