import { useMemo } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { DashboardView } from '@server/modules/reports/schemas';
import { formatDate } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useEChart } from '@web/ui/useEChart';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The epidemic curve: new cases a day (bars, the community's part in red), and their 7-day mean (line). */
export function CurveChart({ curve }: { curve: DashboardView['curve'] }) {
  const { m, num } = useI18n();
  const k = m.dashboard;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [k.curveCommunity, k.curveCases, k.curveAvg] },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: curve.map((d) => formatDate(d.day).slice(0, 5)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => num(v) } },
      series: [
        { name: k.curveCommunity, type: 'bar', stack: 'cases', data: curve.map((d) => d.community), itemStyle: { color: '#cf1322' } },
        { name: k.curveCases, type: 'bar', stack: 'cases', data: curve.map((d) => d.cases - d.community), itemStyle: { color: '#fa8c16' } },
        { name: k.curveAvg, type: 'line', data: curve.map((d) => Math.round(d.avg7 * 10) / 10), itemStyle: { color: '#1677ff' }, symbol: 'none' },
      ],
    }),
    [curve, k, num],
  );
  const box = useEChart(option);
  return <div ref={box} style={{ height: 280, width: '100%' }} role="img" aria-label={k.curve} />;
}
