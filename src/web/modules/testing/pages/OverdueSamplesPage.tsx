import { useSearchParams } from 'react-router';
import { Alert, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { useLabOptions } from '../hooks/useLabOptions';
import { OVERDUE_LIMIT, useOverdueSamples, type OverdueSample, type PendingStage } from '../hooks/useOverdueSamples';

const STAGE_COLORS: Record<PendingStage, string> = { collected: 'default', in_transit: 'blue', received: 'gold', retest: 'orange' };

/** Tubes collected longer ago than the rule set allows and still without a result, oldest first; refreshes itself. */
export function OverdueSamplesPage() {
  const { m, num, dateTime } = useI18n();
  const o = m.overdueSamples;
  const [params, setParams] = useSearchParams();
  const lab = params.get('lab') ?? undefined;
  const commune = params.get('commune') ?? undefined;
  const { data, error, isFetching, isPlaceholderData, refetch } = useOverdueSamples(lab, commune);
  const labs = useLabOptions();

  function update(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  }

  const columns: TableColumnsType<OverdueSample> = [
    { title: o.barcode, dataIndex: 'barcode', fixed: 'left', render: (b: string) => <strong>{b}</strong> },
    { title: o.stage, dataIndex: 'stage', render: (s: PendingStage) => <Tag color={STAGE_COLORS[s]}>{o.stages[s]}</Tag> },
    {
      title: o.hours,
      dataIndex: 'hoursSinceCollection',
      align: 'right',
      render: (h: number) => <span style={{ color: '#cf1322', fontWeight: 600 }}>{num(h)}</span>,
    },
    { title: o.collectedAt, dataIndex: 'collectedAt', render: (t: string) => dateTime(t) },
    { title: o.kind, dataIndex: 'kind', responsive: ['md'], render: (k: OverdueSample['kind']) => o.kinds[k] },
    { title: o.members, dataIndex: 'membersCount', align: 'right', responsive: ['md'], render: (n: number) => num(n) },
    { title: o.lab, dataIndex: 'labName', render: (n: string | null) => n ?? m.common.none },
    { title: o.team, dataIndex: 'teamName', responsive: ['sm'], render: (n: string | null) => n ?? m.common.none },
    { title: m.units.commune, dataIndex: 'communeCode', render: (code: string) => <UnitName code={code} /> },
  ];

  return (
    <Page title={o.title} crumbs={[{ title: m.testingSummary.title, to: paths.testingSummary }, { title: o.title }]}>
      {data ? <p style={{ marginTop: 0 }}>{fill(o.threshold, { hours: num(data.thresholdHours), version: data.ruleVersion })}</p> : null}
      <Form layout="vertical" name="overdue-filters" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={o.lab} htmlFor="overdue-lab" style={{ marginBottom: 0 }}>
            <Select
              id="overdue-lab"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={o.allLabs}
              value={lab}
              loading={labs.isPending}
              onChange={(v?: string) => update('lab', v ?? null)}
              options={(labs.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item label={m.units.commune} htmlFor="overdue-commune" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="overdue-commune" leaf="commune" value={commune} onChange={(code) => update('commune', code ?? null)} />
          </Form.Item>
        </div>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          {data && data.samples.length >= OVERDUE_LIMIT ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={fill(o.limited, { n: num(OVERDUE_LIMIT) })} />
          ) : null}
          <Table<OverdueSample>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.samples ?? []}
            loading={isFetching && (isPlaceholderData || !data)}
            locale={{ emptyText: o.none }}
            scroll={{ x: 'max-content' }}
            data-testid="overdue-table"
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => fill(o.total, { n: num(n) }) }}
          />
        </>
      )}
    </Page>
  );
}
