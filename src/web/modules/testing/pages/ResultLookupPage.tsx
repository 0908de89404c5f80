import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { BarcodeOutlined, IdcardOutlined, SearchOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '@web/app/LanguageSwitch';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { ApiError } from '@web/lib/api';
import { errorMessage, problemFieldErrors, requiredMessage, showFieldErrors } from '@web/lib/form-errors';
import { useResultLookup, type LookupView } from '../hooks/useResultLookup';
import { PUBLIC_PAGE_STYLE } from '@web/ui/public-page';

interface Values {
  barcode: string;
  idOrPhone: string;
}

type Shown = 'negative' | 'positive' | 'pending' | 'retest';
const COLORS: Record<Shown, string> = { negative: 'green', positive: 'red', pending: 'blue', retest: 'orange' };

const shownOf = (r: LookupView): Shown => (r.status === 'resulted' && r.result ? r.result : r.status === 'retest' ? 'retest' : 'pending');

/** Public: a person checks their own result with the tube barcode and their national ID or phone; no login. */
export function ResultLookupPage() {
  const { m, lang, date, dateTime } = useI18n();
  const t = m.resultLookup;
  const [form] = Form.useForm<Values>();
  const lookup = useResultLookup();
  const [error, setError] = useState<string | null>(null);

  const submit = (v: Values) => {
    setError(null);
    lookup.mutate(
      { barcode: v.barcode.trim(), idOrPhone: v.idOrPhone.trim() },
      {
        onError: (err) => {
          const fields = err instanceof ApiError ? problemFieldErrors(err.problem).filter((f) => f.name[0] === 'barcode' || f.name[0] === 'idOrPhone') : [];
          if (fields.length) showFieldErrors(form, fields);
          else setError(errorMessage(err, m, lang));
        },
      },
    );
  };
  const result = lookup.data;
  const shown = result ? shownOf(result) : null;
  const help = shown === 'pending' ? t.pendingHelp : shown === 'retest' ? t.retestHelp : shown === 'positive' ? t.positiveHelp : null;

  return (
    <main style={PUBLIC_PAGE_STYLE}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div style={{ flex: 1 }}>
            <h1 style={{ fontSize: 20, margin: 0 }}>{t.title}</h1>
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>
              {m.app.name} {m.app.tagline}
            </div>
          </div>
          <LanguageSwitch compact />
        </div>
        <p style={{ marginTop: 0 }}>{t.intro}</p>
        {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="lookup-error" /> : null}
        <Form<Values> form={form} name="result-lookup" layout="vertical" onFinish={submit} requiredMark={false} onValuesChange={() => setError(null)}>
          <Form.Item name="barcode" label={t.barcode} rules={[{ required: true, whitespace: true, message: requiredMessage(m, t.barcode) }]}>
            <Input prefix={<BarcodeOutlined />} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
          </Form.Item>
          <Form.Item name="idOrPhone" label={t.idOrPhone} rules={[{ required: true, whitespace: true, message: requiredMessage(m, t.idOrPhone) }]}>
            <Input prefix={<IdcardOutlined />} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" icon={<SearchOutlined />} loading={lookup.isPending}>
            {t.submit}
          </Button>
        </Form>
        {result && shown ? (
          <div style={{ marginTop: 20 }} data-testid="lookup-result" aria-live="polite">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t.result}>
                <Tag color={COLORS[shown]} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="lookup-status">
                  {t.statuses[shown]}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t.collectedOn}>{date(result.collectedOn)}</Descriptions.Item>
              <Descriptions.Item label={t.resultedAt}>{result.resultedAt ? dateTime(result.resultedAt) : m.common.none}</Descriptions.Item>
            </Descriptions>
            {help ? <Alert type={shown === 'positive' ? 'warning' : 'info'} showIcon message={help} style={{ marginTop: 12 }} /> : null}
          </div>
        ) : null}
        <p style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '16px 0 0' }}>{t.privacy}</p>
        <div style={{ marginTop: 8 }}>
          <Link to={paths.login}>{t.staffLogin}</Link>
        </div>
      </Card>
    </main>
  );
}
