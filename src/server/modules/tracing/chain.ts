import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { personCard } from '../people/service';

/** The chain graph stops growing here; the answer says it was cut. */
export const GRAPH_NODE_LIMIT = 20_000;

export interface ChainGraph {
  indexCaseId: string;
  nodes: { id: string; fullName: string | null; communeCode: string; inScope: boolean; class: 'F0' | 'F1' | 'F2' | null; caseCode: string | null; confirmedOn: string | null; depth: number }[];
  edges: { source: string; target: string; setting: string }[];
  summary: { persons: number; cases: number; generations: number; firstCaseOn: string | null; lastCaseOn: string | null; casesLast7Days: number; casesPrevious7Days: number };
  truncated: boolean;
}

interface Columns {
  truncated: boolean;
  nodes: {
    ord: number[]; id: string[]; depth: number[]; class: ('F0' | 'F1' | 'F2' | null)[]; caseCode: (string | null)[]; confirmedOn: (string | null)[];
    fullName: string[]; phone: (string | null)[]; province: string[]; district: string[]; commune: string[]; birthYear: number[]; sex: ('male' | 'female')[];
  } | null;
  edges: { source: number[]; target: number[]; setting: string[] } | null;
}

/**
 * The transmission chain around a case: every person connected to it through exposures (either direction),
 * walked breadth-first in the database (chain_walk, migration 0014), with each person's class, active case and
 * card, and the exposures between the persons found. Depth counts hops from the index case.
 *
 * One statement answers with one JSON text of columns (one array per field; an edge is a pair of node numbers).
 * A cluster of 5,000 persons has ~25,000 exposures: as rows, decoding them (three uuids each) cost this process
 * more than the database spent walking the graph, and as JSON rows PostgreSQL spent more building them than
 * walking (bench/RESULTS.md §3). A person with two rows (a class in two provinces) is kept once.
 */
export async function chainGraph(db: Kysely<Database>, actor: Actor, index: { id: string; person_id: string }, today: string, limit = GRAPH_NODE_LIMIT): Promise<ChainGraph> {
  const caseId = index.id;
  const { rows: [answer] } = await sql<{ graph: string }>`
    with walk as materialized (
      select person_id, depth, row_number() over (order by depth, person_id)::int as ord
        from chain_walk(${index.person_id}::uuid, ${limit + 1})),
    w as materialized (select * from walk where ord <= ${limit})
    select json_build_object(
      'truncated', (select count(*) from walk) > ${limit},
      'nodes', (select json_build_object('ord', array_agg(w.ord), 'id', array_agg(w.person_id), 'depth', array_agg(w.depth),
                   'class', array_agg(k.class), 'caseCode', array_agg(c.case_code), 'confirmedOn', array_agg(c.confirmed_on),
                   'fullName', array_agg(p.full_name), 'phone', array_agg(p.phone), 'province', array_agg(p.province_code),
                   'district', array_agg(p.district_code), 'commune', array_agg(p.commune_code), 'birthYear', array_agg(p.birth_year), 'sex', array_agg(p.sex))
                  from w join persons p on p.id = w.person_id
                  left join classifications k on k.person_id = w.person_id
                  left join cases c on c.person_id = w.person_id and c.status = 'active'
                 having count(*) > 0),
      'edges', (select json_build_object('source', array_agg(s.ord), 'target', array_agg(t.ord), 'setting', array_agg(e.setting))
                  from exposures e join w s on s.person_id = e.source_person_id join w t on t.person_id = e.exposed_person_id
                 having count(*) > 0)
    )::text as graph`.execute(db);
  const { truncated, nodes: n, edges: e } = JSON.parse(answer.graph) as Columns;
  // node number → position in the columns, first row of each person, in walk order
  const at = new Map<number, number>();
  for (let i = 0; i < (n?.ord.length ?? 0); i++) if (!at.has(n!.ord[i])) at.set(n!.ord[i], i);
  const rows = [...at.entries()].sort((x, y) => x[0] - y[0]).map(([, i]) => i);
  const cases = n ? rows.filter((i) => n.confirmedOn[i] !== null).map((i) => ({ depth: n.depth[i], confirmedOn: n.confirmedOn[i]! })) : [];
  return {
    indexCaseId: caseId,
    nodes: !n ? [] : rows.map((i) => {
      const card = personCard(actor, {
        id: n.id[i], full_name: n.fullName[i], phone: n.phone[i], province_code: n.province[i], district_code: n.district[i], commune_code: n.commune[i],
        birth_year: n.birthYear[i], sex: n.sex[i],
      });
      return { id: n.id[i], fullName: card.fullName, communeCode: n.commune[i], inScope: card.inScope, class: n.class[i], caseCode: n.caseCode[i], confirmedOn: n.confirmedOn[i], depth: n.depth[i] };
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
export function chainSummary(persons: number, cases: { depth: number; confirmedOn: string }[], today: string): ChainGraph['summary'] {
  const days = cases.map((c) => c.confirmedOn).sort();
  const daysAgo = (d: string) => (Date.parse(today) - Date.parse(d)) / 86_400_000;
  return {
    persons, cases: cases.length,
    generations: Math.max(0, ...cases.map((c) => c.depth)) + 1,
    firstCaseOn: days[0] ?? null, lastCaseOn: days.at(-1) ?? null,
    casesLast7Days: days.filter((d) => daysAgo(d) >= 0 && daysAgo(d) < 7).length,
    casesPrevious7Days: days.filter((d) => daysAgo(d) >= 7 && daysAgo(d) < 14).length,
  };
}
