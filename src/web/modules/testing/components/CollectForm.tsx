import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { messageFor } from '@domain/error-catalog';
import { RESULTS } from '@domain/testing';
import { formatPercent } from '@domain/format';
import { personInput } from '@server/modules/people/schemas';
import { collectInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import {
  clearChangedErrors,
  errorMessage,
  problemFieldErrors,
  requiredMessage,
  showFieldErrors,
  zodFieldErrors,
  type FieldErrorEntry,
  type FieldPath,
} from '@web/lib/form-errors';
import { useHousehold } from '@web/modules/people/hooks/usePeople';
import { personLabels } from '@web/modules/people/person-form-values';
import { CHOICES, collectFieldPath, collectPayload, pooledPersons, poolTubes, type CollectChoice, type CollectValues } from '../collect-form';
import { useCollect, usePoolPlan, type CollectedView } from '../hooks/useCollect';
import type { SessionView } from '../hooks/useSessions';
import type { TaskView } from '../hooks/useTasks';
import { HouseholdPicker } from './HouseholdPicker';
import { NewPersonFields } from './NewPersonFields';
import { PersonPicker } from './PersonPicker';
import { ResultConsequences } from './ResultConsequences';
import { TubeBarcodes } from './TubeBarcodes';

const CHOICE_ORDER: CollectChoice[] = ['pool', 'single', 'antigen'];
const OPTION_STYLE = { padding: '10px 12px', border: '1px solid #d9d9d9', borderRadius: 8, margin: 0 } as const;

/**
 * Collects one sample at a door, on a phone: a household pool (members present ticked, persons added on the
 * spot, one barcode per tube of the split in force), a single RT-PCR sample, or a rapid antigen test with its
 * result. Validated with the shared schemas; the server's field errors go back under their inputs.
 */
export function CollectForm({
  session,
  task,
  household: chosenHousehold,
  onTaskDone,
}: {
  session: SessionView;
  task: TaskView | null;
  /** A household chosen before the form opened (a campaign team's work list, ?household=). */
  household?: string | null;
  onTaskDone(): void;
}) {
  const { m, lang } = useI18n();
  const s = m.sampling;
  const { message } = App.useApp();
  const [form] = Form.useForm<CollectValues>();
  const collect = useCollect(session.id);
  const [general, setGeneral] = useState<string | null>(null);
  const [answer, setAnswer] = useState<CollectedView | null>(null);
  const [addingNew, setAddingNew] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const submit = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (chosenHousehold) form.setFieldsValue({ choice: 'pool', householdId: chosenHousehold });
  }, [chosenHousehold, form]);

  const values = (Form.useWatch([], form) ?? {}) as Partial<CollectValues>;
  const choice: CollectChoice = values.choice ?? 'pool';
  const householdId = choice === 'pool' ? values.householdId : undefined;
  const household = useHousehold(householdId);
  const plan = usePoolPlan(householdId);
  const h = household.data && household.data.id === householdId ? household.data : undefined;

  // A household just chosen: everyone is present until unticked.
  useEffect(() => {
    if (h)
      form.setFieldValue(
        'present',
        h.members.map((p) => p.id),
      );
  }, [h?.id]);

  // A task opens the form on a single RT-PCR sample of its person.
  useEffect(() => {
    if (!task) return;
    form.resetFields();
    form.setFieldsValue({ choice: 'single', personId: task.personId });
    setAddingNew(false);
    setAnswer(null);
    setGeneral(null);
    top.current?.scrollIntoView({ block: 'start' });
  }, [task?.id]);

  const persons = choice === 'pool' ? pooledPersons(values as CollectValues, h, (n) => fill(s.newPerson, { n })) : [];
  const tubes = choice === 'pool' ? poolTubes(persons, plan.data?.poolSize).map((t) => ({ names: t.map((p) => p.name) })) : [{ names: [] }];
  const present = new Set(values.present ?? []);
  const existing = h ? h.members.filter((p) => present.has(p.id)).length : 0;

  const labels: Record<string, string> = {
    ...personLabels(m),
    barcodes: s.barcode,
    result: s.onSiteResult,
    present: s.present,
    members: s.present,
    personId: s.person,
    householdId: s.household,
    testType: s.testType,
  };
  const labelOf = (path: FieldPath) => labels[String(path[path.length - 1])] ?? labels[String(path[0])] ?? String(path[0]);

  /** Errors of the collect input → messages under the form's inputs; the rest as one general message. */
  const place = (entries: FieldErrorEntry[]) => {
    const fields = new Map<string, FieldErrorEntry>();
    const rest: string[] = [];
    for (const e of entries) {
      const to = collectFieldPath(e.name, choice, existing);
      if (to && !fields.has(to.join('.'))) fields.set(to.join('.'), { ...e, name: to });
      else if (!to) rest.push(...e.errors);
    }
    return { fields: [...fields.values()], rest };
  };

  const save = async () => {
    setGeneral(null);
    setAnswer(null);
    const v = { ...(form.getFieldsValue(true) as CollectValues), choice };
    const payload = collectPayload(v, { household: h, sessionCommune: session.communeCode, addingNew, tubes: tubes.length, taskId: task?.id ?? null });
    const errors: FieldErrorEntry[] = [];
    // A person added on the spot is checked by the people module's own rules, field by field.
    payload.members.forEach((member, i) => {
      if (!('newPerson' in member)) return;
      const r = personInput.safeParse(member.newPerson);
      if (!r.success)
        errors.push(...zodFieldErrors(r.error, member.newPerson, lang, m, labelOf).map((e) => ({ ...e, name: ['members', i, 'newPerson', ...e.name] })));
    });
    const parsed = collectInput.safeParse(payload);
    if (!parsed.success) {
      for (const e of zodFieldErrors(parsed.error, payload, lang, m, labelOf)) {
        const member = e.name[0] === 'members' && typeof e.name[1] === 'number' ? payload.members[e.name[1]] : undefined;
        if (member && 'newPerson' in member && e.name.length === 2) continue; // already told field by field
        const empty = e.name[0] === 'barcodes' && !payload.barcodes[Number(e.name[1])];
        errors.push(empty ? { ...e, errors: [requiredMessage(m, s.barcode)] } : e);
      }
    }
    if (choice === 'pool' && !payload.householdId) errors.push({ name: ['householdId'], errors: [requiredMessage(m, s.household, true)] });
    if (choice === 'antigen' && !payload.result) errors.push({ name: ['result'], errors: [messageFor('testing.antigen_needs_result', lang)] });
    if (errors.length || !parsed.success) {
      const { fields, rest } = place(errors);
      showFieldErrors(form, fields);
      setGeneral(rest[0] ?? m.common.fixErrors);
      return;
    }
    showFieldErrors(form, [], false);
    try {
      const res = await collect.mutateAsync(parsed.data);
      setAnswer(res);
      message.success(fill(s.collected, { n: res.samples.length, barcodes: res.samples.map((x) => x.barcode).join(', ') }));
      form.resetFields();
      form.setFieldsValue({ choice });
      setAddingNew(false);
      if (task) onTaskDone();
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setGeneral(errorMessage(err, m, lang));
        return;
      }
      const all = problemFieldErrors(err.problem);
      const { fields, rest } = place(all);
      showFieldErrors(form, fields);
      setGeneral(fields.length === 0 || rest.length ? errorMessage(err, m, lang) : null);
    }
  };

  const onValuesChange = (changed: Partial<CollectValues>) => {
    clearChangedErrors(form, changed);
    if ('householdId' in changed) form.setFieldsValue({ newPersons: [], barcodes: [] });
    if ('choice' in changed) setAddingNew(false);
  };

  return (
    <div ref={top} style={{ scrollMarginTop: 64 }}>
      {answer ? (
        <>
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setAnswer(null)}
            style={{ marginBottom: 12 }}
            data-testid="collect-done"
            message={fill(s.collected, { n: answer.samples.length, barcodes: answer.samples.map((x) => x.barcode).join(', ') })}
          />
          <ResultConsequences casesOpened={answer.casesOpened} tasksCreated={answer.tasksCreated} />
        </>
      ) : null}
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} data-testid="collect-error" /> : null}
      {task ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="collect-task"
          message={fill(s.forTask, { kind: s.taskKinds[task.kind] })}
          description={
            <Button size="small" onClick={onTaskDone}>
              {s.dropTask}
            </Button>
          }
        />
      ) : null}
      <Form<CollectValues>
        form={form}
        name="collect"
        layout="vertical"
        initialValues={{ choice: 'pool', symptomatic: false }}
        onValuesChange={onValuesChange}
        onFinish={() => void save()}
      >
        <Form.Item name="choice" label={s.testType}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {CHOICE_ORDER.map((c) => (
              <Radio key={c} value={c} style={OPTION_STYLE}>
                {s.testTypes[CHOICES[c].testType]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>

        {choice === 'pool' ? (
          <>
            <Form.Item name="householdId" label={householdId ? s.household : s.householdSearch}>
              <HouseholdPicker communeCode={session.communeCode} />
            </Form.Item>
            {h ? (
              <>
                {plan.data ? (
                  <Typography.Paragraph type="secondary">
                    {fill(s.maxPool, {
                      size: plan.data.poolSize,
                      prevalence: formatPercent(plan.data.prevalence, lang),
                      max: plan.data.maxPoolSize,
                      version: plan.data.ruleVersion,
                    })}
                  </Typography.Paragraph>
                ) : null}
                <Form.Item name="present" label={s.present} extra={s.presentHelp}>
                  <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                    {h.members.map((p) => (
                      <Checkbox key={p.id} value={p.id} style={{ padding: '6px 0' }}>
                        {p.fullName} ({p.birthYear})
                      </Checkbox>
                    ))}
                  </Checkbox.Group>
                </Form.Item>
                <Form.List name="newPersons">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field, i) => (
                        <Card
                          key={field.key}
                          size="small"
                          title={fill(s.newPerson, { n: i + 1 })}
                          style={{ marginBottom: 12 }}
                          data-testid={`new-person-${i}`}
                          extra={
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={fill(s.removeNewPerson, { n: i + 1 })}
                              onClick={() => remove(field.name)}
                            />
                          }
                        >
                          <NewPersonFields at={[field.name]} />
                        </Card>
                      ))}
                      <Button block icon={<UserAddOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                        {s.addNewPerson}
                      </Button>
                    </>
                  )}
                </Form.List>
                {tubes.length ? (
                  <Typography.Paragraph strong data-testid="pool-split">
                    {fill(s.split, { n: persons.length, tubes: tubes.length, sizes: tubes.map((t) => t.names.length).join(' + ') })}
                  </Typography.Paragraph>
                ) : null}
                <TubeBarcodes tubes={tubes} onLast={() => submit.current?.focus()} />
              </>
            ) : null}
          </>
        ) : (
          <>
            {addingNew ? (
              <Card
                size="small"
                title={s.notRegistered}
                style={{ marginBottom: 16 }}
                extra={
                  <Button type="link" onClick={() => setAddingNew(false)}>
                    {s.backToSearch}
                  </Button>
                }
              >
                <NewPersonFields at={['newPerson']} />
              </Card>
            ) : (
              <>
                <Form.Item name="personId" label={values.personId ? s.person : s.personSearch}>
                  <PersonPicker communeCode={session.communeCode} />
                </Form.Item>
                {values.personId ? null : (
                  <Button block icon={<UserAddOutlined />} onClick={() => setAddingNew(true)} style={{ marginBottom: 16 }}>
                    {s.notRegistered}
                  </Button>
                )}
              </>
            )}
            {choice === 'antigen' ? (
              <Form.Item name="result" label={s.onSiteResult} required>
                <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                  {RESULTS.map((r) => (
                    <Radio key={r} value={r} style={OPTION_STYLE}>
                      {m.testResults[r]}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            ) : null}
            <Form.Item name="symptomatic" valuePropName="checked">
              <Checkbox>{s.symptomatic}</Checkbox>
            </Form.Item>
            <TubeBarcodes tubes={tubes} onLast={() => submit.current?.focus()} />
          </>
        )}
        <Button ref={submit} type="primary" htmlType="submit" block loading={collect.isPending} data-testid="collect-submit">
          {s.submit}
        </Button>
      </Form>
    </div>
  );
}
