import { describe, expect, it } from 'vitest';
import { MapChart } from 'echarts/charts';
import { MarkPointComponent, TooltipComponent } from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { fitName, mapLegend, mapOption, NO_DATA_COLOUR, type MapUnit } from './map-option';
import { districtLabels, tileLayout } from './tile-layout';

use([MapChart, TooltipComponent, MarkPointComponent, LabelLayout, SVGRenderer]);

const RED = '#cf1322';
const YELLOW = '#fadb14';

const aUnit = (code: string, over: Partial<MapUnit> = {}): MapUnit => ({
  code,
  name: `Phường ${code}`,
  districtCode: '760',
  districtName: 'Quận 1',
  colour: YELLOW,
  levelName: 'Cấp 2 – Nguy cơ trung bình',
  ...over,
});

const units = [
  aUnit('26734', { name: 'Phường Tân Định', colour: RED, levelName: 'Cấp 4 – Nguy cơ rất cao', detail: '12 ca trong 14 ngày' }),
  aUnit('26737', { name: 'Phường Đa Kao' }),
];
/** The two communes above and one more the level list does not cover yet. */
const geojson = tileLayout([...units, aUnit('26740', { name: 'Phường Bến Nghé' })]);

const seriesOf = (o: ReturnType<typeof mapOption>) => (Array.isArray(o.series) ? o.series[0] : o.series)!;
const tooltipOf = (o: ReturnType<typeof mapOption>, code: string) => {
  const tooltip = Array.isArray(o.tooltip) ? o.tooltip[0] : o.tooltip;
  return (tooltip!.formatter as (p: unknown) => string)({ name: code });
};

describe('mapOption', () => {
  it("fills each commune with its level's colour and one with no level in grey", () => {
    const series = seriesOf(mapOption(units, 'q1', { geojson }));
    expect(series).toMatchObject({ type: 'map', map: 'q1', nameProperty: 'code' });
    const fills = Object.fromEntries((series.data as { name: string; itemStyle: { areaColor: string } }[]).map((d) => [d.name, d.itemStyle.areaColor]));
    expect(fills).toEqual({ '26734': RED, '26737': YELLOW, '26740': NO_DATA_COLOUR });
  });

  it('says the name, the level and the detail in the tooltip, and "no data" where there is no level', () => {
    const option = mapOption(units, 'q1', { geojson });
    expect(tooltipOf(option, '26734')).toBe('<b>Phường Tân Định</b> — Cấp 4 – Nguy cơ rất cao<br/>12 ca trong 14 ngày');
    expect(tooltipOf(option, '26737')).toBe('<b>Phường Đa Kao</b> — Cấp 2 – Nguy cơ trung bình');
    expect(tooltipOf(option, '26740')).toBe('<b>Phường Bến Nghé</b> — Chưa có dữ liệu');
    expect(tooltipOf(mapOption([aUnit('1', { name: '<b>A & B</b>' })], 'x', { geojson }), '1')).toBe(
      '<b>&#60;b&#62;A &#38; B&#60;/b&#62;</b> — Cấp 2 – Nguy cơ trung bình',
    );
  });

  it('draws the map with the colours and the names of communes and districts', () => {
    registerMap('q1-drawn', geojson);
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    chart.setOption(mapOption(units, 'q1-drawn', { geojson, districts: districtLabels(geojson), size: { width: 600, height: 400 } }));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain(RED);
    expect(svg).toContain(YELLOW);
    expect(svg).toContain(NO_DATA_COLOUR);
    expect(svg).toContain('Bến Nghé');
    expect(svg).toContain('Quận 1');
  });
});

describe('commune names on the map', () => {
  const shown = (size?: { width: number; height: number }) => {
    const series = seriesOf(mapOption(units, 'q1', { geojson, size }));
    return (series.data as { name: string; label: { show: boolean } }[]).filter((d) => d.label.show).map((d) => d.name);
  };

  it('writes every name when the communes are drawn big enough, none when they are small or the size is not known yet', () => {
    expect(shown({ width: 1200, height: 600 })).toEqual(['26734', '26737', '26740']);
    expect(shown({ width: 120, height: 60 })).toEqual([]);
    expect(shown()).toEqual([]);
  });

  it('breaks a name at spaces to fit its commune, or leaves it out', () => {
    expect(fitName('Phường Tân Định', 200, 40)).toBe('Phường Tân Định');
    expect(fitName('Phường Tân Định', 40, 40)).toBe('Phường\nTân\nĐịnh');
    expect(fitName('Phường Tân Định', 40, 24)).toBeNull();
    expect(fitName('Phường Tân Định', 20, 100)).toBeNull();
  });
});

describe('mapLegend', () => {
  it('lists each level once in level order, then "no data" when a commune has no level', () => {
    const more = [...units, aUnit('26738', { colour: RED, levelName: 'Cấp 4 – Nguy cơ rất cao' })];
    expect(mapLegend(more, geojson)).toEqual([
      { colour: YELLOW, name: 'Cấp 2 – Nguy cơ trung bình' },
      { colour: RED, name: 'Cấp 4 – Nguy cơ rất cao' },
      { colour: NO_DATA_COLOUR, name: 'Chưa có dữ liệu' },
    ]);
    expect(mapLegend(units, tileLayout(units))).toHaveLength(2);
  });
});
