import type { Kysely, Selectable } from 'kysely';
import type { Frequency, LevelPopulations } from '@domain/campaign-rounds';
import type { PoolAccuracy } from '@domain/pooling';
import type { Database } from '../../db/tables';
import type { CampaignsTable } from '../../db/campaigns-tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { UnitDirectory } from '../geography/directory';
import type { RuleSetsService } from '../rule-sets/service';
import type { TestingForCampaigns } from '../testing/campaign-api';
import type { PersonView } from '../people/schemas';
import * as repo from './repo';

export type CampaignRow = Selectable<CampaignsTable>;

/** The testing rules a campaign reads (the testing rule set's payload). */
export interface CampaignRules {
  frequencies: Frequency[];
  levelPopulations?: LevelPopulations;
  maxPoolSize: number;
  pooling: PoolAccuracy;
}

/** What the campaigns module reads and writes in other modules, through their services (bound in services.ts). */
export interface CampaignSources {
  levelOf(code: string, day: string): Promise<{ regime: { kind: string }; level: string } | null>;
  totalsIn(communes: string[]): Promise<Map<string, { households: number; persons: number }>>;
  householdSizesIn(communes: string[]): Promise<{ id: string; commune: string; hamlet: string | null; members: number }[]>;
  householdsByIds(ids: string[]): Promise<{ id: string; address: string; commune_code: string; hamlet_code: string | null }[]>;
  residentsOf(actor: Actor, householdIds: string[], purpose: string): Promise<{ persons: PersonView[] }>;
  lockedHouseholdsIn(communes: string[]): Promise<Set<string>>;
  personsWithOccupation(communeCode: string, words: string[]): Promise<string[]>;
  testing: TestingForCampaigns;
}

/** What every part of the module shares: the database, units, audit, rules and sources, and the clock. */
export class CampaignsContext {
  constructor(
    readonly db: Kysely<Database>,
    readonly units: UnitDirectory,
    readonly audit: AuditLog,
    private readonly ruleSets: RuleSetsService,
    readonly src: CampaignSources,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The testing rules in force on a day, with the version's id. */
  async rulesOn(day: string): Promise<{ id: string; version: number; payload: CampaignRules }> {
    const rs = await this.ruleSets.inForce('testing', day).catch(() => {
      throw new AppError('campaigns.no_rules', 404, { day }, 'startsOn');
    });
    return { id: rs.id, version: rs.version, payload: rs.payload as unknown as CampaignRules };
  }

  /** The campaign, when the actor sees at least one of its communes. */
  async campaignFor(actor: Actor, id: string): Promise<{ campaign: CampaignRow; communes: string[] }> {
    const campaign = await repo.campaignById(this.db, id);
    if (!campaign) throw new AppError('campaigns.not_found', 404);
    const all = (await repo.communesOf(this.db, [id])).map((c) => c.commune_code);
    const communes = all.filter((c) => this.units.unitInScope(actor.scope, c));
    if (!communes.length) throw new AppError('campaigns.not_found', 404);
    return { campaign, communes };
  }

  /** Planning a campaign needs every one of its communes in the actor's scope (a district officer: a district's campaign). */
  async campaignToPlan(actor: Actor, id: string): Promise<CampaignRow> {
    const campaign = await repo.campaignById(this.db, id);
    if (!campaign) throw new AppError('campaigns.not_found', 404);
    const all = (await repo.communesOf(this.db, [id])).map((c) => c.commune_code);
    if (!all.some((c) => this.units.unitInScope(actor.scope, c))) throw new AppError('campaigns.not_found', 404);
    if (!all.every((c) => this.units.unitInScope(actor.scope, c))) throw new AppError('campaigns.out_of_scope', 403);
    if (campaign.status !== 'active') throw new AppError('campaigns.closed', 409);
    return campaign;
  }

  nameOf(code: string | null): string {
    return (code && this.units.get(code)?.name) || '';
  }
}
