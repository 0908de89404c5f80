import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type TestApp } from './test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t.close());

describe('platform HTTP', () => {
  it('reports health of the process and the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DB === 'pg' ? 'postgres' : 'pglite' });
  });

  it('publishes OpenAPI generated from the route contracts, and readable docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/persons/{id}');
    expect(doc.paths['/api/persons'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'unit', 'page', 'pageSize']);
    expect(doc.paths['/api/persons'].post.requestBody.content['application/json'].schema.required).toContain('fullName');
    const html = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Tìm người (không dấu, không phân biệt hoa thường)');
  });

  it('answers unknown API paths with problem+json in Vietnamese, English on request', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json()).toMatchObject({ code: 'http.not_found', detail: 'Không tìm thấy' });
    const en = await t.app.inject({ method: 'GET', url: '/api/khong-co', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().detail).toBe('Not found');
  });
});

describe('web bundle', () => {
  it('serves the app at / and at client routes, its assets, and 404s a missing asset', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tc-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const { testConfig } = await import('./test/harness');
    const { buildApp } = await import('./app');
    const app = await buildApp(t.services, testConfig(), { logger: false, webDist: dir });
    try {
      for (const url of ['/', '/nguoi-dan', '/dia-ban/92']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('<div id="root">');
      }
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
      expect((await app.inject({ method: 'GET', url: '/assets/khong-co.js' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/khong-co' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
