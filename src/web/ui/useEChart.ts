import { useEffect, useRef } from 'react';
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';

/**
 * An ECharts chart in a div: made when the div mounts, resized with the window, disposed on unmount, and given
 * `option` whenever it changes (the caller registers the chart types it uses with `use` from echarts/core).
 */
export function useEChart(option: EChartsCoreOption) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    chart.current = init(box.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option);
  }, [option]);
  return box;
}
