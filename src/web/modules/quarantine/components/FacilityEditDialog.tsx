import { App, Col, Form, InputNumber, Row, Select } from 'antd';
import { facilityPatch, type FacilityView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { FormDialog } from '@web/ui/FormDialog';
import { usePatchFacility } from '../hooks/useQuarantineMutations';

type Values = Pick<FacilityView, 'status' | 'icuBeds' | 'icuUsed' | 'oxygenPoints' | 'oxygenUsed'>;
const NUMBERS = [
  ['icuBeds', 'icuUsed', 2000],
  ['oxygenPoints', 'oxygenUsed', 5000],
] as const;

/** A facility's status (open, full, closed for disinfection) and its ICU beds and oxygen points with how many are in use. */
export function FacilityEditDialog({ facility, onClose }: { facility: FacilityView; onClose(): void }) {
  const { m } = useI18n();
  const k = m.facilityPage;
  const { message } = App.useApp();
  const patch = usePatchFacility(facility.id);
  const labels: Record<string, string> = {
    status: k.status,
    icuBeds: k.icuBeds,
    icuUsed: k.icuUsed,
    oxygenPoints: k.oxygenPoints,
    oxygenUsed: k.oxygenUsed,
  };
  return (
    <FormDialog<Values, (typeof facilityPatch)['_output']>
      title={fill(k.editTitle, { name: facility.name })}
      name="facility-edit"
      schema={facilityPatch}
      fields={Object.keys(labels)}
      initialValues={facility}
      toInput={(v) => Object.fromEntries(Object.keys(labels).map((f) => [f, v[f as keyof Values] ?? undefined]))}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={patch.isPending}
      submit={async (body) => {
        await patch.mutateAsync(body);
        message.success(k.saved);
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="status" label={k.status} required>
            <Select options={(['open', 'full', 'closed'] as const).map((s) => ({ value: s, label: k.statusOptions[s] }))} />
          </Form.Item>
          {NUMBERS.map(([total, used, max]) => (
            <Row gutter={12} key={total}>
              <Col span={12}>
                <Form.Item name={total} label={labels[total]}>
                  <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={used} label={labels[used]}>
                  <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          ))}
        </>
      )}
    </FormDialog>
  );
}
