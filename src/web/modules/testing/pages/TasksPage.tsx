import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, ConfigProvider, Empty, Form, Select, Typography } from 'antd';
import { vnDay } from '@domain/dates';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { withQuery } from '@web/lib/api';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { TaskCard } from '../components/TaskCard';
import { useSessions } from '../hooks/useSessions';
import { useTasks } from '../hooks/useTasks';

/**
 * Whom to sample again in a commune: members of positive household pools (suspected, staying home) and persons
 * whose rapid antigen test needs a confirmatory RT-PCR. "Collect" opens today's session on that person.
 */
export function TasksPage() {
  const { can } = useAuth();
  const { m } = useI18n();
  const s = m.sampling;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const commune = params.get('commune') ?? undefined;
  const collector = can('testing.collect');
  const tasks = useTasks(commune);
  const sessions = useSessions({ communeCode: commune, day: vnDay() }, !!commune && collector);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const session = sessionId ?? sessions.data?.[0]?.id;

  return (
    <Page title={s.tasksTitle} crumbs={[{ title: s.title, to: paths.sampling }, { title: s.tasksTitle }]}>
      <ConfigProvider componentSize="large">
        <div style={{ maxWidth: 640 }}>
          <Typography.Paragraph type="secondary">{s.tasksIntro}</Typography.Paragraph>
          <Form layout="vertical" name="tasks-filter" onSubmitCapture={(e) => e.preventDefault()}>
            <Form.Item label={s.commune} htmlFor="tasks-commune">
              <UnitPicker id="tasks-commune" leaf="commune" value={commune} onChange={(code) => setParams(code ? { commune: code } : {}, { replace: true })} />
            </Form.Item>
            {collector && sessions.data?.length ? (
              <Form.Item label={s.todaySession} htmlFor="tasks-session">
                <Select
                  id="tasks-session"
                  value={session}
                  onChange={setSessionId}
                  options={sessions.data.map((x) => ({ value: x.id, label: x.placeName ? `${x.teamName} · ${x.placeName}` : x.teamName }))}
                />
              </Form.Item>
            ) : null}
          </Form>
          {collector && commune && sessions.data && !sessions.data.length ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={s.noSessionToday}
              description={<Link to={withQuery(paths.sampling, { commune })}>{s.openSession}</Link>}
            />
          ) : null}
          {!commune ? null : tasks.isPending ? (
            <PageSpinner />
          ) : tasks.error ? (
            <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : !tasks.data.length ? (
            <Empty description={s.noTasks} />
          ) : (
            <div data-testid="tasks-list">
              {tasks.data.map((t) => (
                <TaskCard
                  key={t.id}
                  task={t}
                  action={
                    collector && session && t.kind !== 'retest_stored' ? (
                      <Button type="primary" block onClick={() => navigate(paths.samplingSession(session, t.id))} data-testid="task-collect">
                        {s.collectForTask}
                      </Button>
                    ) : null
                  }
                />
              ))}
            </div>
          )}
        </div>
      </ConfigProvider>
    </Page>
  );
}
