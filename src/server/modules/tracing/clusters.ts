import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '@domain/uuid';
import { foldVietnamese } from '@domain/vn-text';
import type { Database, PlacesTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope, inScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import { chainGraph, chainSummary, GRAPH_NODE_LIMIT } from './chain';
import type { CaseReader } from './service';
import type { clusterInput, placeInput } from './schemas';

/** Places where exposures happen, and named clusters (ổ dịch) anchored on an index case. */
export class ClustersService {
  constructor(private readonly db: Kysely<Database>, private readonly units: UnitDirectory, private readonly audit: AuditLog, private readonly cases: CaseReader) {}

  async addPlace(actor: Actor, input: z.infer<typeof placeInput>) {
    this.units.require(input.communeCode, 'communeCode', { level: 'commune' });
    const place = this.units.placeOf(input.communeCode);
    if (!this.units.unitInScope(actor.scope, input.communeCode)) throw new AppError('validation.unit_out_of_scope', 400, { code: input.communeCode }, 'communeCode');
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('places').values({
        id: uuidv7(), province_code: place.province_code, district_code: place.district_code, commune_code: place.commune_code,
        name: input.name, name_folded: foldVietnamese(input.name), kind: input.kind, high_contact: input.highContact, address: input.address ?? null,
      }).returningAll().executeTakeFirstOrThrow();
      await this.audit.record(trx, actor, { action: 'create', entity: 'place', entityId: row.id });
      return presentPlace(row);
    });
  }

  async places(actor: Actor, q: { commune?: string; q?: string }) {
    let query = this.db.selectFrom('places').selectAll().where((eb) => inScope(eb, actor, 'places'));
    if (q.commune) query = query.where('commune_code', '=', q.commune);
    if (q.q) query = query.where('name_folded', 'like', `%${foldVietnamese(q.q).replace(/[%_\\]/g, '\\$&')}%`);
    const rows = await query.orderBy('name_folded').limit(200).execute();
    this.audit.read(actor, { action: 'search', entity: 'place', detail: { ...q, returned: rows.map((r) => r.id) } });
    return rows.map(presentPlace);
  }

  async create(actor: Actor, input: z.infer<typeof clusterInput>) {
    const kase = await this.cases.caseInScope(actor, input.indexCaseId, 'indexCaseId');
    const place = input.placeId ? await this.db.selectFrom('places').selectAll().where('id', '=', input.placeId).executeTakeFirst() : null;
    if (input.placeId && !place) throw new AppError('cases.place_not_found', 404, {}, 'placeId');
    // One chain, one name: a cluster whose index case is already in this case's chain (or this case in its chain).
    const named = await sql<{ name: string }>`
      select cl.name from clusters cl join cases k on k.id = cl.index_case_id
       where k.person_id in (select person_id from chain_walk(${kase.person_id}::uuid, ${GRAPH_NODE_LIMIT}))
       limit 1`.execute(this.db);
    if (named.rows.length) throw new AppError('cases.cluster_exists', 409, { name: named.rows[0].name }, 'indexCaseId');
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('clusters').values({
        id: uuidv7(), province_code: kase.province_code, district_code: kase.district_code, commune_code: kase.commune_code, name: input.name,
        index_case_id: kase.id, place_id: place?.id ?? null, place_name: place?.name ?? null, high_contact: place?.high_contact ?? false,
      }).returningAll().executeTakeFirstOrThrow();
      await this.audit.record(trx, actor, { action: 'create', entity: 'cluster', entityId: row.id, detail: { indexCaseId: kase.id } });
      return { id: row.id, name: row.name, indexCaseId: row.index_case_id, placeName: row.place_name, highContact: row.high_contact };
    });
  }

  /**
   * The named clusters in scope, newest index case first, a page at a time, each with the figures of its live
   * chain (size, cases, generations, first and latest case, growth): one walk per cluster of the page in the
   * database, its cases only sent back — the cost follows the page, not the number of clusters.
   */
  async list(actor: Actor, q: { unit?: string; page: number; pageSize: number }, today: string) {
    const u = q.unit ? this.units.placeFilter(q.unit, 'unit') : null;
    let base = this.db.selectFrom('clusters').innerJoin('cases', 'cases.id', 'clusters.index_case_id').where((eb) => inScope(eb, actor, 'clusters'));
    if (u) base = base.where(sql.ref(`clusters.${u.column}`), '=', u.code);
    const [rows, count] = await Promise.all([
      base.select(['clusters.id', 'clusters.name', 'clusters.place_name', 'clusters.high_contact', 'clusters.commune_code', 'cases.case_code', 'cases.confirmed_on', 'cases.person_id'])
        .orderBy('cases.confirmed_on', 'desc').orderBy('clusters.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    const figures = rows.length ? await sql<{ id: string; persons: number; cases: { depth: number; confirmedOn: string }[] }>`
      select r.id, f.persons, f.cases
        from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.person_id)}::uuid[]) r(id, person_id)
        cross join lateral (
          select count(*)::int as persons,
                 coalesce(json_agg(json_build_object('depth', w.depth, 'confirmedOn', c.confirmed_on)) filter (where c.id is not null), '[]') as cases
            from chain_walk(r.person_id, ${GRAPH_NODE_LIMIT}) w
            left join cases c on c.person_id = w.person_id and c.status = 'active') f`.execute(this.db) : { rows: [] };
    const summaryOf = new Map(figures.rows.map((f) => [f.id, chainSummary(f.persons, f.cases, today)]));
    const items = rows.map((r) => ({
      id: r.id, name: r.name, placeName: r.place_name, highContact: r.high_contact, communeCode: r.commune_code, indexCaseCode: r.case_code, indexConfirmedOn: r.confirmed_on,
      summary: summaryOf.get(r.id)!,
    }));
    this.audit.read(actor, { action: 'search', entity: 'cluster', detail: { ...q, returned: rows.map((r) => r.id) } });
    return { items, total: count.n };
  }

  /** A cluster with its live chain graph, size, generations, first and last case and growth. */
  async get(actor: Actor, id: string, today: string) {
    const row = await this.db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('cases.cluster_not_found', 404);
    assertInScope(actor, row, 'cases.cluster_not_found');
    const graph = await chainGraph(this.db, actor, await this.cases.caseInScope(actor, row.index_case_id), today);
    this.audit.read(actor, { action: 'read', entity: 'cluster', entityId: id, detail: { persons: graph.nodes.length } });
    return { id: row.id, name: row.name, placeName: row.place_name, highContact: row.high_contact, indexCaseId: row.index_case_id, graph };
  }
}

function presentPlace(p: Selectable<PlacesTable>) {
  return { id: p.id, name: p.name, kind: p.kind, highContact: p.high_contact, communeCode: p.commune_code, districtCode: p.district_code, address: p.address };
}
