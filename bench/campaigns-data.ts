// The campaigns bench's city and campaign, seeded in SQL (generate_series, md5-derived ids: the same data on both
// engines): households and persons of Cần Thơ's 83 communes, sampling teams and labs, pooled results of the week
// before the plan day (each commune's pool size), a campaign of mixed levels and intervals with its communes and
// rounds, team and lab capacity, the coverage of every round that ended before the plan day, and lockdown zones.
import { createHash } from 'node:crypto';
import { addDays } from '@domain/dates';
import { householdLoad, type Method } from '@domain/campaign-load';
import { roundsOf } from '@domain/campaign-rounds';
import { optimalPoolSize, prevalenceFromPools, type PoolAccuracy } from '@domain/pooling';
import { foldVietnamese } from '@domain/vn-text';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Services } from '../src/server/services';
import { Rng } from '../src/server/seed/rng';

export interface CityOpts {
  households: number;
  teams: number;
  labs: number;
  zones: number;
  zoneHouseholds: number;
  startsOn: string;
  endsOn: string;
  planDay: string;
  seed: number;
}

/** A deterministic UUID from a label (md5, shaped as a version-4 UUID). */
export function detUuid(label: string): string {
  const h = createHash('md5').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Persons by district (domain-vn.md §9, as src/server/seed/synthetic-city.ts weighs them), split evenly over communes. */
const DISTRICT_WEIGHTS: Record<string, number> = {
  '916': 280_000,
  '923': 160_000,
  '918': 135_000,
  '917': 130_000,
  '924': 110_000,
  '927': 110_000,
  '925': 110_000,
  '926': 100_000,
  '919': 100_000,
};

/** Household sizes 1–7 in percent (mean 3.43: Cần Thơ 2019, 1,235,171 persons in 359,375 households). */
const SIZE_PERCENT = [10, 18, 26, 25, 11, 6, 4];
/** SQL: a household's size from its id (deterministic). */
const sizeOf = (idSql: string) => {
  let acc = 0;
  const whens = SIZE_PERCENT.slice(0, -1).map((p, i) => `when r < ${(acc += p)} then ${i + 1}`);
  return `(select case ${whens.join(' ')} else ${SIZE_PERCENT.length} end from (select ('x' || substr(md5(${idSql}::text), 1, 7))::bit(28)::int % 100 as r) s)`;
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hoàng', 'Quốc', 'Kim'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Khang', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vy'];

export interface Commune {
  code: string;
  district: string;
  name: string;
  households: number;
}

export interface City {
  communes: Commune[];
  households: number;
  persons: number;
  teams: { id: string; commune: string; district: string }[];
  labs: string[];
  seconds: { households: number; persons: number; rest: number };
}

/** The city: households over the communes (district weight × a log-normal factor), persons by household size. */
export async function seedCity(db: Db, opts: CityOpts): Promise<City> {
  const q = (text: string, params: unknown[] = []) => db.pool.query(text, params);
  const units = (
    await q(
      `select code, parent_code as district, name from admin_units
        where level = 'commune' and province_code = $1 and valid_to is null order by code`,
      [DEMO_PROVINCE],
    )
  ).rows as { code: string; district: string; name: string }[];
  if (!units.length) throw new Error(`no commune of ${DEMO_PROVINCE} in admin_units`);
  const rng = new Rng(opts.seed * 101);
  const perDistrict = new Map<string, number>();
  for (const u of units) perDistrict.set(u.district, (perDistrict.get(u.district) ?? 0) + 1);
  const weights = units.map((u) => ((DISTRICT_WEIGHTS[u.district] ?? 100_000) / perDistrict.get(u.district)!) * Math.exp(0.35 * (rng.next() * 2 - 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / total) * opts.households));
  for (let left = opts.households - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) counts[i % counts.length]++;
  const communes = units.map((u, i) => ({ ...u, households: counts[i] }));

  let t = performance.now();
  await q(
    `insert into households (id, province_code, district_code, commune_code, hamlet_code, address, synthetic)
     select md5($1 || '|h|' || c.code || '|' || g)::uuid, $2, c.district, c.code, null,
            'Số ' || (1 + g % 350) || ', tổ ' || (1 + g % 40) || ', ' || c.name, true
       from unnest($3::text[], $4::text[], $5::text[], $6::int[]) as c (code, district, name, n)
       cross join lateral generate_series(1, c.n) g`,
    [String(opts.seed), DEMO_PROVINCE, communes.map((c) => c.code), communes.map((c) => c.district), communes.map((c) => c.name), counts],
  );
  const hhS = (performance.now() - t) / 1000;

  t = performance.now();
  const names: { full: string; folded: string }[] = [];
  for (const s of SURNAMES) for (const m of MIDDLE) for (const g of GIVEN) names.push({ full: `${s} ${m} ${g}`, folded: foldVietnamese(`${s} ${m} ${g}`) });
  // one statement per district (a bounded transaction each)
  for (const d of [...perDistrict.keys()].sort()) {
    await q(
      `insert into persons (id, province_code, district_code, commune_code, hamlet_code, household_id, full_name, name_folded, birth_year, sex, synthetic)
       select md5(h.id::text || '|' || i)::uuid, h.province_code, h.district_code, h.commune_code, h.hamlet_code, h.id,
              n.full_name, n.name_folded, 1925 + (abs(hashtext(h.id::text || i)) % 97), case when (abs(hashtext(h.id::text || i)) / 97) % 2 = 0 then 'male' else 'female' end, true
         from households h
         cross join lateral generate_series(1, ${sizeOf('h.id')}) i
         join (select * from unnest($1::text[], $2::text[]) with ordinality as x (full_name, name_folded, k)) n
           on n.k = 1 + (abs(hashtext(i || '|' || h.id::text)) % $3)
        where h.district_code = $4 and h.synthetic`,
      [names.map((n) => n.full), names.map((n) => n.folded), names.length, d],
    );
  }
  const personsS = (performance.now() - t) / 1000;

  t = performance.now();
  // teams: 300 over the communes by households (largest remainder, at least one each)
  const teamCounts = communes.map((c) => Math.max(1, Math.floor((c.households / opts.households) * opts.teams)));
  const byRemainder = communes.map((c, i) => ({ i, r: (c.households / opts.households) * opts.teams - teamCounts[i] })).sort((a, b) => b.r - a.r);
  for (let left = opts.teams - teamCounts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) teamCounts[byRemainder[k % byRemainder.length].i]++;
  const teams = communes.flatMap((c, i) =>
    Array.from({ length: teamCounts[i] }, (_, n) => ({
      id: detUuid(`team|${c.code}|${n}`),
      commune: c.code,
      district: c.district,
      name: `Tổ lấy mẫu ${n + 1} ${c.name}`,
    })),
  );
  await q(
    `insert into sampling_teams (id, province_code, district_code, commune_code, name)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [teams.map((x) => x.id), teams.map(() => DEMO_PROVINCE), teams.map((x) => x.district), teams.map((x) => x.commune), teams.map((x) => x.name)],
  );
  const labs = Array.from({ length: opts.labs }, (_, i) => detUuid(`lab|${i}`));
  await q(
    `insert into labs (id, province_code, name, address, daily_capacity)
     select id, $2, 'Phòng xét nghiệm ' || k, 'Cần Thơ', '{"rt_pcr_pooled": 4000, "rt_pcr_single": 300}'::jsonb
       from unnest($1::uuid[]) with ordinality as x (id, k)`,
    [labs, DEMO_PROVINCE],
  );
  const { n: persons } = (await q('select count(*)::int as n from persons where synthetic')).rows[0] as { n: number };
  await q('analyze');
  return {
    communes,
    households: opts.households,
    persons,
    teams,
    labs,
    seconds: { households: hhS, persons: personsS, rest: (performance.now() - t) / 1000 },
  };
}

export interface CampaignSeed {
  id: string;
  communes: { code: string; level: string | null; everyDays: number; method: string }[];
  coverage: number;
  zones: number;
  lockedHouseholds: number;
  teamCapacity: number;
  labPooled: number;
  labSingle: number;
  /** district → its team capacity and the pooled lab capacity serving it (shared labs counted by share) */
  districts: Record<string, { teams: number; pooled: number; labs: number }>;
}

/**
 * The campaign (as CampaignsService.create would store it, levels given rather than decided): 15 % of the communes at
 * VERY_HIGH / HIGH (CV 2686) every 3 days (two by rapid antigen), the others RISK / NEW_NORMAL / no level every 7
 * days (a few every 5 or 6); team and lab capacity; the pooled results of the week before the plan day (pool sizes
 * 10 → 5); the coverage of every round due before the plan day (58–72 % of each commune's households, sampled on the
 * round's days); lockdown zones.
 */
export async function seedCampaign(services: Services, city: City, opts: CityOpts, actorId: string): Promise<CampaignSeed> {
  const db = services.db;
  const q = (text: string, params: unknown[] = []) => db.pool.query(text, params);
  const rng = new Rng(opts.seed * 977);
  const rules = await services.ruleSets.inForce('testing', opts.startsOn);
  const id = detUuid(`campaign|${opts.seed}`);
  await q(
    `insert into campaigns (id, province_code, name, legal_basis, starts_on, ends_on, rule_set_id, rule_version, created_by)
     values ($1, $2, 'Xét nghiệm diện rộng toàn thành phố (đo hiệu năng)', 'TB 03-TB/BCĐ ngày 07/9/2021', $3, $4, $5, $6, $7)`,
    [id, DEMO_PROVINCE, opts.startsOn, opts.endsOn, rules.id, rules.version, actorId],
  );
  const communes = city.communes.map((c, i) => {
    const r = rng.next();
    const high = r < 0.15;
    const level = high ? (r < 0.06 ? 'VERY_HIGH' : 'HIGH') : r < 0.55 ? 'RISK' : r < 0.9 ? 'NEW_NORMAL' : null;
    const everyDays = high ? 3 : r > 0.97 ? 5 : r > 0.93 ? 6 : 7;
    const method = high && i % 7 === 0 ? 'rapid_antigen' : 'rt_pcr_pooled';
    return { ...c, level, everyDays, method, population: high ? 'very_high_high_risk_area' : 'other_area' };
  });
  await q(
    `insert into campaign_communes (campaign_id, commune_code, province_code, district_code, regime_kind, level, population, every_days, method,
                                    households_target, persons_target)
     select $1, c.code, $2, c.district, case when c.level is null then null else 'risk_level_2686' end, c.level, c.population, c.every_days, c.method,
            (select count(*) from households h where h.commune_code = c.code),
            (select count(*) from persons p where p.commune_code = c.code and p.household_id is not null and p.merged_into is null)
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[]) as c (code, district, level, population, every_days, method)`,
    [
      id,
      DEMO_PROVINCE,
      communes.map((c) => c.code),
      communes.map((c) => c.district),
      communes.map((c) => c.level),
      communes.map((c) => c.population),
      communes.map((c) => c.everyDays),
      communes.map((c) => c.method),
    ],
  );
  const rounds = communes.flatMap((c) => roundsOf(opts.startsOn, opts.endsOn, c.everyDays).map((r) => ({ c, r })));
  await q(
    `insert into campaign_rounds (campaign_id, commune_code, round_no, province_code, district_code, starts_on, due_on)
     select $1, x.code, x.no, $2, x.district, x.starts_on, x.due_on from unnest($3::text[], $4::int[], $5::text[], $6::date[], $7::date[])
       as x (code, no, district, starts_on, due_on)`,
    [
      id,
      DEMO_PROVINCE,
      rounds.map((x) => x.c.code),
      rounds.map((x) => x.r.no),
      rounds.map((x) => x.c.district),
      rounds.map((x) => x.r.startsOn),
      rounds.map((x) => x.r.dueOn),
    ],
  );

  // team capacity: 100–140 pooled households a day (150–200 by rapid antigen)
  const capOf = city.teams.map(() => ({ pooled: rng.int(100, 140), antigen: rng.int(150, 200) }));
  await q(
    `insert into campaign_teams (campaign_id, team_id, province_code, district_code, commune_code, pooled_per_day, antigen_per_day)
     select $1, x.team, $2, x.district, x.commune, x.pooled, x.antigen from unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[])
       as x (team, district, commune, pooled, antigen)`,
    [
      id,
      DEMO_PROVINCE,
      city.teams.map((t) => t.id),
      city.teams.map((t) => t.district),
      city.teams.map((t) => t.commune),
      capOf.map((c) => c.pooled),
      capOf.map((c) => c.antigen),
    ],
  );
  // the week's pooled results before the plan day (testing_daily): most communes at the floor, some at 1–6 %
  const prevalence = new Map(
    communes.map((c) => {
      const r = rng.next();
      return [c.code, r < 0.7 ? 0 : r < 0.85 ? 0.01 : r < 0.95 ? 0.03 : 0.06];
    }),
  );
  // each commune's expected lab load per household, as the planner will weigh it (pool size from that prevalence)
  const acc = (rules.payload as { pooling: PoolAccuracy & { prevalenceFloor: number } }).pooling;
  const maxK = (rules.payload as { maxPoolSize: number }).maxPoolSize;
  const perHousehold = new Map(
    communes.map((c) => {
      const pEst = prevalenceFromPools(
        {
          positive: 0.95 * (1 - (1 - prevalence.get(c.code)!) ** 3.43) * 1000,
          negative: 1000 * (1 - 0.95 * (1 - (1 - prevalence.get(c.code)!) ** 3.43)),
          persons: 3430,
          samples: 1000,
        },
        acc.prevalenceFloor,
      );
      const k = optimalPoolSize(pEst, acc, maxK).k;
      let pooled = 0;
      let single = 0;
      SIZE_PERCENT.forEach((pct, i) => {
        const l = householdLoad(i + 1, c.method as Method, k, pEst, acc);
        pooled += (l.pooled * pct) / 100;
        single += (l.single * pct) / 100;
      });
      return [c.code, { pooled, single }];
    }),
  );
  const method = new Map(communes.map((c) => [c.code, c.method]));
  const demand = new Map<string, { households: number; pooled: number; single: number }>();
  city.teams.forEach((t, i) => {
    const cap = method.get(t.commune) === 'rapid_antigen' ? capOf[i].antigen : capOf[i].pooled;
    const l = perHousehold.get(t.commune)!;
    const d = demand.get(t.district) ?? { households: 0, pooled: 0, single: 0 };
    demand.set(t.district, { households: d.households + cap, pooled: d.pooled + cap * l.pooled, single: d.single + cap * l.single });
  });
  // labs: one per district (the districts by team capacity, largest first), then the rest shared by two districts;
  // runs ≈ the load of the district's team capacity × 0.8–1.15 pooled (some districts short), × 1.1–1.4 single
  const districts = [...demand.keys()].sort((a, b) => demand.get(b)!.households - demand.get(a)!.households || a.localeCompare(b));
  const fit = new Map(districts.map((d) => [d, { pooled: 0.8 + 0.35 * rng.next(), single: 1.1 + 0.3 * rng.next() }]));
  const labRows: { lab: string; pooled: number; single: number; districts: string[] }[] = [];
  const shared = city.labs.length - districts.length;
  const served = new Map<string, { teams: number; pooled: number; labs: number }>(
    districts.map((d) => [d, { teams: demand.get(d)!.households, pooled: Math.round(demand.get(d)!.pooled), labs: 0 }]),
  );
  for (let i = 0; i < city.labs.length; i++) {
    const ds = i < districts.length ? [districts[i]] : [districts[2 * (i - districts.length)], districts[2 * (i - districts.length) + 1]].filter(Boolean);
    const share = (d: string) => (i < districts.length ? (districts.indexOf(d) < 2 * shared ? 0.65 : 1) : 0.35);
    const pooled = Math.round(ds.reduce((n, d) => n + demand.get(d)!.pooled * fit.get(d)!.pooled * share(d), 0));
    const single = Math.round(ds.reduce((n, d) => n + demand.get(d)!.single * fit.get(d)!.single * share(d), 0));
    for (const d of ds) served.get(d)!.labs += demand.get(d)!.pooled * fit.get(d)!.pooled * share(d);
    labRows.push({ lab: city.labs[i], pooled: Math.max(1, pooled), single: Math.max(1, single), districts: ds });
  }
  const teamCap = new Map([...demand].map(([d, v]) => [d, v.households]));
  await q(
    `insert into campaign_labs (campaign_id, lab_id, province_code, pooled_per_day, single_per_day, district_codes)
     select $1, x.lab, $2, x.pooled, x.single, string_to_array(x.districts, ',') from unnest($3::uuid[], $4::int[], $5::int[], $6::text[])
       as x (lab, pooled, single, districts)`,
    [id, DEMO_PROVINCE, labRows.map((l) => l.lab), labRows.map((l) => l.pooled), labRows.map((l) => l.single), labRows.map((l) => l.districts.join(','))],
  );

  const window = Array.from({ length: 6 }, (_, i) => addDays(opts.planDay, -6 + i));
  const teamOf = new Map(city.teams.map((t) => [t.commune, t.id]));
  const daily = communes.flatMap((c) => {
    const p = prevalence.get(c.code)!;
    return window.map((day) => {
      const samples = 1500 + rng.int(0, 1000);
      const positive = Math.round(samples * 0.95 * (1 - (1 - p) ** 3.43));
      return { c, day, samples, persons: Math.round(samples * 3.43), positive };
    });
  });
  await q(
    `insert into testing_daily (day, province_code, district_code, commune_code, team_id, lab_id, test_type, samples, persons, pools, received, resulted, positive, negative)
     select x.day, $1, x.district, x.commune, x.team, $2, 'rt_pcr_pooled', x.samples, x.persons, x.samples, x.samples, x.samples, x.positive, x.samples - x.positive
       from unnest($3::date[], $4::text[], $5::text[], $6::uuid[], $7::int[], $8::int[], $9::int[]) as x (day, district, commune, team, samples, persons, positive)`,
    [
      DEMO_PROVINCE,
      city.labs[0],
      daily.map((x) => x.day),
      daily.map((x) => x.c.district),
      daily.map((x) => x.c.code),
      daily.map((x) => teamOf.get(x.c.code)!),
      daily.map((x) => x.samples),
      daily.map((x) => x.persons),
      daily.map((x) => x.positive),
    ],
  );

  // coverage of every round due before the plan day: 58–72 % of the commune's households, on the round's days
  const rate = communes.map(() => rng.int(58, 72));
  await q(
    `insert into campaign_coverage (campaign_id, household_id, round_no, commune_code, persons, sampled_on)
     select $1, h.id, r.round_no, h.commune_code, coalesce(m.n, 0),
            r.starts_on + abs(hashtext(h.id::text || ':s' || r.round_no)) % (r.due_on - r.starts_on + 1)
       from campaign_rounds r
       join unnest($3::text[], $4::int[]) as x (code, rate) on x.code = r.commune_code
       join households h on h.commune_code = r.commune_code
       left join (select household_id, count(*)::int as n from persons where household_id is not null and merged_into is null group by 1) m
         on m.household_id = h.id
      where r.campaign_id = $1 and r.due_on < $2 and abs(hashtext(h.id::text || ':r' || r.round_no)) % 100 < x.rate`,
    [id, opts.planDay, communes.map((c) => c.code), rate],
  );
  await q(
    `update campaign_rounds r set households_covered = x.h, persons_covered = x.p
       from (select commune_code, round_no, count(*)::int as h, sum(persons)::int as p from campaign_coverage where campaign_id = $1 group by 1, 2) x
      where r.campaign_id = $1 and r.commune_code = x.commune_code and r.round_no = x.round_no`,
    [id],
  );

  // lockdown zones: the first households (by id) of communes at VERY_HIGH / HIGH, started 3–6 days before the plan day
  const zoneCommunes = communes.filter((c) => c.population === 'very_high_high_risk_area').slice(0, opts.zones);
  for (const [k, c] of zoneCommunes.entries()) {
    const zone = detUuid(`zone|${opts.seed}|${k}`);
    await q(
      `insert into lockdown_zones (id, province_code, district_code, commune_code, name, scope_kind, reason, started_on, created_by)
       values ($1, $2, $3, $4, $5, 'households', 'Ca bệnh trong cộng đồng (đo hiệu năng)', $6, $7)`,
      [zone, DEMO_PROVINCE, c.district, c.code, `Vùng phong tỏa ${k + 1} — ${c.name}`, addDays(opts.planDay, -rng.int(3, 6)), actorId],
    );
    await q(`insert into lockdown_zone_households (zone_id, household_id) select $1, id from households where commune_code = $2 order by id limit $3`, [
      zone,
      c.code,
      opts.zoneHouseholds,
    ]);
  }
  const one = async (text: string, params: unknown[]) => ((await q(text, params)).rows[0] as { n: number }).n;
  await q('analyze');
  return {
    id,
    communes: communes.map((c) => ({ code: c.code, level: c.level, everyDays: c.everyDays, method: c.method })),
    coverage: await one('select count(*)::int as n from campaign_coverage where campaign_id = $1', [id]),
    zones: zoneCommunes.length,
    lockedHouseholds: await one('select count(*)::int as n from lockdown_zone_households where active', []),
    teamCapacity: [...teamCap.values()].reduce((a, b) => a + b, 0),
    labPooled: labRows.reduce((n, l) => n + l.pooled, 0),
    labSingle: labRows.reduce((n, l) => n + l.single, 0),
    districts: Object.fromEntries([...served].map(([d, v]) => [d, { teams: v.teams, pooled: v.pooled, labs: Math.round(v.labs) }])),
  };
}
