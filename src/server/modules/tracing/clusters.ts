import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '@domain/uuid';
import { foldVietnamese } from '@domain/vn-text';
import type { Database, PlacesTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import { chainGraph, chainSummary, GRAPH_NODE_LIMIT } from './chain';
import * as repo from './repo';
import type { CaseReader } from './service';
import type { PeopleService } from '../people/service';
import type { ClusterListView, ClusterView, clusterInput, PlaceView, placeInput } from './schemas';

/** Places where exposures happen, and named clusters (ổ dịch) anchored on an index case. */
export class ClustersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly cases: CaseReader,
    private readonly people: Pick<PeopleService, 'cardsOf'>,
  ) {}

  async addPlace(actor: Actor, input: z.infer<typeof placeInput>): Promise<PlaceView> {
    this.units.require(input.communeCode, 'communeCode', { level: 'commune' });
    const place = this.units.placeOf(input.communeCode);
    if (!this.units.unitInScope(actor.scope, input.communeCode))
      throw new AppError('validation.unit_out_of_scope', 400, { code: input.communeCode }, 'communeCode');
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insertPlace(trx, {
        id: uuidv7(),
        province_code: place.province_code,
        district_code: place.district_code,
        commune_code: place.commune_code,
        name: input.name,
        name_folded: foldVietnamese(input.name),
        kind: input.kind,
        high_contact: input.highContact,
        address: input.address ?? null,
      });
      await this.audit.record(trx, actor, { action: 'create', entity: 'place', entityId: row.id });
      return presentPlace(row);
    });
  }

  async places(actor: Actor, q: { commune?: string; q?: string }): Promise<PlaceView[]> {
    const rows = await repo.placesOf(this.db, actor, { commune: q.commune, folded: q.q ? foldVietnamese(q.q) : undefined });
    this.audit.read(actor, { action: 'search', entity: 'place', detail: { ...q, returned: rows.map((r) => r.id) } });
    return rows.map(presentPlace);
  }

  async create(actor: Actor, input: z.infer<typeof clusterInput>) {
    const kase = await this.cases.caseInScope(actor, input.indexCaseId, 'indexCaseId');
    const place = input.placeId ? await repo.placeById(this.db, input.placeId) : null;
    if (input.placeId && !place) throw new AppError('cases.place_not_found', 404, {}, 'placeId');
    // One chain, one name: a cluster whose index case is already in this case's chain (or this case in its chain).
    const named = await repo.clusterIndexCases(this.db);
    const indexPersons = new Map((await this.cases.casesByIds(named.map((c) => c.index_case_id))).map((c) => [c.person_id, c.id]));
    const hit = await repo.chainHoldsAny(this.db, kase.person_id, [...indexPersons.keys()], GRAPH_NODE_LIMIT);
    if (hit) throw new AppError('cases.cluster_exists', 409, { name: named.find((c) => c.index_case_id === indexPersons.get(hit))!.name }, 'indexCaseId');
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insertCluster(trx, {
        id: uuidv7(),
        province_code: kase.province_code,
        district_code: kase.district_code,
        commune_code: kase.commune_code,
        name: input.name,
        index_case_id: kase.id,
        place_id: place?.id ?? null,
        place_name: place?.name ?? null,
        high_contact: place?.high_contact ?? false,
      });
      await this.audit.record(trx, actor, { action: 'create', entity: 'cluster', entityId: row.id, detail: { indexCaseId: kase.id } });
      return { id: row.id, name: row.name, indexCaseId: row.index_case_id, placeName: row.place_name, highContact: row.high_contact };
    });
  }

  /**
   * The named clusters in scope, newest index case first, a page at a time, each with the figures of its live
   * chain (size, cases, generations, first and latest case, growth): one walk per cluster of the page in the
   * database (their persons and generations in one query), the active cases among them from the cases module.
   */
  async list(actor: Actor, q: { unit?: string; page: number; pageSize: number }, today: string): Promise<ClusterListView> {
    const u = q.unit ? this.units.placeFilter(q.unit, 'unit') : null;
    const clusters = await repo.clustersOf(this.db, actor, u);
    const indexCase = new Map((await this.cases.casesByIds(clusters.map((c) => c.index_case_id))).map((c) => [c.id, c]));
    const rows = clusters
      .map((c) => ({ ...c, index: indexCase.get(c.index_case_id)! }))
      .sort((a, b) => b.index.confirmed_on.localeCompare(a.index.confirmed_on) || a.id.localeCompare(b.id))
      .slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const walked = await repo.chainWalks(
      this.db,
      rows.map((r) => ({ key: r.id, personId: r.index.person_id })),
      GRAPH_NODE_LIMIT,
    );
    const confirmedOn = new Map((await this.cases.activeCasesOf([...new Set(walked.map((w) => w.person_id))])).map((c) => [c.person_id, c.confirmed_on]));
    const chains = new Map<string, typeof walked>();
    for (const w of walked) {
      const chain = chains.get(w.key);
      if (chain) chain.push(w);
      else chains.set(w.key, [w]);
    }
    const items = rows.map((r) => {
      const chain = chains.get(r.id) ?? [];
      const cases = chain.filter((w) => confirmedOn.has(w.person_id)).map((w) => ({ depth: w.depth, confirmedOn: confirmedOn.get(w.person_id)! }));
      return {
        id: r.id,
        name: r.name,
        placeName: r.place_name,
        highContact: r.high_contact,
        communeCode: r.commune_code,
        indexCaseCode: r.index.case_code,
        indexConfirmedOn: r.index.confirmed_on,
        summary: chainSummary(chain.length, cases, today),
      };
    });
    this.audit.read(actor, { action: 'search', entity: 'cluster', detail: { ...q, returned: rows.map((r) => r.id) } });
    return { items, total: clusters.length };
  }

  /** A cluster with its live chain graph, size, generations, first and last case and growth. */
  async get(actor: Actor, id: string, today: string): Promise<ClusterView> {
    const row = await repo.clusterById(this.db, id);
    if (!row) throw new AppError('cases.cluster_not_found', 404);
    assertInScope(actor, row, 'cases.cluster_not_found');
    const graph = await chainGraph(
      { db: this.db, people: this.people, cases: this.cases },
      actor,
      await this.cases.caseInScope(actor, row.index_case_id),
      today,
    );
    this.audit.read(actor, { action: 'read', entity: 'cluster', entityId: id, detail: { persons: graph.nodes.length } });
    return { id: row.id, name: row.name, placeName: row.place_name, highContact: row.high_contact, indexCaseId: row.index_case_id, graph };
  }
}

function presentPlace(p: Selectable<PlacesTable>): PlaceView {
  // the column's check constraint holds kind to placeKind
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as PlaceView['kind'],
    highContact: p.high_contact,
    communeCode: p.commune_code,
    districtCode: p.district_code,
    address: p.address,
  };
}
