import { App, Form, Input } from 'antd';
import { releaseInput, type StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { FormDialog } from '@web/ui/FormDialog';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useRelease } from '../hooks/useQuarantineMutations';

type Values = Partial<Record<'day' | 'signer' | 'signerTitle', string | null>>;

/** Releases a person whose quarantine is over with every test negative; the server refuses otherwise and says why. */
export function ReleaseDialog({ stay, today, onClose }: { stay: StayView; today: string; onClose(): void }) {
  const { m, date } = useI18n();
  const k = m.stayActions;
  const { message } = App.useApp();
  const release = useRelease(stay.id);
  const labels: Record<string, string> = { day: k.day, signer: k.signer, signerTitle: k.signerTitle };
  return (
    <FormDialog<Values, (typeof releaseInput)['_output']>
      title={fill(k.releaseTitle, { name: stay.personName })}
      name="stay-release"
      schema={releaseInput}
      fields={Object.keys(labels)}
      initialValues={{ day: today, signerTitle: 'Trưởng khu cách ly' }}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={release.isPending}
      submit={async (body) => {
        const released = await release.mutateAsync(body);
        message.success(fill(k.released, { no: released.certificateNo ?? '' }));
      }}
      onClose={onClose}
      intro={<p>{fill(k.releaseHelp, { lastDay: date(stay.lastDay) })}</p>}
    >
      {() => (
        <>
          <Form.Item name="day" label={k.day} required>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="signer" label={k.signer} required>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
          <Form.Item name="signerTitle" label={k.signerTitle} required>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
