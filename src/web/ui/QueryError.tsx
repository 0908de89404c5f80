import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/form-errors';

/**
 * A failed load: 404 (also what an out-of-scope record answers) as a "not found" result with the
 * server's message, anything else as an error with a retry button.
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m, lang } = useI18n();
  const text = errorMessage(error, m, lang);
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={text} extra={<Link to="/">{m.common.goHome}</Link>} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      message={m.common.errorTitle}
      description={text}
      action={onRetry ? <Button onClick={onRetry}>{m.common.retry}</Button> : undefined}
    />
  );
}
