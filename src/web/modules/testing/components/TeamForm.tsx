import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { teamInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { useSaveTeam, type TeamView } from '../hooks/useTeams';

interface Values {
  name?: string;
  members?: { fullName?: string; phone?: string | null }[];
  active: boolean;
}

const FIELDS = ['name', 'members', 'active', 'communeCode'];

/** A sampling team of a commune: name, members with their phones, active or not. */
export function TeamForm({ team, communeCode, onDone }: { team?: TeamView; communeCode: string; onDone(): void }) {
  const { m, lang } = useI18n();
  const s = m.sampling;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveTeam(team?.id);
  const [general, setGeneral] = useState<string | null>(null);
  const labels: Record<string, string> = { name: s.teamName, fullName: s.memberName, phone: s.memberPhone, members: s.teamMembers };
  const labelOf = (p: FieldPath) => labels[String(p[p.length - 1])] ?? labels[String(p[0])] ?? String(p[0]);

  const submit = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const input = {
      communeCode,
      name: v.name ?? '',
      members: (v.members ?? []).map((x) => ({ fullName: x?.fullName ?? '', phone: x?.phone || null })),
      active: v.active,
    };
    const parsed = teamInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, input, lang, m, labelOf));
      return;
    }
    try {
      const saved = await save.mutateAsync(parsed.data);
      message.success(fill(s.teamSaved, { name: saved.name }));
      onDone();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="team"
      layout="vertical"
      initialValues={team ? { name: team.name, members: team.members, active: team.active } : { members: [{}], active: true }}
      onValuesChange={(changed) => clearChangedErrors(form, changed)}
      onFinish={() => void submit()}
    >
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="name" label={s.teamName} required>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={fill(s.teamMember, { n: i + 1 })}
                style={{ marginBottom: 12 }}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={fill(s.removeTeamMember, { n: i + 1 })} onClick={() => remove(field.name)} />
                }
              >
                <Form.Item name={[field.name, 'fullName']} label={s.memberName} required>
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item name={[field.name, 'phone']} label={s.memberPhone} style={{ marginBottom: 0 }}>
                  <Input type="tel" inputMode="tel" autoComplete="off" />
                </Form.Item>
              </Card>
            ))}
            <Button block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {s.addTeamMember}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="active" label={s.active} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="team-save">
          {m.common.save}
        </Button>
        <Button onClick={onDone}>{m.common.cancel}</Button>
      </Space>
    </Form>
  );
}
