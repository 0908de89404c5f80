import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '@domain/access';
import { newTestApp, type Client, type TestApp } from '../test/harness';
import { compareAccess, parseRouteTable, renderAccessDoc, routeKey, type RouteMatrix } from './access-doc';
import type { RouteSpec } from './http';

/**
 * Every route × every role, over HTTP: is the answer 403 auth.forbidden or not? The answers must be what
 * docs/ACCESS.md says (UPDATE_ACCESS_DOC=1 — `npm run access:doc` — rewrites the file for review instead).
 * Requests carry a body no route accepts and ids that do not exist, so an allowed call changes nothing.
 */
const DOC = fileURLToPath(new URL('../../../docs/ACCESS.md', import.meta.url));
const NOWHERE = '01900000-0000-7000-8000-00000000abcd';

let t: TestApp;
const clients = new Map<Role, Client>();
let actual: RouteMatrix;

function probeUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) =>
    name === 'id' ? NOWHERE : name === 'code' ? '31117' : name === 'barcode' ? 'MATRIX-0' : name === 'kind' ? 'testing' : 'x',
  );
}

async function answers(specs: RouteSpec[]): Promise<RouteMatrix> {
  const matrix: RouteMatrix = new Map();
  // signing out ends the session the other probes use: last
  const ordered = [...specs].sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
  for (const spec of ordered) {
    const row = {} as Record<Role, boolean>;
    for (const role of ROLES) {
      const res = await clients.get(role)!.request(spec.method, probeUrl(spec.url), spec.method === 'GET' ? undefined : ['matrix-probe']);
      // problem+json carries the code; a FHIR route's OperationOutcome carries it in the issue's details
      const body = res.statusCode === 403 ? res.json() : {};
      const forbidden = res.statusCode === 403 && (body.code ?? body.issue?.[0]?.details?.coding?.[0]?.code) === 'auth.forbidden';
      if (res.statusCode === 401 || res.statusCode >= 500) throw new Error(`${routeKey(spec)} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      row[role] = !forbidden;
    }
    matrix.set(routeKey(spec), row);
  }
  return matrix;
}

beforeAll(async () => {
  t = await newTestApp();
  for (const role of ROLES) clients.set(role, await t.as(role, ['92']));
  actual = await answers(t.app.routeSpecs);
  if (process.env.UPDATE_ACCESS_DOC === '1') writeFileSync(DOC, renderAccessDoc(t.app.routeSpecs, actual));
}, 300_000);
afterAll(() => t.close());

describe('role × route matrix', () => {
  it('every route answers every role as docs/ACCESS.md says', () => {
    expect(compareAccess(actual, parseRouteTable(readFileSync(DOC, 'utf8')))).toEqual([]);
  });

  it('docs/ACCESS.md is the rendering of the roles and the routes (no hand edits that the server does not do)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(renderAccessDoc(t.app.routeSpecs, actual));
  });

  it('each route is guarded by its own permission and nothing else', () => {
    const wrong = t.app.routeSpecs.flatMap((s) =>
      ROLES.filter((r) => actual.get(routeKey(s))![r] !== (s.access === 'public' || s.access === 'session' || can(r, s.access))).map(
        (r) => `${routeKey(s)} ${r}`,
      ),
    );
    expect(wrong).toEqual([]);
    // a module's permissions are named for it (rule-sets: rules.*)
    const namespace = (tag: string) => (tag === 'rule-sets' ? 'rules' : tag);
    const foreign = t.app.routeSpecs.filter((s) => s.access !== 'public' && s.access !== 'session' && !s.access.startsWith(`${namespace(s.tag)}.`));
    expect(foreign.map((s) => `${routeKey(s)} tag ${s.tag}, guarded by ${s.access}`)).toEqual([]);
  });

  it('fails for a route added without a decision, for a route that is gone, and for a changed cell (fixture)', () => {
    const documented = parseRouteTable(readFileSync(DOC, 'utf8'));
    const open = Object.fromEntries(ROLES.map((r) => [r, true])) as Record<Role, boolean>;
    const withNew = new Map(actual).set('GET /api/fixture/undecided', open);
    expect(compareAccess(withNew, documented)).toEqual([
      'GET /api/fixture/undecided: không có trong docs/ACCESS.md — quyết định vai trò nào được gọi, rồi chạy npm run access:doc',
    ]);
    const without = new Map(actual);
    without.delete('GET /api/cases');
    expect(compareAccess(without, documented)).toEqual(['GET /api/cases: có trong docs/ACCESS.md nhưng không còn route này']);
    const widened = new Map(actual).set('GET /api/cases', { ...actual.get('GET /api/cases')!, police: true });
    expect(compareAccess(widened, documented)).toEqual(['GET /api/cases: police được gọi, bảng ghi bị từ chối']);
  });

  it('police get 403 on every case and tracing route, lab staff on every case file and contact, viewers on every individual result', () => {
    const denied = (role: Role, match: (s: RouteSpec) => boolean) =>
      t.app.routeSpecs
        .filter(match)
        .filter((s) => actual.get(routeKey(s))![role])
        .map(routeKey);
    const caseOrTracing = (s: RouteSpec) => s.tag === 'cases' || s.tag === 'tracing';
    expect(t.app.routeSpecs.filter(caseOrTracing).length).toBeGreaterThan(15);
    expect(denied('police', caseOrTracing)).toEqual([]);
    expect(denied('police', (s) => s.personal === true)).toEqual([]);
    expect(denied('lab_staff', caseOrTracing)).toEqual([]);
    expect(denied('lab_staff', (s) => s.tag === 'people')).toEqual([]);
    expect(denied('social_affairs', caseOrTracing)).toEqual([]);
    expect(denied('viewer', (s) => s.personal === true)).toEqual([]);
    expect(
      denied(
        'viewer',
        (s) => s.url.startsWith('/api/fhir/Observation') || s.url.startsWith('/api/testing/samples') || s.url.startsWith('/api/testing/sessions'),
      ),
    ).toEqual([]);
  });
});
