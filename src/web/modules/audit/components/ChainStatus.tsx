import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { QueryError } from '@web/ui/QueryError';
import { useAuditVerification } from '../hooks/useAudit';

/** Green when every row still matches its hash and no row is missing; red with the seqs otherwise. */
export function ChainStatus() {
  const { m, num } = useI18n();
  const a = m.audit;
  const { data, error, isFetching, refetch } = useAuditVerification();
  const again = (
    <Button size="small" icon={<SafetyCertificateOutlined />} loading={isFetching} onClick={() => void refetch()}>
      {a.verify}
    </Button>
  );
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Alert type="info" showIcon message={a.verifying} style={{ marginBottom: 16 }} />;
  if (data.ok) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={a.chainOk}
        description={fill(a.chainOkDetail, { rows: num(data.rows) })}
        action={again}
        data-testid="chain-status"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={a.chainBroken}
      data-testid="chain-status"
      action={again}
      description={
        <>
          {data.altered.length ? <div>{fill(a.altered, { seqs: data.altered.join(', ') })}</div> : null}
          {data.missingAfter.length ? <div>{fill(a.missing, { seqs: data.missingAfter.join(', ') })}</div> : null}
        </>
      }
    />
  );
}
