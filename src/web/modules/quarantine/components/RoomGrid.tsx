import { Col, Empty, Row } from 'antd';
import type { RoomView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { RoomCard } from './RoomCard';

/** The rooms of a facility grouped by area, in code order; a tap on a room opens its persons. */
export function RoomGrid({ rooms, selected, onOpen }: { rooms: RoomView[]; selected: string | null; onOpen(roomId: string): void }) {
  const { m } = useI18n();
  const areas = new Map<string, RoomView[]>();
  for (const r of [...rooms].sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }))) areas.set(r.area, [...(areas.get(r.area) ?? []), r]);
  if (!rooms.length) return <Empty description={m.facilityPage.noRooms} />;
  return (
    <>
      {[...areas].map(([area, list]) => (
        <section key={area} style={{ marginBottom: 12 }}>
          <h3 style={{ fontSize: 15, margin: '4px 0 8px' }}>{fill(m.facilityPage.area, { area })}</h3>
          <Row gutter={[8, 8]}>
            {list.map((r) => (
              <Col key={r.id} xs={12} sm={8} md={6} lg={4}>
                <RoomCard room={r} selected={selected === r.id} onOpen={() => onOpen(r.id)} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </>
  );
}
