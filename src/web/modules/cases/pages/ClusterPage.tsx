import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Tag } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { ChainNodesTable } from '../components/ChainNodesTable';
import { ChainSummary } from '../components/ChainSummary';
import { ClusterTimeline } from '../components/ClusterTimeline';
import { GrowthTag } from '../components/GrowthTag';
import { LazyChainGraph } from '../components/LazyChainGraph';
import { useCluster } from '../hooks/useClusters';

/** One cluster: its index case and place, the chain's figures, cases per day, and the chain itself. */
export function ClusterPage() {
  const { id } = useParams();
  const { m } = useI18n();
  const k = m.clusters;
  const { data, error, isPending, refetch } = useCluster(id);
  if (isPending) return <PageSpinner />;
  if (error) {
    return (
      <Page title={k.title} crumbs={[{ title: k.title, to: paths.clusters }]}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  const { graph } = data;
  const index = graph.nodes.find((n) => n.depth === 0);
  return (
    <Page title={data.name} crumbs={[{ title: k.title, to: paths.clusters }, { title: data.name }]}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="cluster-header">
          <Descriptions.Item label={k.indexCase}>
            <Link to={paths.caseDetail(data.indexCaseId)}>{index?.caseCode ?? m.common.none}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={k.place}>
            {data.placeName ?? m.common.none}
            {data.highContact ? (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {k.highContact}
              </Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={k.growth}>
            <GrowthTag last7={graph.summary.casesLast7Days} previous7={graph.summary.casesPrevious7Days} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ChainSummary summary={graph.summary} />
      {graph.truncated ? <Alert type="warning" showIcon message={m.cases.truncated} style={{ marginBottom: 16 }} /> : null}
      <h3>{k.timeline}</h3>
      <ClusterTimeline nodes={graph.nodes} />
      <h3 style={{ marginTop: 16 }}>{m.cases.tabChain}</h3>
      <LazyChainGraph chain={graph} />
      <ChainNodesTable nodes={graph.nodes} />
    </Page>
  );
}
