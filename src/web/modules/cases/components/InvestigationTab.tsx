import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Progress, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { completeness } from '@domain/investigation';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { saveInvestigation, useInvestigation, type Investigation } from '../hooks/useCases';
import { InvestigationField } from './InvestigationField';

const AUTOSAVE_MS = 1500;

export function InvestigationTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { data, error, isPending, refetch } = useInvestigation(caseId);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <InvestigationEditor key={`${data.version}-${data.status}`} caseId={caseId} initial={data} canWrite={canWrite} />;
}

/** The form from its definition; drafts autosave 1.5 s after the last change; "complete" checks the required fields. */
function InvestigationEditor({ caseId, initial, canWrite }: { caseId: string; initial: Investigation; canWrite: boolean }) {
  const { m, lang } = useI18n();
  const c = m.cases;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(initial.data);
  const [status, setStatus] = useState(initial.status);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const version = useRef(initial.version);
  const dirty = useRef(false);
  const latest = useRef(values);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { fields, sections } = initial.form;
  const { score, missing } = completeness(fields, values);
  const labelOf = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? (lang === 'vi' ? f.labelVi : f.labelEn) : key;
  };

  async function reloadStale() {
    message.warning(c.staleReloaded);
    await qc.invalidateQueries({ queryKey: ['case', caseId, 'investigation'] });
  }

  async function save(complete: boolean): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    dirty.current = false;
    setSaving(true);
    const run = (async () => {
      try {
        const res = await saveInvestigation(caseId, { data: latest.current, version: version.current, complete });
        version.current = res.version;
        setStatus(res.status);
        setSavedAt(new Date());
        setGeneral(null);
        if (complete) {
          setErrors({});
          message.success(c.completed);
          qc.setQueryData(['case', caseId, 'investigation'], res);
        }
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) return void (await reloadStale());
        if (err instanceof ApiError && err.code === 'cases.investigation_incomplete') {
          setErrors(Object.fromEntries((err.problem.errors ?? []).map((e) => [e.field, e.message])));
        }
        setGeneral(errorMessage(err, m, lang));
      } finally {
        setSaving(false);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }

  function change(key: string, v: unknown) {
    const next = { ...latest.current, [key]: v };
    latest.current = next;
    setValues(next);
    dirty.current = true;
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(false), AUTOSAVE_MS);
  }

  // Leaving the tab or the page: save what was typed since the last autosave.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void saveInvestigation(caseId, { data: latest.current, version: version.current, complete: false }).catch(() => undefined);
    },
    [],
  );

  const hh = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

  return (
    <div data-testid="investigation">
      <Card size="small" style={{ marginBottom: 16, position: 'sticky', top: 0, zIndex: 2 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>
              {c.completeness}{' '}
              {status === 'completed' ? (
                <Tag color="green" data-testid="inv-status">
                  {c.completed}
                </Tag>
              ) : null}
            </span>
            <Typography.Text type="secondary" data-testid="inv-saved">
              {saving ? c.saving : savedAt ? fill(c.draftSavedAt, { time: hh(savedAt) }) : ''}
            </Typography.Text>
          </Space>
          <Progress percent={Math.round(score * 100)} size="small" data-testid="inv-progress" />
          {missing.length ? (
            <Typography.Text type="secondary" data-testid="inv-missing">
              {c.missing}: {missing.map(labelOf).join(', ')}
            </Typography.Text>
          ) : null}
          {initial.timelinessHours !== null ? (
            <Typography.Text type="secondary">
              {fill(c.timeliness, { h: String(initial.timelinessHours), target: String(initial.form.targetHours) })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" component="div" disabled={!canWrite}>
        {sections.map((s) => (
          <Card key={s.code} size="small" title={lang === 'vi' ? s.labelVi : s.labelEn} style={{ marginBottom: 16 }}>
            {fields
              .filter((f) => f.section === s.code)
              .map((f) => (
                <Form.Item
                  key={f.key}
                  label={lang === 'vi' ? f.labelVi : f.labelEn}
                  htmlFor={`inv-${f.key}`}
                  required={f.required}
                  validateStatus={errors[f.key] ? 'error' : undefined}
                  help={errors[f.key]}
                >
                  <InvestigationField id={`inv-${f.key}`} field={f} value={values[f.key]} invalid={!!errors[f.key]} onChange={(v) => change(f.key, v)} />
                </Form.Item>
              ))}
          </Card>
        ))}
      </Form>
      {canWrite ? (
        <Button type="primary" icon={<CheckOutlined />} loading={saving} onClick={() => void save(true)} data-testid="inv-complete">
          {c.complete}
        </Button>
      ) : null}
    </div>
  );
}
