import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

/** Campaign groups (persons by occupation) and their coverage: the campaigns module's SQL on its group tables. */
export function insertGroups(trx: Q, rows: Insertable<Database['campaign_groups']>[]) {
  return rows.length ? trx.insertInto('campaign_groups').values(rows).execute() : Promise.resolve([]);
}

export async function insertMembers(trx: Q, groupId: string, personIds: string[]) {
  if (!personIds.length) return;
  await sql`insert into campaign_group_members (group_id, person_id) select ${groupId}::uuid, unnest(${personIds}::uuid[])`.execute(trx);
}

export function groupsOf(db: Q, campaignId: string) {
  return db.selectFrom('campaign_groups').selectAll().where('campaign_id', '=', campaignId).orderBy('commune_code').orderBy('name').execute();
}

/** The groups of active campaigns whose period holds the day that these persons belong to, with the campaign's period. */
export function groupsOfPersonsOn(trx: Q, personIds: string[], day: string) {
  return trx
    .selectFrom('campaign_group_members as m')
    .innerJoin('campaign_groups as g', 'g.id', 'm.group_id')
    .innerJoin('campaigns as c', 'c.id', 'g.campaign_id')
    .select(['m.group_id', 'm.person_id', 'g.every_days', 'c.starts_on', 'c.ends_on'])
    .where('m.person_id', 'in', personIds)
    .where('c.status', '=', 'active')
    .where('c.starts_on', '<=', day)
    .where('c.ends_on', '>=', day)
    .orderBy('m.group_id')
    .orderBy('m.person_id')
    .execute();
}

/** A person counted in a group's round, once (a second tube in the round changes nothing). */
export function coverMember(trx: Q, row: Insertable<Database['campaign_group_coverage']>) {
  return trx
    .insertInto('campaign_group_coverage')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Persons covered per group and round. */
export function groupCoverage(db: Q, groupIds: string[]) {
  return groupIds.length
    ? db
        .selectFrom('campaign_group_coverage')
        .select(['group_id', 'round_no', sql<number>`count(*)::int`.as('persons')])
        .where('group_id', 'in', groupIds)
        .groupBy(['group_id', 'round_no'])
        .execute()
    : Promise.resolve([]);
}
