import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { poolSizeFor } from './pool-size';
import * as repo from './repo/campaigns';
import type { TestingService } from './service';

/** One collection (a household's pool or a person's tube, not a task's re-collection): who was sampled, where, when. */
export interface Collection {
  sessionId: string;
  communeCode: string;
  /** the household a pool was collected from; null for a tube of one person */
  householdId: string | null;
  personIds: string[];
  collectedOn: string;
}

/** Told of every collection inside its transaction (campaigns: round coverage of households and groups). */
export interface SamplingListener {
  collectedInTx(trx: Transaction<Database>, c: Collection): Promise<unknown>;
}

/**
 * What the campaigns module asks of testing: teams and labs by id, each commune's pool size, the daily rollup over a
 * period, the sampling sessions a plan opens, and whether they have started.
 */
export class TestingForCampaigns {
  constructor(private readonly svc: TestingService) {}

  teamsByIds(ids: string[], k: Kysely<Database> = this.svc.db.kysely) {
    return repo.teamsByIds(k, ids);
  }

  labsByIds(ids: string[]) {
    return repo.labsByIds(this.svc.db.kysely, ids);
  }

  /** Each commune's pool size and prevalence on a day (Dorfman's optimum at its recent positivity). */
  async poolSizes(communes: string[], day: string): Promise<Map<string, { k: number; prevalence: number }>> {
    const rules = (await this.svc.testingRules(day)).payload;
    const out = new Map<string, { k: number; prevalence: number }>();
    for (const c of communes) out.set(c, await poolSizeFor(this.svc.db.kysely, c, day, rules));
    return out;
  }

  /** The daily rollup of these communes over [from, to], by day and commune (collections and results). */
  daily(communes: string[], from: string, to: string) {
    return repo.dailyOf(this.svc.db.kysely, communes, from, to);
  }

  /** Each household's last collection day in [from, before) in these communes. */
  lastHouseholdSamplings(communes: string[], from: string, before: string) {
    return communes.length ? repo.lastHouseholdSamplings(this.svc.db.kysely, communes, from, before) : Promise.resolve([]);
  }

  /** Opens a door-to-door session for each team on its day, audited, in the caller's transaction. */
  async openSessionsInTx(trx: Transaction<Database>, actor: Actor, rows: { teamId: string; day: string; placeName: string }[]) {
    const teams = new Map(
      (
        await repo.teamsByIds(
          trx,
          rows.map((r) => r.teamId),
        )
      ).map((t) => [t.id, t]),
    );
    const out: { teamId: string; sessionId: string }[] = [];
    for (const r of rows) {
      const team = teams.get(r.teamId)!;
      const id = uuidv7();
      await repo.insertSession(trx, {
        id,
        province_code: team.province_code,
        district_code: team.district_code,
        commune_code: team.commune_code,
        team_id: team.id,
        session_date: r.day,
        mode: 'door_to_door',
        place_name: r.placeName,
        created_by: actor.id,
      });
      await this.svc.audit.record(trx, actor, { action: 'create', entity: 'sampling_session', entityId: id, detail: { teamId: team.id, day: r.day } });
      out.push({ teamId: team.id, sessionId: id });
    }
    return out;
  }

  /** How many tubes these sessions hold (a plan whose sessions hold tubes has started). */
  samplesInSessions(sessionIds: string[]): Promise<number> {
    return sessionIds.length ? repo.samplesInSessions(this.svc.db.kysely, sessionIds) : Promise.resolve(0);
  }
}
