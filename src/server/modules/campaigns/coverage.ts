import type { Transaction } from 'kysely';
import { roundOn, roundsOf } from '@domain/campaign-rounds';
import type { Database } from '../../db/tables';
import type { Collection, SamplingListener } from '../testing/campaign-api';
import * as repo from './repo';
import * as groups from './repo/groups';

/**
 * Round coverage, kept by the testing module's writes, in the collection's transaction: a household's tubes
 * collected on a day count it (once) in the round of each active campaign on its commune whose window holds the day;
 * a person's tube counts the person (once) in the round of each campaign group they belong to.
 */
export class CampaignCoverage implements SamplingListener {
  async collectedInTx(trx: Transaction<Database>, c: Collection): Promise<void> {
    if (c.householdId) {
      for (const r of await repo.roundsOn(trx, c.communeCode, c.collectedOn)) {
        await repo.cover(trx, {
          campaign_id: r.campaign_id,
          household_id: c.householdId,
          round_no: r.round_no,
          commune_code: c.communeCode,
          persons: c.personIds.length,
          sampled_on: c.collectedOn,
          session_id: c.sessionId,
        });
      }
    }
    if (!c.personIds.length) return;
    for (const m of await groups.groupsOfPersonsOn(trx, c.personIds, c.collectedOn)) {
      const round = roundOn(roundsOf(m.starts_on, m.ends_on, m.every_days), c.collectedOn);
      if (round)
        await groups.coverMember(trx, { group_id: m.group_id, person_id: m.person_id, round_no: round.no, sampled_on: c.collectedOn, session_id: c.sessionId });
    }
  }
}
