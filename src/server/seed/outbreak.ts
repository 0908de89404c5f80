import { sql } from 'kysely';
import { addDays, daysBetween } from '@domain/dates';
import type { ExposureClass } from '@domain/exposure-class';
import { uuidv7 } from '@domain/uuid';
import { foldVietnamese } from '@domain/vn-text';
import type { Db } from '../db/connect';
import type { CasesTable } from '../db/tables';
import { classificationRows, rulesInForce, type ClassificationRow, type GraphCase, type GraphExposure } from '../modules/tracing/classification';
import type { RuleSetsService } from '../modules/rule-sets/service';
import type { UnitDirectory } from '../modules/geography/directory';
import { csvField } from '../platform/csv';
import { STREETS } from './vn-names';
import { Rng } from './rng';

export { Rng };

/**
 * Synthetic outbreak on top of the synthetic persons: clusters (ổ dịch) seeded by an index case found in the
 * community, spreading through households (unmasked), the cluster's place and workplaces (masked ≥15 min)
 * and the community (unmasked), generation after generation, in Sep 2021 (Asia/Ho_Chi_Minh). Traced contacts
 * who turn positive are mostly found in home quarantine or lockdown zones. Cases, exposures, places, clusters
 * and every F0/F1/F2 class are bulk-loaded (COPY); classes come from the pure classify() over the whole
 * generated graph, set-based, with the rule sets in force — the same rows reclassifyAround would write.
 *
 * Only persons not yet in the province's tracing graph (no case, exposure or class) take part, so the new
 * graph is disjoint from what is there and its classes do not depend on it.
 */

export interface OutbreakOptions {
  provinceCode: string;
  clusters: number;
  /** Cases per cluster, index case included (reached unless the district runs out of people). */
  casesPerCluster: number;
  /** Same seed on the same persons → the same outbreak (ids aside). */
  seed?: number;
  /** First day index cases may fall ill (default 2021-09-01); index onsets spread over the next 20 days. */
  startDay?: string;
}

export interface OutbreakResult {
  clusters: number;
  cases: number;
  exposures: number;
  /** Distinct persons in the generated graph (cases and everyone exposed). */
  persons: number;
  classified: Record<ExposureClass, number>;
  /** Deepest generation (index case = 0). */
  generations: number;
  /** Cases per generation, index cases first. */
  byGeneration: number[];
  /** Cases added because a chain died out before its cluster's size (a traced contact turned positive). */
  forced: number;
  firstCaseCode: string | null;
  lastCaseCode: string | null;
  firstConfirmedOn: string | null;
  lastConfirmedOn: string | null;
  /** Rule-set versions the classes were computed with. */
  rules: { classification: number; quarantine: number; day: string };
  ms: { generate: number; load: number; classify: number };
}

export type OutbreakServices = { ruleSets: RuleSetsService; units: UnitDirectory };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975: the VN day of an instant without Intl (hot loops). */
const vnDayOf = (ms: number) => new Date(ms + 7 * HOUR_MS).toISOString().slice(0, 10);
const vnAt = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);

// ---------------------------------------------------------------------------------------------------------
// Set-based classification: the rows reclassifyAround (modules/tracing/classification.ts) would write.
// ---------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------
// Bulk loading (COPY), in chunks so a big outbreak does not build one giant string.
// ---------------------------------------------------------------------------------------------------------

export type CaseRow = GraphCase & {
  id: string;
  case_code: string;
  confirming_test: string;
  detected_in: CasesTable['detected_in'];
  clinical_status: 'asymptomatic' | 'mild' | 'moderate' | 'severe' | 'critical';
  treatment_place: 'home' | 'facility' | 'district_hospital' | 'province_hospital' | 'central_hospital';
};
export type ExposureRow = GraphExposure & { setting: string; place_name: string | null; place_id: string | null };

const CASE_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'person_id',
  'case_code',
  'confirmed_on',
  'confirming_test',
  'detected_in',
  'onset_on',
  'sampled_on',
  'isolated_at',
  'clinical_status',
  'treatment_place',
] as const;
const EXPOSURE_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'source_person_id',
  'exposed_person_id',
  'start_at',
  'end_at',
  'contact_type',
  'setting',
  'place_name',
  'place_id',
] as const;
const CLASSIFICATION_COLUMNS = [
  'person_id',
  'province_code',
  'district_code',
  'commune_code',
  'class',
  'generation',
  'via_exposure_id',
  'root_case_person_id',
  'exposed_at',
  'rule_set_id',
  'rule_version',
  'quarantine_situation',
  'quarantine_until',
  'test_days',
] as const;
const COPY_CHUNK = 50_000;

