import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Empty, Form, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { withQuery } from '@web/lib/api';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { OpenSessionModal } from '../components/OpenSessionModal';
import { TeamsDrawer } from '../components/TeamsDrawer';
import { useSessions, type SessionListItem } from '../hooks/useSessions';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The sampling sessions of a commune on a day; opening a session; the commune's sampling teams. */
export function SessionsPage() {
  const { can } = useAuth();
  const { m, date, num } = useI18n();
  const s = m.sampling;
  const [params, setParams] = useSearchParams();
  const commune = params.get('commune') ?? undefined;
  const day = params.get('day') ?? vnDay();
  const [opening, setOpening] = useState(false);
  const [teams, setTeams] = useState(false);
  const { data, error, isFetching, refetch } = useSessions({ communeCode: commune, day });
  const collector = can('testing.collect');

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  }

  const columns: TableColumnsType<SessionListItem> = [
    { title: s.team, dataIndex: 'teamName', render: (name: string, r) => <Link to={paths.samplingSession(r.id)}>{name}</Link> },
    {
      title: s.mode,
      dataIndex: 'mode',
      responsive: ['sm'],
      render: (mode: SessionListItem['mode'], r) => (r.placeName ? `${s.modes[mode]}: ${r.placeName}` : s.modes[mode]),
    },
    { title: s.commune, dataIndex: 'communeCode', responsive: ['md'], render: (code: string) => <UnitName code={code} /> },
    { title: s.sessionDate, dataIndex: 'sessionDate', responsive: ['md'], render: (d: string) => date(d) },
    { title: s.tubeCount, dataIndex: 'samples', align: 'right', render: (n: number) => num(n) },
  ];

  const extra = (
    <Space wrap>
      <Link to={withQuery(paths.testingTasks, { commune })}>
        <Button icon={<ScheduleOutlined />}>{s.tasksTitle}</Button>
      </Link>
      <Button icon={<TeamOutlined />} disabled={!commune} onClick={() => setTeams(true)} data-testid="teams-open">
        {s.teams}
      </Button>
      {collector ? (
        <Button type="primary" icon={<PlusOutlined />} disabled={!commune} onClick={() => setOpening(true)} data-testid="session-open">
          {s.openSession}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Page title={s.title} crumbs={[{ title: s.title }]} extra={extra}>
      <Form layout="vertical" name="sessions-filter" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={s.commune} htmlFor="sessions-commune" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="sessions-commune" leaf="commune" value={commune} onChange={(code) => update({ commune: code ?? null })} />
          </Form.Item>
          <Form.Item label={s.day} htmlFor="sessions-day" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput
              id="sessions-day"
              value={day}
              onChange={(v) => {
                if (v === null || ISO.test(v)) update({ day: v });
              }}
            />
          </Form.Item>
        </div>
      </Form>
      {!commune && collector ? <Typography.Paragraph type="secondary">{s.chooseCommune}</Typography.Paragraph> : null}
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<SessionListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching && !data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={s.noSessions} /> }}
          data-testid="sessions-table"
        />
      )}
      {opening && commune ? <OpenSessionModal communeCode={commune} day={day} onClose={() => setOpening(false)} /> : null}
      {teams && commune ? <TeamsDrawer communeCode={commune} canEdit={collector} onClose={() => setTeams(false)} /> : null}
    </Page>
  );
}
