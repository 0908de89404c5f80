import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import { scopeSql } from '../../../platform/scope';
import { daySpan, instantRange, LOINC, type DateBound, type ObservationSearch } from './search';

/** One person of one resulted tube: the facts an Observation and its Specimen are made of. */
export interface ObservationRow {
  id: string;
  barcode: string;
  kind: 'single' | 'household_pool';
  members_count: number;
  result: 'negative' | 'positive' | 'invalid';
  ct_value: number | null;
  collected_at: Date;
  received_at: Date | null;
  reported_at: Date | null;
  person_id: string;
  loinc: string;
  loinc_display: string;
  specimen_code: string;
  specimen_display: string;
  lab_id: string | null;
  version: number;
  previous_result: string | null;
  previous_ct: number | null;
  last_updated: Date;
}

// A tube in a lab pool takes the lab pool's negative as its own result (or is retested), so the lab pool itself
// is not exported: each person's result is on their own tube.
const FROM = sql`
  from samples s join sample_members m on m.sample_id = s.id join test_types t on t.code = s.test_type
  left join lateral (select rc.current_result, rc.current_ct, rc.resolved_at from result_conflicts rc
                      where rc.sample_id = s.id and rc.status = 'accepted' order by rc.resolved_at desc limit 1) c on true`;
const LAST_UPDATED = sql`greatest(s.created_at, s.received_at, s.resulted_at, s.reported_at, c.resolved_at)`;
const OPS = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function instantBounds(column: RawBuilder<unknown>, bounds: DateBound[]): RawBuilder<SqlBool>[] {
  return bounds.flatMap(instantRange).map((r) => sql<SqlBool>`${column} ${sql.raw(r.op)} ${r.at}`);
}

function whereOf(actor: Actor, q: ObservationSearch): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql`s.result is not null`, sql`s.kind <> 'lab_pool'`, scopeSql(actor, 's')];
  if (q.patient) parts.push(sql`m.person_id = any(${q.patient}::uuid[])`);
  if (q.date) {
    const span = daySpan(q.date);
    if (span) parts.push(sql`s.collected_on between ${span.from}::date and ${span.to}::date`);
    for (const b of q.date) {
      parts.push(...('day' in b ? [sql<SqlBool>`s.collected_on ${sql.raw(OPS[b.prefix])} ${b.day}::date`] : instantBounds(sql`s.collected_at`, [b])));
    }
  }
  if (q._lastUpdated) parts.push(...instantBounds(LAST_UPDATED, q._lastUpdated));
  if (q.code) {
    const codes = q.code.filter((t) => t.system === null || t.system === LOINC).map((t) => t.code);
    parts.push(codes.length ? sql`t.loinc = any(${codes}::text[])` : sql`false`);
  }
  return sql.join(parts, sql` and `) as RawBuilder<SqlBool>;
}

const COLUMNS = sql`
  s.id, s.barcode, s.kind, s.members_count, s.result, s.ct_value, s.collected_at, s.received_at, s.reported_at, m.person_id,
  t.loinc, t.loinc_display, t.specimen_code, t.specimen_display, s.lab_id, s.version,
  c.current_result as previous_result, c.current_ct as previous_ct, ${LAST_UPDATED} as last_updated`;

/** A page of the search, in collection order, and the number of matches. */
export async function searchObservations(db: Kysely<Database>, actor: Actor, q: ObservationSearch): Promise<{ total: number; rows: ObservationRow[] }> {
  const where = whereOf(actor, q);
  const [
    {
      rows: [{ total }],
    },
    { rows },
  ] = await Promise.all([
    sql<{ total: number }>`select count(*)::int as total ${FROM} where ${where}`.execute(db),
    sql<ObservationRow>`select ${COLUMNS} ${FROM} where ${where}
      order by s.collected_at, s.id, m.person_id limit ${q._count} offset ${(q.page - 1) * q._count}`.execute(db),
  ]);
  return { total, rows };
}

/** One Observation by its id: the tube and the last 12 hex digits of the person (`<sample id>-<person tail>`). */
export async function observationById(db: Kysely<Database>, actor: Actor, sampleId: string, personTail: string): Promise<ObservationRow | undefined> {
  const { rows } = await sql<ObservationRow>`select ${COLUMNS} ${FROM}
    where s.id = ${sampleId}::uuid and right(m.person_id::text, 12) = ${personTail}
      and s.result is not null and s.kind <> 'lab_pool' and ${scopeSql(actor, 's')}`.execute(db);
  return rows[0];
}

/** The labs that performed the tests (FHIR Organization). */
export function labsByIds(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('labs')
    .select(['id', 'name', 'address', 'province_code', 'active'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}
