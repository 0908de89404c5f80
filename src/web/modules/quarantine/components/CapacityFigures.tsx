import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { BoardView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/** The city's totals: beds, occupied, free, ICU and oxygen in use, arrivals and releases, and whether capacity is met. */
export function CapacityFigures({ board }: { board: BoardView }) {
  const { m, num } = useI18n();
  const q = m.quarantine;
  const b = m.quarantineBoard;
  const c = board.city;
  const figures: [string, string][] = [
    [q.beds, num(c.beds)],
    [q.occupied, num(c.occupied)],
    [q.free, num(c.free)],
    [q.icu, fill(q.usedOf, { used: num(c.icuUsed), total: num(c.icuBeds) })],
    [q.oxygen, fill(q.usedOf, { used: num(c.oxygenUsed), total: num(c.oxygenPoints) })],
    [q.arrivalsToday, num(c.arrivalsToday)],
    [q.releasesToday, num(c.releasesToday)],
    [q.releasesDue7, num(c.releasesDue7)],
  ];
  return (
    <Card
      size="small"
      title={b.city}
      style={{ marginBottom: 16 }}
      extra={
        <Tag color={board.treatmentCapacityMet ? 'green' : 'red'} data-testid="capacity-met">
          {`${b.capacity}: ${board.treatmentCapacityMet ? b.capacityMet : b.capacityNotMet}`}
        </Tag>
      }
    >
      <Row gutter={[16, 12]}>
        {figures.map(([title, value]) => (
          <Col key={title} xs={12} sm={8} lg={6} xl={3}>
            <Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
