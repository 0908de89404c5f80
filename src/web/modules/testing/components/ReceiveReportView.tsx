import { Alert, Space, Tag } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import type { ReceivedView } from '../hooks/useShipments';

const codes = (list: string[]) => (
  <div style={{ marginTop: 4 }}>
    {list.map((b) => (
      <Tag key={b} style={{ fontSize: 15, padding: '2px 8px', marginBottom: 4 }}>
        {b}
      </Tag>
    ))}
  </div>
);

/** The intake's answer: how many tubes were received, and the missing and extra tubes, large and in colour. */
export function ReceiveReportView({ report, onClose }: { report: ReceivedView; onClose(): void }) {
  const { m } = useI18n();
  const l = m.lab;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="receive-report">
      <Alert
        type={report.missing.length || report.extra.length ? 'info' : 'success'}
        showIcon
        closable
        onClose={onClose}
        message={fill(l.received, { code: report.code, received: report.received })}
      />
      {report.missing.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="receive-missing"
          message={<strong>{fill(l.missing, { n: report.missing.length })}</strong>}
          description={codes(report.missing)}
        />
      ) : null}
      {report.extra.length ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="receive-extra"
          message={<strong>{fill(l.extra, { n: report.extra.length })}</strong>}
          description={codes(report.extra)}
        />
      ) : null}
    </Space>
  );
}
