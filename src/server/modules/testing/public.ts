import { sql } from 'kysely';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { RateLimiter } from '../../platform/rate-limit';
import { scopeSql } from '../../platform/scope';
import type { PeopleService } from '../people/service';
import type { TestingService } from './service';

/**
 * A person checks their own result: tube barcode plus the national ID or phone of someone sampled in it.
 * Shows only the result and its date (no name, no Ct). Limited per client address and per barcode, so neither
 * barcodes nor IDs can be enumerated; a miss and a wrong pair answer the same.
 */
export class ResultLookup {
  private readonly perAddress = new RateLimiter(10, 10 * 60_000);
  private readonly perBarcode = new RateLimiter(5, 10 * 60_000);

  constructor(private readonly svc: TestingService, private readonly people: PeopleService) {}

  async lookup(ip: string, q: { barcode: string; idOrPhone: string }) {
    if (!this.perAddress.hit(ip) || !this.perBarcode.hit(q.barcode)) throw new AppError('testing.rate_limited', 429);
    const k = this.svc.db.kysely;
    const sample = await k.selectFrom('samples').select(['id', 'barcode', 'kind', 'result', 'resulted_at', 'reported_at', 'collected_on', 'test_type'])
      .where('barcode', '=', q.barcode).executeTakeFirst();
    const members = sample ? await k.selectFrom('sample_members').select('person_id').where('sample_id', '=', sample.id).execute() : [];
    const matched = sample ? await this.people.identityMatches(members.map((m) => m.person_id), q.idOrPhone) : [];
    if (!sample || !matched.length) throw new AppError('testing.lookup_not_found', 404);
    this.svc.audit.read({ id: null, username: 'public', ip }, { action: 'read', entity: 'sample', entityId: sample.id, detail: { publicLookup: true, persons: matched } });
    const final = sample.result && sample.result !== 'invalid' ? sample.result : null;
    return {
      barcode: sample.barcode, testType: sample.test_type, pooled: sample.kind !== 'single', collectedOn: sample.collected_on,
      result: final, status: final ? 'resulted' : sample.result === 'invalid' ? 'retest' : 'pending',
      resultedAt: final && sample.reported_at ? new Date(sample.reported_at).toISOString() : null,
    };
  }
}

const SNOMED: Record<string, { code: string; display: string }> = {
  negative: { code: '260415000', display: 'Not detected' },
  positive: { code: '260373001', display: 'Detected' },
  invalid: { code: '455371000124106', display: 'Invalid result' },
};

/**
 * Results collected on a day as a FHIR R4 searchset Bundle of Observations: one per person and tube (a
 * household pool gives one Observation per member, noted as pooled), LOINC code of the test type, subject,
 * specimen (tube barcode), effective time (collection), issued (reported), value (SNOMED CT), and the Ct as a
 * component (LOINC 94745-7). Scope-checked and audited like every read of personal data.
 */
export async function fhirObservations(svc: TestingService, actor: Actor, q: { date: string; _count: number; page: number }, baseUrl: string) {
  const k = svc.db.kysely;
  const where = sql`s.collected_on = ${q.date}::date and s.result is not null and ${scopeSql(actor, 's')}`;
  const [{ rows: [{ total }] }, { rows }] = await Promise.all([
    sql<{ total: number }>`select count(*)::int as total from samples s join sample_members m on m.sample_id = s.id where ${where}`.execute(k),
    sql<{ id: string; barcode: string; kind: string; members_count: number; result: string; ct_value: number | null; collected_at: Date; reported_at: Date | null; person_id: string; loinc: string; loinc_display: string; lab_name: string | null; version: number }>`
      select s.id, s.barcode, s.kind, s.members_count, s.result, s.ct_value, s.collected_at, s.reported_at, m.person_id, t.loinc, t.loinc_display, l.name as lab_name, s.version
        from samples s join sample_members m on m.sample_id = s.id join test_types t on t.code = s.test_type left join labs l on l.id = s.lab_id
       where ${where}
       order by s.collected_at, s.id, m.person_id
       limit ${q._count} offset ${(q.page - 1) * q._count}`.execute(k),
  ]);
  svc.audit.read(actor, { action: 'export', entity: 'sample', detail: { fhir: true, date: q.date, page: q.page, persons: rows.map((r) => r.person_id) } });
  const link = (page: number) => `${baseUrl}/api/fhir/Observation?date=${q.date}&_count=${q._count}&page=${page}`;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: link(q.page) }, ...(q.page * q._count < total ? [{ relation: 'next', url: link(q.page + 1) }] : [])],
    entry: rows.map((r) => {
      const id = `${r.id}-${r.person_id.slice(-12)}`;
      return {
        fullUrl: `${baseUrl}/api/fhir/Observation/${id}`,
        resource: {
          resourceType: 'Observation',
          id,
          meta: { versionId: String(r.version) },
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: r.loinc, display: r.loinc_display }] },
          subject: { reference: `Patient/${r.person_id}` },
          effectiveDateTime: new Date(r.collected_at).toISOString(),
          ...(r.reported_at ? { issued: new Date(r.reported_at).toISOString() } : {}),
          ...(r.lab_name ? { performer: [{ display: r.lab_name }] } : {}),
          specimen: { identifier: { system: 'urn:trung-tam-chi-huy:tube-barcode', value: r.barcode }, display: r.kind === 'single' ? 'Mẫu đơn' : `Mẫu gộp (${r.members_count} người)` },
          valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', ...SNOMED[r.result] }] },
          ...(r.ct_value !== null ? {
            component: [{
              code: { coding: [{ system: 'http://loinc.org', code: '94745-7', display: 'SARS-CoV-2 (COVID-19) RNA [Cycle Threshold #] in Respiratory specimen by NAA with probe detection' }] },
              valueQuantity: { value: Number(r.ct_value), unit: 'Ct', system: 'http://unitsofmeasure.org', code: '{Ct_value}' },
            }],
          } : {}),
        },
      };
    }),
  };
}
