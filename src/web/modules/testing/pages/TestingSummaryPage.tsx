import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Table, Tooltip, type TableColumnsType } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { TEST_TYPES } from '@domain/testing';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { levelOfCode } from '@web/lib/units';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { SummaryFigures } from '../components/SummaryFigures';
import { TatBars } from '../components/TatBars';
import { useFigureColumns } from '../hooks/useFigureColumns';
import { useLabOptions } from '../hooks/useLabOptions';
import { useTestingSummary, type LabBacklog, type TestingFigures, type TestingSummary } from '../hooks/useTestingSummary';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

type LabRow = TestingSummary['byLab'][number];
type TeamRow = TestingSummary['byTeam'][number];
type CommuneRow = TestingSummary['byCommune'][number];
type DistrictRow = TestingSummary['byDistrict'][number];
type DayRow = TestingSummary['trend'][number];

const NO_FIGURES: TestingFigures = {
  samples: 0,
  persons: 0,
  pools: 0,
  received: 0,
  resulted: 0,
  positive: 0,
  negative: 0,
  invalid: 0,
  sameDay: 0,
  positivity: null,
  sameDayShare: null,
  meanTatHours: null,
  tat: { le6h: 0, le12h: 0, le24h: 0, le48h: 0, gt48h: 0 },
};

/**
 * The command center's day of testing: headline figures, turnaround, and the same figures per lab (with its
 * capacity and live backlog), team, commune and district, and the last 7 days. Refreshes itself every minute.
 */
