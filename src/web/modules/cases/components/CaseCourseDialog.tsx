import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Space } from 'antd';
import { casePatch, type CaseView } from '@server/modules/cases/schemas';
import { formatDateTime } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { clearChangedErrors, requiredMessage, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useUpdateCase } from '../hooks/useCases';
import { parseVnDateTime } from '../line-list';
import { CourseStatusFields } from './CourseStatusFields';

interface Values {
  clinicalStatus: CaseView['clinicalStatus'];
  treatmentPlace: CaseView['treatmentPlace'];
  /** As typed: 'dd/MM/yyyy HH:mm' in Vietnam time. */
  isolatedAt: string;
  outcome: CaseView['outcome'];
  outcomeOn: string | null;
}

const FIELDS = ['clinicalStatus', 'treatmentPlace', 'isolatedAt', 'outcome', 'outcomeOn'] as const;
const OUTCOMES = casePatch.shape.outcome.unwrap().unwrap().options;

/** Only what changed is sent: an unchanged isolation time would reclassify the chain for nothing. */
function changesOf(kase: CaseView, v: Values) {
  const isolatedAt = v.isolatedAt?.trim() ? parseVnDateTime(v.isolatedAt) : null;
  const outcome = v.outcome ?? null;
  const outcomeOn = outcome ? (v.outcomeOn ?? null) : null;
  const sameInstant =
    (isolatedAt === null && kase.isolatedAt === null) || (!!isolatedAt && !!kase.isolatedAt && Date.parse(isolatedAt) === Date.parse(kase.isolatedAt));
  return {
    version: kase.version,
    ...(v.clinicalStatus !== kase.clinicalStatus ? { clinicalStatus: v.clinicalStatus } : {}),
    ...(v.treatmentPlace !== kase.treatmentPlace ? { treatmentPlace: v.treatmentPlace } : {}),
    ...(sameInstant ? {} : { isolatedAt }),
    ...(outcome !== kase.outcome || outcomeOn !== kase.outcomeOn ? { outcome, outcomeOn } : {}),
  };
}

/** Edits the course of a case: clinical status, treatment place, isolation time and outcome, with the case's version. */
export function CaseCourseDialog({ kase, onClose }: { kase: CaseView; onClose(): void }) {
  const { m, lang } = useI18n();
  const c = m.cases;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCase(kase.id);
  const [general, setGeneral] = useState<string | null>(null);
  const hasOutcome = !!Form.useWatch('outcome', form);
  const labelOf = (path: FieldPath) => ((c as Record<string, unknown>)[String(path[0])] as string | undefined) ?? String(path[0]);

  async function submit() {
    setGeneral(null);
    const values = form.getFieldsValue(true) as Values;
    const patch = changesOf(kase, values);
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    const parsed = casePatch.safeParse(patch);
    if (!parsed.success) {
      // The schema's messages are for API clients: the isolation time is typed with its hour, a missing outcome date is asked for.
      showFieldErrors(
        form,
        zodFieldErrors(parsed.error, patch, lang, m, labelOf).map((e) => {
          if (e.name[0] === 'isolatedAt') return { ...e, errors: [c.isolatedAtInvalid] };
          if (e.name[0] === 'outcomeOn' && !patch.outcomeOn) return { ...e, errors: [requiredMessage(m, c.outcomeOn)] };
          return e;
        }),
      );
      return;
    }
    try {
      await update.mutateAsync(parsed.data);
      message.success(c.courseSaved);
      onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  }

  return (
    <Modal
      open
      title={c.editCourse}
      okText={m.common.save}
      cancelText={m.common.cancel}
      okButtonProps={{ loading: update.isPending }}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="case-course"
        initialValues={{
          clinicalStatus: kase.clinicalStatus,
          treatmentPlace: kase.treatmentPlace,
          isolatedAt: formatDateTime(kase.isolatedAt),
          outcome: kase.outcome,
          outcomeOn: kase.outcomeOn,
        }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void submit()}
      >
        <CourseStatusFields />
        <Form.Item name="isolatedAt" label={c.isolatedAt} extra={c.isolatedAtHelp}>
          <Input placeholder="dd/mm/yyyy hh:mm" inputMode="numeric" autoComplete="off" maxLength={16} />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="outcome" label={c.outcome} style={{ minWidth: 200 }}>
            <Select allowClear placeholder={c.noOutcome} options={OUTCOMES.map((o) => ({ value: o, label: c.outcomes[o] }))} />
          </Form.Item>
          <Form.Item name="outcomeOn" label={c.outcomeOn} required={hasOutcome}>
            <VnDateInput disabled={!hasOutcome} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
