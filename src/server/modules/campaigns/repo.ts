import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/tables';
import { plainRows } from '../../db/plain-rows';
import type { PlanItem } from '@domain/campaign-plan';

type Q = Kysely<Database> | Transaction<Database>;
const NONE = ['00000000-0000-0000-0000-000000000000'];

// ---- campaigns, communes, rounds ----------------------------------------------------------------------------------

export function insertCampaign(trx: Q, row: Insertable<Database['campaigns']>) {
  return trx.insertInto('campaigns').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertCommunes(trx: Q, rows: Insertable<Database['campaign_communes']>[]) {
  return trx.insertInto('campaign_communes').values(rows).execute();
}

export function insertRounds(trx: Q, rows: Insertable<Database['campaign_rounds']>[]) {
  return trx.insertInto('campaign_rounds').values(rows).execute();
}

export function campaignById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('campaigns').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Campaigns with at least one commune among these (null: all), newest first. */
export function campaignsWith(db: Q, communes: string[] | null) {
  let q = db.selectFrom('campaigns').selectAll().orderBy('starts_on', 'desc').orderBy('id');
  if (communes) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('campaign_communes as cc')
          .select(sql`1`.as('x'))
          .whereRef('cc.campaign_id', '=', 'campaigns.id')
          .where('cc.commune_code', 'in', communes.length ? communes : ['']),
      ),
    );
  }
  return q.execute();
}

/** Active campaigns on these communes whose period meets [from, to] (the overlap check). */
export function overlapping(db: Q, communes: string[], from: string, to: string) {
  return db
    .selectFrom('campaign_communes as cc')
    .innerJoin('campaigns as c', 'c.id', 'cc.campaign_id')
    .select(['cc.commune_code', 'c.name', 'c.starts_on', 'c.ends_on', 'c.population'])
    .where('cc.commune_code', 'in', communes)
    .where('c.status', '=', 'active')
    .where('c.starts_on', '<=', to)
    .where('c.ends_on', '>=', from)
    .orderBy('cc.commune_code')
    .execute();
}

export function communesOf(db: Q, campaignIds: string[]) {
  return db
    .selectFrom('campaign_communes')
    .selectAll()
    .where('campaign_id', 'in', campaignIds.length ? campaignIds : NONE)
    .orderBy('district_code')
    .orderBy('commune_code')
    .execute();
}

export function roundsOf(db: Q, campaignIds: string[]) {
  return db
    .selectFrom('campaign_rounds')
    .selectAll()
    .where('campaign_id', 'in', campaignIds.length ? campaignIds : NONE)
    .orderBy('commune_code')
    .orderBy('round_no')
    .execute();
}

/** Households of each commune never sampled in any round of the campaign: target − distinct households covered. */
export function reachedByCommune(db: Q, campaignId: string) {
  return db
    .selectFrom('campaign_coverage')
    .select(['commune_code', sql<number>`count(distinct household_id)::int`.as('households')])
    .where('campaign_id', '=', campaignId)
    .groupBy('commune_code')
    .execute();
}

/** Households and persons covered per day of the campaign. */
export function coverageByDay(db: Q, campaignId: string) {
  return db
    .selectFrom('campaign_coverage')
    .select(['sampled_on', sql<number>`count(*)::int`.as('households'), sql<number>`sum(persons)::int`.as('persons')])
    .where('campaign_id', '=', campaignId)
    .groupBy('sampled_on')
    .orderBy('sampled_on')
    .execute();
}

// ---- coverage (the testing module's collection writes) -----------------------------------------------------------

/** The active campaigns' rounds whose window holds the day, for a commune. */
export function roundsOn(db: Q, communeCode: string, day: string) {
  return db
    .selectFrom('campaign_rounds as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .select(['r.campaign_id', 'r.round_no'])
    .where('r.commune_code', '=', communeCode)
    .where('r.starts_on', '<=', day)
    .where('r.due_on', '>=', day)
    .where('c.status', '=', 'active')
    .execute();
}

/** Counts a household once in a round; returns whether it was new (a later sample adds its persons). */
export async function cover(trx: Q, row: Insertable<Database['campaign_coverage']>): Promise<boolean> {
  const inserted = await trx
    .insertInto('campaign_coverage')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'household_id', 'round_no']).doNothing())
    .returning('household_id')
    .executeTakeFirst();
  if (!inserted) {
    await trx
      .updateTable('campaign_coverage')
      .set((eb) => ({ persons: eb('persons', '+', row.persons) }))
      .where('campaign_id', '=', row.campaign_id)
      .where('household_id', '=', row.household_id)
      .where('round_no', '=', row.round_no)
      .execute();
  }
  await trx
    .updateTable('campaign_rounds')
    .set((eb) => ({ households_covered: eb('households_covered', '+', inserted ? 1 : 0), persons_covered: eb('persons_covered', '+', row.persons) }))
    .where('campaign_id', '=', row.campaign_id)
    .where('commune_code', '=', row.commune_code)
    .where('round_no', '=', row.round_no)
    .execute();
  return Boolean(inserted);
}

