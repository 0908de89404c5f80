import { z } from 'zod';
import { fullName, isoDate, mobilePhone, nationalId, optionalText, unitCode, uuid } from '@domain/fields';
import { checkNationalId } from '@domain/national-id';

export const sex = z.enum(['male', 'female']);

/** Forms send '' for a cleared optional field; it means "none". */
const emptyAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullish());

const personFields = z.object({
  /** Optional client-made UUIDv7, so an offline device can retry a create safely. */
  id: uuid.optional(),
  fullName,
  /** Ngày sinh, when known; otherwise only the year (năm sinh). */
  birthDate: isoDate.nullish(),
  birthYear: z.number().int().min(1880).max(2100).nullish(),
  sex,
  /** CCCD (12 digits) or CMND (9 digits). */
  nationalId: emptyAsNull(nationalId),
  phone: emptyAsNull(mobilePhone),
  occupation: optionalText(200),
  workplace: optionalText(200),
  address: optionalText(300),
  communeCode: unitCode,
  hamletCode: unitCode.nullish(),
  householdId: uuid.nullish(),
});

type PersonFields = z.infer<typeof personFields>;

/** Cross-field rules, each pointing at the field the form shows it under. */
function checkBirth<T extends Partial<PersonFields>>(p: T, ctx: z.RefinementCtx, partial: boolean) {
  const year = p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.birthYear;
  if (!partial && !p.birthDate && !p.birthYear) ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.birth_required' });
  if (p.birthDate && p.birthYear && Number(p.birthDate.slice(0, 4)) !== p.birthYear)
    ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.birth_year_mismatch' });
  if (p.birthDate && p.birthDate > new Date().toISOString().slice(0, 10))
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation.date_future' });
  if (p.nationalId && year && checkNationalId(p.nationalId, year) === 'birth_year')
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.national_id_birth_year' });
}

export const personInput = personFields.superRefine((p, ctx) => checkBirth(p, ctx, false));
export type PersonInput = z.infer<typeof personInput>;

/** A change to a person: only the fields sent change; `version` is the one the editor saw. */
export const personPatch = personFields
  .omit({ id: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine((p, ctx) => checkBirth(p, ctx, true));
export type PersonPatch = z.infer<typeof personPatch>;

export const householdInput = z
  .object({
    id: uuid.optional(),
    address: z.string().trim().min(3).max(300),
    communeCode: unitCode,
    hamletCode: unitCode.nullish(),
    /** Members created with the household, in one transaction; the first is the head unless headIndex says otherwise. */
    members: z.array(personInput).max(50).default([]),
    headIndex: z.number().int().min(0).default(0),
  })
  .refine((h) => h.members.length === 0 || h.headIndex < h.members.length, { path: ['headIndex'], message: 'validation.invalid' });
export type HouseholdInput = z.infer<typeof householdInput>;

export const householdPatch = z.object({
  address: z.string().trim().min(3).max(300).optional(),
  hamletCode: unitCode.nullish(),
  headPersonId: uuid.nullish(),
  version: z.number().int().min(1),
});
export type HouseholdPatch = z.infer<typeof householdPatch>;

export const searchQuery = z.object({
  /** Name (any case, with or without diacritics), or a national ID / phone number. */
  q: z.string().trim().max(100).optional(),
  /** Any unit: province, district, commune or hamlet. */
  unit: unitCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const idParams = z.object({ id: uuid });

export const mergeBody = z.object({
  /** The record that stays. */
  keepId: uuid,
  /** The duplicate: its missing details fill the kept record, then it is hidden. */
  mergeId: uuid,
});

export const personView = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().int(),
  sex: z.enum(['male', 'female']),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  occupation: z.string().nullable(),
  workplace: z.string().nullable(),
  address: z.string().nullable(),
  provinceCode: z.string(),
  districtCode: z.string(),
  communeCode: z.string(),
  hamletCode: z.string().nullable(),
  householdId: z.string().nullable(),
  synthetic: z.boolean(),
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof personView>;

export const householdView = z.object({
  id: z.string(),
  address: z.string(),
  provinceCode: z.string(),
  districtCode: z.string(),
  communeCode: z.string(),
  hamletCode: z.string().nullable(),
  headPersonId: z.string().nullable(),
  synthetic: z.boolean(),
  version: z.number().int(),
  members: z.array(personView),
});
export type HouseholdView = z.infer<typeof householdView>;

export const duplicateWarning = z.object({
  id: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  communeCode: z.string(),
  nationalId: z.string().nullable(),
  similarity: z.number(),
});
export type DuplicateWarning = z.infer<typeof duplicateWarning>;

export const searchResult = z.object({
  items: z.array(personView),
  total: z.number().int(),
  /** true when there are more matches than `total` counts. */
  totalCapped: z.boolean(),
  ranked: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const personCreated = z.object({ person: personView, warnings: z.array(duplicateWarning) });
export const householdCreated = z.object({ household: householdView, warnings: z.array(duplicateWarning) });

/** A change to a person's record, from the audit log (reads left out). */
export const historyEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fields: z.array(z.string()).nullable(),
});

/** A person as service.ts's personCard shows one: outside the caller's scope, only the commune. */
export const personCardView = z.object({
  id: z.string(),
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  communeCode: z.string(),
  inScope: z.boolean(),
});
export type PersonCardView = z.infer<typeof personCardView>;
