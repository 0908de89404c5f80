import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useAuth } from './AuthProvider';
import { useI18n } from './i18n/I18nProvider';
import { firstAllowedPath } from './menu-items';

/** '/' opens the first module the user may use. */
export function HomeRedirect() {
  const { can } = useAuth();
  const { m } = useI18n();
  const to = firstAllowedPath(can);
  return to ? <Navigate to={to} replace /> : <Result status="info" title={m.app.name} subTitle={m.app.tagline} />;
}
