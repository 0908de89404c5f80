import { Link, useParams, useSearchParams } from 'react-router';
import { Button, Card, ConfigProvider, Descriptions, Tag } from 'antd';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { withQuery } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { CollectForm } from '../components/CollectForm';
import { SessionTubes } from '../components/SessionTubes';
import { TaskCard } from '../components/TaskCard';
import { useSession } from '../hooks/useSessions';
import { useTasks } from '../hooks/useTasks';

/** Tasks shown on the session page; the whole list is on the tasks page. */
const TASKS_SHOWN = 5;

/**
 * A sampling session, built for a phone at the door: one column, big touch targets. Collect a sample (or the
 * sample a re-collection task asks for, ?task=), the commune's open tasks, the session's tubes and their shipment.
 */
export function SessionPage() {
  const { id } = useParams();
  const { can } = useAuth();
  const { m, date } = useI18n();
  const s = m.sampling;
  const [params, setParams] = useSearchParams();
  const session = useSession(id);
  const collector = can('testing.collect');
  const tasks = useTasks(collector ? session.data?.communeCode : undefined);
  const crumbs = [{ title: s.title, to: paths.sampling }, { title: s.session }];
  if (session.isPending) return <PageSpinner />;
  if (session.error)
    return (
      <Page title={s.session} crumbs={crumbs}>
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );

  const data = session.data;
  const task = tasks.data?.find((t) => t.id === params.get('task')) ?? null;
  const fieldTasks = (tasks.data ?? []).filter((t) => t.kind !== 'retest_stored');
  const collectedFor = new Set(data.tubes.map((t) => t.taskId));
  const chooseTask = (taskId: string | null) => setParams(taskId ? { task: taskId } : {}, { replace: true });

  return (
    <Page title={fill(s.sessionTitle, { date: date(data.sessionDate) })} crumbs={crumbs}>
      <ConfigProvider componentSize="large">
        <div style={{ maxWidth: 640 }}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'team', label: s.team, children: data.teamName },
                { key: 'mode', label: s.mode, children: data.placeName ? `${s.modes[data.mode]}: ${data.placeName}` : s.modes[data.mode] },
                { key: 'commune', label: s.commune, children: <UnitName code={data.communeCode} /> },
              ]}
            />
          </Card>
          {collector ? (
            <Card size="small" title={s.collect} style={{ marginBottom: 16 }} data-testid="collect-card">
              <CollectForm session={data} task={task} household={params.get('household')} onTaskDone={() => chooseTask(null)} />
            </Card>
          ) : null}
          {collector && fieldTasks.length ? (
            <Card size="small" title={fill(s.tasksHere, { n: fieldTasks.length })} style={{ marginBottom: 16 }} data-testid="session-tasks">
              {fieldTasks.slice(0, TASKS_SHOWN).map((t) => (
                <TaskCard
                  key={t.id}
                  task={t}
                  note={collectedFor.has(t.id) ? <Tag color="blue">{s.collectedForTask}</Tag> : null}
                  action={
                    <Button block type={t.id === task?.id ? 'primary' : 'default'} onClick={() => chooseTask(t.id)} data-testid="task-collect">
                      {s.collectForTask}
                    </Button>
                  }
                />
              ))}
              {fieldTasks.length > TASKS_SHOWN ? <Link to={withQuery(paths.testingTasks, { commune: data.communeCode })}>{s.openTasks}</Link> : null}
            </Card>
          ) : null}
          <SessionTubes session={data} canShip={collector} />
        </div>
      </ConfigProvider>
    </Page>
  );
}
