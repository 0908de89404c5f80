import { useParams } from 'react-router';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { PersonForm } from '../components/PersonForm';
import { usePerson } from '../hooks/usePeople';

export function PersonEditPage() {
  const { id } = useParams();
  const { m } = useI18n();
  const { data, error, isPending, refetch } = usePerson(id);
  if (isPending) return <PageSpinner />;
  if (error)
    return (
      <div className="tc-page">
        <QueryError error={error} onRetry={() => void refetch()} />
      </div>
    );
  const crumbs = [{ title: m.people.title, to: paths.people }, { title: data.fullName, to: paths.person(data.id) }, { title: m.people.editTitle }];
  return (
    <Page title={`${m.people.editTitle}: ${data.fullName}`} crumbs={crumbs}>
      <PersonForm key={`${data.id}-${data.version}`} person={data} />
    </Page>
  );
}
