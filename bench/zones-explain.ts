// Where a zones assessment spends its time: per-statement breakdown and EXPLAIN of its reads.
import { Kysely, PostgresDialect } from 'kysely';
import { addDays } from '@domain/dates';
import { COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN } from '@domain/risk-figures';
import type { Database } from '../src/server/db/tables';
import { createServices } from '../src/server/services';
import { explain, round, summarize } from './lib';
import { BASELINE_SQL, type Opened } from './zones-common';

/** What each statement kind of a day's assessment costs: the same days again through services on a logging Kysely. */
export async function stepBreakdown(e: Opened, days: string[]) {
  let current: Record<string, number> = {};
  let statements = 0;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: e.db.pool }),
    log: (ev) => {
      if (ev.level !== 'query') return;
      const label = statementKind(ev.query.sql);
      current[label] = (current[label] ?? 0) + ev.queryDurationMillis;
      statements++;
    },
  });
  const logged = await createServices({ ...e.db, kysely }, e.config);
  const per: Record<string, number[]> = {};
  const other: number[] = [];
  for (const day of days) {
    current = {};
    const t = performance.now();
    await logged.zones.assess(null, day);
    const ms = performance.now() - t;
    for (const [k, v] of Object.entries(current)) (per[k] ??= []).push(v);
    other.push(ms - Object.values(current).reduce((a, b) => a + b, 0));
  }
  const median = (xs: number[]) => round(summarize(xs).p50);
  return {
    ms: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, median(v)])),
    other: median(other),
    statements: Math.round(statements / days.length),
  };
}

export function statementKind(text: string): string {
  if (/max\(confirmed_on\)/.test(text)) return 'last_community_cases';
  if (/from "cases"/.test(text)) return 'cases';
  if (/from "exposures"/.test(text)) return 'infection_sources';
  if (/from "population"/.test(text)) return 'populations';
  if (/from "rule_sets"/.test(text)) return 'rule_sets';
  if (/from "risk_inputs"/.test(text)) return 'inputs';
  if (/from "risk_decisions"/.test(text)) return 'decisions';
  if (/^delete from "risk_assessments"/.test(text)) return 'delete_day';
  if (/^insert into "risk_assessments"/.test(text)) return 'insert_rows';
  if (/from "risk_assessments"/.test(text)) return 'previous_day';
  return text.slice(0, 40);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the reads behind one day's assessment. */
export async function explainReads(e: Opened, day: string): Promise<void> {
  const { db, services } = e;
  const first = addDays(day, -13);
  await explain(
    db,
    `cases for [${first}, ${day}]`,
    `select person_id, commune_code, confirmed_on, detected_in from cases where status = 'active' and confirmed_on >= $1 and confirmed_on <= $2`,
    [first, day],
  );
  await explain(
    db,
    `last community case before ${first}`,
    `select commune_code, max(confirmed_on)::text as last_on from cases where status = 'active' and detected_in = 'community' and confirmed_on < $1 group by commune_code`,
    [first],
  );
  const persons = (await services.cases.casesForAssessment(first, day)).map((c) => c.personId);
  await explain(
    db,
    `infection sources of ${persons.length} persons`,
    `select e.exposed_person_id, coalesce(bool_or(p.high_contact), false) as high_contact from exposures e
     left join places p on p.id = e.place_id and p.province_code = e.province_code
     where e.exposed_person_id = any($1::uuid[]) group by e.exposed_person_id`,
    [[...new Set(persons)]],
  );
  await explain(db, `baseline aggregate on ${day}`, BASELINE_SQL, [day, COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN]);
}
