// The quarantine bench's data: facilities with rooms (through the service), a year of stays COPYed in two stages, and
// the counters the occupancy board reads recomputed from the stays as the writes would have kept them.
import { randomBytes } from 'node:crypto';
import { addDays, daysBetween } from '@domain/dates';
import { situationFor, type QuarantineOperations, type QuarantineRules, type StayClass, type Vaccination } from '@domain/quarantine';
import { quarantinePlan } from '@domain/quarantine-plan';
import { ruleInForce } from '@domain/rule-sets/in-force';
import { uuidv7 } from '@domain/uuid';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Actor } from '../src/server/platform/actor';
import { csvField } from '../src/server/platform/csv';
import type { Services } from '../src/server/services';
import { Rng } from '../src/server/seed/rng';

export interface Room {
  id: string;
  facilityId: string;
  code: string;
  beds: number;
}
export interface Facility {
  id: string;
  kind: 'quarantine' | 'treatment';
  rooms: Room[];
}

export interface DataOpts {
  sites: number;
  treatment: number;
  rooms: number;
  stays: number;
  open: number;
  /** stays of the first stage (the board is measured at this size first) */
  first: number;
  today: string;
  seed: number;
}

const ROOM_AREAS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const TREATMENT_TIERS = ['tier1', 'tier2', 'tier3'] as const;

/**
 * The facilities, created as a command-center user would through FacilitiesService.create: `sites` quarantine sites and
 * `treatment` treatment facilities (half tier 1, a third tier 2, the rest tier 3) spread over the city's communes (the
 * UnitDirectory's communes of Cần Thơ), each with `rooms` rooms of 4–8 beds.
 */
export async function createFacilities(services: Services, actor: Actor, opts: DataOpts): Promise<Facility[]> {
  const { units } = services;
  const communes = units
    .childrenOf(DEMO_PROVINCE)
    .flatMap((d) => units.childrenOf(d.code))
    .filter((u) => u.level === 'commune')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  if (!communes.length) throw new Error(`no commune of ${DEMO_PROVINCE} in the UnitDirectory`);
  const rng = new Rng(opts.seed * 131);
  const total = opts.sites + opts.treatment;
  const ids: { id: string; kind: Facility['kind'] }[] = [];
  for (let i = 0; i < total; i++) {
    const kind = i < opts.sites ? 'quarantine' : 'treatment';
    const t = i - opts.sites;
    const tier = kind === 'quarantine' ? 'quarantine_site' : TREATMENT_TIERS[t < opts.treatment / 2 ? 0 : t < (opts.treatment * 5) / 6 ? 1 : 2];
    const commune = communes[(i * 37) % communes.length];
    const rooms = Array.from({ length: opts.rooms }, (_, r) => {
      const area = ROOM_AREAS[Math.floor(r / 10) % ROOM_AREAS.length];
      return { area: `Khu ${area}`, code: `${area}${Math.floor(r / 100) || ''}${String((r % 10) + 1).padStart(2, '0')}`, beds: rng.int(4, 8) };
    });
    const view = await services.quarantine.facilities.create(actor, {
      name:
        kind === 'quarantine'
          ? `Khu cách ly tập trung số ${i + 1} (${commune.name})`
          : `${tier === 'tier3' ? 'Bệnh viện' : tier === 'tier2' ? 'Bệnh viện dã chiến' : 'Cơ sở thu dung'} số ${t + 1} (${commune.name})`,
      kind,
      tier,
      managingAgency: kind === 'quarantine' ? 'Bộ Chỉ huy Quân sự thành phố' : 'Sở Y tế thành phố Cần Thơ',
      communeCode: commune.code,
      address: `Số ${i + 1}, ${commune.name}`,
      icuBeds: tier === 'tier3' ? 30 : tier === 'tier2' ? 10 : 0,
      oxygenPoints: tier === 'tier3' ? 120 : tier === 'tier2' ? 60 : kind === 'treatment' ? 20 : 0,
      rooms,
    });
    ids.push({ id: view.id, kind });
  }
  const rows = (
    await services.db.pool.query(`select id, facility_id, code, beds from quarantine_rooms where facility_id = any($1::uuid[]) order by facility_id, code`, [
      ids.map((f) => f.id),
    ])
  ).rows as { id: string; facility_id: string; code: string; beds: number }[];
  const byFacility = new Map<string, Room[]>();
  for (const r of rows) (byFacility.get(r.facility_id) ?? byFacility.set(r.facility_id, []).get(r.facility_id)!).push({ ...r, facilityId: r.facility_id });
  return ids.map((f) => ({ ...f, rooms: byFacility.get(f.id) ?? [] }));
}

