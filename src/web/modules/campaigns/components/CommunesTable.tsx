import { Table, Tag, Tooltip } from 'antd';
import type { CommuneProgress, RoundView } from '@server/modules/campaigns/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

export const ROUND_COLOUR: Record<RoundView['status'], string> = { upcoming: '#bfbfbf', open: '#1677ff', done: '#389e0d', overdue: '#cf1322' };
const TAG: Record<RoundView['status'], string> = { upcoming: 'default', open: 'processing', done: 'success', overdue: 'error' };

/** Each commune's target, interval and method, and its rounds: households covered of the target, positives, same-day results. */
export function CommunesTable({ communes }: { communes: CommuneProgress[] }) {
  const { m, num, date } = useI18n();
  const k = m.campaign;
  return (
    <Table<CommuneProgress>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 1400 }}
      dataSource={communes}
      columns={[
        { title: m.campaigns.commune, key: 'name', render: (_, c) => c.name, fixed: 'left', width: 160 },
        { title: k.district, dataIndex: 'districtName', width: 140 },
        { title: k.level, key: 'level', render: (_, c) => c.level ?? k.noLevel, width: 110 },
        { title: k.population, dataIndex: 'populationName', ellipsis: { showTitle: true }, width: 200 },
        { title: m.campaigns.everyDays, dataIndex: 'everyDays', align: 'right' },
        { title: m.campaigns.method, dataIndex: 'method', render: (v: CommuneProgress['method']) => m.methods[v], width: 150 },
        { title: m.campaigns.householdsTarget, dataIndex: 'householdsTarget', align: 'right', render: (n: number) => num(n) },
        { title: k.neverReached, dataIndex: 'neverReached', align: 'right', render: (n: number) => num(n) },
        {
          title: k.rounds,
          key: 'rounds',
          width: 520,
          render: (_, c) =>
            c.rounds.map((r) => (
              <Tooltip
                key={r.no}
                title={`${fill(k.roundDates, { from: date(r.startsOn), to: date(r.dueOn) })} · ${k.persons}: ${num(r.personsCovered)} · ${k.poolsPositive}: ${num(r.poolsPositive)} · ${k.positive}: ${num(r.positive)} · ${k.sameDay}: ${num(r.sameDay)}/${num(r.resulted)}`}
              >
                <Tag color={TAG[r.status]} data-testid={`round-${c.code}-${r.no}`}>
                  {fill(k.round, { no: r.no })}: {fill(k.coveredOf, { covered: num(r.householdsCovered), target: num(c.householdsTarget) })} ·{' '}
                  {k.roundStatus[r.status]}
                </Tag>
              </Tooltip>
            )),
        },
      ]}
    />
  );
}
