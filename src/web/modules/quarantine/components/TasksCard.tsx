import { App, Button, Card, Table, Tag } from 'antd';
import type { TaskView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { errorMessage } from '@web/lib/form-errors';
import { fill } from '@web/lib/fill';
import { useCloseTask } from '../hooks/useQuarantineMutations';

const KIND_COLOUR = { test: 'blue', retest: 'purple', transfer: 'orange', urgent_transfer: 'red' } as const;

/** A facility's open tasks, soonest first; overdue ones stand out; each is marked done when it is. */
export function TasksCard({ tasks, today }: { tasks: TaskView[]; today: string }) {
  const { m, lang, date } = useI18n();
  const k = m.facilityPage;
  const q = m.quarantine;
  const { message } = App.useApp();
  const done = useCloseTask();
  const close = (t: TaskView) =>
    done.mutate(t.id, {
      onSuccess: () => void message.success(fill(k.taskDone, { kind: q.taskKinds[t.kind], name: t.personName })),
      onError: (err) => void message.error(errorMessage(err, m, lang)),
    });
  return (
    <Card size="small" title={`${k.tasks} (${tasks.length})`} style={{ marginBottom: 16 }}>
      <Table<TaskView>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        dataSource={tasks}
        locale={{ emptyText: k.noTasks }}
        data-testid="facility-tasks"
        onRow={(t) => (t.dueOn < today ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: k.taskKind, dataIndex: 'kind', render: (kind: TaskView['kind']) => <Tag color={KIND_COLOUR[kind]}>{q.taskKinds[kind]}</Tag> },
          {
            title: k.due,
            dataIndex: 'dueOn',
            render: (d: string) => (
              <span>
                {date(d)} {d < today ? <Tag color="red">{k.overdue}</Tag> : null}
              </span>
            ),
          },
          { title: k.person, dataIndex: 'personName' },
          { title: k.room, dataIndex: 'roomCode', render: (c: string | null) => c ?? m.common.none },
          {
            title: k.note,
            dataIndex: 'note',
            render: (n: string) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 360 }}>{n}</span>,
          },
          {
            title: m.common.actions,
            key: 'done',
            render: (_, t) => (
              <Button size="small" loading={done.isPending && done.variables === t.id} onClick={() => close(t)}>
                {k.done}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
