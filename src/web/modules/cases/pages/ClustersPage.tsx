import { Link, useSearchParams } from 'react-router';
import { Form, Table, Tag, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { GrowthTag } from '../components/GrowthTag';
import { useClusterList, type ClusterRow } from '../hooks/useClusters';

const PAGE_SIZE = 20;

/** The named clusters (ổ dịch) in the user's scope, newest index case first, with the figures of each live chain; the unit filter is kept in the URL. */
export function ClustersPage() {
  const { m, num, date } = useI18n();
  const k = m.clusters;
  const s = m.cases.summary;
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isFetching, isPlaceholderData, refetch } = useClusterList({ unit, page, pageSize: PAGE_SIZE });

  const columns: TableColumnsType<ClusterRow> = [
    { title: k.clusterName, dataIndex: 'name', render: (name: string, r) => <Link to={paths.cluster(r.id)}>{name}</Link> },
    { title: k.indexCase, dataIndex: 'indexCaseCode', responsive: ['sm'] },
    { title: k.indexConfirmedOn, dataIndex: 'indexConfirmedOn', responsive: ['md'], render: (d: string) => date(d) },
    { title: s.persons, key: 'persons', align: 'right', sorter: (a, b) => a.summary.persons - b.summary.persons, render: (_, r) => num(r.summary.persons) },
    { title: s.cases, key: 'cases', align: 'right', sorter: (a, b) => a.summary.cases - b.summary.cases, render: (_, r) => num(r.summary.cases) },
    { title: s.generations, key: 'generations', align: 'right', responsive: ['sm'], render: (_, r) => num(r.summary.generations) },
    { title: s.lastCaseOn, key: 'lastCaseOn', responsive: ['sm'], render: (_, r) => date(r.summary.lastCaseOn) },
    { title: k.growth, key: 'growth', render: (_, r) => <GrowthTag last7={r.summary.casesLast7Days} previous7={r.summary.casesPrevious7Days} /> },
    {
      title: k.place,
      dataIndex: 'placeName',
      responsive: ['md'],
      render: (name: string | null, r) =>
        name ? (
          <>
            {name} {r.highContact ? <Tag color="orange">{k.highContact}</Tag> : null}
          </>
        ) : (
          m.common.none
        ),
    },
    { title: m.units.commune, dataIndex: 'communeCode', responsive: ['sm'], render: (code: string) => <UnitName code={code} /> },
  ];

  return (
    <Page title={k.title} crumbs={[{ title: k.title }]}>
      <Form layout="vertical" name="cluster-filters" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={m.units.filter} htmlFor="clusters-unit" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="clusters-unit" leaf="commune" anyLevel value={unit} onChange={(code) => setParams(code ? { unit: code } : {}, { replace: true })} />
          </Form.Item>
        </div>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<ClusterRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching && (isPlaceholderData || !data)}
          scroll={{ x: 'max-content' }}
          data-testid="clusters-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (total) => fill(k.total, { n: num(total) }),
            onChange: (p) => {
              const next = new URLSearchParams(params);
              if (p === 1) next.delete('page');
              else next.set('page', String(p));
              setParams(next, { replace: true });
            },
          }}
        />
      )}
    </Page>
  );
}
