import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Space, Typography } from 'antd';
import { MapChart } from 'echarts/charts';
import { GeoComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import { init, registerMap, use, type ECharts } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { mapLegend, mapOption, type MapUnit } from './map-option';
import { districtLabels, tileLayout, type FeatureCollection } from './tile-layout';

export type { MapUnit } from './map-option';
export type { FeatureCollection } from './tile-layout';

// only what a level map draws, so the chunk stays small
use([MapChart, GeoComponent, TooltipComponent, MarkPointComponent, LabelLayout, CanvasRenderer]);

export interface LevelMapProps {
  units: MapUnit[];
  /** Commune boundaries (feature `properties.code` = commune code); without them each commune is a square tile. */
  geojson?: FeatureCollection | null;
  title?: string;
  onSelect?: (code: string) => void;
  height?: number;
}

/** Communes filled with the colour of their level, a legend under the map; a click on a commune selects it. */
export function LevelMap({ units, geojson, title, onSelect, height = 480 }: LevelMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>();
  const select = useRef(onSelect);
  select.current = onSelect;
  // ECharts keeps maps in one registry per page: each map on the page gets its own name
  const mapName = `level-map${useId()}`;

  const layout = useMemo(() => geojson ?? tileLayout(units), [geojson, units]);
  const legend = useMemo(() => mapLegend(units, layout), [units, layout]);

  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current);
    chart.current = c;
    c.on('click', (p) => {
      if (p.componentType === 'series' && p.name) select.current?.(p.name);
    });
    // also the first measure: names are written only once the size is known
    const resize = new ResizeObserver(() => {
      c.resize();
      setSize({ width: c.getWidth(), height: c.getHeight() });
    });
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    registerMap(mapName, layout);
    const districts = geojson ? [] : districtLabels(layout);
    chart.current?.setOption(mapOption(units, mapName, { geojson: layout, districts, size }), { notMerge: true });
  }, [units, layout, geojson, mapName, size]);

  return (
    <div>
      {title ? (
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
      ) : null}
      <div ref={box} style={{ width: '100%', height }} data-testid="level-map" />
      <Space wrap size={[16, 4]} style={{ marginTop: 8 }}>
        {legend.map((e) => (
          <Space key={`${e.colour} ${e.name}`} size={6}>
            <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: e.colour, border: '1px solid rgba(0,0,0,0.15)' }} />
            <span>{e.name}</span>
          </Space>
        ))}
      </Space>
    </div>
  );
}
