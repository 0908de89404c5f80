import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/tables';
import type { RiskAssessmentsTable, RiskDecisionsTable, RiskInputsTable } from '../../db/zones-tables';

type Q = Kysely<Database> | Transaction<Database>;

/** Every entered input of these units with as_of on or before `day`, newest first per unit and input. */
export function inputsOn(db: Q, day: string) {
  return db
    .selectFrom('risk_inputs')
    .select(['unit_code', 'input', 'value', 'as_of'])
    .distinctOn(['unit_code', 'input'])
    .where('as_of', '<=', day)
    .orderBy('unit_code')
    .orderBy('input')
    .orderBy('as_of', 'desc')
    .orderBy('entered_at', 'desc')
    .execute();
}

/** Every input entered, for a replay over a span of days (the value in force on a day is picked in memory). */
export function allInputsUpTo(db: Q, day: string) {
  return db
    .selectFrom('risk_inputs')
    .select(['unit_code', 'input', 'value', 'as_of', 'entered_at'])
    .where('as_of', '<=', day)
    .orderBy('as_of')
    .orderBy('entered_at')
    .execute();
}

export function inputsOf(db: Q, unitCode: string) {
  return db.selectFrom('risk_inputs').selectAll().where('unit_code', '=', unitCode).orderBy('as_of', 'desc').orderBy('entered_at', 'desc').execute();
}

export function insertInput(trx: Transaction<Database>, row: Insertable<RiskInputsTable>) {
  return trx.insertInto('risk_inputs').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Replaces the assessments of the days given (one statement per batch of rows). */
export async function replaceAssessments(trx: Transaction<Database>, days: string[], rows: Insertable<RiskAssessmentsTable>[]) {
  await trx
    .deleteFrom('risk_assessments')
    .where('day', '=', sql<string>`any(${days}::date[])`)
    .execute();
  for (let i = 0; i < rows.length; i += 2_000)
    await trx
      .insertInto('risk_assessments')
      .values(rows.slice(i, i + 2_000))
      .execute();
}

export function assessmentsOn(db: Q, day: string) {
  return db.selectFrom('risk_assessments').selectAll().where('day', '=', day).execute();
}

/** Each unit's proposal rank on a day (the trend compares against it). */
export function ranksOn(db: Q, day: string) {
  return db.selectFrom('risk_assessments').select(['unit_code', 'rank']).where('day', '=', day).execute();
}

export function assessmentsBetween(db: Q, from: string, to: string) {
  return db.selectFrom('risk_assessments').selectAll().where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('unit_code').execute();
}

export function assessmentOf(db: Q, unitCode: string, day: string) {
  return db.selectFrom('risk_assessments').selectAll().where('unit_code', '=', unitCode).where('day', '=', day).executeTakeFirst();
}

export function assessmentsOf(db: Q, unitCode: string, limit: number) {
  return db.selectFrom('risk_assessments').selectAll().where('unit_code', '=', unitCode).orderBy('day', 'desc').limit(limit).execute();
}

/** The decision in force on `day` for every unit that has one: the latest effective on or before it. */
export function decisionsInForce(db: Q, day: string) {
  return db
    .selectFrom('risk_decisions')
    .selectAll()
    .distinctOn('unit_code')
    .where('effective_from', '<=', day)
    .orderBy('unit_code')
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The decision in force on `day` for one unit (the latest effective on or before it), if any. */
export function decisionInForceOf(db: Q, unitCode: string, day: string) {
  return db
    .selectFrom('risk_decisions')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every decision effective on or before `day`, oldest first (a replay picks the one in force day by day). */
export function decisionsUpTo(db: Q, day: string) {
  return db.selectFrom('risk_decisions').selectAll().where('effective_from', '<=', day).orderBy('effective_from').orderBy('created_at').execute();
}

export function decisionsOf(db: Q, unitCode: string) {
  return db
    .selectFrom('risk_decisions')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertDecision(trx: Transaction<Database>, row: Insertable<RiskDecisionsTable>) {
  return trx.insertInto('risk_decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The latest day assessed (the board opens on it when today has no assessment yet). */
export async function lastAssessedDay(db: Q): Promise<string | null> {
  const row = await db
    .selectFrom('risk_assessments')
    .select(sql<string>`max(day)::text`.as('day'))
    .executeTakeFirst();
  return row?.day ?? null;
}
