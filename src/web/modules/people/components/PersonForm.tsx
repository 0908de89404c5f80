import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Row, Space } from 'antd';
import type { DuplicateWarning, HouseholdView, PersonInput, PersonPatch, PersonView } from '@server/modules/people/schemas';
import { personInput, personPatch } from '@server/modules/people/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldErrorEntry } from '@web/lib/form-errors';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { useDuplicates } from '../hooks/useDuplicates';
import { useCreatePerson, useMergePersons, useUpdatePerson } from '../hooks/usePersonMutations';
import { birthYearOf, PERSON_FIELDS, personLabels, toPersonPayload, type PersonFormValues } from '../person-form-values';
import { CommuneHamletFields } from './CommuneHamletFields';
import { DuplicateWarnings } from './DuplicateWarnings';
import { MergeDialog } from './MergeDialog';
import { PersonFields } from './PersonFields';

interface Existing {
  id: string;
  fullName: string;
}

function initialValues(person?: PersonView, household?: HouseholdView): PersonFormValues {
  if (person) {
    return {
      fullName: person.fullName,
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      sex: person.sex,
      nationalId: person.nationalId,
      phone: person.phone,
      occupation: person.occupation,
      workplace: person.workplace,
      address: person.address,
      communeCode: person.communeCode,
      hamletCode: person.hamletCode,
    };
  }
  return { communeCode: household?.communeCode, hamletCode: household?.hamletCode ?? null, address: household?.address ?? null };
}

/**
 * Create or edit one person. Validated with the shared zod schema before sending; server problems are put
 * back under their fields; likely duplicates are shown while typing, before saving.
 */
export function PersonForm({ person, household }: { person?: PersonView; household?: HouseholdView }) {
  const { can } = useAuth();
  const { m, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonFormValues>();
  const [general, setGeneral] = useState<string | null>(null);
  const [existing, setExisting] = useState<Existing | null>(null);
  const [mergeWith, setMergeWith] = useState<DuplicateWarning | null>(null);
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const merge = useMergePersons();
  const labels = personLabels(m);
  const formFields = PERSON_FIELDS.filter((f) => f !== 'householdId' && !(household && (f === 'communeCode' || f === 'hamletCode')));

  const watched = Form.useWatch([], form) as PersonFormValues | undefined;
  const communeCode = household?.communeCode ?? watched?.communeCode;
  const duplicates = useDuplicates({ fullName: watched?.fullName, birthYear: birthYearOf(watched), communeCode, excludeId: person?.id }, can('people.write'));

  const showErrors = (errors: FieldErrorEntry[]) =>
    showFieldErrors(
      form,
      errors.filter((e) => formFields.includes(String(e.name[0]) as (typeof formFields)[number])),
    );

  /** Saves; with `mergeInto`, the new record is then merged into that existing one. */
  const save = async (mergeInto?: string) => {
    setGeneral(null);
    setExisting(null);
    const values = form.getFieldsValue(true) as PersonFormValues;
    const payload = {
      ...toPersonPayload(values),
      ...(household ? { householdId: household.id, communeCode: household.communeCode, hamletCode: household.hamletCode } : {}),
    };
    const parsed = person ? personPatch.safeParse({ ...payload, version: person.version }) : personInput.safeParse(payload);
    if (!parsed.success) {
      showErrors(zodFieldErrors(parsed.error, payload, lang, m, (path) => labels[String(path[0])] ?? String(path[0])));
      setGeneral(m.common.fixErrors);
      return;
    }
    showErrors([]);
    try {
      if (person) {
        const saved = await update.mutateAsync(parsed.data as PersonPatch);
        message.success(fill(m.people.updated, { name: saved.fullName }));
        navigate(paths.person(saved.id));
        return;
      }
      const { person: created } = await create.mutateAsync(parsed.data as PersonInput);
      if (mergeInto) {
        await merge.mutateAsync({ keepId: mergeInto, mergeId: created.id });
        message.success(m.duplicates.merged);
        navigate(paths.person(mergeInto));
      } else {
        message.success(fill(m.people.created, { name: created.fullName }));
        navigate(paths.person(created.id));
      }
    } catch (err) {
      const { fields, general: text } = splitProblem(err, formFields, m, lang);
      showErrors(fields);
      setGeneral(text);
      const other = err instanceof ApiError ? (err.problem.existing as Existing | undefined) : undefined;
      if (other?.id) setExisting(other);
    }
  };

  const mergeExisting = async (keep: 'current' | 'other') => {
    if (!mergeWith) return;
    if (!person) {
      setMergeWith(null);
      await save(mergeWith.id);
      return;
    }
    const keepId = keep === 'current' ? person.id : mergeWith.id;
    const mergeId = keep === 'current' ? mergeWith.id : person.id;
    await merge.mutateAsync({ keepId, mergeId });
    setMergeWith(null);
    message.success(m.duplicates.merged);
    navigate(paths.person(keepId));
  };

  const onValuesChange = (changed: Partial<PersonFormValues>) => {
    clearChangedErrors(form, changed);
    if (changed.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(changed.birthDate)) form.setFieldValue('birthYear', Number(changed.birthDate.slice(0, 4)));
    if ('communeCode' in changed) form.setFieldValue('hamletCode', null);
  };

  const saving = create.isPending || update.isPending || merge.isPending;
  return (
    <Form<PersonFormValues>
      form={form}
      name="person"
      layout="vertical"
      initialValues={initialValues(person, household)}
      onFinish={() => void save()}
      onValuesChange={onValuesChange}
      scrollToFirstError
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      {existing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={<Link to={paths.person(existing.id)}>{fill(m.duplicates.openExisting, { name: existing.fullName })}</Link>}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <PersonFields />
      </Card>
      <Card size="small" title={m.people.place} style={{ marginBottom: 16 }}>
        {household ? (
          <p style={{ margin: 0 }}>
            {m.people.household}: <Link to={paths.household(household.id)}>{household.address}</Link> ·{' '}
            <UnitName code={household.hamletCode ?? household.communeCode} withParents />
          </p>
        ) : (
          <Row gutter={16}>
            <CommuneHamletFields communeCode={communeCode} />
          </Row>
        )}
      </Card>
      <DuplicateWarnings warnings={duplicates.data} checking={duplicates.isFetching} onMerge={setMergeWith} />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {m.common.save}
        </Button>
        <Button onClick={() => navigate(-1)}>{m.common.cancel}</Button>
      </Space>
      {mergeWith ? (
        <MergeDialog
          current={{ id: person?.id ?? null, fullName: watched?.fullName || person?.fullName || '' }}
          other={{ id: mergeWith.id, fullName: mergeWith.fullName }}
          onConfirm={mergeExisting}
          onClose={() => setMergeWith(null)}
        />
      ) : null}
    </Form>
  );
}
