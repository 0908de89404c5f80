import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, pathOf, type BodyOf, type ResponseOf } from './api';

afterEach(() => vi.unstubAllGlobals());

describe('the client typed from the route specs', () => {
  it('fills the URL template from the parameters, encoded, and appends the query', () => {
    expect(pathOf('/api/persons/:id/history', { params: { id: 'a b/c' } })).toBe('/api/persons/a%20b%2Fc/history');
    expect(pathOf('/api/persons', { query: { q: 'Nguyễn', page: 2, unit: undefined } })).toBe('/api/persons?q=Nguy%E1%BB%85n&page=2');
    expect(() => pathOf('/api/units/:code/children', {})).toThrow(/thiếu tham số code/);
  });

  it('sends the method, the filled URL and the body it was given', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'x', fullName: 'Lê Thị Hoa' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const saved = await api.patch('/api/persons/:id', { params: { id: 'x' }, body: { version: 3, phone: '0912000111' } });
    expect(saved.fullName).toBe('Lê Thị Hoa');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([url, init.method, JSON.parse(String(init.body))]).toEqual(['/api/persons/x', 'PATCH', { version: 3, phone: '0912000111' }]);
  });
});

// Checked by `npm run typecheck`, not run: each @ts-expect-error fails the build if the call it marks becomes valid.
void (() => {
  // @ts-expect-error no such route
  void api.get('/api/persons/:id/nothing', { params: { id: 'x' } });
  // @ts-expect-error the route needs its path parameter
  void api.get('/api/persons/:id');
  // @ts-expect-error a person patch needs the version the editor saw
  void api.patch('/api/persons/:id', { params: { id: 'x' }, body: { phone: '0912000111' } });
  // @ts-expect-error a merge takes two ids, not one
  const body: BodyOf<'POST', '/api/persons/merge'> = { keepId: 'a' };
  // @ts-expect-error a person's version is a number
  const version: ResponseOf<'GET', '/api/persons/:id'>['version'] = '1';
  return [body, version];
});
