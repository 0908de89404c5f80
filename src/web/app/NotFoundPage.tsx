import { Link } from 'react-router';
import { Result } from 'antd';
import { useI18n } from './i18n/I18nProvider';

export function NotFoundPage() {
  const { m } = useI18n();
  return <Result status="404" title={m.common.pageNotFound} extra={<Link to="/">{m.common.goHome}</Link>} />;
}
