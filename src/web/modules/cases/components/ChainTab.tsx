import { useState } from 'react';
import { Alert, Button } from 'antd';
import { TagOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { useChain } from '../hooks/useCases';
import { ChainNodesTable } from './ChainNodesTable';
import { ChainSummary } from './ChainSummary';
import { LazyChainGraph } from './LazyChainGraph';
import { NameClusterDialog } from './NameClusterDialog';

/** Summary figures, the graph by generation, and the same nodes as a table; naming the chain as a cluster with this case as its index. */
export function ChainTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { m } = useI18n();
  const c = m.cases;
  const [naming, setNaming] = useState(false);
  const { data, error, isPending, refetch } = useChain(caseId);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <div>
      {canWrite ? (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          <Button icon={<TagOutlined />} onClick={() => setNaming(true)} data-testid="cluster-name">
            {m.clusters.name}
          </Button>
        </div>
      ) : null}
      <ChainSummary summary={data.summary} />
      {data.truncated ? <Alert type="warning" showIcon message={c.truncated} style={{ marginBottom: 16 }} /> : null}
      <LazyChainGraph chain={data} />
      <ChainNodesTable nodes={data.nodes} />
      {naming ? <NameClusterDialog caseId={caseId} onClose={() => setNaming(false)} /> : null}
    </div>
  );
}
