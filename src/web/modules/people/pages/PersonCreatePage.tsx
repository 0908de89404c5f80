import { useSearchParams } from 'react-router';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { PersonForm } from '../components/PersonForm';
import { useHousehold } from '../hooks/usePeople';

/** New person; with ?ho=<household id> the person joins that household (its commune and hamlet). */
export function PersonCreatePage() {
  const { m } = useI18n();
  const [params] = useSearchParams();
  const householdId = params.get('ho');
  const household = useHousehold(householdId);
  const crumbs = [{ title: m.people.title, to: paths.people }, { title: m.people.createTitle }];
  if (householdId && household.isPending) return <PageSpinner />;
  return (
    <Page title={m.people.createTitle} crumbs={crumbs}>
      {household.error ? <QueryError error={household.error} /> : <PersonForm household={household.data} />}
    </Page>
  );
}
