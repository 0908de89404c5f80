import { useMemo } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CampaignDetail } from '@server/modules/campaigns/schemas';
import { formatDate } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useEChart } from '@web/ui/useEChart';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Households sampled per day (bars) and the positivity of the day's results (line, right axis). */
export function TrendChart({ trend }: { trend: CampaignDetail['trend'] }) {
  const { m, num } = useI18n();
  const k = m.campaign;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [k.trendHouseholds, k.trendPositive] },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: trend.map((d) => formatDate(d.day).slice(0, 5)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => num(v) } },
        { type: 'value', axisLabel: { formatter: (v: number) => `${v}` }, splitLine: { show: false } },
      ],
      series: [
        { name: k.trendHouseholds, type: 'bar', data: trend.map((d) => d.households), itemStyle: { color: '#1677ff' } },
        {
          name: k.trendPositive,
          type: 'line',
          yAxisIndex: 1,
          data: trend.map((d) => (d.resulted ? Math.round((1000 * d.positive) / d.resulted) / 10 : null)),
          itemStyle: { color: '#cf1322' },
        },
      ],
    }),
    [trend, k, num],
  );
  const box = useEChart(option);
  return <div ref={box} style={{ height: 260, width: '100%' }} role="img" aria-label={k.trend} />;
}
