import { Link } from 'react-router';
import { Alert, Space } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import type { CaseOpened } from '../hooks/useCollect';

/** What a result caused, in the same transaction: cases opened (F0) and re-collection or confirmation tasks. */
export function ResultConsequences({ casesOpened, tasksCreated }: { casesOpened: CaseOpened[]; tasksCreated: number }) {
  const { m } = useI18n();
  const s = m.sampling;
  if (!casesOpened.length && !tasksCreated) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {casesOpened.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="cases-opened"
          message={fill(s.casesOpened, { n: casesOpened.length, codes: casesOpened.map((c) => `${c.caseCode} (${c.barcode})`).join(', ') })}
          description={<Link to={paths.cases}>{s.openCases}</Link>}
        />
      ) : null}
      {tasksCreated ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="tasks-created"
          message={fill(s.tasksCreated, { n: tasksCreated })}
          description={<Link to={paths.testingTasks}>{s.openTasks}</Link>}
        />
      ) : null}
    </Space>
  );
}