/** The persons the stays belong to (synthetic city), in a seeded order. */
export interface Person {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
}

export async function personsInOrder(db: Db, seed: number): Promise<Person[]> {
  return (
    await db.pool.query(
      `select id, province_code, district_code, commune_code from persons
       where province_code = $1 and synthetic and merged_into is null order by hashtext(id::text || $2::text), id`,
      [DEMO_PROVINCE, String(seed)],
    )
  ).rows as Person[];
}

/** A stay row as COPYed (the columns of quarantine_stays the writes fill). */
export interface StayRow {
  id: string;
  person_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  setting: 'facility';
  facility_id: string;
  room_id: string;
  bed: string;
  reason: 'f1' | 'arrival' | 'f0_treatment';
  exposure_class: StayClass;
  vaccination: Vaccination;
  situation: string;
  rule_set_id: string;
  rule_version: number;
  started_on: string;
  last_day: string;
  monitoring_until: string;
  test_days: string[];
  tests_done: string[];
  admitted_on: string;
  status: 'open' | 'released' | 'transferred' | 'absent';
  positive_on: string | null;
  ended_on: string | null;
  certificate_no: string | null;
  certificate_token: string | null;
  signer: string | null;
  released_by: string | null;
  created_by: string;
  created_at: string;
}
const STAY_COLUMNS: (keyof StayRow)[] = [
  'id',
  'person_id',
  'province_code',
  'district_code',
  'commune_code',
  'setting',
  'facility_id',
  'room_id',
  'bed',
  'reason',
  'exposure_class',
  'vaccination',
  'situation',
  'rule_set_id',
  'rule_version',
  'started_on',
  'last_day',
  'monitoring_until',
  'test_days',
  'tests_done',
  'admitted_on',
  'status',
  'positive_on',
  'ended_on',
  'certificate_no',
  'certificate_token',
  'signer',
  'released_by',
  'created_by',
  'created_at',
];

/** The rule sets the stays' plans come from, as admission reads them (the version in force on the start day). */
export interface Rules {
  quarantineOn(day: string): { id: string; version: number; rules: QuarantineRules } | null;
  /** the first day the quarantine rule set is in force */
  firstDay: string;
  ops: QuarantineOperations;
}

export async function loadRules(services: Services, today: string): Promise<Rules> {
  const versions = await services.ruleSets.list('quarantine');
  const firstDay = versions
    .filter((v) => v.status === 'active')
    .map((v) => v.effectiveFrom)
    .sort()[0];
  const ops = (await services.ruleSets.inForce('quarantine_operations', today)).payload as QuarantineOperations;
  return {
    firstDay,
    ops,
    quarantineOn(day) {
      const v = ruleInForce(versions, day);
      return v ? { id: v.id, version: v.version, rules: v.payload as QuarantineRules } : null;
    },
  };
}

const pickWeighted = <T>(rng: Rng, items: readonly [T, number][]): T => {
  let x = rng.next();
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
};
const VACCINATION: [Vaccination, number][] = [
  ['full', 0.45],
  ['partial', 0.3],
  ['none', 0.25],
];
const at9 = (day: string) => `${day}T02:00:00.000Z`; // 09:00 in Vietnam

/**
 * Every stay of the year, in memory, each marked with its stage (1: the first `first` stays, a sample of every kind;
 * 2: the rest). The open stays fill rooms by cohort (one class, entries on the cohort's first day or the next, beds
 * 1..n); the released, transferred and absent ones are spread over the year by a curve of three waves.
 */
