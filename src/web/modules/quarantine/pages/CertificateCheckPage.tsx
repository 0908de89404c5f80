import { Link, useParams } from 'react-router';
import { Card, Descriptions, Result, Spin } from 'antd';
import { LanguageSwitch } from '@web/app/LanguageSwitch';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { PUBLIC_PAGE_STYLE } from '@web/ui/public-page';
import { ApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/form-errors';
import { useCertificateCheck } from '../hooks/useQuarantine';

/** A code the server does not know (404) or that cannot be one (400): the paper is not genuine. */
const unknown = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 400);

/** Public: what a release certificate's QR code opens; says whether the system issued it, and to whom. No login. */
export function CertificateCheckPage() {
  const { token } = useParams();
  const { m, lang, date } = useI18n();
  const k = m.certificateCheck;
  const check = useCertificateCheck(token);
  const c = check.data;
  return (
    <main style={PUBLIC_PAGE_STYLE}>
      <Card style={{ width: '100%', maxWidth: 480 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div style={{ flex: 1 }}>
            <h1 style={{ fontSize: 20, margin: 0 }}>{k.title}</h1>
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>
              {m.app.name} {m.app.tagline}
            </div>
          </div>
          <LanguageSwitch compact />
        </div>
        {check.isPending ? (
          <div style={{ textAlign: 'center', padding: 24 }} aria-live="polite">
            <Spin tip={k.checking} />
          </div>
        ) : c?.valid ? (
          <div data-testid="certificate-valid" aria-live="polite">
            <Result status="success" title={k.valid} subTitle={k.validHelp} style={{ padding: '16px 0' }} />
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={k.number}>{c.certificateNo}</Descriptions.Item>
              <Descriptions.Item label={k.name}>{c.personName}</Descriptions.Item>
              <Descriptions.Item label={k.facility}>{c.facilityName}</Descriptions.Item>
              <Descriptions.Item label={k.from}>{date(c.startedOn)}</Descriptions.Item>
              <Descriptions.Item label={k.to}>{date(c.releasedOn)}</Descriptions.Item>
              <Descriptions.Item label={k.signer}>{c.signer}</Descriptions.Item>
            </Descriptions>
          </div>
        ) : check.error && !unknown(check.error) ? (
          <Result status="warning" title={m.common.errorTitle} subTitle={errorMessage(check.error, m, lang)} style={{ padding: '16px 0' }} />
        ) : (
          <Result status="error" title={k.notFound} subTitle={k.notFoundHelp} data-testid="certificate-unknown" style={{ padding: '16px 0' }} />
        )}
        <div style={{ marginTop: 8 }}>
          <Link to={paths.login}>{k.staffLogin}</Link>
        </div>
      </Card>
    </main>
  );
}
