import { Card, Tag } from 'antd';
import type { RoomView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { cohortColour } from '../cohort-colour';

/** A room of the grid: its code, beds in use, its cohort (class and entry window) in the cohort's colour, a red exposure badge. */
export function RoomCard({ room, selected, onOpen }: { room: RoomView; selected: boolean; onOpen(): void }) {
  const { m, date } = useI18n();
  const k = m.facilityPage;
  const c = room.cohort && room.occupied > 0 ? room.cohort : null;
  const colour = c ? cohortColour(c) : '#d9d9d9';
  const full = room.occupied >= room.beds;
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      data-testid={`room-${room.code}`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ borderLeft: `6px solid ${colour}`, outline: selected ? '2px solid #1677ff' : undefined, height: '100%' }}
      styles={{ body: { padding: 10 } }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <strong style={{ fontSize: 16 }}>{room.code}</strong>
        <span style={{ color: full ? '#cf1322' : undefined }}>{fill(k.roomBeds, { occupied: room.occupied, beds: room.beds })}</span>
      </div>
      <div style={{ marginTop: 6, minHeight: 22 }}>
        {c ? (
          <Tag color={colour} style={{ marginInlineEnd: 4 }}>
            {fill(k.cohort, { cls: m.quarantine.classes[c.cls] ?? c.cls, from: date(c.from).slice(0, 5), to: date(c.to).slice(0, 5) })}
          </Tag>
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{k.emptyRoom}</span>
        )}
      </div>
      {c?.exposedOn ? (
        <Tag color="red" style={{ marginTop: 6 }} data-testid="room-exposed">
          {fill(m.quarantine.exposedOn, { day: date(c.exposedOn) })}
        </Tag>
      ) : null}
    </Card>
  );
}