export function TestingSummaryPage() {
  const { me } = useAuth();
  const { m, num, date, dateTime } = useI18n();
  const s = m.testingSummary;
  const [params, setParams] = useSearchParams();
  const dayParam = params.get('day');
  const day = dayParam && ISO.test(dayParam) ? dayParam : vnDay();
  const district = params.get('district') ?? undefined;
  const { data, error, isPending, isFetching, isPlaceholderData, dataUpdatedAt, refetch } = useTestingSummary(day, district);
  const labs = useLabOptions();
  const figureColumns = useFigureColumns<TestingFigures>(data?.sameDayRequired ?? false);
  const labFigureColumns = useFigureColumns<LabRow>(data?.sameDayRequired ?? false, { collection: false });
  const columns = <T extends TestingFigures>() => figureColumns as TableColumnsType<T>;
  // Districts to choose from only for users above one district.
  const chooseDistrict = (me?.scopeUnits ?? []).some((u) => levelOfCode(u.code) === 'province');

  function update(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  }

  const filters = (
    <Form layout="vertical" name="testing-summary-filters" onSubmitCapture={(e) => e.preventDefault()}>
      <div className="tc-filters">
        <Form.Item label={s.day} htmlFor="summary-day" style={{ marginBottom: 0, maxWidth: 160 }}>
          <VnDateInput
            id="summary-day"
            value={day}
            onChange={(v) => {
              if (v === null || ISO.test(v)) update('day', v === vnDay() ? null : v);
            }}
          />
        </Form.Item>
        {chooseDistrict ? (
          <Form.Item label={m.units.district} htmlFor="summary-district" style={{ marginBottom: 0, maxWidth: 480 }}>
            <UnitPicker id="summary-district" leaf="district" value={district} onChange={(code) => update('district', code ?? null)} />
          </Form.Item>
        ) : null}
      </div>
    </Form>
  );
  const extra = (
    <Link to={paths.overdueSamples}>
      <Button icon={<ClockCircleOutlined />}>{s.overdueLink}</Button>
    </Link>
  );

  if (isPending) return <PageSpinner />;
  if (error && !data)
    return (
      <div className="tc-page">
        <QueryError error={error} onRetry={() => void refetch()} />
      </div>
    );

  // Labs with a backlog but no samples of the day still show, with their backlog.
  const capacityOf = (id: string) => data.byLab.find((l) => l.labId === id)?.capacity ?? labs.data?.find((l) => l.id === id)?.dailyCapacity ?? {};
  const labRows: LabRow[] = [
    ...data.byLab,
    ...data.backlog
      .filter((b) => !data.byLab.some((l) => l.labId === b.labId))
      .map((b) => ({ ...NO_FIGURES, labId: b.labId, name: b.name, capacity: capacityOf(b.labId), backlog: b })),
  ];
  const capacityText = (capacity: LabRow['capacity']) => {
    const types = TEST_TYPES.filter((t) => capacity[t]);
    if (!types.length) return m.common.none;
    const total = types.reduce((sum, t) => sum + (capacity[t] ?? 0), 0);
    return (
      <Tooltip title={types.map((t) => `${s.testTypes[t]}: ${num(capacity[t]!)}`).join(' · ')}>
        <span>{num(total)}</span>
      </Tooltip>
    );
  };
  const backlogColumns: TableColumnsType<LabRow> = [
    { title: s.inTransit, dataIndex: ['backlog', 'inTransit'], align: 'right', render: (n: number) => num(n) },
    { title: s.awaitingResult, dataIndex: ['backlog', 'awaitingResult'], align: 'right', render: (n: number) => num(n) },
    {
      title: s.oldestCollected,
      dataIndex: ['backlog', 'oldestCollectedAt'],
      render: (t: LabBacklog['oldestCollectedAt']) => (t ? dateTime(t) : m.common.none),
    },
  ];
  const labColumns: TableColumnsType<LabRow> = [
    { title: s.lab, dataIndex: 'name', fixed: 'left' },
    { title: s.capacity, dataIndex: 'capacity', align: 'right', render: capacityText },
    ...labFigureColumns,
    { title: s.backlog, children: backlogColumns },
  ];
  const teamColumns: TableColumnsType<TeamRow> = [
    { title: s.team, dataIndex: 'name', fixed: 'left' },
    { title: m.units.commune, dataIndex: 'communeCode', render: (code: string | null) => <UnitName code={code} /> },
    ...columns<TeamRow>(),
  ];
  const communeColumns: TableColumnsType<CommuneRow> = [
    { title: m.units.commune, dataIndex: 'communeCode', fixed: 'left', render: (code: string) => <UnitName code={code} /> },
    ...columns<CommuneRow>(),
  ];
  const districtColumns: TableColumnsType<DistrictRow> = [
    { title: m.units.district, dataIndex: 'districtCode', fixed: 'left', render: (code: string) => <UnitName code={code} /> },
    ...columns<DistrictRow>(),
  ];
  const trendColumns: TableColumnsType<DayRow> = [{ title: s.day, dataIndex: 'day', fixed: 'left', render: (d: string) => date(d) }, ...columns<DayRow>()];
  const table = <T extends object>(testId: string, title: string, rowKey: keyof T & string, rows: T[], cols: TableColumnsType<T>) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      <Table<T>
        rowKey={rowKey}
        size="small"
        columns={cols}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        loading={isFetching && isPlaceholderData}
      />
    </Card>
  );

  return (
    <Page title={s.title} crumbs={[{ title: s.title }]} extra={extra}>
      <p style={{ marginTop: 0 }}>{s.intro}</p>
      {filters}
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <QueryError error={error} onRetry={() => void refetch()} />
        </div>
      ) : null}
      <p style={{ color: 'rgba(0,0,0,0.55)', marginTop: 0 }} data-testid="summary-updated">
        {fill(s.updatedAt, { time: dateTime(new Date(dataUpdatedAt).toISOString()) })}
      </p>
      {data.sameDayRequired ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={fill(s.sameDayRequired, { version: data.ruleVersion })} />
      ) : null}
      {data.totals.samples === 0 ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={s.empty} /> : null}
      <SummaryFigures figures={data.totals} sameDayRequired={data.sameDayRequired} />
      <Card size="small" title={s.tat.title} style={{ marginBottom: 16 }}>
        <TatBars tat={data.totals.tat} resulted={data.totals.resulted} />
      </Card>
      {table('summary-labs', s.byLab, 'labId', labRows, labColumns)}
      {table('summary-districts', s.byDistrict, 'districtCode', data.byDistrict, districtColumns)}
      {table('summary-communes', s.byCommune, 'communeCode', data.byCommune, communeColumns)}
      {table('summary-teams', s.byTeam, 'teamId', data.byTeam, teamColumns)}
      {table('summary-trend', s.trend, 'day', data.trend, trendColumns)}
    </Page>
  );
}