export function planStays(
  opts: DataOpts,
  facilities: Facility[],
  persons: Person[],
  rules: Rules,
  actorId: string,
  reserved: number,
): { rows: StayRow[]; stage: Uint8Array; admissionPersons: Person[] } {
  const rng = new Rng(opts.seed * 7919);
  const D = opts.today;
  const yearFrom = addDays(D, -364) > rules.firstDay ? addDays(D, -364) : rules.firstDay;
  const span = daysBetween(yearFrom, D) + 1;
  if (persons.length < opts.open + reserved + 1) throw new Error(`${persons.length} persons: need more than ${opts.open + reserved} (--persons)`);
  const admissionPersons = persons.slice(opts.open, opts.open + reserved);
  const historyPersons = persons.slice(opts.open + reserved);
  const window = rules.ops.cohortWindowDays;
  const rows: StayRow[] = [];

  const plan = (cls: StayClass, vaccination: Vaccination, startOn: string) => {
    const q = rules.quarantineOn(startOn);
    if (!q) return null;
    const s = situationFor(q.rules, cls, 'facility', vaccination);
    return s ? { q, p: quarantinePlan(s, startOn) } : null;
  };
  const base = (person: Person, f: Facility, room: Room, bed: number, reason: StayRow['reason'], cls: StayClass, vaccination: Vaccination) => ({
    person_id: person.id,
    province_code: person.province_code,
    district_code: person.district_code,
    commune_code: person.commune_code,
    setting: 'facility' as const,
    facility_id: f.id,
    room_id: room.id,
    bed: String(bed),
    reason,
    exposure_class: cls,
    vaccination,
    created_by: actorId,
  });
  const classOf = (kind: Facility['kind'], r: number) =>
    kind === 'treatment'
      ? { reason: 'f0_treatment' as const, cls: 'F0' as const }
      : r < 0.85
        ? { reason: 'f1' as const, cls: 'F1' as const }
        : { reason: 'arrival' as const, cls: 'arrival' as const };

  // Open stays: whole cohorts in empty rooms; 30 % of them in treatment facilities.
  const openTreatment = Math.round(opts.open * 0.3);
  const shuffled = (kind: Facility['kind']) => {
    const rooms = facilities.filter((f) => f.kind === kind).flatMap((f) => f.rooms.map((room) => ({ f, room })));
    for (let i = rooms.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [rooms[i], rooms[j]] = [rooms[j], rooms[i]];
    }
    return rooms;
  };
  let p = 0;
  for (const [kind, quota] of [
    ['quarantine', opts.open - openTreatment],
    ['treatment', openTreatment],
  ] as const) {
    const rooms = shuffled(kind);
    let left = quota;
    for (const { f, room } of rooms) {
      if (left <= 0) break;
      const { reason, cls } = classOf(kind, rng.next());
      // a cohort entered on c (and c + 1): within the plan's days before today, a few overdue by up to 2 days
      const c = addDays(D, -rng.int(0, kind === 'treatment' ? 11 : 13));
      const n = Math.min(left, rng.int(1, room.beds));
      for (let b = 1; b <= n; b++) {
        const admitted = b === 1 || rng.next() < 0.6 || addDays(c, 1) > D ? c : addDays(c, Math.min(1, window));
        const vaccination = kind === 'quarantine' && cls === 'arrival' ? 'none' : pickWeighted(rng, VACCINATION);
        const startOn = cls === 'F1' ? addDays(admitted, -rng.int(0, 2)) : admitted;
        const got = plan(cls, vaccination, startOn);
        if (!got) throw new Error(`no quarantine situation for an open ${cls} stay from ${startOn}`);
        const { q, p: pl } = got;
        const past = pl.testDates.filter((d) => d < D && d <= pl.lastDay);
        // an open stay past its last day is waiting for its last test's result
        const done = pl.lastDay < D ? past.slice(0, -1) : past.filter(() => rng.next() > 0.03);
        rows.push({
          id: uuidv7(Date.parse(at9(admitted)) + b),
          ...base(persons[p++], f, room, b, reason, cls, vaccination),
          situation: pl.situation,
          rule_set_id: q.id,
          rule_version: q.version,
          started_on: pl.startDay,
          last_day: pl.lastDay,
          monitoring_until: pl.monitoringUntil,
          test_days: pl.testDates,
          tests_done: done,
          admitted_on: admitted,
          status: 'open',
          positive_on: null,
          ended_on: null,
          certificate_no: null,
          certificate_token: null,
          signer: null,
          released_by: null,
          created_at: at9(admitted),
        });
        left--;
      }
    }
    if (left > 0) throw new Error(`not enough ${kind} rooms for ${quota} open stays (${left} left): more --rooms or facilities`);
  }

  // The history: admissions by a curve over the year (a summer wave, a winter one, the current one rising to today).
  const bump = (x: number, at: number, width: number) => Math.exp(-(((x - at) / width) ** 2) / 2);
  const curve = Array.from({ length: span }, (_, i) => 0.12 + 1.0 * bump(i, span * 0.3, 25) + 0.7 * bump(i, span * 0.72, 18) + 0.9 * bump(i, span, 20));
  const curveTotal = curve.reduce((a, b) => a + b, 0);
  const dayFromCurve = () => {
    let x = rng.next() * curveTotal;
    for (let i = 0; i < span; i++) if ((x -= curve[i]) < 0) return addDays(yearFrom, i);
    return D;
  };
  const treatmentShare = 0.3;
  const byKind = { quarantine: facilities.filter((f) => f.kind === 'quarantine'), treatment: facilities.filter((f) => f.kind === 'treatment') };
  const history = opts.stays - rows.length;
  for (let h = 0, tries = 0; h < history; tries++) {
    if (tries > history * 50) throw new Error('could not place the history inside the rule sets and the year');
    const kind = rng.next() < treatmentShare ? 'treatment' : 'quarantine';
    const f = rng.pick(byKind[kind]);
    const room = rng.pick(f.rooms);
    const { reason, cls } = classOf(kind, rng.next());
    const vaccination = kind === 'quarantine' && cls === 'arrival' ? 'none' : pickWeighted(rng, VACCINATION);
    const admitted = dayFromCurve();
    const startOn = cls === 'F1' ? addDays(admitted, -rng.int(0, 2)) : admitted;
    const got = plan(cls, vaccination, startOn);
    if (!got) continue; // no rule for this class on that day (F0 facility stays only from the rule of 14/07/2021)
    const { q, p: pl } = got;
    const r = rng.next();
    const status: StayRow['status'] = r < (kind === 'treatment' ? 0.98 : 0.96) ? 'released' : r < 0.99 ? 'transferred' : 'absent';
    const length = daysBetween(admitted, pl.lastDay);
    const ended =
      status === 'released' ? addDays(pl.lastDay > admitted ? pl.lastDay : admitted, rng.int(0, 1)) : addDays(admitted, rng.int(1, Math.max(1, length)));
    if (ended > D) continue; // still open today: the open stays are generated above
    const person = historyPersons[h % historyPersons.length];
    rows.push({
      id: uuidv7(Date.parse(at9(admitted)) + (h % 1000)),
      ...base(person, f, room, rng.int(1, room.beds), reason, cls, vaccination),
      situation: pl.situation,
      rule_set_id: q.id,
      rule_version: q.version,
      started_on: pl.startDay,
      last_day: pl.lastDay,
      monitoring_until: pl.monitoringUntil,
      test_days: pl.testDates,
      tests_done: pl.testDates.filter((d) => d <= pl.lastDay && d <= ended),
      admitted_on: admitted,
      status,
      positive_on: status === 'transferred' && cls !== 'F0' ? ended : null,
      ended_on: ended,
      certificate_no: null,
      certificate_token: status === 'released' ? randomBytes(16).toString('hex') : null,
      signer: status === 'released' ? `${kind === 'quarantine' ? 'Trưởng khu cách ly' : 'Giám đốc'}|Nguyễn Văn An` : null,
      released_by: status === 'released' ? actorId : null,
      created_at: at9(admitted),
    });
    h++;
  }
  // Stage 1: an even sample of every kind (every n-th open stay and every n-th of the history).
  const stage = new Uint8Array(rows.length);
  const firstOf = (from: number, to: number, share: number) => {
    for (let i = from; i < to; i++) stage[i] = Math.floor((i - from + 1) * share) > Math.floor((i - from) * share) ? 1 : 2;
  };
  const share = opts.first / opts.stays;
  firstOf(0, opts.open, share);
  firstOf(opts.open, rows.length, share);
  return { rows, stage, admissionPersons };
}

