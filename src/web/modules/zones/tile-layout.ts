/** A point as GeoJSON writes it: [x, y] (longitude, latitude for real boundaries). */
export type Position = [number, number];

/** The part of GeoJSON the zone maps use: polygons keyed by the commune code in `properties.code`. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export interface Feature {
  type: 'Feature';
  properties: { code: string; name?: string; district?: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface LayoutUnit {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

export interface DistrictLabel {
  name: string;
  /** The middle of the top edge of the district's block, in the layout's coordinates: the name goes just above it. */
  coord: Position;
}

/** Space between two blocks, in tiles: across, and down (more, to leave a line for the district's name). */
const GAP_X = 1;
const GAP_Y = 1.5;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * A stand-in map until real boundaries are imported: one square tile per commune, a block of tiles per district,
 * the blocks in a grid, all in code order. Tiles are 1 × 1; x grows right, y grows up (as latitude does), the top
 * edge is y = 0.
 * @example tileLayout([{ code: '26734', name: 'Phường Tân Định', districtCode: '760', districtName: 'Quận 1' }])
 */
export function tileLayout(units: LayoutUnit[]): FeatureCollection {
  const districts = new Map<string, LayoutUnit[]>();
  for (const u of [...units].sort(byCode)) {
    const list = districts.get(u.districtCode);
    if (list) list.push(u);
    else districts.set(u.districtCode, [u]);
  }
  const blocks = [...districts.entries()].sort(([a], [b]) => byCode({ code: a }, { code: b })).map(([, communes]) => communes);
  // every block gets the same cell, so the blocks line up in rows and columns
  const largest = Math.max(0, ...blocks.map((b) => b.length));
  const tilesAcross = Math.ceil(Math.sqrt(largest));
  const tilesDown = Math.max(0, ...blocks.map((b) => Math.ceil(b.length / tilesAcross)));
  const blocksAcross = Math.ceil(Math.sqrt(blocks.length));

  const features: Feature[] = [];
  blocks.forEach((communes, b) => {
    const left = (b % blocksAcross) * (tilesAcross + GAP_X);
    const top = -GAP_Y - Math.floor(b / blocksAcross) * (tilesDown + GAP_Y);
    communes.forEach((u, i) => {
      const x = left + (i % tilesAcross);
      const y = top - Math.floor(i / tilesAcross);
      features.push({
        type: 'Feature',
        properties: { code: u.code, name: u.name, district: u.districtName },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 1, y],
              [x + 1, y - 1],
              [x, y - 1],
              [x, y],
            ],
          ],
        },
      });
    });
  });
  return { type: 'FeatureCollection', features };
}

/** Where to write each district's name on a tile layout: above the middle of its block. */
export function districtLabels(layout: FeatureCollection): DistrictLabel[] {
  const boxes = new Map<string, { minX: number; maxX: number; maxY: number }>();
  for (const f of layout.features) {
    const name = f.properties.district;
    if (name === undefined || f.geometry.type !== 'Polygon') continue;
    const ring = f.geometry.coordinates[0];
    const xs = ring.map(([x]) => x);
    const ys = ring.map(([, y]) => y);
    const box = boxes.get(name) ?? { minX: Infinity, maxX: -Infinity, maxY: -Infinity };
    boxes.set(name, { minX: Math.min(box.minX, ...xs), maxX: Math.max(box.maxX, ...xs), maxY: Math.max(box.maxY, ...ys) });
  }
  return [...boxes.entries()].map(([name, b]) => ({ name, coord: [(b.minX + b.maxX) / 2, b.maxY] }));
}
