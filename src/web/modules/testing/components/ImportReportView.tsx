import { Link } from 'react-router';
import { Alert, Descriptions, Table } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import type { ImportReport, ImportRowError } from '../hooks/useResultImport';

/** The answer to a result file: what was stored, or, for a rejected file, every refused row and that nothing was stored. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { m, num } = useI18n();
  const t = m.resultImport;
  if (report.status === 'rejected') {
    return (
      <div data-testid="import-rejected">
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={fill(t.rejected, { count: num(report.rejected) })}
          description={t.rejectedHelp}
        />
        {report.errors.length < report.rejected ? <p>{fill(t.shownErrors, { shown: num(report.errors.length), count: num(report.rejected) })}</p> : null}
        <Table<ImportRowError>
          size="small"
          caption={<div style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{t.rowErrors}</div>}
          rowKey={(r) => `${r.line}-${r.column ?? ''}-${r.code}`}
          dataSource={report.errors}
          pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          data-testid="import-row-errors"
          columns={[
            { title: t.line, dataIndex: 'line', width: 80, render: (n: number) => num(n) },
            { title: t.barcode, dataIndex: 'barcode', render: (b: string) => b || m.common.none },
            { title: t.column, dataIndex: 'column', render: (c: string | null) => c ?? m.common.none },
            { title: t.message, dataIndex: 'message' },
          ]}
        />
      </div>
    );
  }
  if (report.repeated) return <Alert type="info" showIcon data-testid="import-repeated" message={t.repeated} />;
  return (
    <div data-testid="import-done">
      <Alert type="success" showIcon style={{ marginBottom: 12 }} message={fill(t.done, { file: report.fileName })} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t.total}>
          <span data-testid="import-total">{num(report.total)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t.applied}>
          <span data-testid="import-applied">{num(report.applied)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t.unchanged}>
          <span data-testid="import-unchanged">{num(report.unchanged)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t.conflicts}>
          <span data-testid="import-conflicts">{num(report.conflicts)}</span>
          {report.conflicts > 0 ? (
            <>
              {' '}
              · <Link to={paths.resultConflicts}>{t.conflictsLink}</Link>
            </>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t.casesOpened}>{report.casesOpened.length ? report.casesOpened.map((c) => c.caseCode).join(', ') : num(0)}</Descriptions.Item>
        <Descriptions.Item label={t.tasksCreated}>
          <span data-testid="import-tasks">{num(report.tasksCreated)}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