/**
 * COPYs the stays of one stage, numbers their certificates as release would (GCN-year-serial, continuing from those
 * of the year already stored), and writes what admission and the later writes leave with them: an admit event and
 * the ending event, and one task per test day (done, open or cancelled).
 */
export async function loadStays(db: Db, rows: StayRow[]): Promise<void> {
  const released = rows.filter((r) => r.status === 'released').sort((a, b) => (a.ended_on! < b.ended_on! ? -1 : a.ended_on! > b.ended_on! ? 1 : 0));
  const serial = new Map<string, number>();
  for (const r of released) {
    const year = r.ended_on!.slice(0, 4);
    if (!serial.has(year)) {
      const { n } = (await db.pool.query(`select count(*)::int as n from quarantine_stays where certificate_no like $1`, [`GCN-${year}-%`])).rows[0] as {
        n: number;
      };
      serial.set(year, n);
    }
    const next = serial.get(year)! + 1;
    serial.set(year, next);
    r.certificate_no = `GCN-${year}-${String(next).padStart(6, '0')}`;
  }
  const csvValue = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? csvField(`{${v.join(',')}}`) : csvField(v));
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    let csv = '';
    for (const row of rows.slice(i, i + CHUNK)) csv += STAY_COLUMNS.map((c) => csvValue(row[c])).join(',') + '\n';
    await db.copyCsv('quarantine_stays', STAY_COLUMNS, csv);
  }
  const ids = rows.map((r) => r.id);
  await db.pool.query(
    `insert into quarantine_events (id, stay_id, kind, day, detail, recorded_by, created_at)
     select gen_random_uuid(), s.id, 'admit', s.admitted_on, '{"bench":true}'::jsonb, s.created_by, s.created_at from quarantine_stays s where s.id = any($1::uuid[])
     union all
     select gen_random_uuid(), s.id, case s.status when 'released' then 'release' when 'transferred' then 'transfer' else 'absent' end, s.ended_on,
            case when s.certificate_no is null then '{}'::jsonb else jsonb_build_object('certificate', s.certificate_no) end, s.created_by,
            s.ended_on + time '11:00'
       from quarantine_stays s where s.id = any($1::uuid[]) and s.status <> 'open'`,
    [ids],
  );
  await db.pool.query(
    `insert into quarantine_tasks (id, stay_id, person_id, facility_id, province_code, district_code, commune_code, kind, due_on, status, created_at, done_at, done_by)
     select gen_random_uuid(), s.id, s.person_id, s.facility_id, s.province_code, s.district_code, s.commune_code, 'test', d,
            case when d = any(s.tests_done) then 'done' when s.status = 'open' then 'open' else 'cancelled' end, s.created_at,
            case when d = any(s.tests_done) then d + time '17:00' end, case when d = any(s.tests_done) then s.created_by end
       from quarantine_stays s cross join lateral unnest(s.test_days) d where s.id = any($1::uuid[])`,
    [ids],
  );
}

