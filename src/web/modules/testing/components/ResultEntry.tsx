import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Table, Typography, type InputRef, type TableColumnsType } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { messageFor } from '@domain/error-catalog';
import { normalizeBarcode, parseCt, type TestResult } from '@domain/testing';
import { resultInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, requiredMessage, showFieldErrors, splitProblem, type FieldErrorEntry } from '@web/lib/form-errors';
import { sampleQuery, useRecordResult, type ResultEnteredView, type SampleView } from '../hooks/useSamples';
import { ResultConsequences } from './ResultConsequences';
import { TestResultTag } from './TestResultTag';
import { TubeSummary } from './TubeSummary';

interface Values {
  barcode?: string;
  result?: TestResult;
  /** As typed: '23,5' or '23.5'. */
  ctValue?: string;
}

interface Entered {
  key: number;
  barcode: string;
  result: TestResult;
  ct: number | null;
  answer: ResultEnteredView;
}

const FIELDS = ['barcode', 'result', 'ctValue'];

/**
 * Result entry, tube after tube: scan (or type) a barcode and Enter → the tube → its result (Ct for a positive
 * RT-PCR) → save; the barcode input takes the focus again for the next tube. What each result caused is shown.
 */
export function ResultEntry() {
  const { m, lang } = useI18n();
  const l = m.lab;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const record = useRecordResult();
  const barcodeInput = useRef<InputRef>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  const [tube, setTube] = useState<SampleView | null>(null);
  const [finding, setFinding] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [last, setLast] = useState<ResultEnteredView | null>(null);
  const [entered, setEntered] = useState<Entered[]>([]);
  const result = Form.useWatch('result', form);
  const withCt = result === 'positive' && !!tube && tube.testType !== 'rapid_antigen';

  const showErrors = (errors: FieldErrorEntry[], focus = true) => showFieldErrors(form, errors, focus);

  const find = async () => {
    setGeneral(null);
    setTube(null);
    const typed = String(form.getFieldValue('barcode') ?? '');
    const code = normalizeBarcode(typed);
    if (!code) {
      showErrors([{ name: ['barcode'], errors: [typed.trim() ? messageFor('testing.barcode_invalid', lang) : requiredMessage(m, l.barcode)] }]);
      return;
    }
    setFinding(true);
    try {
      const found = await qc.fetchQuery(sampleQuery(code));
      showErrors([], false);
      form.setFieldsValue({ barcode: code, result: undefined, ctValue: '' });
      setTube(found);
      setTimeout(() => resultBox.current?.querySelector('input')?.focus());
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showErrors(fields.length ? fields : [{ name: ['barcode'], errors: [text ?? m.common.errorTitle] }]);
      barcodeInput.current?.select();
    } finally {
      setFinding(false);
    }
  };

  const save = async () => {
    if (!tube) return;
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const ct = withCt ? parseCt(v.ctValue ?? '') : null;
    const errors: FieldErrorEntry[] = [];
    if (!v.result) errors.push({ name: ['result'], errors: [requiredMessage(m, l.result, true)] });
    if (ct !== null && Number.isNaN(ct)) errors.push({ name: ['ctValue'], errors: [messageFor('testing.ct_invalid', lang)] });
    else if (withCt && ct === null) errors.push({ name: ['ctValue'], errors: [messageFor('testing.ct_required', lang)] });
    const parsed = resultInput.safeParse({ result: v.result, ctValue: ct });
    if (errors.length || !parsed.success) {
      showErrors(errors);
      return;
    }
    try {
      const answer = await record.mutateAsync({ barcode: tube.barcode, input: parsed.data });
      // What a result caused stays on screen until another result causes something: a technician enters hundreds.
      if (answer.casesOpened.length || answer.tasksCreated) setLast(answer);
      setEntered((list) => [{ key: Date.now(), barcode: tube.barcode, result: parsed.data.result, ct, answer }, ...list].slice(0, 200));
      if (answer.conflicts) message.warning(fill(l.conflict, { barcode: tube.barcode }));
      else if (answer.unchanged) message.info(fill(l.unchanged, { barcode: tube.barcode }));
      else message.success(fill(l.saved, { barcode: tube.barcode }));
      form.resetFields();
      setTube(null);
      barcodeInput.current?.focus();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showErrors(fields);
      setGeneral(text);
    }
  };

  const columns: TableColumnsType<Entered> = [
    { title: l.barcode, dataIndex: 'barcode' },
    { title: l.result, key: 'result', render: (_, r) => <TestResultTag result={r.result} ct={r.ct} /> },
    {
      title: l.consequences,
      key: 'answer',
      render: (_, r) =>
        [
          r.answer.casesOpened.length
            ? fill(m.sampling.casesOpened, { n: r.answer.casesOpened.length, codes: r.answer.casesOpened.map((c) => c.caseCode).join(', ') })
            : '',
          r.answer.tasksCreated ? fill(m.sampling.tasksCreated, { n: r.answer.tasksCreated }) : '',
          r.answer.conflicts ? fill(l.conflict, { barcode: r.barcode }) : r.answer.unchanged ? fill(l.unchanged, { barcode: r.barcode }) : '',
        ]
          .filter(Boolean)
          .join(' · ') || m.common.none,
    },
  ];

  return (
    <>
      {last ? <ResultConsequences casesOpened={last.casesOpened} tasksCreated={last.tasksCreated} /> : null}
      <Card size="small" style={{ marginBottom: 16, maxWidth: 640 }}>
        {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} data-testid="result-error" /> : null}
        <Form<Values>
          form={form}
          name="result-entry"
          layout="vertical"
          size="large"
          onValuesChange={(changed) => clearChangedErrors(form, changed)}
          onFinish={() => void save()}
        >
          <Form.Item name="barcode" label={l.barcode} extra={l.barcodeHelp}>
            <Input
              ref={barcodeInput}
              autoFocus
              prefix={<BarcodeOutlined />}
              autoComplete="off"
              spellCheck={false}
              onChange={() => {
                if (tube) setTube(null);
              }}
              onPressEnter={(e) => {
                e.preventDefault();
                void find();
              }}
              suffix={
                <Button type="link" size="small" loading={finding} onClick={() => void find()}>
                  {l.find}
                </Button>
              }
              data-testid="result-barcode"
            />
          </Form.Item>
          {tube ? (
            <>
              <TubeSummary tube={tube} />
              <div ref={resultBox}>
                <Form.Item name="result" label={l.result} required>
                  <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                    <Radio value="negative">{m.testResults.negative}</Radio>
                    <Radio value="positive">{m.testResults.positive}</Radio>
                    <Radio value="invalid">{l.invalidRetest}</Radio>
                  </Radio.Group>
                </Form.Item>
              </div>
              {withCt ? (
                <Form.Item name="ctValue" label={l.ct} extra={l.ctHelp} required>
                  <Input inputMode="decimal" autoComplete="off" maxLength={5} style={{ maxWidth: 160 }} data-testid="result-ct" />
                </Form.Item>
              ) : null}
              <Button type="primary" htmlType="submit" block loading={record.isPending} data-testid="result-save">
                {l.save}
              </Button>
            </>
          ) : null}
        </Form>
      </Card>
      {entered.length ? (
        <Card size="small" title={<Typography.Text strong>{fill(l.recent, { n: entered.length })}</Typography.Text>}>
          <Table<Entered>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={entered}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="results-entered"
          />
        </Card>
      ) : null}
    </>
  );
}
