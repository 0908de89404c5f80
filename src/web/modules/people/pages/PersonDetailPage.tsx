import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { DuplicateWarning, PersonView } from '@server/modules/people/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { DuplicateWarnings } from '../components/DuplicateWarnings';
import { HouseholdMembers } from '../components/HouseholdMembers';
import { MergeDialog } from '../components/MergeDialog';
import { PersonHistory } from '../components/PersonHistory';
import { useDuplicates } from '../hooks/useDuplicates';
import { usePerson, useHousehold } from '../hooks/usePeople';
import { useMergePersons } from '../hooks/usePersonMutations';

/** One person: details, household members, possible duplicates (with merge), change history. */
export function PersonDetailPage() {
  const { id } = useParams();
  const { m } = useI18n();
  const { data, error, isPending, refetch } = usePerson(id);
  if (isPending) return <PageSpinner />;
  if (error) {
    return (
      <Page title={m.people.detailTitle} crumbs={[{ title: m.people.title, to: paths.people }, { title: m.people.detailTitle }]}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  return <PersonDetail person={data} />;
}

function PersonDetail({ person }: { person: PersonView }) {
  const { can } = useAuth();
  const { m, date, dateTime } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const p = m.people;
  const household = useHousehold(person.householdId);
  const active = !person.mergedInto;
  const duplicates = useDuplicates(
    { fullName: person.fullName, birthYear: person.birthYear, communeCode: person.communeCode, excludeId: person.id },
    active && can('people.write'),
  );
  const merge = useMergePersons();
  const [mergeWith, setMergeWith] = useState<DuplicateWarning | null>(null);

  const extra =
    active && can('people.write') ? (
      <Space wrap>
        <Link to={paths.newCase(person.id)}>
          <Button danger>{m.cases.newCaseForPerson}</Button>
        </Link>
        <Link to={paths.editPerson(person.id)}>
          <Button type="primary" icon={<EditOutlined />}>
            {m.common.edit}
          </Button>
        </Link>
      </Space>
    ) : null;
  const none = m.common.none;

  return (
    <Page title={person.fullName} crumbs={[{ title: p.title, to: paths.people }, { title: person.fullName }]} extra={extra}>
      {person.mergedInto ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={p.mergedInto}
          action={<Link to={paths.person(person.mergedInto)}>{p.openKept}</Link>}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="person-details">
          <Descriptions.Item label={p.fullName}>
            <Space size={4} wrap>
              {person.fullName}
              {person.synthetic ? <Tag>{m.common.synthetic}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={person.birthDate ? p.birthDate : p.birthYear}>
            {person.birthDate ? date(person.birthDate) : person.birthYear}
          </Descriptions.Item>
          <Descriptions.Item label={p.sex}>{p.sexes[person.sex]}</Descriptions.Item>
          <Descriptions.Item label={p.nationalId}>{person.nationalId ?? none}</Descriptions.Item>
          <Descriptions.Item label={p.phone}>{person.phone ?? none}</Descriptions.Item>
          <Descriptions.Item label={p.occupation}>{person.occupation ?? none}</Descriptions.Item>
          <Descriptions.Item label={p.workplace}>{person.workplace ?? none}</Descriptions.Item>
          <Descriptions.Item label={p.address}>{person.address ?? none}</Descriptions.Item>
          <Descriptions.Item label={p.place}>
            <UnitName code={person.hamletCode ?? person.communeCode} withParents />
          </Descriptions.Item>
          <Descriptions.Item label={p.createdAt}>{dateTime(person.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={p.updatedAt}>{dateTime(person.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <DuplicateWarnings warnings={duplicates.data} onMerge={setMergeWith} />

      <Card
        size="small"
        title={p.members}
        style={{ marginBottom: 16 }}
        extra={
          household.data ? (
            <Link to={paths.household(household.data.id)}>
              {m.household.title}: {household.data.address}
            </Link>
          ) : null
        }
      >
        {!person.householdId ? (
          <span>{p.noHousehold}</span>
        ) : household.error ? (
          <QueryError error={household.error} />
        ) : household.data ? (
          <HouseholdMembers household={household.data} currentId={person.id} />
        ) : (
          <PageSpinner />
        )}
      </Card>

      <Card size="small" title={p.history}>
        <PersonHistory personId={person.id} />
      </Card>

      {mergeWith ? (
        <MergeDialog
          current={{ id: person.id, fullName: person.fullName }}
          other={{ id: mergeWith.id, fullName: mergeWith.fullName }}
          onClose={() => setMergeWith(null)}
          onConfirm={async (keep) => {
            const keepId = keep === 'current' ? person.id : mergeWith.id;
            await merge.mutateAsync({ keepId, mergeId: keep === 'current' ? mergeWith.id : person.id });
            setMergeWith(null);
            message.success(m.duplicates.merged);
            navigate(paths.person(keepId));
          }}
        />
      ) : null}
    </Page>
  );
}
