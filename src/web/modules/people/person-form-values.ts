import type { Messages } from '@web/app/i18n/messages';

/** What the person form holds; dates are 'YYYY-MM-DD' (or the raw text while invalid). */
export interface PersonFormValues {
  fullName?: string;
  birthDate?: string | null;
  birthYear?: number | null;
  sex?: 'male' | 'female';
  nationalId?: string | null;
  phone?: string | null;
  occupation?: string | null;
  workplace?: string | null;
  address?: string | null;
  communeCode?: string;
  hamletCode?: string | null;
}

export const PERSON_FIELDS = [
  'fullName',
  'birthDate',
  'birthYear',
  'sex',
  'nationalId',
  'phone',
  'occupation',
  'workplace',
  'address',
  'communeCode',
  'hamletCode',
  'householdId',
] as const;

/** The form's values as the API's person input (validated by the shared zod schema before sending). */
export function toPersonPayload(v: PersonFormValues) {
  const birthDate = v.birthDate || null;
  const fromDate = birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;
  return {
    fullName: v.fullName ?? '',
    birthDate,
    birthYear: v.birthYear ?? fromDate,
    sex: v.sex,
    nationalId: v.nationalId ?? '',
    phone: v.phone ?? '',
    occupation: v.occupation ?? '',
    workplace: v.workplace ?? '',
    address: v.address ?? '',
    communeCode: v.communeCode,
    hamletCode: v.hamletCode || null,
  };
}

/** The year to check duplicates with: the typed year, else the year of a valid birth date. */
export function birthYearOf(v: Pick<PersonFormValues, 'birthDate' | 'birthYear'> | undefined): number | null {
  if (v?.birthYear) return v.birthYear;
  return v?.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) ? Number(v.birthDate.slice(0, 4)) : null;
}

export function personLabels(m: Messages): Record<string, string> {
  const p = m.people;
  return {
    fullName: p.fullName,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    sex: p.sex,
    nationalId: p.nationalId,
    phone: p.phone,
    occupation: p.occupation,
    workplace: p.workplace,
    address: p.address,
    communeCode: p.commune,
    hamletCode: p.hamlet,
    householdId: p.household,
    headIndex: m.household.head,
  };
}
