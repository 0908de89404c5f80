import { Link } from 'react-router';
import { Space, Table, Tag } from 'antd';
import type { BoardView } from '@server/modules/quarantine/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { BedsBar } from './BedsBar';
import { FacilityStatusTag } from './FacilityStatusTag';

type Row = BoardView['facilities'][number];

/** The board's facilities: tier, status, beds, today's arrivals and releases, the releases due on each of the next 7 days. */
export function FacilitiesTable({ facilities, loading }: { facilities: Row[]; loading: boolean }) {
  const { m, num, date } = useI18n();
  const { can } = useAuth();
  const q = m.quarantine;
  const b = m.quarantineBoard;
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={facilities}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: b.none }}
      data-testid="board-facilities"
      columns={[
        {
          title: b.facility,
          dataIndex: 'name',
          render: (name: string, f) => (
            <div>
              {can('quarantine.stays') ? <Link to={paths.facility(f.id)}>{name}</Link> : name}
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>{f.place}</div>
            </div>
          ),
        },
        { title: b.tier, dataIndex: 'tierName', render: (t: string, f) => <span title={q.kinds[f.kind]}>{t}</span> },
        { title: b.status, dataIndex: 'status', render: (_, f) => <FacilityStatusTag facility={f} /> },
        { title: b.bedsUse, key: 'beds', render: (_, f) => <BedsBar occupied={f.occupied} beds={f.beds} /> },
        { title: q.free, dataIndex: 'free', align: 'right', render: num },
        { title: b.today, key: 'today', align: 'right', render: (_, f) => `${num(f.today.arrivals)} / ${num(f.today.releases)}` },
        {
          title: b.forecast,
          key: 'forecast',
          render: (_, f) => {
            const due = f.forecast.filter((d) => d.releasesDue > 0);
            if (!due.length) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{b.noForecast}</span>;
            return (
              <Space size={[4, 4]} wrap style={{ maxWidth: 260 }}>
                {due.map((d) => (
                  <Tag key={d.day} style={{ marginInlineEnd: 0 }}>{`${date(d.day).slice(0, 5)}: ${num(d.releasesDue)}`}</Tag>
                ))}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
