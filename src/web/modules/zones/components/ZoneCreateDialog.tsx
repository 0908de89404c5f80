import { App, Form, Input, Radio, Select } from 'antd';
import { vnDay } from '@domain/dates';
import { zoneInput } from '@server/modules/zones/lockdown/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { useUnitChildren } from '@web/modules/geography/hooks/useUnits';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useCreateZone } from '../hooks/useLockdown';
import { FormDialog } from '@web/ui/FormDialog';
import { HouseholdPicker } from './HouseholdPicker';

interface Values {
  communeCode?: string;
  name?: string;
  scopeKind: 'households' | 'hamlet' | 'commune';
  householdIds?: string[];
  hamletCode?: string;
  reason?: string;
  startedOn?: string | null;
}

/** Draws a lockdown zone in a commune: listed households, one hamlet, or the whole commune. */
export function ZoneCreateDialog({
  communes,
  onClose,
  onCreated,
}: {
  communes: { code: string; name: string }[];
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { m } = useI18n();
  const k = m.lockdown;
  const { message } = App.useApp();
  const create = useCreateZone();
  const labels: Record<string, string> = {
    communeCode: k.commune,
    name: k.name,
    scopeKind: k.scopeKind,
    householdIds: k.households,
    hamletCode: k.hamlet,
    reason: k.reason,
    startedOn: k.startedOn,
  };
  return (
    <FormDialog<Values, (typeof zoneInput)['_output']>
      title={k.add}
      name="zone-create"
      schema={zoneInput}
      fields={Object.keys(labels)}
      initialValues={{ scopeKind: 'households', startedOn: vnDay(), communeCode: communes.length === 1 ? communes[0].code : undefined }}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      fieldOf={(p) => (p[0] === 'householdIds' ? ['householdIds'] : p)}
      pending={create.isPending}
      submit={async (input) => {
        const zone = await create.mutateAsync(input);
        message.success(fill(k.created, { name: zone.name }));
        onCreated(zone.id);
      }}
      onClose={onClose}
    >
      {(form) => <ZoneFields form={form} communes={communes} />}
    </FormDialog>
  );
}

function ZoneFields({ form, communes }: { form: ReturnType<typeof Form.useForm<Values>>[0]; communes: { code: string; name: string }[] }) {
  const { m } = useI18n();
  const k = m.lockdown;
  const commune = Form.useWatch('communeCode', form);
  const scope = Form.useWatch('scopeKind', form) ?? 'households';
  const hamlets = useUnitChildren(scope === 'hamlet' ? commune : null);
  return (
    <>
      <Form.Item name="communeCode" label={k.commune} required>
        <Select showSearch optionFilterProp="label" options={communes.map((c) => ({ value: c.code, label: c.name }))} />
      </Form.Item>
      <Form.Item name="name" label={k.name} required>
        <Input maxLength={200} autoComplete="off" placeholder="Hẻm 12 Lý Tự Trọng" />
      </Form.Item>
      <Form.Item name="scopeKind" label={k.scopeKind} required>
        <Radio.Group options={(['households', 'hamlet', 'commune'] as const).map((v) => ({ value: v, label: k.scopeKinds[v] }))} />
      </Form.Item>
      {scope === 'households' ? (
        <Form.Item name="householdIds" label={k.households} required>
          <HouseholdPicker communeCode={commune} />
        </Form.Item>
      ) : null}
      {scope === 'hamlet' ? (
        <Form.Item name="hamletCode" label={k.hamlet} required>
          <Select options={(hamlets.data ?? []).map((h) => ({ value: h.code, label: h.name }))} loading={hamlets.isFetching} />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={k.reason} required>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item name="startedOn" label={k.startedOn} required>
        <VnDateInput />
      </Form.Item>
    </>
  );
}
