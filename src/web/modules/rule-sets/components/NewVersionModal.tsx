import { useState } from 'react';
import { Alert, Col, Form, Input, Modal, Row } from 'antd';
import { RULE_SET_KINDS, type RuleSetKind } from '@domain/rule-sets/kinds';
import { ruleSetInput, type RuleSetView } from '@server/modules/rule-sets/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, errorMessage, problemFieldErrors, zodFieldErrors, type FieldErrorEntry } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useAddRuleSetVersion } from '../hooks/useRuleSets';

interface Values {
  legalBasis?: string;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  payload?: string;
  confidence?: string;
  notes?: string;
}

const FIELDS = ['legalBasis', 'effectiveFrom', 'effectiveTo', 'payload', 'confidence', 'notes'] as const;
const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 };

/**
 * A new version of a rule set as a draft: legal basis, effective window and the payload as JSON, checked
 * here against the kind's schema and again by the server (its errors listed under the JSON).
 */
export function NewVersionModal({ kind, base, onClose, onCreated }: { kind: string; base?: RuleSetView; onClose(): void; onCreated(r: RuleSetView): void }) {
  const { m, lang } = useI18n();
  const r = m.ruleSets;
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const add = useAddRuleSetVersion();
  const kindName = (r.kinds as Record<string, string>)[kind] ?? kind;
  const labels: Record<string, string> = {
    legalBasis: r.legalBasis,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    payload: r.payload,
    confidence: r.confidence,
    notes: r.notes,
  };

  /** Errors inside the payload are listed under the JSON with their path. */
  const grouped = (errors: FieldErrorEntry[]) => {
    const out = new Map<string, string[]>();
    for (const e of errors) {
      const top = String(e.name[0]);
      const field = (FIELDS as readonly string[]).includes(top) ? top : 'payload';
      const inner = e.name.slice(1).join('.');
      out.set(field, [...(out.get(field) ?? []), ...e.errors.map((msg) => (inner && !msg.includes(inner) ? `${inner}: ${msg}` : msg))]);
    }
    return out;
  };
  const show = (errors: FieldErrorEntry[]) => {
    const g = grouped(errors);
    form.setFields(FIELDS.map((name) => ({ name, errors: g.get(name) ?? [] })));
  };

  const parseJson = (text: string | undefined, field: 'payload' | 'confidence'): { ok: true; value: unknown } | { ok: false; error: FieldErrorEntry } => {
    try {
      return { ok: true, value: text?.trim() ? JSON.parse(text) : field === 'confidence' ? {} : undefined };
    } catch (err) {
      return { ok: false, error: { name: [field], errors: [fill(r.jsonInvalid, { error: (err as Error).message })] } };
    }
  };

  const save = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const payload = parseJson(v.payload, 'payload');
    const confidence = parseJson(v.confidence, 'confidence');
    const jsonErrors = [payload, confidence].flatMap((p) => (p.ok ? [] : [p.error]));
    if (jsonErrors.length) {
      show(jsonErrors);
      return;
    }
    const input = {
      kind,
      legalBasis: v.legalBasis ?? '',
      effectiveFrom: v.effectiveFrom ?? '',
      effectiveTo: v.effectiveTo || null,
      payload: payload.ok ? payload.value : undefined,
      confidence: confidence.ok ? confidence.value : {},
      notes: v.notes || null,
    };
    const labelOf = (p: (string | number)[]) => (p.length === 1 ? (labels[String(p[0])] ?? String(p[0])) : p.slice(1).join('.'));
    const parsed = ruleSetInput.safeParse(input);
    const kindSchema = RULE_SET_KINDS[kind as RuleSetKind];
    const content = kindSchema?.safeParse(input.payload);
    const errors = [
      ...(parsed.success ? [] : zodFieldErrors(parsed.error, input, lang, m, labelOf)),
      ...(content && !content.success
        ? zodFieldErrors(content.error, input.payload, lang, m, (p) => p.join('.')).map((e) => ({ ...e, name: ['payload', ...e.name] }))
        : []),
    ];
    show(errors);
    if (errors.length || !parsed.success) {
      if (content && !content.success) setGeneral(r.contentErrors);
      return;
    }
    try {
      const created = await add.mutateAsync(parsed.data);
      onCreated(created);
    } catch (err) {
      const fields = err instanceof ApiError ? problemFieldErrors(err.problem) : [];
      show(fields);
      setGeneral(errorMessage(err, m, lang));
    }
  };

  const initial: Values = {
    legalBasis: '',
    payload: base ? JSON.stringify(base.payload, null, 2) : '',
    confidence: base ? JSON.stringify(base.confidence, null, 2) : '{}',
  };
  return (
    <Modal
      open
      title={fill(r.addTitle, { kind: kindName })}
      okText={m.common.save}
      cancelText={m.common.cancel}
      onOk={() => void save()}
      confirmLoading={add.isPending}
      onCancel={onClose}
      width={900}
    >
      <p>{r.addHelp}</p>
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values> form={form} name="rule-set" layout="vertical" initialValues={initial} onValuesChange={(changed) => clearChangedErrors(form, changed)}>
        <Form.Item name="legalBasis" label={r.legalBasis} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="effectiveFrom" label={r.effectiveFrom} required>
              <VnDateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="effectiveTo" label={r.effectiveTo} extra={r.effectiveToHelp}>
              <VnDateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="payload" label={r.payloadJson} required>
          <Input.TextArea rows={14} spellCheck={false} style={mono} />
        </Form.Item>
        <Form.Item name="confidence" label={r.confidenceJson}>
          <Input.TextArea rows={5} spellCheck={false} style={mono} />
        </Form.Item>
        <Form.Item name="notes" label={r.notes}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
