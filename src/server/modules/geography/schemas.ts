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

export interface UnitSummary {
  code: string;
  name: string;
  type: string;
}

export interface UnitDetail extends UnitSummary {
  level: z.infer<typeof unitLevel>;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  ancestors: UnitSummary[];
  population: { asOf: string; source: string; count: number; households: number | null; synthetic: boolean } | null;
}

export interface HamletImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; message: string }[];
}
