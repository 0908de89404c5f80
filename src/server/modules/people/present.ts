import type { Selectable } from 'kysely';
import type { HouseholdsTable, PersonsTable } from '../../db/tables';
import type { PERSON_COLUMNS } from './repo';
import type { Actor } from '../../platform/actor';
import { placeInScope } from '../../platform/scope';
import type { HouseholdView, PersonCardView, PersonView } from './schemas';

export type PersonRow = Pick<Selectable<PersonsTable>, (typeof PERSON_COLUMNS)[number]>;
export type HouseholdRow = Selectable<HouseholdsTable>;

const isoText = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();

/** Allow-list: a new column is not in a response until it is added here. */
export function presentPerson(p: PersonRow): PersonView {
  return {
    id: p.id,
    fullName: p.full_name,
    birthDate: p.birth_date,
    birthYear: p.birth_year,
    sex: p.sex,
    nationalId: p.national_id,
    phone: p.phone,
    occupation: p.occupation,
    workplace: p.workplace,
    address: p.address,
    provinceCode: p.province_code,
    districtCode: p.district_code,
    communeCode: p.commune_code,
    hamletCode: p.hamlet_code,
    householdId: p.household_id,
    synthetic: p.synthetic,
    mergedInto: p.merged_into,
    createdAt: isoText(p.created_at),
    updatedAt: isoText(p.updated_at),
    version: p.version,
  };
}

export function presentHousehold(h: HouseholdRow, members: PersonRow[]): HouseholdView {
  return {
    id: h.id,
    address: h.address,
    provinceCode: h.province_code,
    districtCode: h.district_code,
    communeCode: h.commune_code,
    hamletCode: h.hamlet_code,
    headPersonId: h.head_person_id,
    synthetic: h.synthetic,
    version: h.version,
    members: members.map(presentPerson),
  };
}

/** The fields of a person row a card shows. */
export type CardRow = Pick<PersonRow, 'id' | 'full_name' | 'phone' | 'province_code' | 'district_code' | 'commune_code' | 'birth_year' | 'sex'>;

/**
 * The one rule for a person outside the caller's scope, on every route that returns persons (graphs, contact
 * lists, tasks, session lists): no identity, only the commune they live in. A tracer who needs to reach such a
 * contact hands them to that commune's team (the contact list names the team), who see the person in full.
 */
export function personCard(actor: Actor, r: CardRow): PersonCardView {
  const visible = placeInScope(actor.scope, r);
  return {
    id: r.id,
    fullName: visible ? r.full_name : null,
    phone: visible ? r.phone : null,
    birthYear: visible ? r.birth_year : null,
    sex: visible ? r.sex : null,
    communeCode: r.commune_code,
    inScope: visible,
  };
}
