import { normalizeMobilePhone } from '@domain/phone';
import type { Kysely, Transaction } from 'kysely';
import type { Insertable } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { foldVietnamese } from '@domain/vn-text';
import type { Database, PersonsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { queryAudit, type AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope, placeInScope } from '../../platform/scope';
import type { UnitDirectory, Place } from '../geography/directory';
import { personCard, presentHousehold, presentPerson, type PersonRow } from './present';
import { assertHouseholdFits, assertNationalIdFree, insertPerson, placeFor } from './writes';
import * as repo from './repo';
import type {
  DuplicateWarning,
  HouseholdInput,
  HouseholdPatch,
  HouseholdView,
  PersonInput,
  PersonPatch,
  PersonView,
  SearchQuery,
  SearchResult,
} from './schemas';
import { COUNT_CAP, RANK_LIMIT, searchFilterOf } from './search';

/** Names at least this similar (pg_trgm), same commune, birth year ±1 → "possible duplicate". */
const DUPLICATE_SIMILARITY = 0.55;

const PERSON_COLUMNS: Record<string, keyof PersonsTable> = {
  fullName: 'full_name',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  sex: 'sex',
  nationalId: 'national_id',
  phone: 'phone',
  occupation: 'occupation',
  workplace: 'workplace',
  address: 'address',
  communeCode: 'commune_code',
  hamletCode: 'hamlet_code',
  householdId: 'household_id',
};

export class PeopleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Name search in three steps, each bounded: the name keys (full name, without surname, surname + given,
   * given name — prefixes, ordered index scans); when none match, the words in any order (ranked among
   * at most RANK_LIMIT candidates); a 9–12 digit query is a national ID or phone number.
   */
  async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
    const unit = query.unit ? this.units.require(query.unit, 'unit') : null;
    const filter = { ...searchFilterOf(query.q), unit: unit ? { level: unit.level, code: unit.code } : null };
    const offset = (query.page - 1) * query.pageSize;
    let counted: number;
    let rows: PersonRow[];
    let ranked = true;
    if (filter.number || filter.folded === '') {
      counted = await repo.countMatching(this.db, actor, filter, COUNT_CAP + 1);
      rows = filter.number
        ? await repo.rankedPage(this.db, actor, filter, offset, query.pageSize, RANK_LIMIT)
        : await repo.alphabeticalPage(this.db, actor, filter, offset, query.pageSize);
      ranked = Boolean(filter.number);
    } else {
      counted = await repo.countKeyMatches(this.db, actor, filter, COUNT_CAP + 1);
      if (counted > 0) rows = await repo.keyMatchPage(this.db, actor, filter, offset, query.pageSize);
      else {
        counted = await repo.countMatching(this.db, actor, filter, COUNT_CAP + 1);
        rows = counted ? await repo.rankedPage(this.db, actor, filter, offset, query.pageSize, RANK_LIMIT) : [];
      }
    }
    this.audit.read(actor, {
      action: 'search',
      entity: 'person',
      detail: { q: query.q ?? null, unit: query.unit ?? null, page: query.page, returned: rows.map((r) => r.id) },
    });
    return {
      items: rows.map(presentPerson),
      total: Math.min(counted, COUNT_CAP),
      totalCapped: counted > COUNT_CAP,
      ranked,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<PersonView> {
    const row = await repo.personById(this.db, id);
    if (!row) throw new AppError('people.person_not_found', 404);
    assertInScope(actor, row, 'people.person_not_found');
    this.audit.read(actor, { action: 'read', entity: 'person', entityId: id });
    return presentPerson(row);
  }

  /** Where a person lives (for other modules' scope rules and denormalised place columns); null when unknown or merged. */
  async placeOfPerson(id: string): Promise<(Place & { id: string; fullName: string }) | null> {
    const row = await repo.personById(this.db, id);
    if (!row || row.merged_into) return null;
    return {
      id: row.id,
      fullName: row.full_name,
      province_code: row.province_code,
      district_code: row.district_code,
      commune_code: row.commune_code,
      hamlet_code: row.hamlet_code,
    };
  }

  /** Persons for graphs and lists, by the one rule of personCard; the in-scope persons shown are audited as read. */
  async cardsOf(actor: Actor, ids: string[], purpose: string) {
    const rows = ids.length ? await repo.personsByIds(this.db, ids) : [];
    const cards = new Map(rows.map((r) => [r.id, personCard(actor, r)]));
    const shown = [...cards.values()].filter((c) => c.inScope).map((c) => c.id);
    if (shown.length) this.audit.read(actor, { action: 'read', entity: 'person', detail: { purpose, shown } });
    return cards;
  }

  /**
   * Persons as exported to other systems (FHIR Patient), by the one rule of personCard: a person outside the
   * caller's scope is only the place they live. The in-scope persons shown are audited as read.
   */
  async patientsOf(actor: Actor, ids: string[], purpose: string) {
    const rows = ids.length ? await repo.patientRows(this.db, ids) : [];
    const patients = rows.map((r) =>
      placeInScope(actor.scope, r)
        ? { ...r, inScope: true as const }
        : {
            id: r.id,
            province_code: r.province_code,
            district_code: r.district_code,
            commune_code: r.commune_code,
            inScope: false as const,
          },
    );
    const shown = patients.filter((p) => p.inScope).map((p) => p.id);
    if (shown.length) this.audit.read(actor, { action: 'read', entity: 'person', detail: { purpose, shown } });
    return patients;
  }

  /**
   * For contact tracing, inside the caller's transaction: the existing person with this national ID,
   * else one with a very similar name, the same birth year and commune, else a new person. Contacts may
   * live in another commune of the province than the investigator's scope.
   */
  async matchOrCreateInTx(trx: Transaction<Database>, actor: Actor, input: PersonInput, field: string): Promise<{ person: PersonRow; created: boolean }> {
    const commune = this.units.require(input.communeCode, `${field}communeCode`, { level: 'commune' });
    const place = this.units.placeOf(commune.code);
    if (input.hamletCode) {
      const hamlet = this.units.require(input.hamletCode, `${field}hamletCode`, { level: 'hamlet' });
      if (hamlet.parent_code !== commune.code) throw new AppError('validation.hamlet_commune', 400, { code: input.hamletCode }, `${field}hamletCode`);
      place.hamlet_code = hamlet.code;
    }
    const provinces = new Set([
      ...actor.scope.provinces,
      ...actor.scope.districts.map((d) => this.units.get(d)?.province_code),
      ...actor.scope.communes.map((c) => this.units.get(c)?.province_code),
    ]);
    if (!provinces.has(place.province_code)) throw new AppError('validation.unit_out_of_scope', 400, { code: input.communeCode }, `${field}communeCode`);
    if (input.nationalId) {
      const byId = await repo.personByNationalId(trx, input.nationalId);
      if (byId) return { person: byId, created: false };
    }
    const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : input.birthYear!;
    const similar = await repo.similarPersons(trx, { communeCode: commune.code, birthYear, nameFolded: foldVietnamese(input.fullName) }, 0.8);
    const exact = similar.find((p) => p.birth_year === birthYear);
    if (exact) return { person: (await repo.personById(trx, exact.id))!, created: false };
    const person = await insertPerson(trx, actor, input, place, field);
    await this.audit.record(trx, actor, {
      action: 'create',
      entity: 'person',
      entityId: person.id,
      fields: Object.keys(input),
      detail: { reason: 'contact_tracing' },
    });
    return { person, created: true };
  }

  /** Persons by id inside the caller's transaction: their household and place (sampling checks membership). */
  personsInTx(trx: Transaction<Database>, ids: string[]) {
    return ids.length ? repo.placesOfPersons(trx, ids) : Promise.resolve([]);
  }

  /**
   * Who these persons are (name, birth year, national ID, address, place), for a module that authorizes the access
   * itself and audits what it shows (quarantine: a facility's staff see the persons in their facility, wherever they live).
   */
  identitiesOf(ids: string[], db: Kysely<Database> | Transaction<Database> = this.db) {
    return ids.length ? repo.identitiesOf(db, ids) : Promise.resolve([]);
  }

  /** Of these persons, those whose national ID or phone is `idOrPhone` (public result lookup: no name leaves here). */
  async identityMatches(ids: string[], idOrPhone: string): Promise<string[]> {
    if (!ids.length) return [];
    const phone = normalizeMobilePhone(idOrPhone);
    return repo.withIdentity(this.db, ids, idOrPhone.trim(), phone);
  }

  /** Changes to a person's record, newest first, from the audit log. */
  async history(actor: Actor, id: string) {
    const row = await repo.personById(this.db, id);
    if (!row) throw new AppError('people.person_not_found', 404);
    assertInScope(actor, row, 'people.person_not_found');
    this.audit.read(actor, { action: 'read', entity: 'person', entityId: id, detail: { view: 'history' } });
    await this.audit.flush();
    const log = await queryAudit(this.db, { entity: 'person', entityId: id, page: 1, pageSize: 100 });
    return log.items.filter((e) => e.action !== 'read').map(({ seq, at, actorName, action, fields }) => ({ seq, at, actorName, action, fields }));
  }

  /** Possible duplicates of a person about to be saved (shown before saving). */
  async duplicates(actor: Actor, p: { fullName: string; birthYear: number; communeCode: string; excludeId?: string }): Promise<DuplicateWarning[]> {
    this.units.require(p.communeCode, 'communeCode', { level: 'commune' });
    if (!placeInScope(actor.scope, this.units.placeOf(p.communeCode))) return [];
    const rows = await repo.similarPersons(
      this.db,
      { communeCode: p.communeCode, birthYear: p.birthYear, nameFolded: foldVietnamese(p.fullName), excludeId: p.excludeId },
      DUPLICATE_SIMILARITY,
    );
    this.audit.read(actor, { action: 'search', entity: 'person', detail: { purpose: 'duplicates', returned: rows.map((r) => r.id) } });
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthYear: r.birth_year,
      communeCode: r.commune_code,
      nationalId: r.national_id,
      similarity: Math.round(r.similarity * 100) / 100,
    }));
  }

  async create(actor: Actor, input: PersonInput): Promise<{ person: PersonView; warnings: DuplicateWarning[] }> {
    const place = placeFor(this.units, actor, input.communeCode, input.hamletCode);
    const person = await this.db.transaction().execute(async (trx) => {
      const row = await insertPerson(trx, actor, input, place);
      await this.audit.record(trx, actor, { action: 'create', entity: 'person', entityId: row.id, fields: Object.keys(input) });
      return row;
    });
    const warnings = await this.duplicates(actor, {
      fullName: person.full_name,
      birthYear: person.birth_year,
      communeCode: person.commune_code,
      excludeId: person.id,
    });
    return { person: presentPerson(person), warnings };
  }

  async update(actor: Actor, id: string, patch: PersonPatch): Promise<PersonView> {
    return this.db.transaction().execute(async (trx) => {
      const current = await repo.personForUpdate(trx, id);
      if (!current) throw new AppError('people.person_not_found', 404);
      assertInScope(actor, current, 'people.person_not_found');
      if (current.merged_into) throw new AppError('people.merged', 409, {}, 'id');
      const changes: Partial<Insertable<PersonsTable>> = {};
      for (const [key, column] of Object.entries(PERSON_COLUMNS)) {
        const value = (patch as Record<string, unknown>)[key];
        if (value !== undefined && value !== (current as Record<string, unknown>)[column]) (changes as Record<string, unknown>)[column] = value;
      }
      if (patch.birthDate) changes.birth_year = Number(patch.birthDate.slice(0, 4));
      if (changes.full_name) changes.name_folded = foldVietnamese(changes.full_name);
      if (changes.commune_code !== undefined || changes.hamlet_code !== undefined) {
        const place = placeFor(
          this.units,
          actor,
          changes.commune_code ?? current.commune_code,
          changes.hamlet_code !== undefined ? changes.hamlet_code : current.hamlet_code,
        );
        Object.assign(changes, { district_code: place.district_code, commune_code: place.commune_code, hamlet_code: place.hamlet_code });
        if (place.province_code !== current.province_code) throw new AppError('validation.unit_out_of_scope', 400, { code: place.commune_code }, 'communeCode');
      }
      if (changes.national_id) await assertNationalIdFree(trx, actor, changes.national_id, id);
      if (changes.household_id) await assertHouseholdFits(trx, actor, changes.household_id, changes.commune_code ?? current.commune_code);
      const updated = await repo.updatePerson(trx, id, patch.version, changes);
      if (!updated) throw new AppError('people.version_conflict', 409, {}, 'version');
      const fieldOf = new Map(Object.entries(PERSON_COLUMNS).map(([field, column]) => [column as string, field]));
      await this.audit.record(trx, actor, {
        action: 'update',
        entity: 'person',
        entityId: id,
        fields: Object.keys(changes)
          .map((c) => fieldOf.get(c))
          .filter((f): f is string => Boolean(f)),
      });
      return presentPerson(updated);
    });
  }

  /**
   * Merges a duplicate into the record that stays: details missing on the kept record are taken
   * from the duplicate, the duplicate is hidden (merged_into) and the household head is repointed.
   */
  async merge(actor: Actor, props: { keepId: string; mergeId: string }): Promise<PersonView> {
    if (props.keepId === props.mergeId) throw new AppError('people.merge_same', 400, {}, 'mergeId');
    return this.db.transaction().execute(async (trx) => {
      const keep = await repo.personForUpdate(trx, props.keepId);
      const dup = await repo.personForUpdate(trx, props.mergeId);
      if (!keep || !placeInScope(actor.scope, keep)) throw new AppError('people.person_not_found', 404, {}, 'keepId');
      if (!dup || !placeInScope(actor.scope, dup)) throw new AppError('people.person_not_found', 404, {}, 'mergeId');
      if (keep.merged_into || dup.merged_into) throw new AppError('people.merged', 409, {}, keep.merged_into ? 'keepId' : 'mergeId');
      const filled: Partial<Insertable<PersonsTable>> = {};
      for (const column of ['birth_date', 'phone', 'occupation', 'workplace', 'address', 'hamlet_code', 'household_id'] as const) {
        if (keep[column] === null && dup[column] !== null) (filled as Record<string, unknown>)[column] = dup[column];
      }
      await repo.updatePerson(trx, dup.id, dup.version, { merged_into: keep.id, national_id: null });
      if (keep.national_id === null && dup.national_id !== null) filled.national_id = dup.national_id;
      const merged = await repo.updatePerson(trx, keep.id, keep.version, filled);
      await repo.repointMerged(trx, dup.id, keep.id);
      await this.audit.record(trx, actor, {
        action: 'merge',
        entity: 'person',
        entityId: keep.id,
        fields: Object.keys(filled),
        detail: { mergedId: dup.id, mergedName: dup.full_name, mergedNationalId: dup.national_id },
      });
      return presentPerson(merged!);
    });
  }

  async createHousehold(actor: Actor, input: HouseholdInput): Promise<{ household: HouseholdView; warnings: DuplicateWarning[] }> {
    const place = placeFor(this.units, actor, input.communeCode, input.hamletCode);
    const household = await this.db.transaction().execute(async (trx) => {
      const h = await repo.insertHousehold(trx, { id: input.id ?? uuidv7(), ...place, address: input.address });
      const members: PersonRow[] = [];
      for (const [i, m] of input.members.entries()) {
        const memberPlace = placeFor(this.units, actor, m.communeCode, m.hamletCode, `members.${i}.communeCode`);
        if (memberPlace.commune_code !== place.commune_code) throw new AppError('people.household_commune', 400, {}, `members.${i}.communeCode`);
        members.push(await insertPerson(trx, actor, { ...m, householdId: h.id, address: m.address ?? input.address }, memberPlace, `members.${i}.`));
      }
      if (members.length) await repo.setHouseholdHead(trx, h.id, members[input.headIndex].id);
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'household',
        entityId: h.id,
        fields: ['address', 'communeCode', 'hamletCode'],
        detail: { members: members.map((m) => m.id) },
      });
      for (const m of members) await this.audit.record(trx, actor, { action: 'create', entity: 'person', entityId: m.id, fields: ['fullName', 'householdId'] });
      return presentHousehold({ ...h, head_person_id: members[input.headIndex]?.id ?? null }, members);
    });
    const warnings: DuplicateWarning[] = [];
    for (const m of household.members) {
      warnings.push(...(await this.duplicates(actor, { fullName: m.fullName, birthYear: m.birthYear, communeCode: m.communeCode, excludeId: m.id })));
    }
    return { household, warnings };
  }

  async getHousehold(actor: Actor, id: string): Promise<HouseholdView> {
    const h = await repo.householdById(this.db, id);
    if (!h) throw new AppError('people.household_not_found', 404);
    assertInScope(actor, h, 'people.household_not_found');
    const members = await repo.membersOf(this.db, id);
    this.audit.read(actor, { action: 'read', entity: 'household', entityId: id, detail: { members: members.map((m) => m.id) } });
    return presentHousehold(h, members);
  }

  async updateHousehold(actor: Actor, id: string, patch: HouseholdPatch): Promise<HouseholdView> {
    return this.db.transaction().execute(async (trx) => {
      const h = await repo.householdById(trx, id);
      if (!h) throw new AppError('people.household_not_found', 404);
      assertInScope(actor, h, 'people.household_not_found');
      const changes: Record<string, unknown> = {};
      if (patch.address !== undefined) changes.address = patch.address;
      if (patch.hamletCode !== undefined)
        changes.hamlet_code = patch.hamletCode === null ? null : placeFor(this.units, actor, h.commune_code, patch.hamletCode).hamlet_code;
      const members = await repo.membersOf(trx, id);
      if (patch.headPersonId !== undefined) {
        if (patch.headPersonId !== null && !members.some((m) => m.id === patch.headPersonId))
          throw new AppError('people.person_not_found', 404, {}, 'headPersonId');
        changes.head_person_id = patch.headPersonId;
      }
      const updated = await repo.updateHousehold(trx, id, patch.version, changes);
      if (!updated) throw new AppError('people.version_conflict', 409, {}, 'version');
      await this.audit.record(trx, actor, { action: 'update', entity: 'household', entityId: id, fields: Object.keys(changes) });
      return presentHousehold(updated, members);
    });
  }

  /** Persons and households per child unit of a unit (for the geography tree). */
  async countsByChild(parent: { level: 'province' | 'district' | 'commune'; code: string }) {
    const by = { province: ['district_code', 'province_code'], district: ['commune_code', 'district_code'], commune: ['hamlet_code', 'commune_code'] } as const;
    const [column, parentColumn] = by[parent.level];
    const rows = await repo.countsByUnit(this.db, column, parentColumn, parent.code);
    return new Map(rows.map((r) => [r.unit_code, { persons: r.persons, households: r.households }]));
  }
}
