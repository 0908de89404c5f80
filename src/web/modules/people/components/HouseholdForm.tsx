import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { householdInput } from '@server/modules/people/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldErrorEntry } from '@web/lib/form-errors';
import { useDuplicates } from '../hooks/useDuplicates';
import { useCreateHousehold } from '../hooks/usePersonMutations';
import { birthYearOf, personLabels, toPersonPayload, type PersonFormValues } from '../person-form-values';
import { CommuneHamletFields } from './CommuneHamletFields';
import { DuplicateWarnings } from './DuplicateWarnings';
import { PersonFields } from './PersonFields';

interface HouseholdFormValues {
  address?: string;
  communeCode?: string;
  hamletCode?: string | null;
  members?: PersonFormValues[];
  headIndex?: number;
}

const FORM_FIELDS = ['address', 'communeCode', 'hamletCode', 'members', 'headIndex'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A household with its members, saved in one request; one member is chosen as the head. */
export function HouseholdForm() {
  const { m, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HouseholdFormValues>();
  const [general, setGeneral] = useState<string | null>(null);
  const create = useCreateHousehold();
  const h = m.household;
  const labels: Record<string, string> = { ...personLabels(m), address: h.address };
  const members = (Form.useWatch('members', form) ?? []) as PersonFormValues[];
  const communeCode = Form.useWatch('communeCode', form);

  const showErrors = (errors: FieldErrorEntry[]) => showFieldErrors(form, errors);

  /** Member errors about the place belong to the household's own commune and hamlet fields. */
  const placeOnHousehold = (errors: FieldErrorEntry[]) =>
    errors.map((e) => (e.name[0] === 'members' && (e.name[2] === 'communeCode' || e.name[2] === 'hamletCode') ? { ...e, name: [e.name[2]] } : e));

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as HouseholdFormValues;
    const payload = {
      address: v.address ?? '',
      communeCode: v.communeCode,
      hamletCode: v.hamletCode || null,
      members: (v.members ?? []).map((mv) => ({ ...toPersonPayload(mv), communeCode: v.communeCode, hamletCode: v.hamletCode || null })),
      headIndex: v.headIndex ?? 0,
    };
    const parsed = householdInput.safeParse(payload);
    if (!parsed.success) {
      showErrors(
        placeOnHousehold(zodFieldErrors(parsed.error, payload, lang, m, (path) => labels[String(path[path.length - 1])] ?? String(path[path.length - 1]))),
      );
      setGeneral(m.common.fixErrors);
      return;
    }
    showErrors([]);
    try {
      const { household } = await create.mutateAsync(parsed.data);
      message.success(fill(h.created, { n: household.members.length }));
      navigate(paths.household(household.id));
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FORM_FIELDS, m, lang);
      showErrors(placeOnHousehold(fields));
      setGeneral(text);
    }
  };

  const onValuesChange = (changed: HouseholdFormValues) => {
    clearChangedErrors(form, changed);
    if ('communeCode' in changed) form.setFieldValue('hamletCode', null);
    changed.members?.forEach((c, i) => {
      if (c?.birthDate && ISO.test(c.birthDate)) form.setFieldValue(['members', i, 'birthYear'], Number(c.birthDate.slice(0, 4)));
    });
  };

  return (
    <Form<HouseholdFormValues>
      form={form}
      name="household"
      layout="vertical"
      initialValues={{ members: [{}], headIndex: 0, hamletCode: null }}
      onFinish={() => void save()}
      onValuesChange={onValuesChange}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="address" label={h.address} required>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <CommuneHamletFields communeCode={communeCode} />
        </Row>
      </Card>

      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={fill(h.member, { n: index + 1 })}
                style={{ marginBottom: 16 }}
                data-testid={`member-${index}`}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={fill(h.removeMember, { n: index + 1 })}
                      onClick={() => {
                        const head = form.getFieldValue('headIndex') ?? 0;
                        remove(field.name);
                        form.setFieldValue('headIndex', head === index ? 0 : head > index ? head - 1 : head);
                      }}
                    />
                  ) : null
                }
              >
                <PersonFields at={[field.name]} withAddress={false} />
                <MemberDuplicates form={form} index={index} communeCode={communeCode} />
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }} block>
              {h.addMember}
            </Button>
          </>
        )}
      </Form.List>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="headIndex" label={h.head} required style={{ marginBottom: 0 }}>
          <Radio.Group options={members.map((mv, i) => ({ value: i, label: mv?.fullName?.trim() || fill(h.member, { n: i + 1 }) }))} />
        </Form.Item>
      </Card>

      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {m.common.save}
        </Button>
        <Button onClick={() => navigate(-1)}>{m.common.cancel}</Button>
      </Space>
    </Form>
  );
}

function MemberDuplicates({ form, index, communeCode }: { form: FormInstance<HouseholdFormValues>; index: number; communeCode?: string }) {
  const member = Form.useWatch(['members', index], form) as PersonFormValues | undefined;
  const duplicates = useDuplicates({ fullName: member?.fullName, birthYear: birthYearOf(member), communeCode });
  return <DuplicateWarnings warnings={duplicates.data} checking={duplicates.isFetching} />;
}
