import type { Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { foldVietnamese } from '@domain/vn-text';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { placeInScope } from '../../platform/scope';
import type { Place, UnitDirectory } from '../geography/directory';
import type { PersonRow } from './present';
import * as repo from './repo';
import type { PersonInput } from './schemas';

/* The checks and inserts every write of a person or household goes through (service.ts). */

/** The place of a commune (and hamlet) the caller may write in; errors name `field` (or its hamletCode sibling). */
export function placeFor(units: UnitDirectory, actor: Actor, communeCode: string, hamletCode: string | null | undefined, field = 'communeCode'): Place {
  units.require(communeCode, field, { level: 'commune' });
  const place = units.placeOf(communeCode);
  if (hamletCode) {
    const hamletField = field.replace(/communeCode$/, 'hamletCode');
    const hamlet = units.require(hamletCode, hamletField, { level: 'hamlet' });
    if (hamlet.parent_code !== communeCode) throw new AppError('validation.hamlet_commune', 400, { code: hamletCode }, hamletField);
    place.hamlet_code = hamlet.code;
  }
  if (!placeInScope(actor.scope, place)) throw new AppError('validation.unit_out_of_scope', 400, { code: communeCode }, field);
  return place;
}

export async function insertPerson(trx: Transaction<Database>, actor: Actor, input: PersonInput, place: Place, prefix = ''): Promise<PersonRow> {
  if (input.nationalId) await assertNationalIdFree(trx, actor, input.nationalId, undefined, `${prefix}nationalId`);
  if (input.householdId) await assertHouseholdFits(trx, actor, input.householdId, place.commune_code, `${prefix}householdId`);
  const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : input.birthYear!;
  return repo.insertPerson(trx, {
    id: input.id ?? uuidv7(),
    ...place,
    household_id: input.householdId ?? null,
    full_name: input.fullName,
    name_folded: foldVietnamese(input.fullName),
    birth_date: input.birthDate ?? null,
    birth_year: birthYear,
    sex: input.sex,
    national_id: input.nationalId ?? null,
    phone: input.phone ?? null,
    occupation: input.occupation ?? null,
    workplace: input.workplace ?? null,
    address: input.address ?? null,
  });
}

export async function assertNationalIdFree(trx: Transaction<Database>, actor: Actor, nationalId: string, exceptId?: string, field = 'nationalId') {
  const existing = await repo.personByNationalId(trx, nationalId);
  if (!existing || existing.id === exceptId) return;
  if (!placeInScope(actor.scope, existing)) throw new AppError('people.national_id_taken_elsewhere', 409, { nationalId }, field);
  throw new AppError('people.national_id_taken', 409, { nationalId, fullName: existing.full_name }, field, undefined, {
    existing: { id: existing.id, fullName: existing.full_name, birthYear: existing.birth_year, communeCode: existing.commune_code },
  });
}

export async function assertHouseholdFits(trx: Transaction<Database>, actor: Actor, householdId: string, communeCode: string, field = 'householdId') {
  const h = await repo.householdById(trx, householdId);
  if (!h || !placeInScope(actor.scope, h)) throw new AppError('people.household_not_found', 404, {}, field);
  if (h.commune_code !== communeCode) throw new AppError('people.household_commune', 400, {}, field);
}
