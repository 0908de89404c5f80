import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Select, Space, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { ImportReportView } from '../components/ImportReportView';
import { useLabOptions } from '../hooks/useLabOptions';
import { rejectedReport, useResultImport, XLSX_TYPE } from '../hooks/useResultImport';

const ACCEPT = `.csv,.txt,.xlsx,text/csv,text/plain,${XLSX_TYPE}`;

/**
 * A lab's result file (CSV or XLSX in the template) uploaded as it is: upload progress, then the server's
 * stages while it reads, checks and merges, then the report — or every rejected row, nothing stored.
 */
export function ResultImportPage() {
  const { m, lang, num } = useI18n();
  const t = m.resultImport;
  const labs = useLabOptions();
  const active = (labs.data ?? []).filter((l) => l.active);
  const [chosenLab, setLabId] = useState<string | undefined>();
  const labId = chosenLab ?? (active.length === 1 ? active[0].id : undefined);
  const [file, setFile] = useState<File | null>(null);
  const { upload, uploaded, progress, working } = useResultImport();
  const rejected = rejectedReport(upload.error);
  const report = upload.data ?? rejected;

  const pick = (f: File) => {
    setFile(f);
    upload.reset();
    return false;
  };
  const stageText = progress ? fill(t.stages[progress.stage], { rows: num(progress.rowsStaged) }) : t.working;

  return (
    <Page title={t.title} crumbs={[{ title: t.title }]}>
      <p style={{ marginTop: 0 }}>{t.intro}</p>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          name="result-import"
          onFinish={() => {
            if (labId && file) upload.mutate({ labId, file });
          }}
        >
          <Form.Item label={t.lab} htmlFor="import-lab" required>
            <Select
              id="import-lab"
              style={{ maxWidth: 480 }}
              showSearch
              optionFilterProp="label"
              loading={labs.isPending}
              value={labId}
              placeholder={m.units.choose}
              onChange={(v: string) => setLabId(v)}
              options={active.map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item label={t.file} htmlFor="import-file" required>
            <Space wrap>
              <Upload accept={ACCEPT} showUploadList={false} maxCount={1} beforeUpload={pick}>
                <Button id="import-file" icon={<UploadOutlined />}>
                  {t.chooseFile}
                </Button>
              </Upload>
              {file ? <span data-testid="import-file-name">{file.name}</span> : null}
              <a href="/api/testing/imports/template.csv" download data-testid="import-template">
                <Button type="link" icon={<DownloadOutlined />}>
                  {t.template}
                </Button>
              </a>
            </Space>
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={upload.isPending} disabled={!labId || !file} data-testid="import-submit">
            {t.submit}
          </Button>
        </Form>
        {upload.isPending ? (
          <div style={{ marginTop: 16, maxWidth: 640 }} data-testid="import-progress" aria-live="polite">
            {working ? (
              <>
                <div>{stageText}</div>
                <Progress percent={100} status="active" showInfo={false} />
              </>
            ) : (
              <>
                <div>{t.uploading}</div>
                <Progress percent={Math.round(uploaded * 100)} status="active" />
              </>
            )}
          </div>
        ) : null}
      </Card>
      {report ? <ImportReportView report={report} /> : null}
      {upload.error && !rejected ? <Alert type="error" showIcon role="alert" message={errorMessage(upload.error, m, lang)} data-testid="import-error" /> : null}
    </Page>
  );
}
