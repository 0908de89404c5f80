import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { HouseholdForm } from '../components/HouseholdForm';

export function HouseholdCreatePage() {
  const { m } = useI18n();
  return (
    <Page title={m.household.createTitle} crumbs={[{ title: m.people.title, to: paths.people }, { title: m.household.createTitle }]}>
      <HouseholdForm />
    </Page>
  );
}
