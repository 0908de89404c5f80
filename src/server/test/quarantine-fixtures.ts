import { expect } from 'vitest';
import type { Client } from './harness';
import { CAI_KHE } from './builders';

/** A quarantine site (or treatment facility) in Cái Khế with rooms of `beds` beds. */
export async function aFacility(client: Client, over: { kind?: 'quarantine' | 'treatment'; rooms?: string[]; beds?: number; name?: string } = {}) {
  const kind = over.kind ?? 'quarantine';
  const res = await client.post('/api/quarantine/facilities', {
    name: over.name ?? (kind === 'quarantine' ? 'Khu cách ly Trường Quân sự' : 'Bệnh viện dã chiến số 1'),
    kind,
    tier: kind === 'quarantine' ? 'quarantine_site' : 'tier2',
    managingAgency: 'Bộ Chỉ huy Quân sự thành phố',
    communeCode: CAI_KHE,
    address: '1 Đường Thử Nghiệm',
    rooms: (over.rooms ?? ['A101', 'A102']).map((code) => ({ area: code.slice(0, 1), code, beds: over.beds ?? 4 })),
  });
  expect(res.statusCode, res.body).toBe(201);
  const detail = (await client.get(`/api/quarantine/facilities/${res.json().id}`)).json();
  return {
    id: res.json().id as string,
    rooms: Object.fromEntries(detail.rooms.map((r: { code: string; id: string }) => [r.code, r.id])) as Record<string, string>,
  };
}

/** Admits a person; returns the answer (status checked by the caller). */
export function admit(client: Client, body: Record<string, unknown>) {
  return client.post('/api/quarantine/stays', { reason: 'f1', vaccination: 'none', setting: 'facility', ...body });
}
