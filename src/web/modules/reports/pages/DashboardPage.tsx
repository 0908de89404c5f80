import { Link } from 'react-router';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { DashboardView } from '@server/modules/reports/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { pathOf } from '@web/lib/api';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { CurveChart } from '../components/CurveChart';
import { useDashboard } from '../hooks/useDashboard';

/** The list of cases behind a figure: confirmed on the day, in the unit, optionally found in one place. */
const casesOf = (day: string, unit: string | null, detectedIn?: string) =>
  `${paths.cases}?${new URLSearchParams({ from: day, to: day, ...(unit ? { unit } : {}), ...(detectedIn ? { detectedIn } : {}) })}`;

/** The first page of the command center: the day's situation in the user's scope, every figure linked to its list. */
export function DashboardPage() {
  const { m, num, date } = useI18n();
  const k = m.dashboard;
  const q = useDashboard();
  const d = q.data;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!d) return <Card loading />;
  const unit = d.unit?.code ?? null;
  const versus = (yesterday: number, mean: number) => fill(k.versus, { yesterday: num(yesterday), mean: num(Math.round(mean * 10) / 10) });
  const pct = (share: number) => `${num(Math.round(share * 1000) / 10)} %`;
  const sameDay = d.testing.today.resulted ? Math.round((1000 * d.testing.today.sameDay) / d.testing.today.resulted) / 10 : null;
  const figure = (title: string, value: number | string, sub: string, to?: string, testId?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={to ? <Link to={to}>{title}</Link> : title} value={value} />
        <div style={{ color: 'rgba(0,0,0,.55)', fontSize: 12 }}>{sub}</div>
      </Card>
    </Col>
  );
  return (
    <Page
      title={fill(k.title, { day: date(d.day) })}
      extra={
        <Button icon={<DownloadOutlined />} href={pathOf('/api/reports/dashboard/export', { query: { day: d.day } })} download>
          {k.export}
        </Button>
      }
    >
      <p style={{ marginTop: 0 }}>
        {fill(k.scope, { unit: d.unit?.name ?? k.allScope, communes: num(d.communes) })} · {k.refreshed}
      </p>
      <Row gutter={[12, 12]}>
        {figure(k.newCases, num(d.cases.today.total), versus(d.cases.yesterday.total, d.mean7.cases), casesOf(d.day, unit), 'figure-new-cases')}
        {figure(k.community, num(d.cases.today.community), versus(d.cases.yesterday.community, d.mean7.community), casesOf(d.day, unit, 'community'))}
        {figure(k.recovered, num(d.cases.today.recovered), fill(k.versus, { yesterday: num(d.cases.yesterday.recovered), mean: '—' }))}
        {figure(k.died, num(d.cases.today.died), fill(k.versus, { yesterday: num(d.cases.yesterday.died), mean: '—' }))}
        {figure(k.samples, num(d.testing.today.samples), versus(d.testing.yesterday.samples, d.mean7.samples), paths.testingSummary)}
        {figure(
          k.sameDay,
          sameDay === null ? '—' : `${num(sameDay)} %`,
          `${k.positive}: ${num(d.testing.today.positive)} · ${fill(k.versus, { yesterday: num(d.testing.yesterday.positive), mean: num(Math.round(d.mean7.positive * 10) / 10) })}`,
          paths.testingSummary,
        )}
        <Col span={24}>
          <Card title={k.alerts} size="small" data-testid="dashboard-alerts">
            {d.alerts.length ? (
              d.alerts.map((a, i) => {
                const [to, text] =
                  a.kind === 'facility_full'
                    ? [paths.quarantine, fill(k.facilityFull, { name: a.name, share: pct(a.share), threshold: pct(a.threshold) })]
                    : a.kind === 'level_up'
                      ? [paths.unitLevel(a.communeCode), fill(k.levelUp, { name: a.name, level: a.level })]
                      : [
                          paths.overdueSamples,
                          fill(k.labBacklog, { name: a.name, waiting: num(a.waiting), hours: num(Math.floor(a.oldestHours)), threshold: num(a.threshold) }),
                        ];
                return (
                  <Alert
                    key={`${a.kind}-${i}`}
                    type={a.kind === 'level_up' ? 'warning' : 'error'}
                    showIcon
                    style={{ marginBottom: 6 }}
                    message={<Link to={to}>{text}</Link>}
                    data-testid={`alert-${a.kind}`}
                  />
                );
              })
            ) : (
              <span>{k.noAlerts}</span>
            )}
            <div style={{ marginTop: 8 }}>
              <Link to={paths.quarantine}>{k.beds}</Link>:{' '}
              {fill(k.bedsOf, { occupied: num(d.facilities.occupied), beds: num(d.facilities.beds), count: num(d.facilities.count) })}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={k.curve}>
            <CurveChart curve={d.curve} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={k.byPlace} size="small" style={{ marginBottom: 12 }}>
            {Object.keys(d.cases.today.byPlace).length ? (
              Object.entries(d.cases.today.byPlace).map(([place, n]) => (
                <Tag key={place} style={{ marginBottom: 6 }}>
                  <Link to={casesOf(d.day, unit, place)}>
                    {m.cases.detectedIns[place as keyof typeof m.cases.detectedIns] ?? place}: {num(n)}
                  </Link>
                </Tag>
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card title={<Link to={paths.levels}>{k.levels}</Link>} size="small">
            {Object.entries(d.levels.counts).map(([level, n]) => (
              <Tag key={level}>
                {level}: {num(n)}
              </Tag>
            ))}
            <Tag>
              {k.noLevel}: {num(d.levels.none)}
            </Tag>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={k.districts}>
            <Table<DashboardView['districts'][number]>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d.districts}
              data-testid="dashboard-districts"
              columns={[
                { title: k.district, dataIndex: 'name', render: (name: string, r) => <Link to={casesOf(d.day, r.code)}>{name}</Link> },
                { title: k.casesToday, dataIndex: 'casesToday', align: 'right', render: (n: number) => num(n) },
                { title: k.cases7, dataIndex: 'cases7', align: 'right', render: (n: number) => num(n) },
                { title: k.samplesToday, dataIndex: 'samplesToday', align: 'right', render: (n: number) => num(n) },
                { title: k.positiveToday, dataIndex: 'positiveToday', align: 'right', render: (n: number) => num(n) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
