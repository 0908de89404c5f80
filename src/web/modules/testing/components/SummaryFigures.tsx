import { Card, Col, Row, Statistic } from 'antd';
import { formatHours, formatPercent } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import type { TestingFigures } from '../hooks/useTestingSummary';

/** The day's headline figures, one card each. */
export function SummaryFigures({ figures, sameDayRequired }: { figures: TestingFigures; sameDayRequired: boolean }) {
  const { m, num, lang } = useI18n();
  const f = m.testingSummary.figures;
  const none = m.common.none;
  const belowSameDay = sameDayRequired && figures.sameDayShare !== null && figures.sameDayShare < 1;
  const cards: { key: string; title: string; value: string; danger?: boolean }[] = [
    { key: 'samples', title: f.samples, value: num(figures.samples) },
    { key: 'persons', title: f.persons, value: num(figures.persons) },
    { key: 'pools', title: f.pools, value: num(figures.pools) },
    { key: 'received', title: f.received, value: num(figures.received) },
    { key: 'resulted', title: f.resulted, value: num(figures.resulted) },
    { key: 'positive', title: f.positive, value: num(figures.positive), danger: figures.positive > 0 },
    { key: 'positivity', title: f.positivity, value: formatPercent(figures.positivity, lang) || none },
    { key: 'sameDayShare', title: f.sameDayShare, value: formatPercent(figures.sameDayShare, lang) || none, danger: belowSameDay },
    { key: 'meanTat', title: f.meanTat, value: formatHours(figures.meanTatHours, lang) || none },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="summary-figures">
      {cards.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={6} xxl={4}>
          <Card size="small" data-testid={`figure-${c.key}`}>
            <Statistic title={c.title} value={c.value} valueStyle={{ fontSize: 20, color: c.danger ? '#cf1322' : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
