import { useEffect } from 'react';
import { App, Col, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { facilityInput, type RoomInput } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { FormDialog } from '@web/ui/FormDialog';
import { useQuarantineRules } from '../hooks/useQuarantine';
import { useCreateFacility } from '../hooks/useQuarantineMutations';
import { RoomsField } from './RoomsField';

interface Values {
  name?: string;
  kind: 'quarantine' | 'treatment';
  tier?: string;
  managingAgency?: string;
  communeCode?: string;
  address?: string;
  icuBeds?: number | null;
  oxygenPoints?: number | null;
  rooms: Partial<RoomInput>[];
}

/** Adds a quarantine site or a treatment facility with its rooms and beds. */
export function FacilityCreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { m } = useI18n();
  const k = m.facilityForm;
  const { message } = App.useApp();
  const create = useCreateFacility();
  const labels: Record<string, string> = {
    name: k.name,
    kind: k.kind,
    tier: k.tier,
    managingAgency: k.managingAgency,
    communeCode: k.communeCode,
    address: k.address,
    icuBeds: k.icuBeds,
    oxygenPoints: k.oxygenPoints,
    rooms: k.rooms,
    area: k.area,
    code: k.code,
    beds: k.beds,
  };
  return (
    <FormDialog<Values, (typeof facilityInput)['_output']>
      title={k.title}
      name="facility-create"
      schema={facilityInput}
      fields={Object.keys(labels)}
      initialValues={{ kind: 'quarantine', icuBeds: 0, oxygenPoints: 0, rooms: [] }}
      toInput={(v) => ({ ...v, icuBeds: v.icuBeds ?? 0, oxygenPoints: v.oxygenPoints ?? 0 })}
      labelOf={(p) => (p[0] === 'rooms' && p.length > 2 ? labels[String(p[2])] : labels[String(p[0])]) ?? String(p[0])}
      pending={create.isPending}
      submit={async (input) => {
        const f = await create.mutateAsync(input);
        message.success(fill(k.created, { name: f.name }));
        onCreated(f.id);
      }}
      onClose={onClose}
    >
      {(form) => <FacilityFields form={form} />}
    </FormDialog>
  );
}

function FacilityFields({ form }: { form: FormInstance<Values> }) {
  const { m, lang } = useI18n();
  const k = m.facilityForm;
  const rules = useQuarantineRules();
  const kind = Form.useWatch('kind', form) ?? 'quarantine';
  const tiers = (rules.data?.tiers ?? []).filter((t) => t.kind === kind);
  // A kind with one tier (the quarantine site) needs no choice; a tier of the other kind goes when the kind changes.
  useEffect(() => {
    const tier = form.getFieldValue('tier') as string | undefined;
    if (tiers.length === 1) form.setFieldValue('tier', tiers[0].code);
    else if (tier && !tiers.some((t) => t.code === tier)) form.setFieldValue('tier', undefined);
  }, [kind, rules.data]);
  return (
    <>
      <Form.Item name="name" label={k.name} required>
        <Input maxLength={200} autoComplete="off" placeholder="Khu cách ly Ký túc xá Đại học Cần Thơ" />
      </Form.Item>
      <Form.Item name="kind" label={k.kind} required>
        <Radio.Group optionType="button" options={(['quarantine', 'treatment'] as const).map((v) => ({ value: v, label: m.quarantine.kinds[v] }))} />
      </Form.Item>
      <Form.Item name="tier" label={k.tier} required>
        <Select loading={rules.isPending} options={tiers.map((t) => ({ value: t.code, label: lang === 'vi' ? t.nameVi : t.nameEn }))} />
      </Form.Item>
      <Form.Item name="managingAgency" label={k.managingAgency} required>
        <Input maxLength={200} autoComplete="off" placeholder="Bộ Chỉ huy Quân sự thành phố" />
      </Form.Item>
      <Form.Item name="communeCode" label={k.communeCode} required>
        <UnitPicker leaf="commune" />
      </Form.Item>
      <Form.Item name="address" label={k.address} required>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="icuBeds" label={k.icuBeds}>
            <InputNumber min={0} max={2000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="oxygenPoints" label={k.oxygenPoints}>
            <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={k.rooms} style={{ marginBottom: 0 }}>
        <RoomsField form={form} />
      </Form.Item>
    </>
  );
}
