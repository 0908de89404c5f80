import type { BoundaryGeometry } from '../../../db/boundary-tables';
import type { FeatureProblem } from './errors';

type Position = [number, number];

/** A feature of the file as far as it could be read: its code and shape, or null where they are wrong. */
export interface ReadFeature {
  index: number;
  code: string | null;
  geometry: BoundaryGeometry | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A commune code as files write it: text, or an integer (a shapefile's numeric MA_XA loses the leading zero of
 * '01834', so integers are padded to the five digits of a GSO commune code).
 */
function codeOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value).padStart(5, '0');
  return null;
}

/** A [lon, lat] position (an altitude after them is dropped), or null. */
function positionOf(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return null;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}

type Problem = { kind: 'coordinates' | 'ring'; at: number[] };

/** A polygon's rings (closed, at least four positions each), or the first problem, at its place in `coordinates`. */
function polygonOf(value: unknown, at: number[]): Position[][] | Problem {
  if (!Array.isArray(value) || value.length === 0) return { kind: 'coordinates', at };
  const rings: Position[][] = [];
  for (const [r, ring] of value.entries()) {
    if (!Array.isArray(ring)) return { kind: 'coordinates', at: [...at, r] };
    const positions: Position[] = [];
    for (const [p, raw] of ring.entries()) {
      const position = positionOf(raw);
      if (!position) return { kind: 'coordinates', at: [...at, r, p] };
      positions.push(position);
    }
    const [first, last] = [positions[0], positions.at(-1)];
    if (positions.length < 4 || first[0] !== last![0] || first[1] !== last![1]) return { kind: 'ring', at: [...at, r] };
    rings.push(positions);
  }
  return rings;
}

function geometryOf(value: unknown): BoundaryGeometry | Problem | { kind: 'type'; type: string } {
  const type = isObject(value) ? value.type : undefined;
  if (!isObject(value) || (type !== 'Polygon' && type !== 'MultiPolygon')) return { kind: 'type', type: typeof type === 'string' ? type.slice(0, 40) : 'null' };
  if (type === 'Polygon') {
    const rings = polygonOf(value.coordinates, []);
    return Array.isArray(rings) ? { type, coordinates: rings } : rings;
  }
  if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) return { kind: 'coordinates', at: [] };
  const polygons: Position[][][] = [];
  for (const [i, polygon] of value.coordinates.entries()) {
    const rings = polygonOf(polygon, [i]);
    if (!Array.isArray(rings)) return rings;
    polygons.push(rings);
  }
  return { type, coordinates: polygons };
}

/**
 * Reads a GeoJSON FeatureCollection of commune shapes: every feature's code (from `codeProperty`) and its Polygon or
 * MultiPolygon of finite [lon, lat] positions. Every problem is listed with the field it is at; the codes are checked
 * against the units by the caller.
 */
export function readBoundaryFile(geojson: unknown, codeProperty: string): { features: ReadFeature[]; problems: FeatureProblem[] } {
  if (!isObject(geojson) || geojson.type !== 'FeatureCollection' || !Array.isArray(geojson.features))
    return { features: [], problems: [{ index: -1, field: 'geojson', code: 'zones.boundary_not_geojson', params: {} }] };
  if (geojson.features.length === 0) return { features: [], problems: [{ index: -1, field: 'geojson.features', code: 'zones.boundary_empty', params: {} }] };
  const features: ReadFeature[] = [];
  const problems: FeatureProblem[] = [];
  for (const [index, feature] of (geojson.features as unknown[]).entries()) {
    const at = `geojson.features.${index}`;
    const n = String(index + 1);
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push({ index, field: at, code: 'zones.boundary_feature', params: { n } });
      continue;
    }
    const code = codeOf(isObject(feature.properties) ? feature.properties[codeProperty] : undefined);
    if (code === null)
      problems.push({ index, field: `${at}.properties.${codeProperty}`, code: 'zones.boundary_code_missing', params: { n, property: codeProperty } });
    const geometry = geometryOf(feature.geometry);
    const shown = code ?? '—';
    if ('kind' in geometry) {
      if (geometry.kind === 'type')
        problems.push({ index, field: `${at}.geometry`, code: 'zones.boundary_geometry', params: { n, code: shown, type: geometry.type } });
      else
        problems.push({
          index,
          field: [`${at}.geometry.coordinates`, ...geometry.at].join('.'),
          code: geometry.kind === 'ring' ? 'zones.boundary_ring' : 'zones.boundary_coordinates',
          params: { n, code: shown, at: `coordinates${geometry.at.map((i) => `[${i}]`).join('')}` },
        });
    }
    features.push({ index, code, geometry: 'kind' in geometry ? null : geometry });
  }
  return { features, problems };
}
