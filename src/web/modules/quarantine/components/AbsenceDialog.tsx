import { App, Checkbox, Form, Input } from 'antd';
import { absenceInput, type StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { FormDialog } from '@web/ui/FormDialog';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useAbsence } from '../hooks/useQuarantineMutations';

interface Values {
  day?: string | null;
  note?: string;
  returned: boolean;
}

/** An absence or escape: a person who did not come back ends the stay and frees the bed. */
export function AbsenceDialog({ stay, today, onClose }: { stay: StayView; today: string; onClose(): void }) {
  const { m } = useI18n();
  const k = m.stayActions;
  const { message } = App.useApp();
  const absence = useAbsence(stay.id);
  const labels: Record<string, string> = { day: k.day, note: k.note, returned: k.returned };
  return (
    <FormDialog<Values, (typeof absenceInput)['_output']>
      title={fill(k.absenceTitle, { name: stay.personName })}
      name="stay-absence"
      schema={absenceInput}
      fields={Object.keys(labels)}
      initialValues={{ day: today, returned: false }}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={absence.isPending}
      submit={async (body) => {
        await absence.mutateAsync(body);
        message.success(k.absenceSaved);
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="day" label={k.day} required>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="note" label={k.note} required>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="returned" valuePropName="checked">
            <Checkbox>{k.returned}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
