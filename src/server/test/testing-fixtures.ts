import { expect } from 'vitest';
import { aPerson } from './builders';
import type { Client } from './harness';

/** Test data for the testing module, made through the API like a user would. */
export async function aLab(admin: Client, name = `Phòng xét nghiệm ${Math.random().toString(36).slice(2, 8)}`) {
  const res = await admin.post('/api/testing/labs', { name, dailyCapacity: { rt_pcr_pooled: 5000, rt_pcr_single: 2000 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

export async function aTeam(client: Client, communeCode: string, name = 'Tổ lấy mẫu số 1') {
  const res = await client.post('/api/testing/teams', { communeCode, name, members: [{ fullName: 'Trần Thị Lấy Mẫu', phone: '0912345678' }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

export async function aSession(client: Client, teamId: string, sessionDate: string, mode: 'fixed' | 'door_to_door' = 'door_to_door') {
  const res = await client.post('/api/testing/sessions', { teamId, sessionDate, mode });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** A household of `size` members in a commune; names are "<prefix> 1", "<prefix> 2" … */
export async function aHousehold(client: Client, communeCode: string, size: number, prefix = 'Nguyễn Văn Hộ') {
  const letters = 'ABCDEGHIKLMNOPQ';
  const res = await client.post('/api/households', {
    address: `${size} Đường Thử Nghiệm`,
    communeCode,
    members: Array.from({ length: size }, (_, i) => aPerson({ communeCode, fullName: `${prefix} ${letters[i]}`, birthYear: 1960 + i })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().household as { id: string; members: { id: string; fullName: string; nationalId: string | null }[] };
}

/** Collects a household pool (tubes = barcodes) in a session. */
export async function collectPool(
  client: Client,
  sessionId: string,
  household: { id: string; members: { id: string }[] },
  barcodes: string[],
  collectedAt?: string,
) {
  const res = await client.post(`/api/testing/sessions/${sessionId}/samples`, {
    testType: 'rt_pcr_pooled',
    kind: 'household_pool',
    householdId: household.id,
    members: household.members.map((m) => ({ personId: m.id })),
    barcodes,
    collectedAt,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { samples: { id: string; barcode: string; membersCount: number }[] };
}

export async function shipAndReceive(
  team: Client,
  lab: Client,
  teamId: string,
  labId: string,
  barcodes: string[],
  at?: { sentAt?: string; receivedAt?: string },
) {
  const sh = await team.post('/api/testing/shipments', { teamId, labId, barcodes, sentAt: at?.sentAt });
  expect(sh.statusCode, sh.body).toBe(201);
  const rec = await lab.post(`/api/testing/shipments/${sh.json().id}/receive`, { barcodes, receivedAt: at?.receivedAt });
  expect(rec.statusCode, rec.body).toBe(200);
  return rec.json() as { received: number; missing: string[]; extra: string[] };
}
