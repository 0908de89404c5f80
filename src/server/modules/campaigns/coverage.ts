import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables';
import type { SamplingListener } from '../testing/campaign-api';
import * as repo from './repo';

/**
 * Round coverage, kept by the testing module's writes: a household's tubes collected on a day count it (once) in
 * the round of each active campaign on its commune whose window holds the day, in the collection's transaction.
 */
export class CampaignCoverage implements SamplingListener {
  async collectedInTx(
    trx: Transaction<Database>,
    c: { sessionId: string; communeCode: string; householdId: string; persons: number; collectedOn: string },
  ): Promise<void> {
    for (const r of await repo.roundsOn(trx, c.communeCode, c.collectedOn)) {
      await repo.cover(trx, {
        campaign_id: r.campaign_id,
        household_id: c.householdId,
        round_no: r.round_no,
        commune_code: c.communeCode,
        persons: c.persons,
        sampled_on: c.collectedOn,
        session_id: c.sessionId,
      });
    }
  }
}
