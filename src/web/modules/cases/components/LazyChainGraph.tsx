import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { PageSpinner } from '@web/ui/PageSpinner';
import type { Chain } from '../hooks/useCases';

// Cytoscape is large: it loads only when a chain is shown.
const ChainGraph = lazy(() => import('./ChainGraph').then((mod) => ({ default: mod.ChainGraph })));

/** The chain graph in its own chunk, with a spinner while it loads; a click on a node opens the person. */
export function LazyChainGraph({ chain }: { chain: Chain }) {
  const { m } = useI18n();
  const navigate = useNavigate();
  return (
    <Suspense fallback={<PageSpinner />}>
      <ChainGraph chain={chain} outOfScope={m.cases.outOfScope} onOpen={(id) => navigate(paths.person(id))} />
    </Suspense>
  );
}
