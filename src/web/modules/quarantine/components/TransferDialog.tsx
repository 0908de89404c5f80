import { App, Alert, Form, Input } from 'antd';
import { transferInput, type FacilityView, type StayView } from '@server/modules/quarantine/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { FormDialog } from '@web/ui/FormDialog';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useTransfer } from '../hooks/useQuarantineMutations';
import { PlacementFields } from './PlacementFields';

interface Values {
  facilityId?: string;
  roomId?: string;
  bed?: string;
  day?: string | null;
  note?: string;
  overrideReason?: string;
}

/** Moves a person to another room of this or another facility; a person who tested positive goes to a treatment facility. */
export function TransferDialog({ stay, from, today, onClose }: { stay: StayView; from: FacilityView; today: string; onClose(): void }) {
  const { m, date } = useI18n();
  const k = m.stayActions;
  const { can } = useAuth();
  const { message } = App.useApp();
  const transfer = useTransfer(stay.id);
  const kind = stay.positiveOn || stay.reason === 'f0_treatment' ? 'treatment' : 'quarantine';
  const labels: Record<string, string> = {
    facilityId: k.facility,
    roomId: k.roomId,
    bed: k.bed,
    day: k.day,
    note: k.note,
    overrideReason: k.overrideReason,
  };
  return (
    <FormDialog<Values, (typeof transferInput)['_output']>
      title={fill(k.transferTitle, { name: stay.personName })}
      name="stay-transfer"
      schema={transferInput}
      fields={Object.keys(labels)}
      initialValues={{ day: today, facilityId: from.kind === kind ? from.id : undefined }}
      toInput={({ facilityId: _, ...body }) => ({ ...body, bed: body.bed || undefined })}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={transfer.isPending}
      submit={async (body) => {
        const moved = await transfer.mutateAsync(body);
        message.success(fill(k.transferred, { name: moved.personName, place: `${moved.facilityName ?? ''} · ${moved.roomCode ?? ''}` }));
      }}
      onClose={onClose}
      intro={
        stay.positiveOn ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={fill(k.positiveHelp, { day: date(stay.positiveOn) })} /> : null
      }
    >
      {(form) => (
        <>
          <PlacementFields form={form} kind={kind} labels={{ facility: k.facility, room: k.roomId, bed: k.bed }} />
          <Form.Item name="day" label={k.day} required>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="note" label={k.note}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {can('quarantine.override') ? (
            <Form.Item name="overrideReason" label={k.overrideReason}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
