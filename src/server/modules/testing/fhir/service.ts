import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import type { AuditLog } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import type { UnitDirectory } from '../../geography/directory';
import type { PeopleService } from '../../people/service';
import { labsByIds, observationById, searchObservations, type ObservationRow } from './repo';
import { observation, organization, patient, specimen } from './resources';
import type { ObservationSearch } from './search';
import type { BundleView, IncludedResource, ObservationView } from './views';

/**
 * Lab results for other systems as FHIR R4: a searchset Bundle of Observations (search mode `match`) with the
 * Specimen, Patient and Organization resources they reference (mode `include`), so the receiver needs no second
 * call. Scope-checked (tubes of the caller's units; persons outside it only by commune) and audited.
 */
export class FhirResults {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly people: PeopleService,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
  ) {}

  async searchObservations(actor: Actor, q: ObservationSearch, raw: Record<string, unknown>, base: string): Promise<BundleView> {
    const { total, rows } = await searchObservations(this.db, actor, q);
    this.audit.read(actor, {
      action: 'export',
      entity: 'sample',
      detail: { fhir: 'Observation', query: raw, persons: [...new Set(rows.map((r) => r.person_id))] },
    });
    const included = await this.included(actor, rows);
    const link = (relation: BundleView['link'][number]['relation'], page: number) => ({ relation, url: `${base}/Observation?${searchString(raw, page)}` });
    const last = Math.max(1, Math.ceil(total / q._count));
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      timestamp: new Date().toISOString(),
      total,
      link: [
        link('self', q.page),
        link('first', 1),
        ...(q.page > 1 ? [link('previous', Math.min(q.page - 1, last))] : []),
        ...(q.page < last ? [link('next', q.page + 1)] : []),
        link('last', last),
      ],
      entry: [...rows.map((r) => entry(base, observation(r), 'match')), ...included.map((res) => entry(base, res, 'include'))],
    };
  }

  async readObservation(actor: Actor, id: string): Promise<ObservationView> {
    const m = /^([0-9a-f-]{36})-([0-9a-f]{12})$/i.exec(id);
    const row = m ? await observationById(this.db, actor, m[1].toLowerCase(), m[2].toLowerCase()) : undefined;
    if (!row) throw new AppError('testing.fhir_not_found', 404, {}, 'id');
    this.audit.read(actor, { action: 'export', entity: 'sample', entityId: row.id, detail: { fhir: 'Observation', persons: [row.person_id] } });
    return observation(row);
  }

  /** The Specimen, Patient and Organization resources the page's Observations reference, each once. */
  private async included(actor: Actor, rows: ObservationRow[]): Promise<IncludedResource[]> {
    const specimens = new Map(rows.map((r) => [r.id, specimen(r)]));
    const [persons, labs] = await Promise.all([
      this.people.patientsOf(actor, [...new Set(rows.map((r) => r.person_id))], 'fhir_export'),
      labsByIds(this.db, [...new Set(rows.flatMap((r) => (r.lab_id ? [r.lab_id] : [])))]),
    ]);
    const unitName = (code: string) => this.units.get(code)?.name;
    return [...specimens.values(), ...persons.map((p) => patient(p, unitName)), ...labs.map(organization)];
  }
}

function entry(base: string, resource: ObservationView | IncludedResource, mode: 'match' | 'include'): BundleView['entry'][number] {
  return { fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
}

/** The search as the client sent it, with another page: the paging links repeat every parameter. */
function searchString(raw: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'page') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  params.set('page', String(page));
  return params.toString();
}
