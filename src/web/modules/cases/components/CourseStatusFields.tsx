import { Form, Select } from 'antd';
import { clinicalStatus, treatmentPlace } from '@server/modules/cases/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';

/** The clinical status and the treatment place of a case, as form fields (new case, course of a case). */
export function CourseStatusFields() {
  const c = useI18n().m.cases;
  return (
    <>
      <Form.Item name="clinicalStatus" label={c.clinicalStatus} required>
        <Select options={clinicalStatus.options.map((s) => ({ value: s, label: c.clinicalStatuses[s] }))} />
      </Form.Item>
      <Form.Item name="treatmentPlace" label={c.treatmentPlace} required>
        <Select options={treatmentPlace.options.map((s) => ({ value: s, label: c.treatmentPlaces[s] }))} />
      </Form.Item>
    </>
  );
}
