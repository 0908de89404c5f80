import { useSearchParams } from 'react-router';
import { Empty, Form, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { ClassTag } from '../components/ClassTag';
import { PersonLink } from '../components/PersonLink';
import { useFollowUp, type FollowUpRow } from '../hooks/useCases';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
type View = 'all' | 'testToday' | 'overdue' | 'releaseToday';

function todayVn(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The commune team's day: F1/F2 in quarantine, who is tested today, who is overdue, who is released. */
export function FollowUpPage() {
  const { m, date } = useI18n();
  const f = m.followUp;
  const [params, setParams] = useSearchParams();
  const commune = params.get('commune') ?? undefined;
  const day = params.get('date') ?? todayVn();
  const view = (params.get('view') as View | null) ?? 'all';
  const { data, error, isFetching, refetch } = useFollowUp(commune, day);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  }

  const overdue = (r: FollowUpRow) => r.testsDue.some((d) => d !== day);
  const rows = (data ?? []).filter((r) =>
    view === 'testToday' ? r.testToday : view === 'overdue' ? overdue(r) : view === 'releaseToday' ? r.releaseToday : true,
  );
  const count = (pred: (r: FollowUpRow) => boolean) => (data ?? []).filter(pred).length;

  const columns: TableColumnsType<FollowUpRow> = [
    { title: f.person, dataIndex: 'personId', render: (id: string) => <PersonLink id={id} /> },
    { title: m.cases.class, dataIndex: 'class', render: (v: FollowUpRow['class']) => <ClassTag value={v} /> },
    { title: m.cases.quarantineUntil, dataIndex: 'quarantineUntil', render: (d: string | null) => (d ? date(d) : m.common.none) },
    {
      title: m.common.actions,
      key: 'flags',
      render: (_, r) => (
        <>
          {r.testToday ? <Tag color="blue">{f.testToday}</Tag> : null}
          {overdue(r) ? <Tag color="red">{f.overdue}</Tag> : null}
          {r.releaseToday ? <Tag color="green">{f.releaseToday}</Tag> : null}
        </>
      ),
    },
  ];

  return (
    <Page title={f.title} crumbs={[{ title: f.title }]}>
      <Form layout="vertical" name="follow-up" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={f.commune} htmlFor="fu-commune" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="fu-commune" leaf="commune" value={commune} onChange={(code) => update({ commune: code ?? null })} />
          </Form.Item>
          <Form.Item label={f.date} htmlFor="fu-date" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput
              id="fu-date"
              value={day}
              onChange={(v) => {
                if (v === null || ISO.test(v)) update({ date: v });
              }}
            />
          </Form.Item>
        </div>
      </Form>
      {!commune ? (
        <Empty description={f.chooseCommune} />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Segmented<View>
            style={{ margin: '12px 0', maxWidth: '100%', overflowX: 'auto' }}
            value={view}
            onChange={(v) => update({ view: v === 'all' ? null : v })}
            options={[
              { value: 'all', label: `${f.all} (${data?.length ?? 0})` },
              { value: 'testToday', label: `${f.testToday} (${count((r) => r.testToday)})` },
              { value: 'overdue', label: `${f.overdue} (${count(overdue)})` },
              { value: 'releaseToday', label: `${f.releaseToday} (${count((r) => r.releaseToday)})` },
            ]}
          />
          <Table<FollowUpRow>
            rowKey="personId"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={isFetching && !data}
            scroll={{ x: 'max-content' }}
            data-testid="follow-up-table"
          />
        </>
      )}
    </Page>
  );
}
