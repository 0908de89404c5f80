import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODULES } from '../modules';
import { newTestApp, type TestApp } from '../test/harness';
import { openApiDocument, registerRoutes, route, type RouteSpec } from './http';
import { sendProblem } from './problem';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t.close());

describe('response schemas', () => {
  it('every route declares its response (or the file type it produces), and OpenAPI shows it', () => {
    const doc = openApiDocument(t.app.routeSpecs) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> }>>;
    };
    for (const m of MODULES) {
      const routes = m.routes(t.services, t.config);
      expect(routes.filter((r) => !r.response && !r.produces).map((r) => `${r.method} ${r.url}`)).toEqual([]);
      for (const r of routes) {
        const content = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()].responses[String(r.status ?? 200)].content!;
        expect(Object.keys(content), `${r.method} ${r.url}`).toEqual([r.produces ?? 'application/json']);
        if (r.response) expect(content[r.produces ?? 'application/json'].schema, `${r.method} ${r.url}`).toBeTruthy();
      }
    }
    const person = doc.paths['/api/persons/{id}'].get.responses['200'].content!['application/json'].schema;
    expect(Object.keys(person.properties!)).toEqual(expect.arrayContaining(['id', 'fullName', 'nationalId', 'communeCode', 'version']));
  });

  it('in tests every answer is checked against its schema: a route answering another shape is a 500 naming the field', async () => {
    const app = Fastify({ logger: false });
    app.decorate('routeSpecs', [] as RouteSpec[]);
    app.setErrorHandler((err, req, reply) => sendProblem(err, req, reply));
    const wrong = route({
      method: 'GET',
      url: '/wrong',
      tag: 'x',
      summary: 'x',
      access: 'public',
      response: z.object({ count: z.number() }),
      handler: () => ({ count: 'ba' }) as unknown as { count: number },
    });
    const right = route({
      method: 'GET',
      url: '/right',
      tag: 'x',
      summary: 'x',
      access: 'public',
      response: z.object({ count: z.number() }),
      handler: () => ({ count: 3 }),
    });
    const messages: string[] = [];
    app.addHook('onError', async (_req, _reply, err) => {
      messages.push(err.message);
    });
    registerRoutes(app, [wrong, right], async () => null, { checkResponses: true });
    expect((await app.inject({ method: 'GET', url: '/right' })).json()).toEqual({ count: 3 });
    const res = await app.inject({ method: 'GET', url: '/wrong' });
    expect(res.statusCode).toBe(500);
    expect(messages[0]).toMatch(/^GET \/wrong: the answer does not match its response schema at count/);
    await app.close();
  });
});
