import { sql } from 'kysely';
import { addDays } from '@domain/dates';
import type { Db } from '../db/connect';
import type { UnitDirectory } from '../modules/geography/directory';
import { collectedRollup, receivedRollup, resultRollup } from '../modules/testing/repo/rollup';
import { csvField } from '../platform/csv';
import { Rng } from './rng';
import { uuid7 } from './synthetic-city';

/** Options of generateTestingData (below). */
export interface TestingDataOptions {
  provinceCode: string;
  samples: number;
  /** First collection day (Vietnam); tubes are spread evenly over `days` days. */
  firstDay: string;
  days: number;
  /** The clock: nothing is received, resulted or reported after it. */
  now: Date;
  results: 'stored' | 'file';
  /** 'file' mode: called with each tube's result as the lab would send it, in tube order. */
  onResult?: (r: LabResult) => void;
  seed?: number;
  /** Labs of the province (default 4); every team sends to one of them. */
  labs?: number;
  /** Sampling teams per commune (default 2); a later batch uses the teams an earlier one made. */
  teamsPerCommune?: number;
  /** Shares of single RT-PCR tubes and rapid antigen tests (defaults 0.1 and 0.02); the rest are household pools. */
  singleShare?: number;
  antigenShare?: number;
  /** Write sample_members (default true). Without them the tubes still carry members_count. */
  members?: boolean;
  /** Barcodes are PREFIX + an 8-digit serial following the prefix's tubes already there (default "XN"). */
  barcodePrefix?: string;
  onProgress?: (done: number) => void;
}

/** One tube's result as a lab reports it, and the tube's row as loaded (columns SAMPLE_COLUMNS). */
export interface LabResult {
  barcode: string;
  result: 'negative' | 'positive' | 'invalid';
  ct: number | null;
  /** Whole minutes (files carry "dd/MM/yyyy HH:mm"). */
  resultedAt: Date;
  row: SampleRow;
}

export interface TestingDataResult {
  samples: number;
  members: number;
  labs: { id: string; name: string }[];
  teams: number;
  sessions: number;
  shipments: number;
  /** Tubes by state once loaded. */
  resulted: number;
  pending: number;
  inTransit: number;
  positive: number;
  /** Generating and loading (COPY, overlapped), building the rollup, VACUUM ANALYZE. */
  ms: { generateLoad: number; rollup: number; analyze: number };
}

export const SAMPLE_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'barcode',
  'test_type',
  'kind',
  'session_id',
  'team_id',
  'household_id',
  'members_count',
  'collected_at',
  'collected_on',
  'symptomatic',
  'shipment_id',
  'lab_id',
  'received_at',
  'result',
  'ct_value',
  'resulted_at',
  'reported_at',
  'result_source',
] as const;
export type SampleRow = Record<(typeof SAMPLE_COLUMNS)[number], string | number | boolean | null>;

