import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage, requiredMessage } from '@web/lib/form-errors';
import { useAuth } from './AuthProvider';
import { useI18n } from './i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { paths } from './paths';
import { PUBLIC_PAGE_STYLE } from '@web/ui/public-page';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, login, sessionEnded } = useAuth();
  const { m, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me) return <Navigate to={target} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username ?? '', v.password ?? '');
      navigate(target, { replace: true });
    } catch (err) {
      setError(errorMessage(err, m, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={PUBLIC_PAGE_STYLE}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div style={{ flex: 1 }}>
            <h1 style={{ fontSize: 20, margin: 0 }}>{m.app.name}</h1>
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>{m.login.intro}</div>
          </div>
          <LanguageSwitch compact />
        </div>
        {sessionEnded && !error ? <Alert type="warning" showIcon message={m.login.sessionEnded} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form<Values> name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={m.login.username} rules={[{ required: true, message: requiredMessage(m, m.login.username) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={m.login.password} rules={[{ required: true, message: requiredMessage(m, m.login.password) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {m.login.submit}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to={paths.resultLookup}>{m.login.resultLookup}</Link>
        </div>
      </Card>
    </main>
  );
}
