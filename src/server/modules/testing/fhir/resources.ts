import type { ObservationRow } from './repo';
import type { ObservationView, OrganizationView, PatientView, SpecimenView } from './views';

/**
 * FHIR R4 resources of lab results, after HL7 FHIR R4 Observation/Specimen/Patient/Organization and the German
 * GECCO / Corona-Warn-App SARS-CoV-2 RT-PCR lab profiles: LOINC test code, SNOMED CT result, Ct as a component.
 *
 * Identifier systems (documented in docs/FHIR.md):
 * - `urn:trung-tam-chi-huy:lab:<lab id>:tube` — a tube code, unique within the lab that tested it (`city` before a lab has it)
 * - `urn:trung-tam-chi-huy:lab` — a lab (Organization) of this platform
 * - `urn:trung-tam-chi-huy:person` — a person of this platform
 * - `urn:trung-tam-chi-huy:vn:cccd` — the 12-digit Vietnamese citizen identity card number (Căn cước công dân)
 * - `urn:trung-tam-chi-huy:vn:cmnd` — the 9-digit identity card number of the older card (Chứng minh nhân dân)
 */
export const SYSTEMS = {
  tube: (labId: string | null) => `urn:trung-tam-chi-huy:lab:${labId ?? 'city'}:tube`,
  lab: 'urn:trung-tam-chi-huy:lab',
  person: 'urn:trung-tam-chi-huy:person',
  cccd: 'urn:trung-tam-chi-huy:vn:cccd',
  cmnd: 'urn:trung-tam-chi-huy:vn:cmnd',
} as const;

const SNOMED: Record<ObservationRow['result'], { code: string; display: string }> = {
  negative: { code: '260415000', display: 'Not detected' },
  positive: { code: '260373001', display: 'Detected' },
  invalid: { code: '419984006', display: 'Inconclusive' },
};
const RESULT_VI: Record<string, string> = { negative: 'Âm tính', positive: 'Dương tính', invalid: 'Không xác định' };
const CT_LOINC = {
  system: 'http://loinc.org',
  code: '94745-7',
  display: 'SARS-CoV-2 (COVID-19) RNA [Cycle Threshold #] in Respiratory specimen by NAA with probe detection',
};

const iso = (d: Date | string) => new Date(d).toISOString();
const pooledPending = (r: Pick<ObservationRow, 'kind' | 'result'>) => r.kind !== 'single' && r.result !== 'negative';

/** Observation ids: the tube and the last 12 hex digits of the person (at most 64 characters, as FHIR ids are). */
export const observationId = (r: Pick<ObservationRow, 'id' | 'person_id'>) => `${r.id}-${r.person_id.slice(-12)}`;
export const specimenId = (r: Pick<ObservationRow, 'id'>) => r.id;

/**
 * What an Observation's status says. A positive (or inconclusive) household pool is the pool's result, not any
 * member's: each member gets it only as `preliminary` with a note until their own tube (deconvolution) resolves,
 * which is then a separate `final` Observation. A negative pool clears every member, so it is final for each. A
 * result replaced after review of a conflicting report is `corrected`, with the previous value in a note.
 */
export function observationStatus(r: Pick<ObservationRow, 'kind' | 'result' | 'previous_result'>): 'final' | 'preliminary' | 'corrected' {
  if (pooledPending(r)) return 'preliminary';
  return r.previous_result ? 'corrected' : 'final';
}

function observationNotes(r: ObservationRow): { text: string }[] {
  const notes: { text: string }[] = [];
  if (pooledPending(r)) {
    notes.push({
      text:
        r.result === 'positive'
          ? `Kết quả của mẫu gộp ${r.barcode} (${r.members_count} người), chưa phải kết quả của riêng người này: chờ xét nghiệm tách mẫu.`
          : `Mẫu gộp ${r.barcode} (${r.members_count} người) không xác định được kết quả: chờ xét nghiệm lại.`,
    });
  }
  if (r.previous_result) {
    notes.push({
      text: `Đã sửa kết quả sau khi xem xét báo cáo khác; kết quả trước: ${RESULT_VI[r.previous_result]}${r.previous_ct !== null ? ` (Ct ${Number(r.previous_ct)})` : ''}.`,
    });
  }
  return notes;
}

