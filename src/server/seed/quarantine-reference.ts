import { scriptActor } from '../platform/actor';
import type { Services } from '../services';

const rooms = (area: string, count: number, beds: number) =>
  Array.from({ length: count }, (_, i) => ({ area: `Khu ${area}`, code: `${area}${String(101 + i)}`, beds }));

/**
 * Quarantine reference data for the demo city: one centralized quarantine site and one field hospital, named as sample
 * data, with rooms and beds and nobody in them, so an admission can be tried at once. Real facilities are entered by
 * the command center.
 */
export async function seedQuarantineReference(s: Services, provinceCode: string, adminUsername: string): Promise<number> {
  const admin = await s.db.kysely.selectFrom('users').select(['id', 'username', 'full_name']).where('username', '=', adminUsername).executeTakeFirstOrThrow();
  const actor = scriptActor(
    { id: admin.id, username: admin.username, fullName: admin.full_name },
    'system_admin',
    [provinceCode],
    s.units.resolveScope([provinceCode]),
  );
  if ((await s.quarantine.facilities.list(actor)).length) return 0;
  const commune = s.units.childrenOf(s.units.childrenOf(provinceCode)[0].code).find((u) => u.level === 'commune')!;
  const base = { managingAgency: 'Bộ Chỉ huy Quân sự thành phố (dữ liệu mẫu)', communeCode: commune.code, address: 'Địa chỉ mẫu' };
  await s.quarantine.facilities.create(actor, {
    ...base,
    name: 'Khu cách ly tập trung số 1 (dữ liệu mẫu)',
    kind: 'quarantine',
    tier: 'quarantine_site',
    icuBeds: 0,
    oxygenPoints: 0,
    rooms: [...rooms('A', 10, 4), ...rooms('B', 10, 6)],
  });
  await s.quarantine.facilities.create(actor, {
    ...base,
    managingAgency: 'Sở Y tế (dữ liệu mẫu)',
    name: 'Bệnh viện dã chiến số 1 (dữ liệu mẫu)',
    kind: 'treatment',
    tier: 'tier2',
    icuBeds: 10,
    oxygenPoints: 40,
    rooms: rooms('T', 10, 8),
  });
  return 2;
}
