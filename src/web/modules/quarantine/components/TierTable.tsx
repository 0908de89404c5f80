import { Table } from 'antd';
import type { BoardView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { BedsBar } from './BedsBar';

type Totals = BoardView['tiers'][number];

/** One row per tier of the rule in force (quarantine sites, tiers 1–3 of treatment). */
export function TierTable({ tiers }: { tiers: Totals[] }) {
  const { m, num } = useI18n();
  const q = m.quarantine;
  const b = m.quarantineBoard;
  const used = (u: number, t: number) => fill(q.usedOf, { used: num(u), total: num(t) });
  return (
    <Table<Totals>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={tiers}
      style={{ marginBottom: 16 }}
      title={() => <strong>{b.byTier}</strong>}
      columns={[
        { title: b.tier, dataIndex: 'name', width: 320 },
        { title: b.facilities, dataIndex: 'facilities', align: 'right', render: num },
        { title: b.bedsUse, key: 'beds', render: (_, t) => <BedsBar occupied={t.occupied} beds={t.beds} /> },
        { title: q.free, dataIndex: 'free', align: 'right', render: num },
        { title: q.icu, key: 'icu', align: 'right', render: (_, t) => used(t.icuUsed, t.icuBeds) },
        { title: q.oxygen, key: 'oxygen', align: 'right', render: (_, t) => used(t.oxygenUsed, t.oxygenPoints) },
        { title: b.today, key: 'today', align: 'right', render: (_, t) => `${num(t.arrivalsToday)} / ${num(t.releasesToday)}` },
        { title: q.releasesDue7, dataIndex: 'releasesDue7', align: 'right', render: num },
      ]}
    />
  );
}
