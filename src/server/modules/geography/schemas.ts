import { z } from 'zod';
import { isoDate, unitCode } from '@domain/fields';

export const unitLevel = z.enum(['province', 'district', 'commune', 'hamlet']);

export const unitParams = z.object({ code: unitCode });

export const childrenQuery = z.object({
  /** The day the units must be valid on (default today in Vietnam). */
  date: isoDate.optional(),
});

export const hamletImportBody = z.object({
  /** CSV text with header: code,name,type — type is Ấp, Khu vực or Tổ dân phố. */
  csv: z.string().min(1).max(2_000_000),
});

export const hamletType = z.enum(['Ấp', 'Khu vực', 'Tổ dân phố']);

export const populationBody = z.object({
  asOf: isoDate,
  source: z.string().trim().min(3).max(300),
  count: z.number().int().min(0),
  households: z.number().int().min(0).nullish(),
});

/** A unit by code and name, as other answers name the units they refer to (a user's scope, a token's units). */
export const unitRef = z.object({ code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

export const unitSummary = z.object({
  code: z.string(),
  name: z.string(),
  /** Thành phố Trung ương, Quận, Huyện, Phường, Xã, Thị trấn, Ấp, Khu vực, Tổ dân phố… */
  type: z.string(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const unitDetail = unitSummary.extend({
  level: unitLevel,
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  validFrom: z.string(),
  /** Exclusive; null = still valid. */
  validTo: z.string().nullable(),
  source: z.string(),
  /** From the province down to the parent. */
  ancestors: z.array(unitSummary),
  /** The latest count (most recent date, real before synthetic), or null when none was recorded. */
  population: z
    .object({
      asOf: z.string(),
      source: z.string(),
      count: z.number().int(),
      households: z.number().int().nullable(),
      synthetic: z.boolean(),
    })
    .nullable(),
});
export type UnitDetail = z.infer<typeof unitDetail>;

/** A child unit in the overview: its latest population and the persons and households registered in it. */
export const childOverview = unitSummary.extend({
  population: z
    .object({
      count: z.number().int(),
      households: z.number().int().nullable(),
      asOf: z.string(),
      synthetic: z.boolean(),
    })
    .nullable(),
  registered: z.object({ persons: z.number().int(), households: z.number().int() }),
});

export const unitOverview = z.object({ unit: unitDetail, children: z.array(childOverview) });
export type UnitOverview = z.infer<typeof unitOverview>;

export const hamletImportReport = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type HamletImportReport = z.infer<typeof hamletImportReport>;
