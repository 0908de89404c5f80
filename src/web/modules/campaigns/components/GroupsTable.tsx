import { Table, Tag } from 'antd';
import type { GroupView } from '@server/modules/campaigns/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

const TAG: Record<GroupView['rounds'][number]['status'], string> = { upcoming: 'default', open: 'processing', done: 'success', overdue: 'error' };

/** Each group of workers: its commune, occupation words, interval and method, and persons covered in each round. */
export function GroupsTable({ groups }: { groups: GroupView[] }) {
  const { m, num, date } = useI18n();
  const k = m.campaign;
  return (
    <Table<GroupView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={groups}
      data-testid="campaign-groups"
      scroll={{ x: true }}
      columns={[
        { title: k.group, dataIndex: 'name' },
        { title: m.campaigns.commune, dataIndex: 'communeName' },
        { title: m.campaigns.occupations, dataIndex: 'occupations', render: (o: string[]) => o.join(', ') },
        { title: m.campaigns.everyDays, dataIndex: 'everyDays', align: 'right' },
        { title: m.campaigns.method, dataIndex: 'method', render: (v: GroupView['method']) => m.methods[v] },
        { title: k.personsTarget, dataIndex: 'personsTarget', align: 'right', render: (n: number) => num(n) },
        {
          title: k.rounds,
          key: 'rounds',
          render: (_: unknown, g) =>
            g.rounds.map((r) => (
              <Tag
                key={r.no}
                color={TAG[r.status]}
                data-testid={`group-round-${g.id}-${r.no}`}
                title={fill(k.roundDates, { from: date(r.startsOn), to: date(r.dueOn) })}
              >
                {fill(k.round, { no: r.no })}: {fill(k.personsOf, { covered: num(r.personsCovered), target: num(g.personsTarget) })} · {k.roundStatus[r.status]}
              </Tag>
            )),
        },
      ]}
    />
  );
}
