import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../test/harness';
import { aPerson, AN_HOA, CAI_KHE } from '../test/builders';
import { aLab, aSession, aTeam, shipAndReceive } from '../test/testing-fixtures';
import { addDays, vnDay } from '@domain/dates';
import { can } from '@domain/access';
import { MODULES } from '../modules';
import { routeKey, type ScopeIds } from './module';

/**
 * Walks every registered route marked `personal` with a user whose scope is another commune and
 * proves it gets nothing: 404 (or an empty list) — never the record. New personal routes are covered
 * automatically, reached through the scope fixtures their module declares (ServerModule.scope); a personal
 * route with a path parameter and no fixture fails the test.
 */
let t: TestApp;
let inScope: Client;
let lab: Client;
let outsider: Client;
let ids = {} as ScopeIds;

beforeAll(async () => {
  t = await newTestApp();
  inScope = await t.as('commune_officer', [CAI_KHE]);
  // every people and testing permission (merge, lab results too), but scoped to another district
  outsider = await t.as('command_center', ['927']);
  const created = (
    await inScope.post('/api/households', {
      address: '5 Lý Tự Trọng',
      communeCode: CAI_KHE,
      members: [
        aPerson({ communeCode: CAI_KHE, fullName: 'Trương Văn Bí Mật', birthYear: 1961 }),
        aPerson({ communeCode: CAI_KHE, fullName: 'Lâm Thị Riêng Tư', birthYear: 1963, sex: 'female' }),
      ],
    })
  ).json().household;
  ids = { person: created.members[0].id, other: created.members[1].id, household: created.id, commune: CAI_KHE } as ScopeIds;
  const kase = (
    await inScope.post('/api/cases', {
      personId: ids.person,
      confirmedOn: '2021-09-07',
      confirmingTest: 'PCR-BI-MAT',
      detectedIn: 'community',
      sampledOn: '2021-09-07',
    })
  ).json().case;
  ids.case = kase.id;
  ids.cluster = (await inScope.post('/api/clusters', { indexCaseId: kase.id, name: 'Ổ dịch hẻm Bí Mật' })).json().id;
  await inScope.post('/api/exposures', {
    sourcePersonId: ids.person,
    exposedPersonId: ids.other,
    startAt: '2021-09-06T08:00:00+07:00',
    endAt: '2021-09-06T09:00:00+07:00',
    contactType: 'unmasked',
    setting: 'household',
  });
  // a contact who lives in the next ward: the Cái Khế officer records them, and from then on sees only their ward
  const neighbour = await inScope.post(`/api/cases/${kase.id}/contacts`, {
    rows: [
      {
        fullName: 'Phan Văn Xã Bên',
        phone: '0939 111 222',
        birthYear: 1980,
        sex: 'male',
        communeCode: AN_HOA,
        contactType: 'unmasked',
        setting: 'workplace',
        startAt: '2021-09-05T08:00:00+07:00',
        endAt: '2021-09-05T09:00:00+07:00',
      },
    ],
  });
  expect(neighbour.statusCode, neighbour.body).toBe(201);
  ids.neighbour = neighbour.json().contactIds[0];
  // a household pool of the two, received and resulted, with a conflicting second result held for review
  const city = await t.as('command_center', ['92']);
  lab = await t.as('lab_staff', ['92']);
  ids.lab = (await aLab(city)).id;
  const team = await aTeam(inScope, CAI_KHE);
  ids.team = team.id;
  ids.session = (await aSession(inScope, team.id, vnDay())).id;
  const pool = await inScope.post(`/api/testing/sessions/${ids.session}/samples`, {
    testType: 'rt_pcr_pooled',
    kind: 'household_pool',
    householdId: ids.household,
    members: [{ personId: ids.person }, { personId: ids.other }],
    barcodes: ['SC-0001'],
  });
  expect(pool.statusCode, pool.body).toBe(201);
  await shipAndReceive(inScope, lab, team.id, ids.lab, ['SC-0001']);
  await lab.post('/api/testing/samples/SC-0001/result', { result: 'negative' });
  await lab.post('/api/testing/samples/SC-0001/result', { result: 'positive', ctValue: 22 });
  ids.conflict = (await lab.get('/api/testing/conflicts')).json()[0].id;
  ids.observation = `${(await lab.get('/api/testing/samples/SC-0001')).json().id}-${ids.person.slice(-12)}`;
  expect((await city.get(`/api/fhir/Observation/${ids.observation}`)).statusCode).toBe(200);
  const zone = await city.post('/api/lockdown-zones', {
    communeCode: CAI_KHE,
    name: 'Hẻm Bí Mật',
    scopeKind: 'households',
    householdIds: [ids.household],
    reason: 'Ca bệnh trong hẻm',
    caseIds: [ids.case],
    startedOn: '2021-09-07',
  });
  expect(zone.statusCode, zone.body).toBe(201);
  ids.zone = zone.json().id;
  const facility = await city.post('/api/quarantine/facilities', {
    name: 'Khu cách ly Bí Mật',
    kind: 'quarantine',
    tier: 'quarantine_site',
    managingAgency: 'Bộ Chỉ huy Quân sự thành phố',
    communeCode: CAI_KHE,
    address: 'Hẻm Bí Mật',
    rooms: [{ area: 'A', code: 'A101', beds: 4 }],
  });
  expect(facility.statusCode, facility.body).toBe(201);
  ids.facility = facility.json().id;
  ids.room = (await city.get(`/api/quarantine/facilities/${ids.facility}`)).json().rooms[0].id;
  const admit = (body: object) => city.post('/api/quarantine/stays', { vaccination: 'none', ...body });
  const f1 = await admit({ personId: ids.other, reason: 'f1', setting: 'facility', roomId: ids.room, admittedOn: '2021-09-06' });
  expect(f1.statusCode, f1.body).toBe(201);
  ids.released = f1.json().id;
  await t.db.kysely.updateTable('quarantine_stays').set({ tests_done: f1.json().testDays }).where('id', '=', ids.released).execute();
  const release = await city.post(`/api/quarantine/stays/${ids.released}/release`, { day: '2021-09-20', signer: 'Nguyễn Văn Ký' });
  expect(release.statusCode, release.body).toBe(200);
  const home = await admit({ personId: ids.person, reason: 'f0_home', setting: 'home', admittedOn: '2021-09-07' });
  expect(home.statusCode, home.body).toBe(201);
  ids.stay = home.json().id;
  ids.task = (await city.get(`/api/quarantine/stays/${ids.stay}`)).json().tasks[0].id;
  // a campaign on the commune, with the team's capacity and a lab, and tomorrow's plan (its household: `household`)
  const today = vnDay();
  const campaign = await city.post('/api/campaigns', {
    name: 'Chiến dịch Bí Mật',
    legalBasis: 'TB 03-TB/BCĐ',
    startsOn: today,
    endsOn: addDays(today, 13),
    communes: [{ code: CAI_KHE }],
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  expect((await city.post(`/api/campaigns/${campaign.json().id}/teams`, { teamId: ids.team, pooledPerDay: 50, antigenPerDay: 50 })).statusCode).toBe(200);
  expect((await city.post(`/api/campaigns/${campaign.json().id}/labs`, { labId: ids.lab, pooledPerDay: 500, singlePerDay: 500 })).statusCode).toBe(200);
  const plan = await city.post(`/api/campaigns/${campaign.json().id}/plans`, {});
  expect(plan.statusCode, plan.body).toBe(201);
  expect(plan.json().covered).toBeGreaterThan(0);
  ids.plan = plan.json().id;
});
afterAll(() => t.close());

/** How each personal route is reached: the scope fixtures its module declares in its manifest (index.ts). */
const fixtures = new Map(MODULES.flatMap((m) => Object.entries(m.scope ?? {})));

/** The route's URL with the in-scope records; a personal route with a path parameter and no fixture fails the test. */
function urlFor(spec: { method: string; url: string }): string {
  const fixture = fixtures.get(routeKey(spec));
  if (fixture?.url) return fixture.url(ids);
  if (/:\w+/.test(spec.url)) throw new Error(`scope test: ${routeKey(spec)} has a path parameter; declare its scope fixture in its module's index.ts`);
  return spec.url;
}

/** A body that would succeed for an in-scope user (its module's fixture), else an empty object. */
function bodyFor(spec: { method: string; url: string }): unknown {
  return fixtures.get(routeKey(spec))?.body?.(ids) ?? {};
}

describe('scope: a user from another commune reads and writes nothing', () => {
  it('covers every personal-data route', () => {
    const personal = t.app.routeSpecs.filter((r) => r.personal);
    expect(personal.length).toBeGreaterThanOrEqual(10);
  });

  it('the in-scope user sees the records (the test data is reachable)', async () => {
    expect((await inScope.get(`/api/persons/${ids.person}`)).statusCode).toBe(200);
    expect((await inScope.get('/api/persons?q=truong van bi mat')).json().total).toBe(1);
  });

  it('every personal route answers the outsider with 404, 400 or nothing', async () => {
    const leaks: string[] = [];
    for (const spec of t.app.routeSpecs.filter((r) => r.personal)) {
      const url = urlFor(spec);
      const res = await outsider.request(spec.method, url, spec.method === 'GET' ? undefined : bodyFor(spec));
      const text = res.body;
      if (text.includes('Bí Mật') || text.includes('PCR-BI-MAT') || text.includes('Riêng Tư') || text.includes(ids.person))
        leaks.push(`${spec.method} ${spec.url} → ${res.statusCode} ${text.slice(0, 200)}`);
      if (res.statusCode >= 200 && res.statusCode < 300 && String(res.headers['content-type']).includes('spreadsheetml')) {
        const ExcelJS = (await import('exceljs')).default;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        if (wb.worksheets.some((ws) => ws.rowCount > 1)) leaks.push(`${spec.method} ${spec.url} → a workbook with rows`);
      } else if (res.statusCode >= 200 && res.statusCode < 300) {
        const json = res.json();
        const lists = Object.values(json).filter(Array.isArray);
        const empty = Array.isArray(json)
          ? json.length === 0
          : json.resourceType === 'Bundle'
            ? json.total === 0 && json.entry.length === 0
            : lists.length > 0 && lists.every((l) => l.length === 0);
        if (!empty) leaks.push(`${spec.method} ${spec.url} → ${res.statusCode} ${text.slice(0, 200)}`);
      } else if (![400, 404, 422].includes(res.statusCode)) {
        leaks.push(`${spec.method} ${spec.url} → unexpected ${res.statusCode} ${text.slice(0, 200)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers "not found" in Vietnamese, the same as for an id that does not exist', async () => {
    const res = await outsider.get(`/api/persons/${ids.person}`);
    const missing = await outsider.get('/api/persons/01900000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'people.person_not_found', detail: 'Không tìm thấy người này' });
    expect(missing.json()).toEqual(res.json());
  });

  it('nothing the outsider tried changed the records', async () => {
    const p = (await inScope.get(`/api/persons/${ids.person}`)).json();
    expect(p).toMatchObject({ fullName: 'Trương Văn Bí Mật', phone: null, mergedInto: null, version: 1 });
    expect((await inScope.get(`/api/cases/${ids.case}`)).json()).toMatchObject({ status: 'active', version: 1 });
    expect((await inScope.get(`/api/persons/${ids.other}/classification`)).json().class).toBe('F1');
    expect((await inScope.get('/api/persons?q=nguoi ngoai pham vi')).json().total).toBe(0);
    const tube = (await inScope.get('/api/testing/samples/SC-0001')).json();
    expect(tube).toMatchObject({ result: 'negative', pooledInto: null, version: 2 });
    expect((await inScope.get(`/api/testing/sessions/${ids.session}`)).json().tubes).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('result_conflicts').select('status').where('id', '=', ids.conflict).executeTakeFirst()).toEqual({ status: 'open' });
  });

  it('a district officer sees the communes of the district, not others', async () => {
    const ninhKieu = await t.as('district_officer', ['916']);
    const thoiLai = await t.as('district_officer', ['927']);
    expect((await ninhKieu.get(`/api/persons/${ids.person}`)).statusCode).toBe(200);
    expect((await thoiLai.get(`/api/persons/${ids.person}`)).statusCode).toBe(404);
  });

  it('personal routes need a session', async () => {
    for (const spec of t.app.routeSpecs.filter((r) => r.personal)) {
      const res = await t.anonymous().request(spec.method, urlFor(spec), spec.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${spec.method} ${spec.url}`).toBe(401);
    }
  });
});

describe('personal routes for the user in scope', () => {
  /** GETs first, then the writes (merge last: it retires a person the others use). */
  const ordered = () =>
    t.app.routeSpecs
      .filter((r) => r.personal)
      .sort(
        (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || Number(a.url === '/api/persons/merge') - Number(b.url === '/api/persons/merge'),
      );

  it('every one writes an audit row naming the caller, and a person of another ward shows only the ward, on every route', async () => {
    const officerId = (await inScope.get('/api/auth/me')).json().id;
    const labId = (await lab.get('/api/auth/me')).json().id;
    const unaudited: string[] = [];
    const shown: string[] = [];
    const notServed: string[] = [];
    for (const spec of ordered()) {
      await t.services.audit.flush();
      const before =
        (
          await t.db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .executeTakeFirstOrThrow()
        ).seq ?? 0;
      // the ward officer where the role allows, else the city lab (lab-only routes; the whole city is its scope)
      const ward = spec.access !== 'session' && spec.access !== 'public' && can('commune_officer', spec.access);
      const res = await (ward ? inScope : lab).request(spec.method, urlFor(spec), spec.method === 'GET' ? undefined : bodyFor(spec));
      if (ward && (res.body.includes('Xã Bên') || res.body.includes('0939111222'))) shown.push(`${spec.method} ${spec.url}`);
      if (res.statusCode >= 300) {
        if (spec.method === 'GET') notServed.push(`${spec.method} ${spec.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        continue;
      }
      await t.services.audit.flush();
      const rows = await t.db.kysely
        .selectFrom('audit_log')
        .select('seq')
        .where('seq', '>', before)
        .where('actor_id', '=', ward ? officerId : labId)
        .execute();
      if (rows.length === 0) unaudited.push(`${spec.method} ${spec.url}`);
    }
    expect(notServed).toEqual([]);
    expect(unaudited).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('the contact of another ward is listed by ward with the team there to hand over to', async () => {
    const anHoa = await t.as('health_staff', [AN_HOA]);
    const contacts = (await inScope.get(`/api/cases/${ids.case}/contacts`)).json();
    const row = contacts.find((c: { personId: string }) => c.personId === ids.neighbour);
    expect(row).toMatchObject({ inScope: false, fullName: null, phone: null, birthYear: null, communeCode: AN_HOA });
    expect(row.handOffTo.map((p: { unitCode: string }) => p.unitCode)).toContain(AN_HOA);
    expect((await anHoa.get(`/api/persons/${ids.neighbour}`)).json()).toMatchObject({ fullName: 'Phan Văn Xã Bên', phone: '0939111222' });
  });
});
