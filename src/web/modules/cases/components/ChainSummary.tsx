import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import type { Chain } from '../hooks/useCases';

/** The chain's figures: size, generations, first and latest case, cases in the last 7 days against the 7 before. */
export function ChainSummary({ summary }: { summary: Chain['summary'] }) {
  const { m, date, num } = useI18n();
  const s = m.cases.summary;
  const figures: [string, string][] = [
    [s.persons, num(summary.persons)],
    [s.cases, num(summary.cases)],
    [s.generations, num(summary.generations)],
    [s.firstCaseOn, date(summary.firstCaseOn)],
    [s.lastCaseOn, date(summary.lastCaseOn)],
    [s.last7, num(summary.casesLast7Days)],
    [s.previous7, num(summary.casesPrevious7Days)],
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="chain-summary">
      {figures.map(([title, value]) => (
        <Col key={title} xs={12} sm={8} lg={6} xxl={3}>
          <Card size="small">
            <Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
