import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import { newTestApp, type Client, type TestApp } from '../test/harness';
import { verifyAuditChain } from './audit';
import type { RouteSpec } from './http';

/**
 * The boundary: every route with a text field (path, query or JSON body, read from the route specs)
 * gets NUL bytes, unpaired surrogates, 1 MB strings and odd but valid Unicode. Each answer is a 4xx
 * problem+json (or, for valid text, any answer but a 5xx), the server still serves after each, and the
 * audit chain still verifies at the end. A FHIR route's errors are OperationOutcomes instead.
 */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await newTestApp();
  admin = await t.as('system_admin', ['92']);
});
afterAll(() => t.close());

/** Names of the top-level string fields of a zod object schema (as JSON Schema sees them). */
function textFields(schema: ZodType | undefined): string[] {
  if (!schema) return [];
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>;
  };
  return Object.entries(js.properties ?? {})
    .filter(([, p]) => p.type === 'string' || (Array.isArray(p.type) && p.type.includes('string')) || (p.anyOf ?? []).some((a) => a.type === 'string'))
    .map(([name]) => name);
}

const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
const fill = (url: string, name?: string, value?: string) =>
  url.replace(/:(\w+)/g, (_, p: string) => (p === name ? encodeURIComponent(value!) : '0196f2a0-0000-7000-8000-000000000000'));

interface Probe {
  spec: RouteSpec<any, any, any>;
  where: 'params' | 'query' | 'body';
  field: string;
}

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const spec of t.app.routeSpecs) {
    for (const field of paramNames(spec.url)) out.push({ spec, where: 'params', field });
    for (const field of textFields(spec.query as ZodType | undefined)) out.push({ spec, where: 'query', field });
    if (spec.method !== 'GET') for (const field of textFields(spec.body as ZodType | undefined)) out.push({ spec, where: 'body', field });
  }
  return out;
}

/** Sends `value` (a JSON-escaped string for bodies, raw for the URL) in one field of the route. */
function send({ spec, where, field }: Probe, value: string, jsonEscaped: string) {
  const url = where === 'params' ? fill(spec.url, field, value) : fill(spec.url);
  const query = where === 'query' ? `?${field}=${encodeURIComponent(value)}` : '';
  const body = where === 'body' ? `{${JSON.stringify(field)}:"${jsonEscaped}"}` : spec.method === 'GET' ? undefined : '{}';
  return t.app.inject({
    method: spec.method,
    url: url + query,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: body } : {}),
  });
}

async function alive() {
  const res = await t.app.inject({ method: 'GET', url: '/health' });
  expect(res.statusCode).toBe(200);
}

const fieldOf = (where: Probe['where'], field: string) => (where === 'body' ? field : `${where}.${field}`);

/**
 * The error document of an answer as { code, field }, or null if it is not one: problem+json, or on a FHIR route an
 * OperationOutcome (its first issue's code in details, the parameter named bare in expression, as FHIR clients send it).
 */
function errorDoc(res: { headers: Record<string, unknown>; json: () => any }, url: string, where: Probe['where']): { code?: string; field?: string } | null {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('application/problem+json')) return res.json();
  if (!url.startsWith('/api/fhir/') || !type.includes('application/fhir+json')) return null;
  const issue = res.json().issue?.[0];
  return { code: issue?.details?.coding?.[0]?.code, field: issue?.expression?.[0] === undefined ? undefined : fieldOf(where, issue.expression[0]) };
}

describe('text at the boundary', () => {
  it('finds text fields on most routes (the probe list is built from the specs)', () => {
    const list = probes();
    expect(list.length).toBeGreaterThan(60);
    expect(list.some((p) => p.spec.url === '/api/persons' && p.where === 'query' && p.field === 'q')).toBe(true);
    expect(list.some((p) => p.spec.url === '/api/auth/login' && p.where === 'body' && p.field === 'username')).toBe(true);
  });

  it('GET /api/persons?q=%00 is a 400 naming the field, and the server keeps serving', async () => {
    const res = await admin.get('/api/persons?q=%00');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation.text_control', field: 'query.q' });
    expect(res.json().detail).toContain('query.q');
    await alive();
  });

  it('a failed login with an unpaired surrogate is refused before it reaches the audit log', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\ud800","password":"x"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.text_control', field: 'username' });
  });

  it('NUL and unpaired surrogates in every text field of every route: 400 problem+json (OperationOutcome on FHIR routes) naming the field', async () => {
    const failures: string[] = [];
    for (const probe of probes()) {
      for (const [value, escaped] of [
        ['a\u0000b', 'a\\u0000b'],
        ['x\ud800y', 'x\\ud800y'],
        ['\udc00', '\\udc00'],
      ] as const) {
        // a lone surrogate cannot be written in a URL (it has no UTF-8 form); the URL cases get NUL only
        if (probe.where !== 'body' && value !== 'a\u0000b') continue;
        const res = await send(probe, value, escaped);
        const body = errorDoc(res, probe.spec.url, probe.where);
        if (res.statusCode !== 400 || body?.code !== 'validation.text_control' || body?.field !== fieldOf(probe.where, probe.field)) {
          failures.push(
            `${probe.spec.method} ${probe.spec.url} ${probe.where}.${probe.field} ${JSON.stringify(escaped)} → ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    await alive();
  });

  it('1 MB strings and odd valid Unicode: never a 5xx, every error is problem+json or OperationOutcome, the server keeps serving', async () => {
    const odd = ['🦠😷', 'Nguyễn Văn A\u0301\u0323', '\u202eRTL\u202c', '\ufeff', '\ufffd', 'ﬁ', '𝕳𝖔', "'; drop table persons; --", '%00', '\\u0000'];
    const big = 'ạ'.repeat(1_000_000);
    const failures: string[] = [];
    for (const probe of probes()) {
      const values = probe.where === 'body' ? [...odd, big] : odd;
      for (const value of values) {
        const res = await send(probe, value, JSON.stringify(value).slice(1, -1));
        const problem = res.statusCode < 400 || errorDoc(res, probe.spec.url, probe.where) !== null;
        if (res.statusCode >= 500 || !problem)
          failures.push(
            `${probe.spec.method} ${probe.spec.url} ${probe.where}.${probe.field} ${value.slice(0, 20)} → ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    await alive();
    const chain = await (await t.services.audit.flush(), verifyAuditChain(t.db.kysely));
    expect(chain.rows).toBeGreaterThan(0);
    expect(chain).toMatchObject({ ok: true, altered: [], missingAfter: [] });
  });
});

describe('over-long URIs and headers', () => {
  it('a path parameter longer than the router allows is 414 problem+json', async () => {
    const res = await admin.get(`/api/persons/${'a'.repeat(5000)}`);
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 414, code: 'http.uri_too_long' });
  });

  it('headers over the size limit are 431 problem+json on a real socket, and the server keeps serving', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/auth/me', headers }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
    const big = await get({ 'x-padding': 'a'.repeat(64 * 1024) });
    expect(big.status).toBe(431);
    expect(big.type).toContain('application/problem+json');
    expect(JSON.parse(big.body)).toMatchObject({ status: 431, code: 'http.headers_too_large' });
    expect((await get({})).status).toBe(401);
  });
});