/**
 * The counters the board reads, from the stays, the way the writes keep them: a room holds its open stays, its cohort
 * is their class from the first entry for the window of the rule (none when empty); a facility's occupancy is its open
 * stays, 'full' when they fill its beds; per facility and day: arrivals (every stay placed there, by admission day),
 * releases (released stays, by release day) and releases due (open stays, by last day).
 */
export async function recomputeCounters(db: Db, windowDays: number): Promise<void> {
  await db.pool.query(
    `update quarantine_rooms r set occupied = coalesce(o.n, 0), cohort_class = o.cls, cohort_from = o.first,
            cohort_to = o.first + $1::int, exposed_on = null
       from quarantine_rooms r2
       left join (select room_id, count(*)::int as n, min(exposure_class) as cls, min(admitted_on) as first
                    from quarantine_stays where status = 'open' and room_id is not null group by room_id) o on o.room_id = r2.id
      where r.id = r2.id`,
    [windowDays],
  );
  await db.pool.query(
    `update quarantine_facilities f set occupied = coalesce(o.n, 0),
            status = case when f.status = 'closed' then 'closed' when coalesce(o.n, 0) >= f.beds then 'full' else 'open' end,
            icu_used = least(f.icu_beds, coalesce(o.n, 0) / 20), oxygen_used = least(f.oxygen_points, coalesce(o.n, 0) / 5)
       from quarantine_facilities f2
       left join (select facility_id, count(*)::int as n from quarantine_stays where status = 'open' and facility_id is not null group by facility_id) o
         on o.facility_id = f2.id
      where f.id = f2.id`,
  );
  await db.pool.query('delete from quarantine_day_counts');
  await db.pool.query(`insert into quarantine_day_counts (facility_id, day, arrivals, releases, releases_due) ${EXPECTED_DAY_COUNTS}`);
}

