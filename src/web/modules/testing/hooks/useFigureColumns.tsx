import { Typography, type TableColumnsType } from 'antd';
import { formatHours, formatPercent } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import type { TestingFigures } from './useTestingSummary';

/**
 * The figure columns every table of the summary shares (lab, team, commune, district, day). The same-day
 * share shows red when the rule set requires same-day results and a row falls short of all of them. A lab's
 * rows have no collection counts (a tube has no lab when it is collected): `collection: false` leaves them out.
 */
export function useFigureColumns<T extends TestingFigures>(sameDayRequired: boolean, { collection = true } = {}): TableColumnsType<T> {
  const { m, num, lang } = useI18n();
  const s = m.testingSummary;
  const none = m.common.none;
  const collected: TableColumnsType<T> = [
    { title: s.samples, dataIndex: 'samples', align: 'right', sorter: (a, b) => a.samples - b.samples, render: (n: number) => num(n) },
    { title: s.persons, dataIndex: 'persons', align: 'right', render: (n: number) => num(n) },
  ];
  return [
    ...(collection ? collected : []),
    { title: s.received, dataIndex: 'received', align: 'right', render: (n: number) => num(n) },
    { title: s.resulted, dataIndex: 'resulted', align: 'right', render: (n: number) => num(n) },
    { title: s.positive, dataIndex: 'positive', align: 'right', render: (n: number) => num(n) },
    {
      title: s.positivity,
      dataIndex: 'positivity',
      align: 'right',
      sorter: (a, b) => (a.positivity ?? -1) - (b.positivity ?? -1),
      render: (v: number | null) => formatPercent(v, lang) || none,
    },
    {
      title: s.sameDayShare,
      dataIndex: 'sameDayShare',
      align: 'right',
      sorter: (a, b) => (a.sameDayShare ?? 2) - (b.sameDayShare ?? 2),
      render: (v: number | null) => {
        if (v === null) return none;
        if (sameDayRequired && v < 1)
          return (
            <Typography.Text type="danger" strong title={s.belowSameDay} data-testid="below-same-day">
              {formatPercent(v, lang)}
            </Typography.Text>
          );
        return formatPercent(v, lang);
      },
    },
    {
      title: s.meanTat,
      dataIndex: 'meanTatHours',
      align: 'right',
      sorter: (a, b) => (a.meanTatHours ?? Infinity) - (b.meanTatHours ?? Infinity),
      render: (h: number | null) => formatHours(h, lang) || none,
    },
  ];
}
