import { Form, Input, InputNumber, Radio } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';

/** The few fields asked at the door for a person not yet registered; `at` is where they live in the form. */
export function NewPersonFields({ at }: { at: (string | number)[] }) {
  const { m } = useI18n();
  const p = m.people;
  const name = (field: string) => [...at, field];
  return (
    <>
      <Form.Item name={name('fullName')} label={p.fullName} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={name('sex')} label={p.sex} required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'male', label: p.sexes.male },
            { value: 'female', label: p.sexes.female },
          ]}
        />
      </Form.Item>
      <Form.Item name={name('birthYear')} label={p.birthYear} required>
        <InputNumber min={1880} max={2100} controls={false} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={name('nationalId')} label={p.nationalId}>
        <Input inputMode="numeric" maxLength={12} autoComplete="off" />
      </Form.Item>
      <Form.Item name={name('phone')} label={p.phone}>
        <Input type="tel" inputMode="tel" autoComplete="off" />
      </Form.Item>
    </>
  );
}