/** Per household of the campaign: the last day sampled and the rounds it was covered in. */
/** Households' last sampling before the campaign began, in one statement. */
export async function insertPriorSampling(trx: Q, campaignId: string, rows: { household_id: string; sampled_on: string }[]) {
  if (!rows.length) return;
  await sql`insert into campaign_prior_sampling (campaign_id, household_id, sampled_on)
    select ${campaignId}::uuid, * from unnest(${rows.map((r) => r.household_id)}::uuid[], ${rows.map((r) => r.sampled_on)}::date[])`.execute(trx);
}

/**
 * Each household's last sampling (in the campaign, else before it began) and whether it was covered in its commune's current round
 * and the one before (`rounds`: the current round number of each commune), in household id order.
 */
export function coverageOfHouseholds(db: Q, campaignId: string, rounds: Map<string, number>) {
  const codes = [...rounds.keys()];
  return plainRows(
    db,
    sql`select household_id, max(last)::text as last, bool_or(current) as current, bool_or(previous) as previous from (
          select c.household_id, c.sampled_on as last, c.round_no = r.no as current, c.round_no = r.no - 1 as previous
            from campaign_coverage c join unnest(${codes}::text[], ${codes.map((c) => rounds.get(c)!)}::int[]) r(code, no) on r.code = c.commune_code
           where c.campaign_id = ${campaignId}
          union all
          select household_id, sampled_on, false, false from campaign_prior_sampling where campaign_id = ${campaignId}) x
         group by household_id`,
    { household_id: 'text', last: 'text', current: 'bool', previous: 'bool' },
    'household_id',
  );
}

/** Households covered on a day (a re-plan keeps them; a work list marks them done). */
export function coveredOn(db: Q, campaignId: string, day: string, householdIds?: string[]) {
  let q = db.selectFrom('campaign_coverage').select(['household_id', 'session_id']).where('campaign_id', '=', campaignId).where('sampled_on', '=', day);
  if (householdIds) q = q.where('household_id', 'in', householdIds.length ? householdIds : NONE);
  return q.execute();
}

// ---- capacity --------------------------------------------------------------------------------------------------

export function upsertTeam(trx: Q, row: Insertable<Database['campaign_teams']>) {
  return trx
    .insertInto('campaign_teams')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'team_id'])
        .doUpdateSet({ pooled_per_day: row.pooled_per_day, antigen_per_day: row.antigen_per_day, hamlets: row.hamlets ?? null }),
    )
    .execute();
}

export function upsertLab(trx: Q, row: Insertable<Database['campaign_labs']>) {
  return trx
    .insertInto('campaign_labs')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'lab_id'])
        .doUpdateSet({ pooled_per_day: row.pooled_per_day, single_per_day: row.single_per_day, district_codes: row.district_codes ?? null }),
    )
    .execute();
}

/**
 * The expected lab load of the households already sampled on a day, by the lab each was planned for: the latest
 * approved plan of the day holding the household (a household sampled outside any plan has no lab and is not counted).
 */
export function labLoadOn(db: Q, campaignId: string, day: string) {
  return sql<{ lab_id: string; pooled: number; single: number }>`
    select lab_id, sum(pooled)::float8 as pooled, sum(single)::float8 as single from (
      select distinct on (i.household_id) i.lab_id, i.pooled, i.single
        from campaign_plans p
        join campaign_plan_items i on i.plan_id = p.id
        join campaign_coverage c on c.campaign_id = p.campaign_id and c.household_id = i.household_id and c.sampled_on = p.day
       where p.campaign_id = ${campaignId} and p.day = ${day} and p.approved_at is not null
       order by i.household_id, p.created_at desc) x
     where lab_id is not null
     group by lab_id`
    .execute(db)
    .then((r) => r.rows);
}

