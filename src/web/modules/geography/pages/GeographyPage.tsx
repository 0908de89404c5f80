import { Link, Navigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Table, Tag, type TableColumnsType } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { compareVietnamese } from '@domain/vn-text';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { HamletImport } from '../components/HamletImport';
import { useUnitOverview, type ChildOverview } from '../hooks/useUnitOverview';

/** Province → district → commune → hamlet: population, households and registered people per unit. */
export function GeographyPage() {
  const { code } = useParams();
  const { me } = useAuth();
  const { m } = useI18n();
  if (!code) {
    const scope = me?.scopeUnits ?? [];
    if (scope.length === 1) return <Navigate to={paths.unit(scope[0].code)} replace />;
    return (
      <Page title={m.geography.scopeTitle} crumbs={[{ title: m.geography.title }]}>
        <Card>
          <ul>
            {scope.map((u) => (
              <li key={u.code}>
                <Link to={paths.unit(u.code)}>{u.name}</Link>
              </li>
            ))}
          </ul>
        </Card>
      </Page>
    );
  }
  return <UnitOverviewView code={code} />;
}

function UnitOverviewView({ code }: { code: string }) {
  const { can } = useAuth();
  const { m, num, date } = useI18n();
  const g = m.geography;
  const { data, error, isPending, refetch } = useUnitOverview(code);
  if (isPending) return <PageSpinner />;
  if (error)
    return (
      <div className="tc-page">
        <QueryError error={error} onRetry={() => void refetch()} />
      </div>
    );
  const { unit } = data;
  // Hamlets by name in Vietnamese order ("Khu vực 2" before "Khu vực 10"); districts and communes keep the GSO order.
  const children = unit.level === 'commune' ? [...data.children].sort((a, b) => compareVietnamese(a.name, b.name)) : data.children;
  const crumbs = [{ title: g.title, to: paths.geography }, ...unit.ancestors.map((a) => ({ title: a.name, to: paths.unit(a.code) })), { title: unit.name }];
  const childIsHamlet = unit.level === 'commune';
  const peopleButton = can('people.read') ? (
    <Link to={paths.peopleIn(unit.code)}>
      <Button icon={<TeamOutlined />}>{g.viewPeople}</Button>
    </Link>
  ) : null;

  const columns: TableColumnsType<ChildOverview> = [
    {
      title: g.unit,
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, c) => (childIsHamlet ? name : <Link to={paths.unit(c.code)}>{name}</Link>),
    },
    { title: g.type, dataIndex: 'type' },
    {
      title: g.population,
      align: 'right',
      render: (_, c) =>
        c.population ? (
          <>
            {num(c.population.count)}
            {c.population.synthetic ? <Tag style={{ marginLeft: 6 }}>{m.common.synthetic}</Tag> : null}
          </>
        ) : (
          <span style={{ color: '#999' }}>{g.noPopulation}</span>
        ),
    },
    { title: g.households, align: 'right', render: (_, c) => (c.population?.households != null ? num(c.population.households) : m.common.none) },
    { title: g.asOf, render: (_, c) => (c.population ? date(c.population.asOf) : m.common.none) },
    { title: g.registeredPersons, align: 'right', render: (_, c) => num(c.registered.persons) },
    { title: g.registeredHouseholds, align: 'right', render: (_, c) => num(c.registered.households) },
    ...(can('people.read')
      ? [
          {
            title: m.common.actions,
            key: 'people',
            render: (_: unknown, c: ChildOverview) => <Link to={paths.peopleIn(c.code)}>{g.viewPeople}</Link>,
          },
        ]
      : []),
  ];
  const totals = children.reduce((t, c) => ({ persons: t.persons + c.registered.persons, households: t.households + c.registered.households }), {
    persons: 0,
    households: 0,
  });

  return (
    <Page title={unit.name} crumbs={crumbs} extra={peopleButton}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={g.type}>{unit.type}</Descriptions.Item>
          <Descriptions.Item label={g.population}>
            {unit.population ? (
              <>
                {num(unit.population.count)}
                {unit.population.synthetic ? <Tag style={{ marginLeft: 6 }}>{m.common.synthetic}</Tag> : null}
              </>
            ) : (
              g.noPopulation
            )}
          </Descriptions.Item>
          <Descriptions.Item label={g.households}>{unit.population?.households != null ? num(unit.population.households) : m.common.none}</Descriptions.Item>
          <Descriptions.Item label={g.asOf}>{unit.population ? `${date(unit.population.asOf)} · ${unit.population.source}` : m.common.none}</Descriptions.Item>
        </Descriptions>
      </Card>
      {children.length === 0 ? (
        <Alert type="info" showIcon message={g.noChildren} />
      ) : (
        <Table<ChildOverview>
          rowKey="code"
          size="middle"
          caption={<div style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{fill(g.childrenOf, { name: unit.name })}</div>}
          columns={columns}
          dataSource={children}
          pagination={children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{g.total}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} colSpan={4} />
              <Table.Summary.Cell index={5} align="right">
                <strong>{num(totals.persons)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <strong>{num(totals.households)}</strong>
              </Table.Summary.Cell>
              {can('people.read') ? <Table.Summary.Cell index={7} /> : null}
            </Table.Summary.Row>
          )}
        />
      )}
      {unit.level === 'commune' && can('geography.import') ? <HamletImport communeCode={unit.code} /> : null}
    </Page>
  );
}
