import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { caseInput, detectedIn } from '@server/modules/cases/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { VnDateInput } from '@web/ui/VnDateInput';
import { CourseStatusFields } from '../components/CourseStatusFields';
import { PersonSelect } from '../components/PersonSelect';
import { useCreateCase } from '../hooks/useCases';

interface Values {
  personId?: string;
  confirmedOn?: string | null;
  confirmingTest?: string;
  detectedIn?: string;
  onsetOn?: string | null;
  sampledOn?: string | null;
  clinicalStatus?: string;
  treatmentPlace?: string;
}

const FIELDS = ['personId', 'confirmedOn', 'confirmingTest', 'detectedIn', 'onsetOn', 'sampledOn', 'clinicalStatus', 'treatmentPlace'] as const;

/** Records a confirmed case (F0) for a person: validated with the shared schema, server errors under their fields. */
export function CaseCreatePage() {
  const { m, lang } = useI18n();
  const c = m.cases;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const [general, setGeneral] = useState<string | null>(null);
  const labelOf = (path: FieldPath) =>
    path[0] === 'personId' ? c.person : (((c as Record<string, unknown>)[String(path[0])] as string | undefined) ?? String(path[0]));

  async function submit(values: Values) {
    setGeneral(null);
    const input = { ...values, onsetOn: values.onsetOn || null, detectedIn: values.detectedIn || undefined };
    const parsed = caseInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, input, lang, m, labelOf));
      return;
    }
    try {
      const res = await create.mutateAsync(parsed.data);
      message.success(fill(c.created, { code: res.case.caseCode }));
      if (res.reclassified.rowsTouched > 0) message.info(fill(c.reclassified, { n: String(res.reclassified.rowsTouched) }));
      navigate(paths.caseDetail(res.case.id));
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  }

  return (
    <Page title={c.newCase} crumbs={[{ title: c.title, to: paths.cases }, { title: c.newCase }]}>
      <Card size="small" style={{ maxWidth: 720 }}>
        {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} data-testid="case-form-error" /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          name="case-create"
          initialValues={{ personId: params.get('person') ?? undefined, clinicalStatus: 'asymptomatic', treatmentPlace: 'home', detectedIn: '' }}
          onValuesChange={(changed) => clearChangedErrors(form, changed)}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="personId" label={c.person} required>
            <PersonSelect />
          </Form.Item>
          <Space wrap size={16} align="start">
            <Form.Item name="confirmedOn" label={c.confirmedOn} required>
              <VnDateInput />
            </Form.Item>
            <Form.Item name="sampledOn" label={c.sampledOn} required>
              <VnDateInput />
            </Form.Item>
            <Form.Item name="onsetOn" label={c.onsetOn}>
              <VnDateInput />
            </Form.Item>
          </Space>
          <Form.Item name="confirmingTest" label={c.confirmingTest} required>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="detectedIn" label={c.detectedIn} extra={c.detectedInAutoHelp}>
            <Select options={[{ value: '', label: c.detectedInAuto }, ...detectedIn.options.map((d) => ({ value: d, label: c.detectedIns[d] }))]} />
          </Form.Item>
          <CourseStatusFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="case-submit">
              {m.common.save}
            </Button>
            <Button onClick={() => navigate(-1)}>{m.common.cancel}</Button>
          </Space>
        </Form>
      </Card>
    </Page>
  );
}
