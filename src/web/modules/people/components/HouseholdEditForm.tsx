import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { householdPatch, type HouseholdView } from '@server/modules/people/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors } from '@web/lib/form-errors';
import { HamletSelect } from '@web/modules/geography/components/HamletSelect';
import { useUpdateHousehold } from '../hooks/usePersonMutations';

interface Values {
  address: string;
  hamletCode: string | null;
  headPersonId: string | null;
}

const FIELDS = ['address', 'hamletCode', 'headPersonId'];

/** Address, hamlet and head of an existing household (optimistic version check on the server). */
export function HouseholdEditForm({ household }: { household: HouseholdView }) {
  const { m, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const update = useUpdateHousehold(household.id);
  const labels: Record<string, string> = { address: m.household.address, hamletCode: m.people.hamlet, headPersonId: m.household.head };

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const payload = { address: v.address ?? '', hamletCode: v.hamletCode || null, headPersonId: v.headPersonId || null, version: household.version };
    const parsed = householdPatch.safeParse(payload);
    const errors = parsed.success ? [] : zodFieldErrors(parsed.error, payload, lang, m, (p) => labels[String(p[0])] ?? String(p[0]));
    showFieldErrors(form, errors);
    if (!parsed.success) return;
    try {
      await update.mutateAsync(parsed.data);
      message.success(m.household.updated);
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="household-edit"
      layout="vertical"
      initialValues={{ address: household.address, hamletCode: household.hamletCode, headPersonId: household.headPersonId }}
      onFinish={() => void save()}
      onValuesChange={(changed) => clearChangedErrors(form, changed)}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="address" label={m.household.address} required>
        <Input />
      </Form.Item>
      <Form.Item name="hamletCode" label={m.people.hamlet}>
        <HamletSelect communeCode={household.communeCode} />
      </Form.Item>
      <Form.Item name="headPersonId" label={m.household.head}>
        <Select allowClear options={household.members.map((p) => ({ value: p.id, label: p.fullName }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {m.common.save}
      </Button>
    </Form>
  );
}
