import { z } from 'zod';
import { isoDate, unitCode } from '@domain/fields';

/** Request and response shapes of commune boundaries: a GeoJSON file per province, and the map's FeatureCollection. */

export const boundaryImportBody = z.object({
  provinceCode: unitCode,
  /** The day the boundaries apply from: every feature's code must be a commune valid that day. */
  validFrom: isoDate,
  /** The file's name, or where the boundaries come from. */
  source: z.string().trim().min(1).max(300),
  /** The feature property holding the GSO commune code ('code', or a source's own name such as 'ma_xa'). */
  codeProperty: z.string().trim().min(1).max(60).default('code'),
  /** The file, parsed: a GeoJSON FeatureCollection of Polygon/MultiPolygon features (checked by the service, feature by feature). */
  geojson: z.unknown(),
});
export type BoundaryImportBody = z.infer<typeof boundaryImportBody>;

export const boundaryImportReport = z.object({
  provinceCode: z.string(),
  validFrom: z.string(),
  /** Features stored (one per commune). */
  features: z.number().int(),
  /** Communes of the province valid that day that the file has no shape for (listed, not refused). */
  communesWithout: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type BoundaryImportReport = z.infer<typeof boundaryImportReport>;

export const boundariesQuery = z.object({ province: unitCode, day: isoDate.optional() });

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position);
export const boundaryGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);

export const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string() }),
      geometry: boundaryGeometry,
    }),
  ),
});
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