/** A sample row as a CSV line in SAMPLE_COLUMNS order (for COPY). */
export function sampleCsvLine(r: SampleRow): string {
  let line = '';
  for (let i = 0; i < SAMPLE_COLUMNS.length; i++) {
    const v = r[SAMPLE_COLUMNS[i]];
    if (i) line += ',';
    if (v === null) continue;
    line += typeof v === 'string' ? (/[",\n\r]/.test(v) ? csvField(v) : v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  }
  return line + '\n';
}

const LAB_NAMES = [
  'Phòng xét nghiệm CDC Cần Thơ',
  'Bệnh viện Đa khoa Trung ương Cần Thơ',
  'Bệnh viện Đa khoa thành phố Cần Thơ',
  'Bệnh viện Nhi đồng Cần Thơ',
  'Trung tâm Y tế quận Ninh Kiều',
  'Trung tâm Y tế quận Cái Răng',
  'Bệnh viện Quân dân y thành phố Cần Thơ',
  'Bệnh viện Đại học Y Dược Cần Thơ',
];
const MEMBER_COLUMNS = ['sample_id', 'province_code', 'person_id', 'district_code', 'commune_code'];
const SESSION_COLUMNS = ['id', 'province_code', 'district_code', 'commune_code', 'team_id', 'session_date', 'mode', 'place_name'];
const SHIPMENT_COLUMNS = ['id', 'province_code', 'district_code', 'commune_code', 'code', 'team_id', 'lab_id', 'sent_at', 'received_at'];
const TEAM_COLUMNS = ['id', 'province_code', 'district_code', 'commune_code', 'name', 'members'];
const TEAM_NAME = 'Tổ xét nghiệm tổng hợp';
const CHUNK = 50_000;
const MIN = 60_000;
/** Vietnam wall-clock (UTC+7, no daylight saving) to an instant. */
const vnAt = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+07:00`) + minutes * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

interface Household {
  id: string;
  district: string;
  commune: string;
  persons: string[];
}
interface Team {
  id: string;
  district: string;
  commune: string;
  lab: number;
}

/**
 * Synthetic testing data on top of the synthetic persons (generateSyntheticCity): labs, sampling teams (a few per
 * commune, each sending to one lab), one sampling session per team and day, two shipments per team and day
 * (morning and afternoon), and `samples` tubes spread evenly over `days` collection days — household pools (every
 * member of a household in one tube), single RT-PCR tubes and rapid antigen tests — with their members, bulk-loaded
 * with COPY. The daily rollup (testing_daily) is then built for them with the product's own rollup statements
 * (one INSERT … SELECT … GROUP BY each for collection, receipt and results), so it matches the tubes exactly.
 *
 * Times are Vietnam wall-clock: tubes are collected 07:00–17:00; the morning ones leave at 11:30 and reach the
 * lab at 13:00, the afternoon ones leave at 17:30 and arrive at 19:00; a result comes 1–20 hours after receipt
 * (mostly 3–9) and is reported within ten minutes. Results: household pools 0.2 % positive, single RT-PCR 0.3 %,
 * rapid antigen 1 %, RT-PCR runs 0.3 % invalid ("Không xác định"); a positive RT-PCR has a Ct of 15–36.
 *
 * `results: 'stored'`: what would have happened by `now` is stored — tubes whose shipment arrives after `now` are
 * in transit, tubes whose result comes after `now` await it, invalid runs wait for their retest, and a few old
 * tubes (0.05 %) were never resulted: that is the lab backlog. No case or task is opened for the positives.
 * `results: 'file'`: every tube is received (the shipments arrive before `now`) and none has a result; the result
 * the lab would send for each tube goes to `onResult` instead (to write a lab's result file), dated before `now`.
 *
 * Same seed, same city and same options → the same tubes and results (ids aside).
 * @example await generateTestingData(db, units, { provinceCode: '92', samples: 1_000_000, firstDay: '2021-09-14', days: 2, now, results: 'file', onResult })
 */
export async function generateTestingData(db: Db, units: UnitDirectory, opts: TestingDataOptions): Promise<TestingDataResult> {
  const t0 = performance.now();
  const p = opts.provinceCode;
  const rng = new Rng(opts.seed ?? 2021);
  const withMembers = opts.members ?? true;
  const singleShare = opts.singleShare ?? 0.1;
  const antigenShare = opts.antigenShare ?? 0.02;
  const prefix = opts.barcodePrefix ?? 'XN';
  const now = opts.now.getTime();
  if (opts.results === 'file' && antigenShare > 0) throw new Error('rapid antigen tests are read on the spot: a lab file has none (antigenShare: 0)');

  // Households and their members in an order that does not depend on ids (random), then shuffled with the seed.
  const { rows: people } = await db.pool.query(
    `select household_id, id, district_code, commune_code,
      name_folded || '|' || birth_date || '|' || coalesce(national_id, '') || '|' || coalesce(phone, '') as k
    from persons where province_code = $1 and synthetic and merged_into is null and household_id is not null`,
    [p],
  );
  if (!people.length) throw new Error(`province ${p} has no synthetic persons: generate a city first`);
  const byHousehold = new Map<string, Household & { k: string[] }>();
  for (const r of people as { household_id: string; id: string; district_code: string; commune_code: string; k: string }[]) {
    const h = byHousehold.get(r.household_id);
    if (h) {
      h.persons.push(r.id);
      h.k.push(r.k);
    } else byHousehold.set(r.household_id, { id: r.household_id, district: r.district_code, commune: r.commune_code, persons: [r.id], k: [r.k] });
  }
  const keyed = [...byHousehold.values()].map((h) => {
    const order = h.k.map((k, i) => [k, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { h: { id: h.id, district: h.district, commune: h.commune, persons: order.map(([, i]) => h.persons[i]) }, k: order[0][0] };
  });
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const households: Household[] = keyed.map((x) => x.h);
  shuffle(households, rng);

  // Labs (reused by name), teams per commune, each team sending to one lab.
  const labs: { id: string; name: string }[] = [];
  for (const name of LAB_NAMES.slice(0, opts.labs ?? 4)) {
    await sql`insert into labs (id, province_code, name, daily_capacity) values (${uuid7()}, ${p}, ${name}, ${JSON.stringify({ rt_pcr_pooled: 40000, rt_pcr_single: 10000 })}::jsonb)
      on conflict (name, province_code) do nothing`.execute(db.kysely);
    labs.push((await sql<{ id: string; name: string }>`select id, name from labs where name = ${name} and province_code = ${p}`.execute(db.kysely)).rows[0]);
  }
  // Teams: the generated teams of each commune when there are (a second batch adds tubes, not teams), else new ones.
  const communeCodes = [...new Set(households.map((h) => h.commune))].sort();
  const teamsOf = new Map<string, Team[]>();
  const existing = (
    await sql<{ id: string; district_code: string; commune_code: string }>`select id, district_code, commune_code from sampling_teams
    where province_code = ${p} and name like ${`${TEAM_NAME}%`} order by commune_code, name`.execute(db.kysely)
  ).rows;
  for (const t of existing) {
    const list = teamsOf.get(t.commune_code) ?? teamsOf.set(t.commune_code, []).get(t.commune_code)!;
    list.push({ id: t.id, district: t.district_code, commune: t.commune_code, lab: 0 });
  }
  let teamCsv = '';
  for (const [ci, code] of communeCodes.entries()) {
    const unit = units.get(code);
    const teams = teamsOf.get(code) ?? [];
    for (let i = teams.length + 1; i <= (opts.teamsPerCommune ?? 2); i++) {
      const team = { id: uuid7(), district: unit?.parent_code ?? households.find((h) => h.commune === code)!.district, commune: code, lab: 0 };
      teams.push(team);
      teamCsv += `${team.id},${p},${team.district},${code},${csvField(`${TEAM_NAME} ${i} – ${unit?.name ?? code}`)},[]\n`;
    }
    // Each team sends to one lab, the same in every batch.
    teams.forEach((t, i) => {
      t.lab = (ci + i + 1) % labs.length;
    });
    teamsOf.set(code, teams);
  }
  if (teamCsv) await db.copyCsv('sampling_teams', TEAM_COLUMNS, teamCsv);

  // Barcodes follow the prefix's tubes already there.
  const last = (
    await sql<{
      b: string | null;
    }>`select max(barcode) as b from samples where barcode >= ${`${prefix}0`} and barcode < ${`${prefix}:`} and province_code = ${p}`.execute(db.kysely)
  ).rows[0].b;
  const first = last ? Number(last.slice(prefix.length)) + 1 : 1;

  const sessions = new Map<string, string>();
  const shipments = new Map<string, string>();
  let sessionCsv = '';
  let shipmentCsv = '';
  const sessionOf = (team: Team, day: string) => {
    const key = `${team.id}|${day}`;
    let id = sessions.get(key);
    if (!id) {
      id = uuid7();
      sessions.set(key, id);
      sessionCsv += `${id},${p},${team.district},${team.commune},${team.id},${day},door_to_door,\n`;
    }
    return id;
  };
  /** Shipment (morning or afternoon) of a team on a day, and when it reaches the lab. */
  const shipmentOf = (team: Team, day: string, afternoon: boolean) => {
    const key = `${team.id}|${day}|${afternoon ? 2 : 1}`;
    const sent = vnAt(day, afternoon ? 17 * 60 + 30 : 11 * 60 + 30);
    const arrives = sent + 90 * MIN;
    let id = shipments.get(key);
    if (!id) {
      id = uuid7();
      shipments.set(key, id);
      const received = opts.results === 'file' || arrives <= now ? iso(arrives) : '';
      shipmentCsv += `${id},${p},${team.district},${team.commune},${prefix}-VC-${first}-${shipments.size},${team.id},${labs[team.lab].id},${iso(sent)},${received}\n`;
    }
    return { id, arrives };
  };

  const counts = { samples: 0, members: 0, resulted: 0, pending: 0, inTransit: 0, positive: 0 };
  let sampleCsv = '';
  let memberCsv = '';
  let inChunk = 0;
  const parallel = db.kind === 'postgres' ? 2 : 1;
  const loading = new Set<Promise<void>>();
  const flush = async () => {
    if (!inChunk) return;
    while (loading.size >= parallel) await Promise.race(loading);
    const [s, m, n] = [sampleCsv, memberCsv, inChunk];
    sampleCsv = '';
    memberCsv = '';
    inChunk = 0;
    const load: Promise<void> = (async () => {
      await db.copyCsv('samples', [...SAMPLE_COLUMNS], s);
      if (m) await db.copyCsv('sample_members', MEMBER_COLUMNS, m);
    })().then(() => {
      loading.delete(load);
      opts.onProgress?.((counts.samples += n));
    });
    load.catch(() => {});
    loading.add(load);
  };

  let hh = 0;
  let single = 0;
  const perDay = Math.floor(opts.samples / opts.days);
  for (let d = 0, serial = first; d < opts.days; d++) {
    const day = addDays(opts.firstDay, d);
    const today = perDay + (d < opts.samples % opts.days ? 1 : 0);
    for (let i = 0; i < today; i++, serial++) {
      const x = rng.next();
      const testType = x < antigenShare ? 'rapid_antigen' : x < antigenShare + singleShare ? 'rt_pcr_single' : 'rt_pcr_pooled';
      // Pools go round the shuffled households; single tubes round their members, from the other end.
      const h = testType === 'rt_pcr_pooled' ? households[hh++ % households.length] : households[households.length - 1 - (single++ % households.length)];
      const members = testType === 'rt_pcr_pooled' ? h.persons : [h.persons[rng.int(0, h.persons.length - 1)]];
      const teams = teamsOf.get(h.commune)!;
      const team = teams[rng.int(0, teams.length - 1)];
      const collected = vnAt(day, 7 * 60 + rng.next() * 600);
      const id = uuid7();
      const row: SampleRow = {
        id,
        province_code: p,
        district_code: h.district,
        commune_code: h.commune,
        barcode: `${prefix}${String(serial).padStart(8, '0')}`,
        test_type: testType,
        kind: testType === 'rt_pcr_pooled' ? 'household_pool' : 'single',
        session_id: sessionOf(team, day),
        team_id: team.id,
        household_id: h.id,
        members_count: members.length,
        collected_at: iso(collected),
        collected_on: day,
        symptomatic: testType !== 'rt_pcr_pooled' && rng.next() < 0.2,
        shipment_id: null,
        lab_id: null,
        received_at: null,
        result: null,
        ct_value: null,
        resulted_at: null,
        reported_at: null,
        result_source: null,
      };
      // The lab's answer for this tube (drawn in every mode so both modes see the same tubes and results).
      const y = rng.next();
      const positiveRate = testType === 'rt_pcr_pooled' ? 0.002 : testType === 'rt_pcr_single' ? 0.003 : 0.01;
      const result = y < positiveRate ? 'positive' : testType !== 'rapid_antigen' && y < positiveRate + 0.003 ? 'invalid' : 'negative';
      const ct = result === 'positive' && testType !== 'rapid_antigen' ? Math.round((15 + rng.next() * 21) * 10) / 10 : null;
      const lag = 60 + Math.round(rng.next() < 0.8 ? 120 + rng.next() * 360 : rng.next() * 1140);
      const stuck = rng.next() < 0.0005;
      if (testType === 'rapid_antigen') {
        Object.assign(row, { received_at: row.collected_at, result, resulted_at: row.collected_at, reported_at: row.collected_at, result_source: 'on_site' });
      } else {
        const ship = shipmentOf(team, day, collected > vnAt(day, 11 * 60));
        row.shipment_id = ship.id;
        row.lab_id = labs[team.lab].id;
        const resulted = Math.floor((ship.arrives + lag * MIN) / MIN) * MIN;
        if (opts.results === 'file') {
          row.received_at = iso(ship.arrives);
          const at = Math.min(resulted, Math.floor(now / MIN) * MIN - MIN);
          if (at < collected) throw new Error(`tube collected ${iso(collected)} cannot have a result by ${opts.now.toISOString()}`);
          opts.onResult?.({ barcode: row.barcode as string, result, ct, resultedAt: new Date(at), row });
        } else if (ship.arrives > now) {
          counts.inTransit++;
        } else {
          row.received_at = iso(ship.arrives);
          if (resulted <= now && !stuck) {
            Object.assign(row, {
              result,
              ct_value: ct,
              resulted_at: iso(resulted),
              reported_at: iso(Math.min(now, resulted + rng.int(0, 10) * MIN)),
              result_source: 'import',
            });
          }
        }
      }
      if (row.result) {
        counts.resulted++;
        if (row.result === 'positive') counts.positive++;
        if (row.result === 'invalid') counts.pending++;
      } else if (row.received_at) counts.pending++;
      sampleCsv += sampleCsvLine(row);
      if (withMembers) for (const m of members) memberCsv += `${id},${p},${m},${h.district},${h.commune}\n`;
      counts.members += withMembers ? members.length : 0;
      if (++inChunk >= CHUNK) await flush();
    }
  }
  await flush();
  await Promise.all(loading);
  await db.copyCsv('sampling_sessions', SESSION_COLUMNS, sessionCsv);
  await db.copyCsv('shipments', SHIPMENT_COLUMNS, shipmentCsv);
  const generateLoad = performance.now() - t0;

  // The rollup, with the statements the writes use, over the tubes just loaded.
  const tr = performance.now();
  const mine = sql`samples where province_code = ${p} and barcode >= ${`${prefix}${String(first).padStart(8, '0')}`} and barcode < ${`${prefix}:`}`;
  await collectedRollup(sql`(select * from ${mine})`).execute(db.kysely);
  await receivedRollup(sql`(select * from ${mine} and received_at is not null and test_type <> 'rapid_antigen')`).execute(db.kysely);
  await resultRollup(sql`(select * from ${mine} and result is not null)`).execute(db.kysely);
  const rollupMs = performance.now() - tr;
  const ta = performance.now();
  await db.pool.query('vacuum analyze samples, sample_members, testing_daily, sampling_sessions, shipments, sampling_teams, labs');
  const analyzeMs = performance.now() - ta;
  return {
    samples: counts.samples,
    members: counts.members,
    labs,
    teams: [...teamsOf.values()].reduce((a, t) => a + t.length, 0),
    sessions: sessions.size,
    shipments: shipments.size,
    resulted: counts.resulted,
    pending: counts.pending,
    inTransit: counts.inTransit,
    positive: counts.positive,
    ms: { generateLoad, rollup: rollupMs, analyze: analyzeMs },
  };
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
