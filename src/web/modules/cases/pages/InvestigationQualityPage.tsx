import { useSearchParams } from 'react-router';
import { Form, Table, type TableColumnsType } from 'antd';
import { addDays, vnDay } from '@domain/dates';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { useInvestigationQuality, type QualityRow } from '../hooks/useInvestigationQuality';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const tenths = (n: number) => Math.round(n * 10) / 10;

/** Per district, the investigations of the cases confirmed in a period (optionally in one unit): how complete, and how soon completed. */
export function InvestigationQualityPage() {
  const { m, num } = useI18n();
  const q = m.investigationQuality;
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? vnDay();
  const from = params.get('from') ?? addDays(to, -29);
  const unit = params.get('unit') || undefined;
  const { data, error, isFetching, isPlaceholderData, refetch } = useInvestigationQuality(from, to, unit);

  const setParam = (key: 'from' | 'to' | 'unit') => (v: string | null | undefined) => {
    if (key !== 'unit' && v && !ISO.test(v)) return;
    const next = new URLSearchParams(params);
    if (!v) next.delete(key);
    else next.set(key, v);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<QualityRow> = [
    { title: m.units.district, dataIndex: 'districtCode', render: (code: string) => <UnitName code={code} /> },
    { title: q.cases, dataIndex: 'cases', align: 'right', sorter: (a, b) => a.cases - b.cases, render: (n: number) => num(n) },
    { title: q.completed, dataIndex: 'completed', align: 'right', render: (n: number, r) => `${num(n)} (${num(tenths((n / r.cases) * 100))}%)` },
    {
      title: q.completeness,
      dataIndex: 'meanCompleteness',
      align: 'right',
      sorter: (a, b) => a.meanCompleteness - b.meanCompleteness,
      render: (v: number) => `${num(tenths(v * 100))}%`,
    },
    {
      title: q.timeliness,
      dataIndex: 'medianHours',
      align: 'right',
      sorter: (a, b) => (a.medianHours ?? Infinity) - (b.medianHours ?? Infinity),
      render: (h: number | null) => (h === null ? m.common.none : num(tenths(h))),
    },
  ];

  return (
    <Page title={q.title} crumbs={[{ title: q.title }]}>
      <p style={{ marginTop: 0 }}>{q.intro}</p>
      <Form layout="vertical" name="quality-filters" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={m.cases.from} htmlFor="quality-from" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput id="quality-from" value={from} onChange={setParam('from')} />
          </Form.Item>
          <Form.Item label={m.cases.to} htmlFor="quality-to" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput id="quality-to" value={to} onChange={setParam('to')} />
          </Form.Item>
          <Form.Item label={m.units.filter} htmlFor="quality-unit" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="quality-unit" leaf="commune" anyLevel value={unit} onChange={setParam('unit')} />
          </Form.Item>
        </div>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<QualityRow>
          rowKey="districtCode"
          size="middle"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching && (isPlaceholderData || !data)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="quality-table"
        />
      )}
    </Page>
  );
}
