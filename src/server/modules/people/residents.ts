import { foldVietnamese } from '@domain/vn-text';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { placeInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import { presentPerson, type HouseholdRow } from './present';
import * as repo from './repo';
import type { PersonView } from './schemas';

/**
 * People's answers about households and who lives in them, for other modules (zones: a lockdown zone's households,
 * its residents, whether a person is inside one). Personal data leaves only through residentsOf, scope-checked and
 * audited as read.
 */
export class HouseholdResidents {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
  ) {}

  /** For the zones module: households by id, with their place (no personal data beyond the address). */
  async householdsByIds(ids: string[]): Promise<HouseholdRow[]> {
    return ids.length ? repo.householdsByIds(this.db, ids) : [];
  }

  /** For the zones module: the households of a commune or one of its hamlets. */
  async householdIdsIn(unitCode: string): Promise<string[]> {
    const unit = this.units.require(unitCode, 'unitCode');
    const column = unit.level === 'hamlet' ? 'hamlet_code' : 'commune_code';
    return (await repo.householdIdsIn(this.db, { column, code: unitCode })).map((r) => r.id);
  }

  /** The household a person lives in, or null (zones: is the person inside a lockdown zone). */
  async householdOf(personId: string, db: Kysely<Database> = this.db): Promise<string | null> {
    const row = await repo.personById(db, personId);
    return row && !row.merged_into ? row.household_id : null;
  }

  /**
   * The residents of households, for a lockdown zone's list. Residents outside the caller's scope are not shown
   * (a commune officer sees their own commune's residents); those shown are audited as read.
   */
  async residentsOf(actor: Actor, householdIds: string[], purpose: string): Promise<{ persons: PersonView[]; hidden: number; total: number }> {
    const rows = householdIds.length ? await repo.residentsOf(this.db, householdIds) : [];
    const visible = rows.filter((r) => placeInScope(actor.scope, r));
    if (visible.length) this.audit.read(actor, { action: 'read', entity: 'person', detail: { purpose, shown: visible.map((r) => r.id) } });
    return { persons: visible.map(presentPerson), hidden: rows.length - visible.length, total: rows.length };
  }

  /** The ids of the residents of households (counts and sampling checks; no personal data leaves the module). */
  async residentIdsOf(householdIds: string[]): Promise<{ id: string; householdId: string }[]> {
    const rows = householdIds.length ? await repo.residentsOf(this.db, householdIds) : [];
    return rows.map((r) => ({ id: r.id, householdId: r.household_id! }));
  }

  /** The persons of a commune whose occupation holds one of these words (diacritics and case ignored), by id. */
  async personsWithOccupation(communeCode: string, words: string[]): Promise<string[]> {
    const folded = words.map((w) => foldVietnamese(w).trim()).filter(Boolean);
    const rows = await repo.occupationsIn(this.db, communeCode);
    return rows.filter((r) => folded.some((w) => foldVietnamese(r.occupation).includes(w))).map((r) => r.id);
  }

  /**
   * For the campaigns module: every household of these communes with its place and number of residents (one pass
   * over the communes' households and persons; no personal data).
   */
  async householdSizesIn(communes: string[]): Promise<{ id: string; commune: string; hamlet: string | null; members: number }[]> {
    return communes.length ? repo.householdSizesIn(this.db, communes) : [];
  }

  /** For the campaigns module: households and residents per commune (a campaign's targets). */
  async totalsIn(communes: string[]): Promise<Map<string, { households: number; persons: number }>> {
    const rows = communes.length ? await repo.householdTotalsIn(this.db, communes) : [];
    return new Map(rows.map((r) => [r.commune_code, { households: r.households, persons: r.persons }]));
  }
}
