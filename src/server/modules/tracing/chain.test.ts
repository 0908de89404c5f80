import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@domain/uuid';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, CAI_KHE, THOI_LAI } from '../../test/builders';
import type { Actor } from '../../platform/actor';
import { chainGraph } from './chain';

let t: TestApp;
let officer: Client;
let caseId: string;
const p: string[] = [];

// P0 → P1 → P2 ← P3, P2 → P4 → P0 (a cycle), P5 alone. Walked in both directions from P0: P1 and P4 at one hop,
// P2 at two, P3 at three (reached against the direction of its exposure); P5 never.
const EDGES: [number, number, string][] = [
  [0, 1, 'household'],
  [1, 2, 'workplace'],
  [3, 2, 'workplace'],
  [2, 4, 'household'],
  [4, 0, 'household'],
];

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('health_staff', ['916']);
  const thoiLai = await t.as('health_staff', ['927']);
  for (let i = 0; i < 6; i++) {
    const [who, commune] = i === 3 ? [thoiLai, THOI_LAI] : [officer, CAI_KHE];
    p.push((await who.post('/api/persons', aPerson({ communeCode: commune, fullName: `Người Chuỗi ${'ABCDEF'[i]}`, birthYear: 1980 + i }))).json().person.id);
  }
  caseId = (
    await officer.post('/api/cases', { personId: p[0], confirmedOn: '2021-09-07', confirmingTest: 'PCR-1', detectedIn: 'community', sampledOn: '2021-09-06' })
  ).json().case.id;
  await t.db.kysely
    .insertInto('exposures')
    .values(
      EDGES.map(([a, b, setting], i) => ({
        id: uuidv7(),
        province_code: '92',
        district_code: b === 3 ? '927' : '916',
        commune_code: b === 3 ? THOI_LAI : CAI_KHE,
        source_person_id: p[a],
        exposed_person_id: p[b],
        start_at: `2021-09-0${i + 1}T01:00:00Z`,
        end_at: `2021-09-0${i + 1}T02:00:00Z`,
        contact_type: 'unmasked',
        setting,
      })),
    )
    .execute();
});
afterAll(() => t.close());

describe('chain graph', () => {
  it('walks exposures in both directions, counting hops from the index case, and keeps every edge between the persons found', async () => {
    const graph = (await officer.get(`/api/cases/${caseId}/chain`)).json();
    const depth = Object.fromEntries(graph.nodes.map((n: { id: string; depth: number }) => [p.indexOf(n.id), n.depth]));
    expect(depth).toEqual({ 0: 0, 1: 1, 4: 1, 2: 2, 3: 3 });
    expect(graph.nodes.map((n: { depth: number }) => n.depth)).toEqual([0, 1, 1, 2, 3]);
    const edges = graph.edges.map((e: { source: string; target: string; setting: string }) => [p.indexOf(e.source), p.indexOf(e.target), e.setting]);
    expect(edges.sort()).toEqual([...EDGES].sort());
    expect(graph.nodes.find((n: { id: string }) => n.id === p[3])).toMatchObject({ inScope: false, fullName: null, communeCode: THOI_LAI });
    expect(graph.nodes[0]).toMatchObject({ id: p[0], class: 'F0', caseCode: '92-2021-000001', fullName: 'Người Chuỗi A', inScope: true });
    expect(graph.truncated).toBe(false);
  });

  it('cuts the walk at the node limit, nearest persons first, and says so', async () => {
    const actor = { scope: { provinces: [], districts: ['916'], communes: [] } } as unknown as Actor;
    const graph = await chainGraph(
      { db: t.db.kysely, people: t.services.people, cases: t.services.cases },
      actor,
      { id: caseId, person_id: p[0] },
      '2021-09-30',
      3,
    );
    expect(graph.truncated).toBe(true);
    expect(graph.nodes.map((n) => p.indexOf(n.id)).sort()).toEqual([0, 1, 4]);
    expect(graph.edges.map((e) => [p.indexOf(e.source), p.indexOf(e.target)]).sort()).toEqual([
      [0, 1],
      [4, 0],
    ]);
    expect(
      (await chainGraph({ db: t.db.kysely, people: t.services.people, cases: t.services.cases }, actor, { id: caseId, person_id: p[0] }, '2021-09-30', 5))
        .truncated,
    ).toBe(false);
  });
});
