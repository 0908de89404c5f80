import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { VnDateInput } from '@web/ui/VnDateInput';

/**
 * The fields of one person. `at` is where they live in the form: [] for a person form, [index]
 * inside the household form's member list.
 */
export function PersonFields({ at = [], withAddress = true }: { at?: (string | number)[]; withAddress?: boolean }) {
  const { m } = useI18n();
  const p = m.people;
  const name = (field: string) => [...at, field];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={name('fullName')} label={p.fullName} required>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('sex')} label={p.sex} required>
          <Radio.Group
            options={[
              { value: 'male', label: p.sexes.male },
              { value: 'female', label: p.sexes.female },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('birthDate')} label={p.birthDate}>
          <VnDateInput />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('birthYear')} label={p.birthYear}>
          <InputNumber min={1880} max={2100} controls={false} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('nationalId')} label={p.nationalId}>
          <Input inputMode="numeric" maxLength={12} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('phone')} label={p.phone}>
          <Input type="tel" inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('occupation')} label={p.occupation}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('workplace')} label={p.workplace}>
          <Input />
        </Form.Item>
      </Col>
      {withAddress ? (
        <Col xs={24} md={12}>
          <Form.Item name={name('address')} label={p.address}>
            <Input />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
