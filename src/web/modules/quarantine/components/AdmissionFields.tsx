import { Checkbox, Form, Radio, type FormInstance } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { PersonSelect } from '@web/modules/cases/components/PersonSelect';
import { VnDateInput } from '@web/ui/VnDateInput';
import { PlacementFields } from './PlacementFields';

export type Reason = 'f1' | 'arrival' | 'f0_treatment' | 'f0_home';

/** F0 at home is always at home, F0 treatment always in a facility; F1 and arrivals choose. */
export const settingOf = (reason: Reason | undefined, chosen: 'facility' | 'home' | undefined) =>
  reason === 'f0_home' ? 'home' : reason === 'f0_treatment' ? 'facility' : (chosen ?? 'facility');

const REASONS: Reason[] = ['f1', 'arrival', 'f0_treatment', 'f0_home'];
const VACCINATION = ['full', 'partial', 'none'] as const;
const big = {
  size: 'large' as const,
  buttonStyle: 'solid' as const,
  optionType: 'button' as const,
  style: { display: 'flex', flexWrap: 'wrap' as const, gap: 4 },
};

/** The admission form's fields: who, why, vaccination, days, and where (a facility's room, or at home when it qualifies). */
export function AdmissionFields({ form }: { form: FormInstance }) {
  const { m } = useI18n();
  const k = m.admission;
  const q = m.quarantine;
  const reason: Reason | undefined = Form.useWatch('reason', form);
  const setting = settingOf(reason, Form.useWatch('setting', form));
  return (
    <>
      <Form.Item name="personId" label={k.personId} required>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="reason" label={k.reason} required>
        <Radio.Group {...big} options={REASONS.map((r) => ({ value: r, label: q.reasons[r] }))} />
      </Form.Item>
      <Form.Item name="vaccination" label={k.vaccination} required>
        <Radio.Group {...big} options={VACCINATION.map((v) => ({ value: v, label: q.vaccination[v] }))} />
      </Form.Item>
      <Form.Item name="admittedOn" label={k.admittedOn} required>
        <VnDateInput />
      </Form.Item>
      {reason === 'f1' ? (
        <Form.Item name="exposedOn" label={k.exposedOn} extra={k.exposedHelp}>
          <VnDateInput />
        </Form.Item>
      ) : null}
      {reason === 'f1' || reason === 'arrival' ? (
        <Form.Item name="setting" label={k.setting} required>
          <Radio.Group {...big} options={(['facility', 'home'] as const).map((s) => ({ value: s, label: q.settings[s] }))} />
        </Form.Item>
      ) : null}
      {setting === 'home' && reason !== 'f0_home' ? (
        <Form.Item name="homeQualifies" valuePropName="checked" extra={k.homeHelp}>
          <Checkbox>{k.homeQualifies}</Checkbox>
        </Form.Item>
      ) : null}
      {setting === 'facility' ? (
        <PlacementFields
          form={form}
          kind={reason === 'f0_treatment' ? 'treatment' : 'quarantine'}
          labels={{ facility: k.facility, room: k.roomId, bed: k.bed }}
        />
      ) : null}
    </>
  );
}