const csvValue = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return csvField(`{${v.join(',')}}`);
  return csvField(v);
};

async function copyRows<T extends object>(db: Db, table: string, columns: readonly (keyof T & string)[], rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    let csv = '';
    for (const row of rows.slice(i, i + COPY_CHUNK)) csv += columns.map((c) => csvValue(row[c])).join(',') + '\n';
    await db.copyCsv(table, [...columns], csv);
  }
}

export const copyCases = (db: Db, rows: CaseRow[]) => copyRows(db, 'cases', CASE_COLUMNS, rows);
export const copyExposures = (db: Db, rows: ExposureRow[]) => copyRows(db, 'exposures', EXPOSURE_COLUMNS, rows);
export const copyClassifications = (db: Db, rows: ClassificationRow[]) => copyRows(db, 'classifications', CLASSIFICATION_COLUMNS, rows);

/**
 * Reserves `n` case serials of (province, year) in one statement and returns the first: the counter moves to
 * the last serial reserved (past any code already used, should a case have been loaded without the counter).
 */
export async function reserveCaseSerials(db: Db, provinceCode: string, year: number, n: number): Promise<number> {
  const prefix = `${provinceCode}-${year}-`;
  const used = sql<number>`(select coalesce(max(substr(case_code, ${prefix.length + 1})::int), 0) from cases
    where province_code = ${provinceCode} and case_code like ${prefix + '%'} and substr(case_code, ${prefix.length + 1}) ~ '^[0-9]+$')`;
  const { rows } = await sql<{ last: number }>`insert into case_code_counters (province_code, year, last) values (${provinceCode}, ${year}, ${used} + ${n})
    on conflict (province_code, year) do update set last = greatest(case_code_counters.last, ${used}) + ${n}
    returning last`.execute(db.kysely);
  return rows[0].last - n + 1;
}

