import { Link, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Row } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { HouseholdEditForm } from '../components/HouseholdEditForm';
import { HouseholdMembers } from '../components/HouseholdMembers';
import { useHousehold } from '../hooks/usePeople';

export function HouseholdPage() {
  const { id } = useParams();
  const { can } = useAuth();
  const { m } = useI18n();
  const h = m.household;
  const { data, error, isPending, refetch } = useHousehold(id);
  const crumbs = [{ title: m.people.title, to: paths.people }, { title: h.title }];
  if (isPending) return <PageSpinner />;
  if (error)
    return (
      <Page title={h.title} crumbs={crumbs}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );
  const head = data.members.find((p) => p.id === data.headPersonId);
  const extra = can('people.write') ? (
    <Link to={`${paths.newPerson}?ho=${data.id}`}>
      <Button icon={<UserAddOutlined />}>{m.people.addToHousehold}</Button>
    </Link>
  ) : null;
  return (
    <Page title={`${h.title}: ${data.address}`} crumbs={crumbs} extra={extra}>
      <Row gutter={16}>
        <Col xs={24} lg={can('people.write') ? 16 : 24}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={h.address}>{data.address}</Descriptions.Item>
              <Descriptions.Item label={m.people.place}>
                <UnitName code={data.hamletCode ?? data.communeCode} withParents />
              </Descriptions.Item>
              <Descriptions.Item label={h.head}>{head ? <Link to={paths.person(head.id)}>{head.fullName}</Link> : m.common.none}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={h.members} style={{ marginBottom: 16 }} data-testid="household-members">
            <HouseholdMembers household={data} />
          </Card>
        </Col>
        {can('people.write') ? (
          <Col xs={24} lg={8}>
            <Card size="small" title={h.editTitle}>
              <HouseholdEditForm key={data.version} household={data} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </Page>
  );
}
