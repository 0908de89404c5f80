import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Card, Col, Empty, Form, Row, Tabs } from 'antd';
import type { HomeList, StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { CheckDialog } from '../components/CheckDialog';
import { HomeStayCard } from '../components/HomeStayCard';
import { useHomeList } from '../hooks/useQuarantine';

/** The commune team's phone list: people at home with their day and last check, the daily check; those monitoring after release. */
export function HomeCarePage() {
  const { m, num } = useI18n();
  const k = m.homeCare;
  const { modal } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const commune = search.get('commune') ?? undefined;
  const list = useHomeList(commune);
  const [checking, setChecking] = useState<StayView | null>(null);
  const data = list.data;
  return (
    <Page title={k.title} crumbs={[{ title: <Link to={paths.quarantine}>{m.quarantineBoard.title}</Link> }, { title: k.title }]}>
      <p style={{ marginTop: 0 }}>{k.intro}</p>
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={k.commune} htmlFor="home-commune">
          <UnitPicker id="home-commune" leaf="commune" value={commune} onChange={(c) => setSearch(c ? { commune: c } : {}, { replace: true })} />
        </Form.Item>
      </Form>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Tabs
        items={[
          {
            key: 'home',
            label: fill(k.atHome, { n: num(data?.stays.length ?? 0) }),
            children: <StayCards data={data} loading={list.isPending} onCheck={setChecking} />,
          },
          {
            key: 'monitoring',
            label: fill(k.monitoring, { n: num(data?.monitoring.length ?? 0) }),
            children: <MonitoringCards stays={data?.monitoring ?? []} />,
          },
        ]}
      />
      {checking && data ? (
        <CheckDialog
          stay={checking}
          day={data.day}
          onClose={() => setChecking(null)}
          onSaved={(c) => {
            if (c.urgentTaskId) modal.error({ title: fill(k.urgentAlert, { name: checking.personName }), content: k.urgentHelp, okText: m.common.close });
          }}
        />
      ) : null}
    </Page>
  );
}

function StayCards({ data, loading, onCheck }: { data?: HomeList; loading: boolean; onCheck(s: StayView): void }) {
  const { m } = useI18n();
  if (loading) return <Card loading />;
  if (!data?.stays.length) return <Empty description={m.homeCare.none} />;
  // the urgent first, then those not yet checked today
  const stays = [...data.stays].sort((a, b) => Number(b.urgent) - Number(a.urgent) || Number(a.checkedToday) - Number(b.checkedToday));
  return (
    <Row gutter={[12, 12]}>
      {stays.map((s) => (
        <Col key={s.id} xs={24} md={12} xl={8}>
          <HomeStayCard stay={s} day={data.day} onCheck={() => onCheck(s)} />
        </Col>
      ))}
    </Row>
  );
}

function MonitoringCards({ stays }: { stays: StayView[] }) {
  const { m, date } = useI18n();
  const k = m.homeCare;
  if (!stays.length) return <Empty description={k.none} />;
  return (
    <Row gutter={[12, 12]}>
      {stays.map((s) => (
        <Col key={s.id} xs={24} md={12} xl={8}>
          <Card size="small" title={`${s.personName}${s.birthYear ? ` (${s.birthYear})` : ''}`} data-testid="monitoring-stay">
            <div>{`${m.quarantine.classes[s.exposureClass] ?? s.exposureClass} · ${m.quarantine.settings[s.setting]}`}</div>
            <div>{fill(k.releasedOn, { day: date(s.endedOn) })}</div>
            <strong>{fill(k.monitoringUntil, { day: date(s.monitoringUntil) })}</strong>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