const EXPECTED_DAY_COUNTS = `select facility_id, day, sum(a)::int as a, sum(r)::int as r, sum(d)::int as d from (
    select facility_id, admitted_on as day, 1 as a, 0 as r, 0 as d from quarantine_stays where facility_id is not null
    union all select facility_id, ended_on, 0, 1, 0 from quarantine_stays where facility_id is not null and status = 'released'
    union all select facility_id, last_day, 0, 0, 1 from quarantine_stays where facility_id is not null and status = 'open') x
  group by facility_id, day`;

/** Counters that differ from a recount of the stays (0 everywhere: the writes and the recount agree). */
export async function counterMismatches(db: Db, windowDays: number): Promise<{ rooms: number; facilities: number; dayCounts: number; first: string | null }> {
  const q = async (text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows as Record<string, unknown>[];
  const rooms = await q(
    `select r.id, r.occupied, coalesce(o.n, 0) as expected, r.cohort_class, o.cls, r.cohort_from::text, o.first::text from quarantine_rooms r
       left join (select room_id, count(*)::int as n, min(exposure_class) as cls, min(admitted_on) as first
                    from quarantine_stays where status = 'open' and room_id is not null group by room_id) o on o.room_id = r.id
      where r.occupied <> coalesce(o.n, 0) or r.cohort_class is distinct from o.cls or r.cohort_from is distinct from o.first
         or r.cohort_to is distinct from o.first + $1::int`,
    [windowDays],
  );
  const facilities = await q(
    `select f.id, f.occupied, coalesce(o.n, 0) as expected, f.beds, b.beds as room_beds, f.status from quarantine_facilities f
       join (select facility_id, sum(beds)::int as beds from quarantine_rooms group by facility_id) b on b.facility_id = f.id
       left join (select facility_id, count(*)::int as n from quarantine_stays where status = 'open' and facility_id is not null group by facility_id) o
         on o.facility_id = f.id
      where f.occupied <> coalesce(o.n, 0) or f.beds <> b.beds
         or f.status <> case when f.status = 'closed' then 'closed' when coalesce(o.n, 0) >= f.beds then 'full' else 'open' end`,
  );
  const days = await q(
    `select coalesce(c.facility_id, e.facility_id) as facility_id, coalesce(c.day, e.day)::text as day, c.arrivals, e.a, c.releases, e.r, c.releases_due, e.d
       from quarantine_day_counts c
       full join (${EXPECTED_DAY_COUNTS}) e
         on e.facility_id = c.facility_id and e.day = c.day
      where coalesce(c.arrivals, 0) <> coalesce(e.a, 0) or coalesce(c.releases, 0) <> coalesce(e.r, 0) or coalesce(c.releases_due, 0) <> coalesce(e.d, 0)`,
  );
  const first = rooms[0] ?? facilities[0] ?? days[0];
  return { rooms: rooms.length, facilities: facilities.length, dayCounts: days.length, first: first ? JSON.stringify(first) : null };
}

/** What the board should show on `day`, counted from the stays (checked against its answer). */
export async function expectedBoard(db: Db, day: string): Promise<{ facilities: number; occupied: number; arrivals: number; releases: number; due7: number }> {
  const { rows } = await db.pool.query(
    `select (select count(*)::int from quarantine_facilities) as facilities,
            count(*) filter (where status = 'open')::int as occupied,
            count(*) filter (where admitted_on = $1)::int as arrivals,
            count(*) filter (where status = 'released' and ended_on = $1)::int as releases,
            count(*) filter (where status = 'open' and last_day > $1::date and last_day <= $1::date + 7)::int as due7
       from quarantine_stays where facility_id is not null`,
    [day],
  );
  return rows[0] as { facilities: number; occupied: number; arrivals: number; releases: number; due7: number };
}

/** A stage's stays in one line (progress on stderr). */
export function describeStays(rows: StayRow[]): string {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.status, (by.get(r.status) ?? 0) + 1);
  const days = rows.map((r) => r.admitted_on).sort();
  return `${rows.length.toLocaleString('en')} stays (${[...by].map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}), admitted ${days[0]} → ${days.at(-1)}`;
}
