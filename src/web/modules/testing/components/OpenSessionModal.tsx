import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { sessionInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { clearChangedErrors, requiredMessage, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useCreateSession } from '../hooks/useSessions';
import { useTeams } from '../hooks/useTeams';

interface Values {
  teamId?: string;
  sessionDate?: string | null;
  mode: 'door_to_door' | 'fixed';
  placeName?: string;
}

const FIELDS = ['teamId', 'sessionDate', 'mode', 'placeName'];

/** Opens a sampling session of one of the commune's teams, then goes to it. */
export function OpenSessionModal({ communeCode, day, onClose }: { communeCode: string; day: string; onClose(): void }) {
  const { m, lang } = useI18n();
  const s = m.sampling;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const teams = useTeams(communeCode);
  const create = useCreateSession();
  const [general, setGeneral] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);
  const active = (teams.data ?? []).filter((t) => t.active);
  const labels: Record<string, string> = { teamId: s.team, sessionDate: s.sessionDate, mode: s.mode, placeName: s.placeName };
  const labelOf = (p: FieldPath) => labels[String(p[0])] ?? String(p[0]);

  // A commune with one team: it is the one.
  useEffect(() => {
    if (active.length === 1 && !form.getFieldValue('teamId')) form.setFieldValue('teamId', active[0].id);
  }, [teams.data]);

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const input = { teamId: v.teamId ?? '', sessionDate: v.sessionDate ?? '', mode: v.mode, placeName: v.mode === 'fixed' ? (v.placeName ?? '') : null };
    const parsed = sessionInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(
        form,
        zodFieldErrors(parsed.error, input, lang, m, labelOf).map((e) =>
          e.name[0] === 'teamId' && !input.teamId ? { ...e, errors: [requiredMessage(m, s.team, true)] } : e,
        ),
      );
      return;
    }
    try {
      const session = await create.mutateAsync(parsed.data);
      message.success(s.sessionOpened);
      navigate(paths.samplingSession(session.id));
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  };

  return (
    <Modal
      open
      title={s.openSession}
      okText={s.openSession}
      cancelText={m.common.cancel}
      onOk={() => void save()}
      confirmLoading={create.isPending}
      onCancel={onClose}
    >
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} /> : null}
      {teams.data && !active.length ? <Alert type="warning" showIcon message={s.noTeams} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        name="open-session"
        layout="vertical"
        initialValues={{ sessionDate: day, mode: 'door_to_door' }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void save()}
      >
        <Form.Item name="teamId" label={s.team} required>
          <Select loading={teams.isPending} options={active.map((t) => ({ value: t.id, label: t.name }))} data-testid="session-team" />
        </Form.Item>
        <Form.Item name="sessionDate" label={s.sessionDate} required>
          <VnDateInput />
        </Form.Item>
        <Form.Item name="mode" label={s.mode} required>
          <Radio.Group
            options={[
              { value: 'door_to_door', label: s.modes.door_to_door },
              { value: 'fixed', label: s.modes.fixed },
            ]}
          />
        </Form.Item>
        {mode === 'fixed' ? (
          <Form.Item name="placeName" label={s.placeName}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
