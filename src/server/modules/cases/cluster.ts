import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { assertInScope } from '../../platform/scope';
import type { PeopleService } from '../people/service';
import * as repo from './repo';

/** The chain graph stops growing here; the answer says it was cut. */
export const GRAPH_NODE_LIMIT = 20_000;

export interface ChainGraph {
  indexCaseId: string;
  nodes: { id: string; fullName: string | null; communeCode: string; inScope: boolean; class: 'F0' | 'F1' | 'F2' | null; caseCode: string | null; confirmedOn: string | null; depth: number }[];
  edges: { id: string; source: string; target: string; startAt: string; contactType: string; setting: string }[];
  summary: { persons: number; cases: number; generations: number; firstCaseOn: string | null; lastCaseOn: string | null; casesLast7Days: number; casesPrevious7Days: number };
  truncated: boolean;
}

/**
 * The transmission chain around a case: every person connected to it through exposures (either
 * direction), breadth-first one query per level, with each node's class and case. Depth counts hops
 * from the index case along exposure direction where possible.
 */
export async function chainGraph(db: Kysely<Database>, people: PeopleService, actor: Actor, caseId: string, today: string): Promise<ChainGraph> {
  const index = await repo.caseById(db, caseId);
  if (!index) throw new AppError('cases.not_found', 404);
  assertInScope(actor, index, 'cases.not_found');
  const depth = new Map<string, number>([[index.person_id, 0]]);
  const edges = new Map<string, ChainGraph['edges'][number]>();
  let frontier = [index.person_id];
  let previous: string[] = [];
  let truncated = false;
  for (let level = 1; frontier.length; level++) {
    // edges back to the previous level were fetched with it; start_at comes as ISO text (no Date round trip)
    const rows = await db.selectFrom('exposures')
      .select(['id', 'source_person_id', 'exposed_person_id', 'contact_type', 'setting', sql<string>`to_char(start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('start_at')])
      .where((eb) => eb.or([
        eb.and([eb('source_person_id', '=', sql<string>`any(${frontier}::uuid[])`), eb('exposed_person_id', '<>', sql<string>`all(${previous}::uuid[])`)]),
        eb.and([eb('exposed_person_id', '=', sql<string>`any(${frontier}::uuid[])`), eb('source_person_id', '<>', sql<string>`all(${previous}::uuid[])`)]),
      ]))
      .execute();
    const next: string[] = [];
    for (const e of rows) {
      edges.set(e.id, { id: e.id, source: e.source_person_id, target: e.exposed_person_id, startAt: e.start_at, contactType: e.contact_type, setting: e.setting });
      for (const p of [e.source_person_id, e.exposed_person_id]) {
        if (depth.has(p)) continue;
        if (depth.size >= GRAPH_NODE_LIMIT) { truncated = true; continue; }
        depth.set(p, level);
        next.push(p);
      }
    }
    previous = frontier;
    frontier = next;
  }
  const ids = [...depth.keys()];
  const [cases, classes, cards] = await Promise.all([
    repo.activeCasesOf(db, ids),
    repo.classesOf(db, ids),
    people.cardsOf(actor, ids),
  ]);
  const caseOf = new Map(cases.map((c) => [c.person_id, c]));
  const classOf = new Map(classes.map((c) => [c.person_id, c.class]));
  const caseDays = cases.map((c) => c.confirmed_on).sort();
  const daysAgo = (d: string) => (Date.parse(today) - Date.parse(d)) / 86_400_000;
  return {
    indexCaseId: caseId,
    nodes: ids.map((id) => ({
      id, fullName: cards.get(id)?.fullName ?? null, communeCode: cards.get(id)?.communeCode ?? '', inScope: cards.get(id)?.inScope ?? false,
      class: classOf.get(id) ?? null, caseCode: caseOf.get(id)?.case_code ?? null, confirmedOn: caseOf.get(id)?.confirmed_on ?? null, depth: depth.get(id)!,
    })),
    edges: [...edges.values()].filter((e) => depth.has(e.source) && depth.has(e.target)),
    summary: {
      persons: ids.length, cases: cases.length,
      generations: Math.max(0, ...cases.map((c) => depth.get(c.person_id)!)) + 1,
      firstCaseOn: caseDays[0] ?? null, lastCaseOn: caseDays.at(-1) ?? null,
      casesLast7Days: caseDays.filter((d) => daysAgo(d) >= 0 && daysAgo(d) < 7).length,
      casesPrevious7Days: caseDays.filter((d) => daysAgo(d) >= 7 && daysAgo(d) < 14).length,
    },
    truncated,
  };
}
