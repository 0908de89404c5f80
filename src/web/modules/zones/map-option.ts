import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DistrictLabel, Feature, FeatureCollection, Position } from './tile-layout';

/** One commune on the map, with the level in force there. */
export interface MapUnit {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  /** Fill of the commune's level, e.g. '#cf1322'. */
  colour: string;
  /** The level as people read it, e.g. 'Cấp 4 – Nguy cơ rất cao'. */
  levelName: string;
  /** Second line of the tooltip, e.g. '12 ca trong 14 ngày'. */
  detail?: string;
}

export interface LegendEntry {
  colour: string;
  name: string;
}

export type LevelMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption>;

/** Fill of a commune on the map that has no unit (no level known). */
export const NO_DATA_COLOUR = '#d9d9d9';
export const NO_DATA = 'Chưa có dữ liệu';

export interface MapLayers {
  /** The features registered as the map, matched to units on `properties.code`. */
  geojson: FeatureCollection;
  /** District names to write on the map (the tile layout's). */
  districts?: DistrictLabel[];
  /** The chart's size in pixels; without it no commune name is written (there is no telling whether it fits). */
  size?: { width: number; height: number };
}

/** Space around the map inside the chart, in pixels, and more above it for the names of the top row of districts. */
const MARGIN = 8;
const DISTRICT_LINE = 18;
const FONT_SIZE = 10;
const LINE_HEIGHT = 12;
/** A generous average width of a character of the label font, so an estimate errs towards leaving a name out. */
const CHAR_WIDTH = 0.6 * FONT_SIZE;

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function boxOf(points: Position[]): Box {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

const pointsOf = (f: Feature): Position[] => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2));

/** `name` broken into lines at spaces to fit a width × height box (pixels), or null when it does not fit. */
export function fitName(name: string, width: number, height: number): string | null {
  const room = Math.floor(width / CHAR_WIDTH);
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (word.length > room) return null;
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length * LINE_HEIGHT <= height ? lines.join('\n') : null;
}

/**
 * The ECharts option of a level map: each feature (registered as `mapName`) filled with the colour of its unit,
 * grey when it has none; a commune's name written on it where it fits, the districts' names where given.
 */
export function mapOption(units: MapUnit[], mapName: string, { geojson, districts = [], size }: MapLayers): LevelMapOption {
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const featureName = new Map(geojson.features.map((f) => [f.properties.code, f.properties.name ?? f.properties.code]));
  const nameOf = (code: string) => unitOf.get(code)?.name ?? featureName.get(code) ?? code;

  // the features fitted into the chart less its margins, one scale for x and y: how big each commune is drawn
  const top = MARGIN + (districts.length ? DISTRICT_LINE : 0);
  const boxes = new Map(geojson.features.map((f) => [f.properties.code, boxOf(pointsOf(f))]));
  const all = boxOf(
    [...boxes.values()].flatMap((b): Position[] => [
      [b.minX, b.minY],
      [b.maxX, b.maxY],
    ]),
  );
  const scale =
    size && geojson.features.length
      ? Math.min((size.width - 2 * MARGIN) / (all.maxX - all.minX || 1), (size.height - top - MARGIN) / (all.maxY - all.minY || 1))
      : 0;
  const labelOf = new Map(
    [...boxes].map(([code, b]) => [code, scale ? fitName(nameOf(code), (b.maxX - b.minX) * scale - 6, (b.maxY - b.minY) * scale - 2) : null]),
  );

  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const code = String((Array.isArray(p) ? p[0] : p).name);
        const u = unitOf.get(code);
        const head = `<b>${html(nameOf(code))}</b> — ${html(u?.levelName ?? NO_DATA)}`;
        return u?.detail ? `${head}<br/>${html(u.detail)}` : head;
      },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        // the generated tiles are square, and at Vietnam's latitudes a degree of longitude is nearly one of latitude
        aspectScale: 1,
        boundingCoords: geojson.features.length
          ? [
              [all.minX, all.maxY],
              [all.maxX, all.minY],
            ]
          : undefined,
        top,
        bottom: MARGIN,
        left: MARGIN,
        right: MARGIN,
        preserveAspect: 'contain',
        selectedMode: false,
        itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: false,
          fontSize: FONT_SIZE,
          lineHeight: LINE_HEIGHT,
          color: '#1f1f1f',
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          // a name too long for its commune is written in full only while the commune is pointed at
          formatter: (p) => labelOf.get(String(p.name)) ?? nameOf(String(p.name)),
        },
        // real boundaries are not boxes: a name that fits its commune's box may still run into a neighbour's
        labelLayout: { hideOverlap: true },
        emphasis: { label: { show: true }, itemStyle: { borderColor: '#141414', borderWidth: 2 } },
        data: geojson.features.map((f) => {
          const { code } = f.properties;
          const areaColor = unitOf.get(code)?.colour ?? NO_DATA_COLOUR;
          return { name: code, itemStyle: { areaColor }, emphasis: { itemStyle: { areaColor } }, label: { show: Boolean(labelOf.get(code)) } };
        }),
        markPoint: districts.length
          ? {
              silent: true,
              symbol: 'rect',
              symbolSize: 0,
              label: { show: true, position: 'top', distance: 6, fontSize: 12, fontWeight: 'bold', color: '#434343', formatter: '{b}' },
              data: districts.map((d) => ({ name: d.name, coord: d.coord })),
            }
          : undefined,
      },
    ],
  };
}

/** The legend under a level map: each (colour, level) once, in level order, then "no data" if a feature has no unit. */
export function mapLegend(units: MapUnit[], geojson: FeatureCollection): LegendEntry[] {
  const seen = new Map<string, LegendEntry>();
  for (const u of units) seen.set(`${u.colour}\n${u.levelName}`, { colour: u.colour, name: u.levelName });
  const entries = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
  const codes = new Set(units.map((u) => u.code));
  if (geojson.features.some((f) => !codes.has(f.properties.code))) entries.push({ colour: NO_DATA_COLOUR, name: NO_DATA });
  return entries;
}
