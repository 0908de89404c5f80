import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { PeopleService } from '../people/service';
import type { CaseReader } from './service';
import * as repo from './repo';
import type { ChainGraphView, ChainSummaryView } from './schemas';

/** The chain graph stops growing here; the answer says it was cut. */
export const GRAPH_NODE_LIMIT = 20_000;

/** What the chain reads of the people and cases modules, through their services. */
export interface ChainDeps {
  db: Kysely<Database>;
  people: Pick<PeopleService, 'cardsOf'>;
  cases: Pick<CaseReader, 'activeCasesOf'>;
}

/**
 * The transmission chain around a case: every person connected to it through exposures (either direction),
 * walked breadth-first in the database (chain_walk, migration 0014), with each person's class, and the exposures
 * between the persons found (tracing's repository, one statement answering with columns); then each person's
 * card through the people module (which audits the persons shown) and their active cases through the cases
 * module. Depth counts hops from the index case.
 */
export async function chainGraph(
  deps: ChainDeps,
  actor: Actor,
  index: { id: string; person_id: string },
  today: string,
  limit = GRAPH_NODE_LIMIT,
): Promise<ChainGraphView> {
  const { truncated, nodes: n, edges: e } = await repo.chainColumns(deps.db, index.person_id, limit);
  // node number → position in the columns, first row of each person, in walk order
  const at = new Map<number, number>();
  for (let i = 0; i < (n?.ord.length ?? 0); i++) if (!at.has(n!.ord[i])) at.set(n!.ord[i], i);
  const rows = [...at.entries()].sort((x, y) => x[0] - y[0]).map(([, i]) => i);
  const ids = n ? rows.map((i) => n.id[i]) : [];
  const [cards, active] = await Promise.all([deps.people.cardsOf(actor, ids, 'chain'), deps.cases.activeCasesOf(ids)]);
  const caseOf = new Map(active.map((c) => [c.person_id, c]));
  const cases = n
    ? rows.flatMap((i) => {
        const c = caseOf.get(n.id[i]);
        return c ? [{ depth: n.depth[i], confirmedOn: c.confirmed_on }] : [];
      })
    : [];
  return {
    indexCaseId: index.id,
    nodes: !n
      ? []
      : rows.flatMap((i) => {
          const card = cards.get(n.id[i]);
          if (!card) return []; // merged away between the walk and the read
          const c = caseOf.get(n.id[i]);
          return [
            {
              id: n.id[i],
              fullName: card.fullName,
              communeCode: card.communeCode,
              inScope: card.inScope,
              class: n.class[i],
              caseCode: c?.case_code ?? null,
              confirmedOn: c?.confirmed_on ?? null,
              depth: n.depth[i],
            },
          ];
        }),
    edges: !e || !n ? [] : e.source.map((s, i) => ({ source: n.id[at.get(s)!], target: n.id[at.get(e.target[i])!], setting: e.setting[i] })),
    summary: chainSummary(rows.length, cases, today),
    truncated,
  };
}

/**
 * The figures of a chain from its size and its cases (depth from the index case, confirmation day): generations,
 * first and latest case, cases in the last 7 days (today included) against the 7 before. One definition for the
 * cluster page and the cluster list.
 */
export function chainSummary(persons: number, cases: { depth: number; confirmedOn: string }[], today: string): ChainSummaryView {
  const days = cases.map((c) => c.confirmedOn).sort();
  const daysAgo = (d: string) => (Date.parse(today) - Date.parse(d)) / 86_400_000;
  return {
    persons,
    cases: cases.length,
    generations: Math.max(0, ...cases.map((c) => c.depth)) + 1,
    firstCaseOn: days[0] ?? null,
    lastCaseOn: days.at(-1) ?? null,
    casesLast7Days: days.filter((d) => daysAgo(d) >= 0 && daysAgo(d) < 7).length,
    casesPrevious7Days: days.filter((d) => daysAgo(d) >= 7 && daysAgo(d) < 14).length,
  };
}
