import { Link } from 'react-router';
import { Table, Tag, type TableColumnsType } from 'antd';
import type { HouseholdView, PersonView } from '@server/modules/people/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';

/** The members of a household, the head marked; `currentId` is shown without a link. */
export function HouseholdMembers({ household, currentId }: { household: HouseholdView; currentId?: string }) {
  const { m, date } = useI18n();
  const p = m.people;
  const columns: TableColumnsType<PersonView> = [
    {
      title: p.fullName,
      dataIndex: 'fullName',
      render: (name: string, r) => (
        <>
          {r.id === currentId ? <strong>{name}</strong> : <Link to={paths.person(r.id)}>{name}</Link>}
          {r.id === household.headPersonId ? (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              {p.head}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: p.birth, key: 'birth', render: (_, r) => (r.birthDate ? date(r.birthDate) : r.birthYear) },
    { title: p.sex, dataIndex: 'sex', render: (s: PersonView['sex']) => p.sexes[s] },
    { title: p.nationalId, dataIndex: 'nationalId', render: (v: string | null) => v ?? m.common.none },
  ];
  return (
    <Table<PersonView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={household.members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m.household.noMembers }}
    />
  );
}
