import { useEffect } from 'react';
import { Form, Input, Select, type FormInstance } from 'antd';
import { foldVietnamese } from '@domain/vn-text';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { useFacilities, useFacility } from '../hooks/useQuarantine';

const filterOption = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

/**
 * Facility, room and bed of a placement (admission, transfer): the open facilities of the kind the person needs, then the
 * rooms of the chosen one with their beds in use and cohort (a full room cannot be chosen).
 */
export function PlacementFields({
  form,
  kind,
  labels,
}: {
  form: FormInstance;
  kind: 'quarantine' | 'treatment';
  labels: { facility: string; room: string; bed: string };
}) {
  const { m, date } = useI18n();
  const facilities = useFacilities();
  const facilityId: string | undefined = Form.useWatch('facilityId', form);
  const detail = useFacility(facilityId);
  const options = (facilities.data ?? []).filter((f) => f.kind === kind && f.status !== 'closed');
  // A facility of the wrong kind (the reason changed) is dropped with its room; a single possible one is chosen.
  useEffect(() => {
    if (!facilities.data) return;
    if (facilityId && !options.some((f) => f.id === facilityId)) form.setFieldsValue({ facilityId: undefined, roomId: undefined });
    else if (!facilityId && options.length === 1) form.setFieldValue('facilityId', options[0].id);
  }, [kind, facilities.data]);
  const rooms = [...(detail.data?.rooms ?? [])].sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
  return (
    <>
      <Form.Item name="facilityId" label={labels.facility} required>
        <Select
          showSearch
          filterOption={filterOption}
          loading={facilities.isPending}
          onChange={() => form.setFieldsValue({ roomId: undefined, bed: undefined })}
          options={options.map((f) => ({ value: f.id, label: `${f.name} (${f.free}/${f.beds})` }))}
        />
      </Form.Item>
      <Form.Item name="roomId" label={labels.room} required>
        <Select
          showSearch
          filterOption={filterOption}
          disabled={!facilityId}
          loading={!!facilityId && detail.isPending}
          options={rooms.map((r) => ({
            value: r.id,
            disabled: r.occupied >= r.beds,
            label:
              fill(m.admission.roomOption, { code: r.code, occupied: r.occupied, beds: r.beds }) +
              (r.cohort && r.occupied ? ` · ${m.quarantine.classes[r.cohort.cls] ?? r.cohort.cls} ${date(r.cohort.from).slice(0, 5)}` : ''),
          }))}
        />
      </Form.Item>
      <Form.Item name="bed" label={labels.bed}>
        <Input maxLength={10} inputMode="numeric" autoComplete="off" style={{ maxWidth: 120 }} />
      </Form.Item>
    </>
  );
}
