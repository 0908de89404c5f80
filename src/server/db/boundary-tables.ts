import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A boundary as stored: [lon, lat] positions, rings closed. */
export type BoundaryGeometry = { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** The import in force for a province from a day (migration 0021). */
export interface BoundaryImportsTable {
  id: string;
  province_code: string;
  valid_from: string;
  file_hash: string;
  features: number;
  source: string;
  imported_by: string;
  imported_at: DefaultTimestamp;
}

/** One commune's shape in an import. */
export interface UnitBoundariesTable {
  import_id: string;
  unit_code: string;
  /** written as JSON text, read back parsed */
  geometry: ColumnType<BoundaryGeometry, string, string>;
}

/** The zones module's boundary tables (GeoJSON per unit, imported per province). */
export interface BoundaryTables {
  boundary_imports: BoundaryImportsTable;
  unit_boundaries: UnitBoundariesTable;
}