export function teamsOf(db: Q, campaignId: string) {
  return db.selectFrom('campaign_teams').selectAll().where('campaign_id', '=', campaignId).orderBy('commune_code').orderBy('team_id').execute();
}

export function labsOf(db: Q, campaignId: string) {
  return db.selectFrom('campaign_labs').selectAll().where('campaign_id', '=', campaignId).orderBy('lab_id').execute();
}

// ---- plans --------------------------------------------------------------------------------------------------------

export function insertPlan(trx: Q, row: Insertable<Database['campaign_plans']>) {
  return trx.insertInto('campaign_plans').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A plan's items, seq in the order given, in one statement (tens of thousands of rows: arrays, not a parameter per value). */
export async function insertItems(trx: Q, planId: string, items: readonly PlanItem[]) {
  if (!items.length) return;
  const col = <T>(f: (i: PlanItem) => T) => items.map(f);
  await sql`
    insert into campaign_plan_items (plan_id, seq, household_id, commune_code, hamlet_code, team_id, lab_id, priority, last_sampled_on, pooled, single)
    select ${planId}::uuid, * from unnest(${items.map((_, seq) => seq)}::int[], ${col((i) => i.householdId)}::uuid[], ${col((i) => i.commune)}::text[],
      ${col((i) => i.hamlet)}::text[], ${col((i) => i.teamId)}::uuid[], ${col((i) => i.labId)}::uuid[], ${col((i) => i.priority)}::text[],
      ${col((i) => i.lastSampledOn)}::date[], ${col((i) => i.load.pooled)}::numeric[], ${col((i) => i.load.single)}::numeric[])`.execute(trx);
}

export function planById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('campaign_plans').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function plansOf(db: Q, campaignId: string) {
  return db
    .selectFrom('campaign_plans')
    .select(['id', 'day', 'status', 'covered', 'candidates'])
    .where('campaign_id', '=', campaignId)
    .orderBy('day', 'desc')
    .orderBy('created_at', 'desc')
    .limit(30)
    .execute();
}

/** The plans of a day still in force (a draft, or the approved one), to be superseded by a new plan. */
export function plansInForce(db: Q, campaignId: string, day: string) {
  return db
    .selectFrom('campaign_plans')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('day', '=', day)
    .where('status', '!=', 'superseded')
    .forUpdate()
    .execute();
}

export function supersede(trx: Q, ids: string[]) {
  return ids.length
    ? trx
        .updateTable('campaign_plans')
        .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1) }))
        .where('id', 'in', ids)
        .execute()
    : Promise.resolve([]);
}

export function approve(trx: Q, id: string, by: string, at: Date) {
  return trx
    .updateTable('campaign_plans')
    .set((eb) => ({ status: 'approved', approved_by: by, approved_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function bumpPlan(trx: Q, id: string, summary: string) {
  return trx
    .updateTable('campaign_plans')
    .set((eb) => ({ summary, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Per team and hamlet: households by priority, and per lab (the plan's page). */
export function itemTotals(db: Q, planId: string) {
  return db
    .selectFrom('campaign_plan_items')
    .select(['team_id', 'hamlet_code', 'lab_id', 'priority', sql<number>`count(*)::int`.as('n')])
    .where('plan_id', '=', planId)
    .groupBy(['team_id', 'hamlet_code', 'lab_id', 'priority'])
    .execute();
}

export function itemsOfTeam(db: Q, planId: string, teamId: string) {
  return db.selectFrom('campaign_plan_items').selectAll().where('plan_id', '=', planId).where('team_id', '=', teamId).orderBy('seq').execute();
}

export function items(db: Q, planId: string) {
  return db.selectFrom('campaign_plan_items').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

export function moveHamlet(trx: Q, planId: string, communeCode: string, hamlet: string, teamId: string) {
  return trx
    .updateTable('campaign_plan_items')
    .set({ team_id: teamId })
    .where('plan_id', '=', planId)
    .where('commune_code', '=', communeCode)
    .where('hamlet_code', '=', hamlet)
    .executeTakeFirst();
}

// ---- sessions -----------------------------------------------------------------------------------------------------

export function sessionsOn(db: Q, campaignId: string, day: string) {
  return db.selectFrom('campaign_sessions').selectAll().where('campaign_id', '=', campaignId).where('day', '=', day).execute();
}

export function insertSessions(trx: Q, rows: Insertable<Database['campaign_sessions']>[]) {
  return rows.length ? trx.insertInto('campaign_sessions').values(rows).execute() : Promise.resolve([]);
}
