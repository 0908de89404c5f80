import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { isCalendarDate, vnDay } from '@domain/dates';
import { formatDate, formatNumber } from '@domain/format';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError, type FieldProblem } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, requiredMessage, showFieldErrors, splitProblem } from '@web/lib/form-errors';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useImportBoundaries } from '../hooks/useBoundaries';

/** The server's limit for one request (routes.ts of zones/boundaries). */
const MAX_MB = 30;
const FIELDS = ['provinceCode', 'validFrom', 'source', 'codeProperty'] as const;

interface Values {
  provinceCode?: string;
  validFrom?: string | null;
  source?: string;
  codeProperty?: string;
}

interface PickedFile {
  name: string;
  geojson: unknown;
}

export interface BoundaryImportProps {
  /** The provinces of the board. */
  provinces: { code: string; name: string }[];
  /** The province chosen at first (the one the board shows). */
  province?: string | null;
  /** The day the file applies from unless changed (the board's). */
  day?: string;
}

const featureCount = (geojson: unknown) =>
  typeof geojson === 'object' && geojson !== null && Array.isArray((geojson as { features?: unknown }).features)
    ? (geojson as { features: unknown[] }).features.length
    : 0;

/**
 * A button for users who may write levels, opening the import of a province's commune boundaries: a GeoJSON file read
 * in the browser, the province, the day it applies from and its source. Shows what was imported and the communes left
 * without a shape, or every error of a refused file.
 */
export function BoundaryImport({ provinces, province, day }: BoundaryImportProps) {
  const { m, lang } = useI18n();
  const b = m.boundaries;
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const importing = useImportBoundaries();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  if (!can('zones.write')) return null;

  const report = importing.data;
  const provinceName = (code: string) => provinces.find((p) => p.code === code)?.name ?? code;

  function close() {
    setOpen(false);
    setFile(null);
    setFileError(null);
    setGeneral(null);
    setProblems([]);
    importing.reset();
    form.resetFields();
  }

  async function pick(picked: File) {
    setFile(null);
    setProblems([]);
    importing.reset();
    if (picked.size > MAX_MB * 1024 * 1024) {
      setFileError(fill(b.tooLarge, { name: picked.name, size: formatNumber(Math.round(picked.size / 104857.6) / 10, lang), max: MAX_MB }));
      return;
    }
    try {
      setFile({ name: picked.name, geojson: JSON.parse(await picked.text()) as unknown });
      setFileError(null);
      if (!form.getFieldValue('source')) form.setFieldValue('source', picked.name);
    } catch (err) {
      setFileError(fill(b.notJson, { name: picked.name, reason: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function submit() {
    setGeneral(null);
    setProblems([]);
    const values = await form.validateFields().catch(() => null);
    if (!file) setFileError(b.noFile);
    if (!values || !file) return;
    try {
      await importing.mutateAsync({
        provinceCode: values.provinceCode!,
        validFrom: values.validFrom!,
        source: values.source!,
        codeProperty: values.codeProperty?.trim() || 'code',
        geojson: file.geojson,
      });
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      const listed = err instanceof ApiError ? (err.problem.errors ?? []).filter((e) => e.field.startsWith('geojson')) : [];
      setProblems(listed);
      setGeneral(listed.length ? b.rejected : text);
    }
  }

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {b.open}
      </Button>
      <Modal
        open={open}
        width={720}
        title={b.title}
        onCancel={close}
        footer={
          report
            ? [
                <Button key="close" type="primary" onClick={close}>
                  {m.common.close}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  {m.common.cancel}
                </Button>,
                <Button key="submit" type="primary" icon={<UploadOutlined />} loading={importing.isPending} onClick={() => void submit()}>
                  {b.submit}
                </Button>,
              ]
        }
      >
        <p style={{ marginTop: 0 }}>{b.help}</p>
        {report ? (
          <>
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={fill(b.imported, {
                n: formatNumber(report.features, lang),
                province: provinceName(report.provinceCode),
                day: formatDate(report.validFrom),
              })}
            />
            {report.communesWithout.length ? (
              <Alert
                type="warning"
                showIcon
                message={fill(b.without, { n: formatNumber(report.communesWithout.length, lang) })}
                description={
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                    {report.communesWithout.map((c) => `${c.name} (${c.code})`).join(', ')}
                  </Typography.Paragraph>
                }
              />
            ) : (
              <Typography.Text type="secondary">{b.allCovered}</Typography.Text>
            )}
          </>
        ) : (
          <Form
            form={form}
            layout="vertical"
            name="boundary-import"
            initialValues={{ provinceCode: province ?? provinces[0]?.code, validFrom: day ?? vnDay(), codeProperty: 'code' }}
            onValuesChange={(changed) => clearChangedErrors(form, changed)}
          >
            <Form.Item label={b.file} htmlFor="boundary-import-file" required validateStatus={fileError ? 'error' : undefined} help={fileError}>
              <Upload
                accept=".geojson,.json,application/geo+json,application/json"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(picked) => {
                  void pick(picked);
                  return false;
                }}
              >
                <Button id="boundary-import-file" icon={<UploadOutlined />}>
                  {b.chooseFile}
                </Button>
              </Upload>
              {file ? (
                <span style={{ marginInlineStart: 12 }}>{fill(b.fileSummary, { name: file.name, n: formatNumber(featureCount(file.geojson), lang) })}</span>
              ) : null}
            </Form.Item>
            <Form.Item name="provinceCode" label={b.province} rules={[{ required: true, message: requiredMessage(m, b.province, true) }]}>
              <Select options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
            </Form.Item>
            <Form.Item
              name="validFrom"
              label={b.validFrom}
              extra={b.validFromHelp}
              rules={[
                { required: true, message: requiredMessage(m, b.validFrom) },
                { validator: (_, v: string | null) => (!v || isCalendarDate(v) ? Promise.resolve() : Promise.reject(new Error(m.validation.date))) },
              ]}
            >
              <VnDateInput />
            </Form.Item>
            <Form.Item
              name="source"
              label={b.source}
              extra={b.sourceHelp}
              rules={[{ required: true, whitespace: true, message: requiredMessage(m, b.source) }]}
            >
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
            <Form.Item name="codeProperty" label={b.codeProperty} extra={b.codePropertyHelp}>
              <Input maxLength={60} autoComplete="off" style={{ maxWidth: 240 }} />
            </Form.Item>
          </Form>
        )}
        {general ? <Alert type="error" showIcon message={general} style={{ marginTop: 12 }} role="alert" /> : null}
        {problems.length ? (
          <Table<FieldProblem>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(e) => `${e.field} ${e.code}`}
            dataSource={problems}
            pagination={problems.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: b.where, dataIndex: 'field', render: (f: string) => <code style={{ whiteSpace: 'nowrap' }}>{f}</code> },
              { title: b.problem, dataIndex: 'message' },
            ]}
          />
        ) : null}
      </Modal>
    </>
  );
}
