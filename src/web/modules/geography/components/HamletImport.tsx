import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { useHamletImport } from '../hooks/useHamletImport';

interface RowError {
  line: number;
  field: string;
  message: string;
}

const EXAMPLE = 'code,name,type\nA1,Ấp Thới Hòa,Ấp\nKV2,Khu vực 2,Khu vực';

/** Hamlet list of a commune from a CSV file or pasted text; a rejected file lists every bad row. */
export function HamletImport({ communeCode }: { communeCode: string }) {
  const { m, lang } = useI18n();
  const t = m.geography.import;
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const importing = useHamletImport(communeCode);
  const error = importing.error;
  const rowErrors = error instanceof ApiError ? (error.problem.rowErrors as RowError[] | undefined) : undefined;

  const pick = async (file: File) => {
    setFileName(file.name);
    setCsv(await file.text());
  };

  return (
    <Card title={t.title} size="small" style={{ marginTop: 16 }}>
      <p style={{ marginTop: 0 }}>{t.help}</p>
      <Form layout="vertical" name="hamlet-import" onFinish={() => importing.mutate(csv)}>
        <Form.Item label={t.file} htmlFor="hamlet-import-file">
          <Upload
            accept=".csv,text/csv,text/plain"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <Button id="hamlet-import-file" icon={<UploadOutlined />}>
              {t.file}
            </Button>
          </Upload>
          {fileName ? <span style={{ marginInlineStart: 12 }}>{fileName}</span> : null}
        </Form.Item>
        <Form.Item label={t.text} htmlFor="hamlet-import-csv">
          <Input.TextArea
            id="hamlet-import-csv"
            rows={6}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={EXAMPLE}
            style={{ fontFamily: 'ui-monospace, monospace' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={importing.isPending} disabled={!csv.trim()}>
          {t.submit}
        </Button>
      </Form>
      {importing.data ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          message={fill(t.done, { inserted: importing.data.inserted, updated: importing.data.updated, unchanged: importing.data.unchanged })}
        />
      ) : null}
      {error ? <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessage(error, m, lang)} role="alert" /> : null}
      {rowErrors?.length ? (
        <Table<RowError>
          style={{ marginTop: 12 }}
          size="small"
          caption={t.rowErrors}
          rowKey={(r) => `${r.line}-${r.field}`}
          dataSource={rowErrors}
          pagination={rowErrors.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t.line, dataIndex: 'line', width: 80 },
            { title: t.field, dataIndex: 'field', width: 100 },
            { title: t.message, dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Card>
  );
}
