import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { useChain, type ChainNode } from '../hooks/useCases';
import { ClassTag } from './ClassTag';

// Cytoscape is large: it loads only when this tab opens.
const ChainGraph = lazy(() => import('./ChainGraph').then((mod) => ({ default: mod.ChainGraph })));

/** Summary figures, the graph by generation, and the same nodes as a table (readable without the graph). */
export function ChainTab({ caseId }: { caseId: string }) {
  const { m, date, num } = useI18n();
  const c = m.cases;
  const s = c.summary;
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useChain(caseId);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const figures: [string, string][] = [
    [s.persons, num(data.summary.persons)], [s.cases, num(data.summary.cases)], [s.generations, num(data.summary.generations)],
    [s.firstCaseOn, date(data.summary.firstCaseOn)], [s.lastCaseOn, date(data.summary.lastCaseOn)],
    [s.last7, num(data.summary.casesLast7Days)], [s.previous7, num(data.summary.casesPrevious7Days)],
  ];
  const columns: TableColumnsType<ChainNode> = [
    { title: c.fullName, key: 'name', render: (_, n) => (n.fullName ? <Link to={paths.person(n.id)}>{n.fullName}</Link> : c.outOfScope) },
    { title: c.class, dataIndex: 'class', render: (v: ChainNode['class']) => <ClassTag value={v} /> },
    { title: c.caseCode, dataIndex: 'caseCode', render: (v: string | null) => v ?? m.common.none },
    { title: c.depth, dataIndex: 'depth' },
    { title: m.units.commune, dataIndex: 'communeCode', responsive: ['sm'], render: (code: string) => <UnitName code={code} /> },
  ];
  return (
    <div>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="chain-summary">
        {figures.map(([title, value]) => (
          <Col key={title} xs={12} sm={8} lg={6} xxl={3}><Card size="small"><Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} /></Card></Col>
        ))}
      </Row>
      {data.truncated ? <Alert type="warning" showIcon message={c.truncated} style={{ marginBottom: 16 }} /> : null}
      <Suspense fallback={<PageSpinner />}>
        <ChainGraph chain={data} outOfScope={c.outOfScope} onOpen={(id) => navigate(paths.person(id))} />
      </Suspense>
      <h3 style={{ marginTop: 16 }}>{c.nodeList}</h3>
      <Table<ChainNode> rowKey="id" size="small" columns={columns} dataSource={data.nodes} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="chain-nodes" />
    </div>
  );
}
