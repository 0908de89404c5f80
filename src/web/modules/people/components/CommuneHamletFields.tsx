import { Col, Form } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { HamletSelect } from '@web/modules/geography/components/HamletSelect';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';

/** The commune picker and the hamlet select of that commune, as two columns of a form row. */
export function CommuneHamletFields({ communeCode }: { communeCode: string | undefined }) {
  const { m } = useI18n();
  return (
    <>
      <Col xs={24} lg={16}>
        <Form.Item name="communeCode" label={m.people.commune} required>
          <UnitPicker leaf="commune" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={8}>
        <Form.Item name="hamletCode" label={m.people.hamlet}>
          <HamletSelect communeCode={communeCode} />
        </Form.Item>
      </Col>
    </>
  );
}
