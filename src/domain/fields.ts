import { z } from 'zod';
import { isCalendarDate } from './dates';
import { checkNationalId } from './national-id';
import { normalizeMobilePhone } from './phone';
import { tidyName } from './vn-text';

/**
 * Field schemas shared by every module's schemas.ts and the web forms. Messages are error-catalog
 * codes, translated where they are shown.
 */
export const isoDate = z.string().refine(isCalendarDate, { message: 'validation.date' });

export const fullName = z
  .string()
  .transform(tidyName)
  .refine((s) => s.length >= 2 && s.length <= 100 && /^[\p{L}\s'.-]+$/u.test(s), { message: 'validation.name' });

export const nationalId = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = checkNationalId(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.national_id_${problem}` });
  });

export const mobilePhone = z.string().transform((v, ctx) => {
  const phone = normalizeMobilePhone(v);
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: 'validation.phone' });
    return z.NEVER;
  }
  return phone;
});

/** GSO codes: 2-digit province, 3-digit district, 5-digit commune; hamlets '<commune>.<local>'. */
export const unitCode = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{3}|\d{5}|\d{5}\.[A-Za-z0-9_-]{1,20})$/, { message: 'validation.unit_unknown' });

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'validation.invalid' });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