export const caseCode = (provinceCode: string, year: number, serial: number) => `${provinceCode}-${year}-${String(serial).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------------------
// The outbreak model.
// ---------------------------------------------------------------------------------------------------------

interface Person {
  id: string;
  household: string;
  district: string;
  commune: string;
  age: number;
}
type Setting = 'household' | 'workplace' | 'community' | 'healthcare' | 'school';

interface PlaceKind {
  kind: 'market' | 'factory' | 'residential' | 'hospital' | 'school' | 'shop';
  weight: number;
  highContact: boolean;
  setting: Setting;
  /** Contact types at the place, weighted. */
  contacts: readonly (readonly [string, number])[];
  /** Time bands of a visit or shift (local time). */
  hours: readonly (readonly [string, string])[];
  ages: readonly [number, number];
  place(commune: string, district: string, rng: Rng): string;
  cluster(placeName: string): string;
}

/** Where clusters started in the Mekong Delta in Aug–Sep 2021: markets, seafood plants, boarding houses, health facilities. */
const PLACE_KINDS: readonly PlaceKind[] = [
  {
    kind: 'market',
    weight: 34,
    highContact: true,
    setting: 'community',
    contacts: [
      ['unmasked', 70],
      ['masked_15min', 30],
    ],
    hours: [
      ['05:30', '07:00'],
      ['06:00', '08:00'],
      ['15:30', '17:00'],
    ],
    ages: [15, 85],
    place: (c) => `Chợ ${c}`,
    cluster: (p) => `Ổ dịch ${lowerFirst(p)}`,
  },
  {
    kind: 'factory',
    weight: 24,
    highContact: false,
    setting: 'workplace',
    contacts: [
      ['masked_15min', 85],
      ['unmasked', 15],
    ],
    hours: [
      ['07:00', '11:30'],
      ['13:00', '17:00'],
      ['18:00', '22:00'],
    ],
    ages: [18, 58],
    place: (c, _d, rng) => `Công ty TNHH ${rng.pick(['chế biến thủy sản', 'may mặc', 'bao bì', 'thực phẩm'])} ${c}`,
    cluster: (p) => `Ổ dịch ${p}`,
  },
  {
    kind: 'residential',
    weight: 16,
    highContact: false,
    setting: 'community',
    contacts: [
      ['unmasked', 80],
      ['masked_15min', 20],
    ],
    hours: [
      ['18:30', '20:30'],
      ['19:00', '21:00'],
    ],
    ages: [5, 85],
    place: (c, _d, rng) => `Khu nhà trọ hẻm ${rng.int(2, 199)} ${c}`,
    cluster: (p) => `Ổ dịch ${lowerFirst(p)}`,
  },
  {
    kind: 'hospital',
    weight: 10,
    highContact: true,
    setting: 'healthcare',
    contacts: [
      ['masked_15min', 60],
      ['care_no_ppe', 25],
      ['unmasked', 15],
    ],
    hours: [
      ['07:00', '11:30'],
      ['13:30', '17:00'],
    ],
    ages: [18, 85],
    place: (_c, d) => `Trung tâm Y tế ${lowerFirst(d)}`,
    cluster: (p) => `Ổ dịch ${p}`,
  },
  {
    kind: 'shop',
    weight: 10,
    highContact: false,
    setting: 'community',
    contacts: [
      ['masked_15min', 60],
      ['unmasked', 40],
    ],
    hours: [
      ['08:00', '09:00'],
      ['17:00', '18:30'],
    ],
    ages: [15, 80],
    place: (c, _d, rng) => `Cửa hàng tiện lợi đường ${rng.pick(STREETS)}, ${c}`,
    cluster: (p) => `Ổ dịch ${lowerFirst(p)}`,
  },
  {
    // Schools taught online in Sep 2021; a boarding school or a vaccination point in a school is the rare case.
    kind: 'school',
    weight: 6,
    highContact: true,
    setting: 'school',
    contacts: [
      ['masked_15min', 80],
      ['unmasked', 20],
    ],
    hours: [
      ['07:00', '11:00'],
      ['13:30', '16:30'],
    ],
    ages: [11, 55],
    place: (c) => `Trường THCS ${c}`,
    cluster: (p) => `Ổ dịch ${lowerFirst(p)}`,
  },
];

/** Chance an exposure infects, by where it happened (Delta variant, unvaccinated majority). */
const ATTACK: Record<Setting | 'place', number> = { household: 0.35, place: 0.2, workplace: 0.08, community: 0.1, healthcare: 0.1, school: 0.1 };
const COMMUNITY_PLACES = ['Quán cà phê', 'Quán hủ tiếu', 'Tiệm tạp hóa', 'Điểm bán vé số', 'Tiệm hớt tóc'] as const;
const LABS = ['CDC-CT', 'BVDKTW-CT', 'BVDK-CT', 'TTYT'] as const;

interface CaseRec extends CaseRow {
  person: Person;
  generation: number;
  cluster: number;
  atPlace: boolean;
  quarantinedFrom: string | null;
}
interface Candidate {
  person: Person;
  infectionDay: string;
  setting: Setting | 'place';
  parent: CaseRec;
}
interface ClusterRec {
  id: string;
  kind: PlaceKind;
  placeId: string;
  placeName: string;
  name: string;
  commune: string;
  district: string;
  index: CaseRec;
}

/**
 * Generates the outbreak and loads it. See the module comment.
 * @example await generateOutbreak(db, services, { provinceCode: '92', clusters: 20, casesPerCluster: 50, seed: 2021 })
 */
export async function generateOutbreak(db: Db, services: OutbreakServices, opts: OutbreakOptions): Promise<OutbreakResult> {
  const t0 = performance.now();
  const p = opts.provinceCode;
  const province = services.units.get(p);
  if (!province || province.level !== 'province') throw new Error(`unknown province ${p}`);
  const rng = new Rng(opts.seed ?? 1);
  const startDay = opts.startDay ?? '2021-09-01';
  const year = Number(startDay.slice(0, 4));
  /** Nobody is infected after this day: the outbreak stays in Sep – early Oct. */
  const lastInfection = addDays(startDay, 38);

  // Persons already in the tracing graph stay out: the new graph must not touch the existing one.
  const taken = new Set(
    (
      await sql<{ id: string }>`
    select person_id as id from cases where province_code = ${p}
    union select source_person_id from exposures where province_code = ${p}
    union select exposed_person_id from exposures where province_code = ${p}
    union select person_id from classifications where province_code = ${p}`.execute(db.kysely)
    ).rows.map((r) => r.id),
  );
  const districts = (
    await sql<{ district_code: string; n: number }>`select district_code, count(*)::int as n from households
    where province_code = ${p} and synthetic group by 1 order by 1`.execute(db.kysely)
  ).rows;
  if (!districts.length) throw new Error(`province ${p} has no synthetic households: generate persons first`);
  const districtTotal = districts.reduce((a, d) => a + d.n, 0);
  const householdsOf = new Map<string, string[]>();

  const isCase = new Map<string, CaseRec>();
  const cases: CaseRec[] = [];
  const exposures: ExposureRow[] = [];
  const edgeKeys = new Set<string>();
  const clusters: ClusterRec[] = [];
  const inGraph = new Set<string>();
  let forcedCount = 0;

  const addExposure = (
    source: CaseRec | Person,
    exposed: Person,
    start: number,
    end: number,
    contactType: string,
    setting: Setting,
    placeName: string | null,
    placeId: string | null,
  ) => {
    const sourceId = 'person' in source ? source.person.id : source.id;
    if (sourceId === exposed.id) return false;
    const key = `${sourceId}|${exposed.id}|${start}`;
    if (edgeKeys.has(key)) return false;
    edgeKeys.add(key);
    inGraph.add(sourceId).add(exposed.id);
    exposures.push({
      id: uuidv7(),
      province_code: p,
      district_code: exposed.district,
      commune_code: exposed.commune,
      source_person_id: sourceId,
      exposed_person_id: exposed.id,
      start_at: new Date(start).toISOString(),
      end_at: new Date(end).toISOString(),
      contact_type: contactType,
      setting,
      place_name: placeName,
      place_id: placeId,
    });
    return true;
  };

  // Each cluster's district, weighted by households, and a pool of whole households drawn from it.
  const picks: string[][] = [];
  for (let k = 0; k < opts.clusters; k++) {
    let x = rng.next() * districtTotal;
    const district = districts.find((d) => (x -= d.n) < 0)?.district_code ?? districts[districts.length - 1].district_code;
    let ids = householdsOf.get(district);
    if (!ids) {
      ids = (
        await sql<{ id: string }>`select id from households where province_code = ${p} and district_code = ${district} and synthetic order by id`.execute(
          db.kysely,
        )
      ).rows.map((r) => r.id);
      householdsOf.set(district, ids);
    }
    const all = ids;
    picks.push(sampleWithoutReplacement(rng, all.length, Math.min(all.length, Math.ceil(opts.casesPerCluster * 14) + 40)).map((i) => all[i]));
  }
  // Their members, born before the outbreak, in a few large queries.
  const household = new Map<string, Person[]>();
  const wanted = [...new Set(picks.flat())];
  for (let i = 0; i < wanted.length; i += 20_000) {
    const members = (
      await sql<{ id: string; household_id: string; district_code: string; commune_code: string; birth_year: number }>`
      select id, household_id, district_code, commune_code, birth_year from persons
      where province_code = ${p} and synthetic and merged_into is null and birth_year <= ${year - 1}
        and household_id = any(${wanted.slice(i, i + 20_000)}::uuid[])
      order by household_id, id`.execute(db.kysely)
    ).rows;
    for (const m of members) {
      if (taken.has(m.id)) continue;
      const person: Person = { id: m.id, household: m.household_id, district: m.district_code, commune: m.commune_code, age: year - m.birth_year };
      (household.get(person.household) ?? household.set(person.household, []).get(person.household)!).push(person);
    }
  }

  for (let k = 0; k < opts.clusters; k++) {
    const pool = picks[k].flatMap((h) => household.get(h) ?? []);
    const adults = pool.filter((q) => q.age >= 20 && q.age <= 65 && !isCase.has(q.id));
    if (!adults.length) continue;
    const drawContacts = (n: number, ages: readonly [number, number], not: Person): Person[] => {
      const out = new Map<string, Person>();
      for (let tries = 0; out.size < n && tries < n * 20; tries++) {
        const q = rng.pick(pool);
        if (q.household === not.household || q.age < ages[0] || q.age > ages[1] || isCase.has(q.id)) continue;
        out.set(q.id, q);
      }
      return [...out.values()];
    };

    // The index case: fell ill in the community, sampled at a clinic or a screening point.
    const indexPerson = rng.pick(adults);
    const kind = pickWeighted(rng, PLACE_KINDS);
    const communeName = shortName(services.units.get(indexPerson.commune)?.name ?? indexPerson.commune);
    const districtName = services.units.get(indexPerson.district)?.name ?? indexPerson.district;
    const placeName = kind.place(communeName, districtName, rng);
    const onset = addDays(startDay, rng.int(0, 19));
    const sampled = addDays(onset, rng.int(0, 2));
    const index = newCase(rng, p, indexPerson, {
      onset,
      sampled,
      confirmed: addDays(sampled, rng.int(0, 1)),
      detectedIn: 'community',
      generation: 0,
      cluster: clusters.length,
      atPlace: true,
      quarantinedFrom: null,
    });
    const cluster: ClusterRec = {
      id: uuidv7(),
      kind,
      placeId: uuidv7(),
      placeName,
      name: kind.cluster(placeName),
      commune: indexPerson.commune,
      district: indexPerson.district,
      index,
    };
    clusters.push(cluster);
    cases.push(index);
    isCase.set(indexPerson.id, index);
    inGraph.add(indexPerson.id);

    const queue: CaseRec[] = [index];
    let count = 1;
    const candidates: Candidate[] = [];
    const infect = (c: Candidate): CaseRec => {
      const q = infectedCase(rng, p, c);
      cases.push(q);
      isCase.set(q.person.id, q);
      queue.push(q);
      count++;
      return q;
    };

    for (let i = 0; i < queue.length || count < opts.casesPerCluster; i++) {
      if (i >= queue.length) {
        // The chain died out before the cluster's size: one more traced contact, of any generation, turns positive.
        let forced: Candidate | undefined;
        while (candidates.length && !forced) {
          const j = rng.int(0, candidates.length - 1);
          const cand = candidates[j];
          candidates[j] = candidates[candidates.length - 1];
          candidates.pop();
          if (!isCase.has(cand.person.id)) forced = cand;
        }
        if (!forced) break;
        forcedCount++;
        infect(forced);
      }
      const c = queue[i];
      const anchor = c.onset_on ?? c.sampled_on;
      const from = addDays(anchor, -2);
      const isolated = Date.parse(String(c.isolated_at));
      const exposedHere: Candidate[] = [];
      const outcome = (person: Person, day: string, setting: Setting | 'place') => {
        if (isCase.has(person.id)) return;
        const cand: Candidate = { person, infectionDay: day, setting, parent: c };
        if (count < opts.casesPerCluster && day <= lastInfection && rng.next() < ATTACK[setting]) infect(cand);
        else exposedHere.push(cand);
      };

      // Household: unmasked, from the evening the case became infectious until isolation.
      const hhStart = vnAt(from, '18:00');
      const hhEnd = Math.max(isolated, hhStart + HOUR_MS);
      for (const m of household.get(c.person.household) ?? []) {
        if (m.id === c.person.id || isCase.has(m.id)) continue;
        if (addExposure(c, m, hhStart, hhEnd, 'unmasked', 'household', null, null))
          outcome(m, addDays(from, rng.int(0, Math.max(0, daysBetween(from, vnDayOf(hhEnd))))), 'household');
      }

      // Outside the home: only before isolation, and before quarantine for a traced contact.
      const lastOut = minDay(addDays(c.confirmed_on, -1), c.quarantinedFrom ? addDays(c.quarantinedFrom, -1) : null);
      const outDays = daysBetween(from, lastOut);
      if (outDays >= 0) {
        const atPlace = c.atPlace && c.generation <= 2;
        const nPlace = atPlace ? (c.generation === 0 ? rng.int(6, 14) : rng.int(3, 8)) : 0;
        const nWork = atPlace ? 0 : c.person.age >= 18 && c.person.age <= 60 ? rng.int(1, 5) : 0;
        const nCommunity = c.generation === 0 ? rng.int(2, 6) : rng.int(1, 4);
        for (const q of drawContacts(nPlace, kind.ages, c.person)) {
          const day = addDays(from, rng.int(0, outDays));
          const [a, b] = rng.pick(kind.hours);
          if (
            addExposure(
              c,
              q,
              vnAt(day, a),
              vnAt(day, b),
              pickWeighted(
                rng,
                kind.contacts.map(([code, weight]) => ({ code, weight })),
              ).code,
              kind.setting,
              placeName,
              cluster.placeId,
            )
          ) {
            outcome(q, day, 'place');
          }
        }
        // Others at the place at the same time, not close enough to be F1 (recorded, not classified).
        for (const q of drawContacts(atPlace ? rng.int(1, 4) : 0, kind.ages, c.person)) {
          const day = addDays(from, rng.int(0, outDays));
          const [a, b] = rng.pick(kind.hours);
          addExposure(c, q, vnAt(day, a), vnAt(day, b), 'same_place_other', kind.setting, placeName, cluster.placeId);
        }
        for (const q of drawContacts(nWork, [18, 60], c.person)) {
          const day = addDays(from, rng.int(0, outDays));
          const [a, b] = rng.next() < 0.5 ? ['07:30', '11:30'] : ['13:30', '17:00'];
          if (addExposure(c, q, vnAt(day, a), vnAt(day, b), 'masked_15min', 'workplace', null, null)) outcome(q, day, 'workplace');
        }
        for (const q of drawContacts(nCommunity, [5, 90], c.person)) {
          const day = addDays(from, rng.int(0, outDays));
          const evening = rng.next() < 0.6;
          const start = vnAt(day, evening ? `${rng.int(18, 20)}:${rng.pick(['00', '15', '30', '45'])}` : `0${rng.int(6, 8)}:${rng.pick(['00', '30'])}`);
          const where = `${rng.pick(COMMUNITY_PLACES)} đường ${rng.pick(STREETS)}`;
          if (addExposure(c, q, start, start + rng.int(30, 120) * 60_000, 'unmasked', 'community', where, null)) outcome(q, day, 'community');
        }
      }

      // F1s outside the case's home go into home quarantine: their household members are F2.
      for (const f1 of exposedHere) {
        if (f1.setting === 'household' || rng.next() > 0.6) continue;
        const start = vnAt(f1.infectionDay, '18:00');
        for (const m of household.get(f1.person.household) ?? []) {
          if (m.id !== f1.person.id && !isCase.has(m.id)) addExposure(f1.person, m, start, start + 7 * DAY_MS, 'unmasked', 'household', null, null);
        }
      }
      for (const e of exposedHere) if (e.infectionDay <= lastInfection) candidates.push(e);
    }
  }

  // Case codes in order of confirmation, one reservation per year.
  cases.sort((a, b) => (a.confirmed_on < b.confirmed_on ? -1 : a.confirmed_on > b.confirmed_on ? 1 : 0));
  const tGen = performance.now();
  const byYear = new Map<number, CaseRec[]>();
  for (const c of cases) {
    const y = Number(c.confirmed_on.slice(0, 4));
    (byYear.get(y) ?? byYear.set(y, []).get(y)!).push(c);
  }
  for (const [y, list] of byYear) {
    const first = await reserveCaseSerials(db, p, y, list.length);
    list.forEach((c, i) => {
      c.case_code = caseCode(p, y, first + i);
    });
  }

  // Classes: the whole generated graph at once, with the rule sets in force on the last confirmation day.
  const day = cases.length ? cases[cases.length - 1].confirmed_on : startDay;
  const rules = await rulesInForce(services.ruleSets, day);
  const known = new Set((rules.classification.payload as { contactTypes: { code: string }[] }).contactTypes.map((c) => c.code));
  const unknown = [...new Set(exposures.map((e) => e.contact_type))].filter((c) => !known.has(c));
  if (unknown.length) throw new Error(`contact types ${unknown.join(', ')} are not in the exposure-classification rule set v${rules.classification.version}`);
  const tCls = performance.now();
  const classes = classificationRows(cases, exposures, rules);
  const classifyMs = performance.now() - tCls;

  const tLoad = performance.now();
  await copyCases(db, cases);
  await copyExposures(db, exposures);
  await copyClassifications(db, classes);
  for (let i = 0; i < clusters.length; i += 500) {
    const chunk = clusters.slice(i, i + 500);
    await db.kysely
      .insertInto('places')
      .values(
        chunk.map((c) => ({
          id: c.placeId,
          province_code: p,
          district_code: c.district,
          commune_code: c.commune,
          name: c.placeName,
          name_folded: foldVietnamese(c.placeName),
          kind: c.kind.kind,
          high_contact: c.kind.highContact,
          address: null,
        })),
      )
      .execute();
    await db.kysely
      .insertInto('clusters')
      .values(
        chunk.map((c) => ({
          id: c.id,
          province_code: p,
          district_code: c.district,
          commune_code: c.commune,
          name: c.name,
          index_case_id: c.index.id,
          place_id: c.placeId,
          place_name: c.placeName,
          high_contact: c.kind.highContact,
        })),
      )
      .execute();
  }
  const loadMs = performance.now() - tLoad;

  const classified: Record<ExposureClass, number> = { F0: 0, F1: 0, F2: 0 };
  for (const r of classes) classified[r.class]++;
  const codes = cases.map((c) => c.case_code).sort();
  const byGeneration: number[] = [];
  for (const c of cases) byGeneration[c.generation] = (byGeneration[c.generation] ?? 0) + 1;
  return {
    clusters: clusters.length,
    cases: cases.length,
    exposures: exposures.length,
    persons: inGraph.size,
    classified,
    generations: byGeneration.length - 1,
    byGeneration: Array.from(byGeneration, (n) => n ?? 0),
    forced: forcedCount,
    firstCaseCode: codes[0] ?? null,
    lastCaseCode: codes.at(-1) ?? null,
    firstConfirmedOn: cases[0]?.confirmed_on ?? null,
    lastConfirmedOn: cases.at(-1)?.confirmed_on ?? null,
    rules: { classification: rules.classification.version, quarantine: rules.quarantine.version, day },
    ms: { generate: Math.round(tGen - t0), load: Math.round(loadMs), classify: Math.round(classifyMs) },
  };
}

/**
 * Deletes the tracing data of the province's synthetic persons (before the persons themselves are deleted):
 * their exposures (either end), classes, cases with their investigations, the clusters anchored on those
 * cases and the places only those clusters used. Case-code counters are left alone (codes are never reused).
 */
export async function deleteSyntheticOutbreak(db: Db, provinceCode: string): Promise<{ cases: number; exposures: number; clusters: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    const p = provinceCode;
    const synthetic = sql`(select id from persons where province_code = ${p} and synthetic)`;
    const exposures =
      await sql`delete from exposures where province_code = ${p} and (source_person_id in ${synthetic} or exposed_person_id in ${synthetic})`.execute(trx);
    await sql`delete from classifications where province_code = ${p} and person_id in ${synthetic}`.execute(trx);
    const doomed = sql`(select id from cases where province_code = ${p} and person_id in ${synthetic})`;
    const clusters = await sql<{
      place_id: string | null;
    }>`delete from clusters where province_code = ${p} and index_case_id in ${doomed} returning place_id`.execute(trx);
    await sql`delete from investigations where province_code = ${p} and case_id in ${doomed}`.execute(trx);
    const cases = await sql`delete from cases where province_code = ${p} and person_id in ${synthetic}`.execute(trx);
    const places = [...new Set(clusters.rows.flatMap((r) => (r.place_id ? [r.place_id] : [])))];
    if (places.length) {
      await sql`delete from places pl where pl.id = any(${places}::uuid[])
        and not exists (select 1 from clusters k where k.place_id = pl.id) and not exists (select 1 from exposures e where e.place_id = pl.id)`.execute(trx);
    }
    return { cases: Number(cases.numAffectedRows ?? 0), exposures: Number(exposures.numAffectedRows ?? 0), clusters: clusters.rows.length };
  });
}

/** A case row for `person` (code assigned later). */
function newCase(
  rng: Rng,
  provinceCode: string,
  person: Person,
  o: {
    onset: string | null;
    sampled: string;
    confirmed: string;
    detectedIn: CasesTable['detected_in'];
    generation: number;
    cluster: number;
    atPlace: boolean;
    quarantinedFrom: string | null;
  },
): CaseRec {
  const isolatedAt = `${o.confirmed}T${rng.int(15, 21)}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;
  const clinical =
    o.onset === null
      ? 'asymptomatic'
      : (pickWeighted(rng, [
          { v: 'mild', weight: 70 },
          { v: 'moderate', weight: 20 },
          { v: 'severe', weight: 8 },
          { v: 'critical', weight: 2 },
        ]).v as CaseRow['clinical_status']);
  const treatment: CaseRow['treatment_place'] =
    clinical === 'severe' || clinical === 'critical'
      ? 'province_hospital'
      : clinical === 'moderate'
        ? 'district_hospital'
        : rng.next() < 0.55
          ? 'facility'
          : 'home';
  const lab = rng.pick(LABS);
  return {
    id: uuidv7(),
    province_code: provinceCode,
    district_code: person.district,
    commune_code: person.commune,
    person_id: person.id,
    case_code: '',
    confirmed_on: o.confirmed,
    confirming_test: `RT-PCR ${lab}-${o.sampled.slice(2).replace(/-/g, '')}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
    detected_in: o.detectedIn,
    onset_on: o.onset,
    sampled_on: o.sampled,
    isolated_at: new Date(Date.parse(isolatedAt)).toISOString(),
    clinical_status: clinical,
    treatment_place: treatment,
    person,
    generation: o.generation,
    cluster: o.cluster,
    atPlace: o.atPlace,
    quarantinedFrom: o.quarantinedFrom,
  };
}

/**
 * A traced contact who turned positive: infected on the exposure day, incubation 2–6 days, traced and
 * quarantined the day after the source's confirmation; symptomatic ones are sampled at onset, the others at
 * the quarantine tests (days 1, 7, 14). Found before tracing → community or lockdown-zone screening.
 */
function infectedCase(rng: Rng, provinceCode: string, c: Candidate): CaseRec {
  // Tracing took a day or two after the source's confirmation in Sep 2021.
  const quarantinedFrom = addDays(c.parent.confirmed_on, rng.int(1, 2));
  const incubation = rng.int(2, 6);
  const symptomatic = rng.next() < 0.6;
  let onset: string | null = null;
  let sampled: string;
  if (symptomatic) {
    onset = addDays(c.infectionDay, incubation);
    sampled = onset < quarantinedFrom ? addDays(onset, rng.int(0, 1)) : onset;
  } else {
    const detectable = addDays(c.infectionDay, incubation + 1);
    sampled = [0, 6, 13].map((d) => addDays(quarantinedFrom, d)).find((d) => d >= detectable) ?? detectable;
  }
  const beforeTracing = sampled < quarantinedFrom;
  const detectedIn: CasesTable['detected_in'] = beforeTracing
    ? rng.next() < 0.5
      ? 'community'
      : 'lockdown_zone'
    : c.setting === 'household'
      ? rng.next() < 0.8
        ? 'home_quarantine'
        : 'quarantine_facility'
      : (pickWeighted(rng, [
          { v: 'lockdown_zone', weight: 45 },
          { v: 'home_quarantine', weight: 35 },
          { v: 'quarantine_facility', weight: 20 },
        ]).v as CasesTable['detected_in']);
  return newCase(rng, provinceCode, c.person, {
    onset,
    sampled,
    confirmed: addDays(sampled, rng.next() < 0.6 ? 0 : 1),
    detectedIn,
    generation: c.parent.generation + 1,
    cluster: c.parent.cluster,
    atPlace: c.setting === 'place',
    quarantinedFrom: beforeTracing ? null : quarantinedFrom,
  });
}

const minDay = (a: string, b: string | null) => (b !== null && b < a ? b : a);
const shortName = (name: string) => name.replace(/^(Phường|Xã|Thị trấn)\s+/, '');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let x = rng.next() * items.reduce((a, i) => a + i.weight, 0);
  for (const item of items) if ((x -= item.weight) < 0) return item;
  return items[items.length - 1];
}

/** `k` distinct indices of [0, n), partial Fisher–Yates over a sparse map. */
function sampleWithoutReplacement(rng: Rng, n: number, k: number): number[] {
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, n - 1);
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(vj);
  }
  return out;
}