export function observation(r: ObservationRow): ObservationView {
  const notes = observationNotes(r);
  return {
    resourceType: 'Observation' as const,
    id: observationId(r),
    meta: { versionId: String(r.version), lastUpdated: iso(r.last_updated) },
    identifier: [{ system: SYSTEMS.tube(r.lab_id), value: `${r.barcode}/${r.person_id}` }],
    status: observationStatus(r),
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: r.loinc, display: r.loinc_display }] },
    subject: { reference: `Patient/${r.person_id}` },
    effectiveDateTime: iso(r.collected_at),
    ...(r.reported_at ? { issued: iso(r.reported_at) } : {}),
    ...(r.lab_id ? { performer: [{ reference: `Organization/${r.lab_id}` }] } : {}),
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', ...SNOMED[r.result] }], text: RESULT_VI[r.result] },
    ...(notes.length ? { note: notes } : {}),
    specimen: { reference: `Specimen/${specimenId(r)}` },
    ...(r.ct_value !== null
      ? {
          component: [
            { code: { coding: [CT_LOINC] }, valueQuantity: { value: Number(r.ct_value), unit: 'Ct', system: 'http://unitsofmeasure.org', code: '{Ct_value}' } },
          ],
        }
      : {}),
  };
}

/** The tube: coded specimen type, collection and receipt times; a pooled tube names how many persons it holds. */
export function specimen(r: ObservationRow): SpecimenView {
  return {
    resourceType: 'Specimen' as const,
    id: specimenId(r),
    identifier: [{ system: SYSTEMS.tube(r.lab_id), value: r.barcode }],
    status: 'available' as const,
    type: {
      coding: [{ system: 'http://snomed.info/sct', code: r.specimen_code, display: r.specimen_display }],
      text: r.kind === 'single' ? 'Mẫu đơn' : 'Mẫu gộp',
    },
    ...(r.kind === 'single' ? { subject: { reference: `Patient/${r.person_id}` } } : {}),
    ...(r.received_at ? { receivedTime: iso(r.received_at) } : {}),
    collection: { collectedDateTime: iso(r.collected_at) },
    ...(r.kind !== 'single' ? { note: [{ text: `Mẫu gộp hộ gia đình: ${r.members_count} người trong một ống.` }] } : {}),
  };
}

export interface PatientRow {
  id: string;
  inScope: boolean;
  full_name?: string;
  birth_date?: string | null;
  birth_year?: number;
  sex?: 'male' | 'female';
  national_id?: string | null;
  address?: string | null;
  province_code: string;
  district_code: string;
  commune_code: string;
}

/**
 * A person as a Patient. Vietnamese names are written family name first: "Nguyễn Văn An" is family Nguyễn, given
 * Văn An. A person outside the caller's scope is only the commune they live in (the one rule of personCard).
 */
export function patient(p: PatientRow, unitName: (code: string) => string | undefined): PatientView {
  const fullName = p.full_name ?? '';
  const words = fullName.split(/\s+/).filter(Boolean);
  const nationalId = p.national_id ?? null;
  const [commune, district, province] = [unitName(p.commune_code), unitName(p.district_code), unitName(p.province_code)];
  return {
    resourceType: 'Patient' as const,
    id: p.id,
    identifier: [
      { system: SYSTEMS.person, value: p.id },
      ...(nationalId
        ? [
            {
              use: 'official' as const,
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI', display: 'National unique individual identifier' }] },
              system: nationalId.length === 12 ? SYSTEMS.cccd : SYSTEMS.cmnd,
              value: nationalId,
            },
          ]
        : []),
    ],
    ...(words.length ? { name: [{ use: 'official' as const, text: fullName, family: words[0], ...(words.length > 1 ? { given: words.slice(1) } : {}) }] } : {}),
    ...(p.sex ? { gender: p.sex } : {}),
    ...(p.birth_date ? { birthDate: p.birth_date } : p.birth_year ? { birthDate: String(p.birth_year) } : {}),
    address: [
      {
        use: 'home' as const,
        ...(p.inScope && p.address ? { line: [p.address] } : {}),
        text: [commune, district, province].filter(Boolean).join(', ') || p.commune_code,
        ...(district ? { district } : {}),
        ...(province ? { state: province } : {}),
        country: 'VN',
        extension: [{ url: 'urn:trung-tam-chi-huy:commune-code', valueCode: p.commune_code }],
      },
    ],
  };
}

export function organization(l: { id: string; name: string; address: string | null; active: boolean }): OrganizationView {
  return {
    resourceType: 'Organization' as const,
    id: l.id,
    identifier: [{ system: SYSTEMS.lab, value: l.id }],
    active: l.active,
    type: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }],
        text: 'Phòng xét nghiệm',
      },
    ],
    name: l.name,
    ...(l.address ? { address: [{ text: l.address, country: 'VN' }] } : {}),
  };
}
