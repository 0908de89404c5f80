// The zones bench's data: 1.24 M synthetic persons, 50,000 cases (outbreak generator + spread cases), a regime kept in force.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { addDays } from '@domain/dates';
import { CONTAINED_DETECTED_IN } from '@domain/risk-figures';
import { uuidv7 } from '@domain/uuid';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import { type Services } from '../src/server/services';
import { caseCode, copyCases, generateOutbreak, reserveCaseSerials, Rng, type CaseRow } from '../src/server/seed/outbreak';
import { generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { log, round } from './lib';
import { BENCH_REGIME_BASIS, CASES_FROM, CASES_TO, CITY_SEED, count, WAVES, type KeepState, type Opened, type Opts } from './zones-common';

/** The city and the cases: reused from --keep when they match, else generated (see the header). */
export async function dataset(e: Opened, opts: Opts, engine: string, stateFile: string | null): Promise<KeepState & { reused: boolean }> {
  const { db, services } = e;
  const kept: KeepState | null = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as KeepState) : null;
  const persons = await count(db, 'select count(*)::int as n from persons where province_code = $1 and synthetic', [DEMO_PROVINCE]);
  const cases = await count(db, 'select count(*)::int as n from cases');
  const same = (k: KeepState | null) =>
    k && k.persons === opts.persons && k.cases === opts.cases && k.outbreakCases === opts.outbreakCases && k.seed === opts.seed;
  if (kept && same(kept) && persons === opts.persons && cases === opts.cases) {
    log(`[${engine}] reusing ${persons.toLocaleString('en')} persons and ${cases.toLocaleString('en')} cases generated ${kept.at}`);
    return { ...kept, reused: true };
  }
  const t = performance.now();
  if (persons !== opts.persons) {
    if (persons > 0) throw new Error(`the kept database holds ${persons} synthetic persons, not ${opts.persons}: remove ${opts.keep} or use another --keep`);
    log(`[${engine}] generating ${opts.persons.toLocaleString('en')} persons (seed ${CITY_SEED})`);
    let last = t;
    await generateSyntheticCity(db, services.units, {
      persons: opts.persons,
      provinceCode: DEMO_PROVINCE,
      seed: CITY_SEED,
      onProgress: (done) => {
        const now = performance.now();
        if (now - last > 10_000 || done === opts.persons) {
          last = now;
          log(`[${engine}]   ${done.toLocaleString('en')} persons, ${Math.round(done / ((now - t) / 1000)).toLocaleString('en')}/s`);
        }
      },
    });
    log(`[${engine}] city in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (cases > 0) {
    log(`[${engine}] removing ${cases} cases and the tracing graph to regenerate them`);
    await db.pool.query('truncate cases, exposures, classifications, clusters, places, case_code_counters, risk_assessments');
  }
  const tc = performance.now();
  let outbreak = 0;
  const perWave = Math.floor(opts.outbreakCases / WAVES.length);
  for (let i = 0; i < WAVES.length && perWave > 0; i++) {
    const casesPerCluster = Math.min(100, perWave);
    const o = await generateOutbreak(
      db,
      { ruleSets: services.ruleSets, units: services.units },
      { provinceCode: DEMO_PROVINCE, clusters: Math.ceil(perWave / casesPerCluster), casesPerCluster, seed: opts.seed * 31 + i, startDay: WAVES[i] },
    );
    outbreak += o.cases;
    log(
      `[${engine}] outbreak wave ${i + 1} from ${WAVES[i]}: ${o.cases} cases (${o.firstConfirmedOn} → ${o.lastConfirmedOn}), ${o.exposures} exposures, ${o.clusters} clusters, ms ${JSON.stringify(o.ms)}`,
    );
  }
  const extra = await spreadCases(db, opts.cases - outbreak, new Rng(opts.seed * 7919));
  log(`[${engine}] ${outbreak} outbreak cases + ${extra} spread cases in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  await db.pool.query('analyze');
  const state: KeepState = {
    persons: opts.persons,
    cases: outbreak + extra,
    outbreakCases: opts.outbreakCases,
    seed: opts.seed,
    at: new Date().toISOString(),
    seedSeconds: round((performance.now() - t) / 1000, 1),
  };
  if (state.cases !== opts.cases) log(`[${engine}] ${state.cases} cases instead of ${opts.cases}`);
  if (stateFile) writeFileSync(stateFile, JSON.stringify(state, null, 2));
  return { ...state, reused: false };
}

const DETECTED_IN: [CaseRow['detected_in'], number][] = [
  ['community', 0.62],
  ['screening_at_facility', 0.05],
  ['home_quarantine', 0.15],
  ['lockdown_zone', 0.1],
  ['quarantine_facility', 0.06],
  ['arrival', 0.02],
];
const CLINICAL: [CaseRow['clinical_status'], number][] = [
  ['asymptomatic', 0.35],
  ['mild', 0.5],
  ['moderate', 0.11],
  ['severe', 0.03],
  ['critical', 0.01],
];
function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  let x = rng.next();
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}
const gauss = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/**
 * `n` cases COPYed directly (no exposure: unknown source), over the communes of the province by population × a
 * log-normal hotspot factor, on days of 1 Sep – 31 Dec 2021 from the city's curve mixed with the commune's own burst.
 */
export async function spreadCases(db: Db, n: number, rng: Rng): Promise<number> {
  if (n <= 0) return 0;
  const communes = (
    await db.pool.query(
      `select commune_code, min(district_code) as district_code, count(*)::int as n from persons
       where province_code = $1 and synthetic and merged_into is null group by 1 order by 1`,
      [DEMO_PROVINCE],
    )
  ).rows as { commune_code: string; district_code: string; n: number }[];
  const span = Math.round((Date.parse(CASES_TO) - Date.parse(CASES_FROM)) / 86_400_000) + 1;
  // The city's curve: a September wave, a trough in October, a larger wave from late November.
  const bump = (x: number, at: number, width: number) => Math.exp(-(((x - at) / width) ** 2) / 2);
  const curve = Array.from({ length: span }, (_, i) => 0.15 + 0.6 * bump(i, 14, 9) + 1.0 * bump(i, 95, 16));
  const curveTotal = curve.reduce((a, b) => a + b, 0);
  const fromCurve = () => {
    let x = rng.next() * curveTotal;
    for (let i = 0; i < span; i++) if ((x -= curve[i]) < 0) return i;
    return span - 1;
  };
  const weights = communes.map((c) => c.n * Math.exp(0.8 * gauss(rng)));
  const total = weights.reduce((a, b) => a + b, 0);
  const bursts = communes.map(() => ({ at: rng.int(10, span - 10), width: rng.int(4, 10) }));
  const quotas = weights.map((w) => Math.floor((w / total) * n));
  for (let left = n - quotas.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) quotas[i % quotas.length]++;

  // Who: per commune, its quota of persons without an active case, in a seeded hash order (one scan of the city).
  await db.pool.query('analyze cases');
  const who = new Map<string, { id: string; district_code: string }[]>();
  const picked = (
    await db.pool.query(
      `select x.id, x.district_code, x.commune_code from (
         select p.id, p.district_code, p.commune_code, row_number() over (partition by p.commune_code order by hashtext(p.id::text || $2)) as r
         from persons p
         where p.province_code = $1 and p.synthetic and p.merged_into is null
           and not exists (select 1 from cases x where x.person_id = p.id and x.province_code = p.province_code and x.status = 'active')) x
       join unnest($3::text[], $4::int[]) as q (code, n) on q.code = x.commune_code
       where x.r <= q.n`,
      [DEMO_PROVINCE, String(rng.int(0, 1 << 30)), communes.map((c) => c.commune_code), quotas],
    )
  ).rows as { id: string; district_code: string; commune_code: string }[];
  for (const p of picked) (who.get(p.commune_code) ?? who.set(p.commune_code, []).get(p.commune_code)!).push(p);

  const first = await reserveCaseSerials(db, DEMO_PROVINCE, 2021, n);
  const rows: CaseRow[] = [];
  for (let k = 0; k < communes.length; k++) {
    const c = communes[k];
    for (const p of (who.get(c.commune_code) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const b = bursts[k];
      const offset = rng.next() < 0.5 ? fromCurve() : Math.min(span - 1, Math.max(0, Math.round(b.at + gauss(rng) * b.width)));
      const confirmed = addDays(CASES_FROM, offset);
      const detectedIn = weighted(rng, DETECTED_IN);
      const sampled = addDays(confirmed, -rng.int(0, 1));
      const clinical = weighted(rng, CLINICAL);
      const contained = CONTAINED_DETECTED_IN.includes(detectedIn);
      const isolated = contained ? `${addDays(sampled, -rng.int(1, 5))}T09:00:00+07:00` : `${confirmed}T18:00:00+07:00`;
      const serial = first + rows.length;
      rows.push({
        id: uuidv7(),
        province_code: DEMO_PROVINCE,
        district_code: p.district_code,
        commune_code: c.commune_code,
        person_id: p.id,
        case_code: caseCode(DEMO_PROVINCE, 2021, serial),
        confirmed_on: confirmed,
        confirming_test: `BENCH-ZONES-PCR-${serial}`,
        detected_in: detectedIn,
        onset_on: clinical === 'asymptomatic' ? null : addDays(sampled, -rng.int(0, 3)),
        sampled_on: sampled,
        isolated_at: new Date(Date.parse(isolated)).toISOString(),
        clinical_status: clinical,
        treatment_place: clinical === 'severe' || clinical === 'critical' ? 'province_hospital' : clinical === 'moderate' ? 'district_hospital' : 'home',
      });
    }
  }
  await copyCases(db, rows);
  return rows.length;
}

/** A version 2 of risk_level_4800 (the payload of version 1) in force from the day after version 1 ends, once. */
export async function extendRegime(services: Services): Promise<void> {
  const versions = await services.ruleSets.list('risk_level_4800');
  if (versions.some((v) => v.legalBasis === BENCH_REGIME_BASIS)) return;
  const last = versions.filter((v) => v.status === 'active').sort((a, b) => b.version - a.version)[0];
  if (!last?.effectiveTo) return;
  await services.ruleSets.addVersion(
    null,
    { kind: 'risk_level_4800', legalBasis: BENCH_REGIME_BASIS, effectiveFrom: last.effectiveTo, effectiveTo: null, payload: last.payload, confidence: {} },
    { status: 'active' },
  );
  log(`risk_level_4800 v${last.version + 1} (bench) in force from ${last.effectiveTo}`);
}
