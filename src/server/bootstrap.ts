import type { Config } from './config';
import { connect, type Db } from './db/connect';
import { migrate } from './db/migrate';
import { createServices, type Services } from './services';
import { hashPassword, verifyPassword, generatePassword } from './platform/passwords';
import { generateSyntheticCity } from './seed/synthetic-city';
import { seedTestingReference } from './seed/testing-reference';
import { seedQuarantineReference } from './seed/quarantine-reference';

export const ADMIN_USERNAME = 'admin';
export const DEMO_PROVINCE = '92';

export interface Started {
  db: Db;
  services: Services;
  /** Set only when the admin was created now with a generated password: shown once. */
  adminPassword: string | null;
  demo: { persons: number; households: number } | null;
}

/** Database → migrations → reference data (units, 2021 rule sets) → first admin → demo city when empty. */
export async function bootstrap(config: Config, opts: { seedDemo?: boolean; log?: (msg: string) => void } = {}): Promise<Started> {
  const log = opts.log ?? (() => {});
  if (!config.DATABASE_URL) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(config.DATA_DIR, { recursive: true });
  }
  const db = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrate(db);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  const services = await createServices(db, config);
  const units = await services.geography.loadReferenceUnits();
  if (units) log(`Đã nạp ${units} đơn vị hành chính (Tổng cục Thống kê, 01/11/2021)`);
  await services.geography.setPopulation(null, DEMO_PROVINCE, {
    asOf: '2019-04-01',
    source: 'Tổng điều tra dân số và nhà ở 2019 (Cục Thống kê Cần Thơ)',
    count: 1_235_171,
    households: 359_375,
  });
  const rules = await services.ruleSets.seed();
  if (rules) log(`Đã nạp ${rules} phiên bản bộ quy tắc năm 2021`);
  const adminPassword = await ensureAdmin(services, config.ADMIN_PASSWORD);
  let demo: Started['demo'] = null;
  if (opts.seedDemo && config.DEMO_PERSONS > 0) {
    const { n } = (await db.pool.query('select count(*)::int as n from persons')).rows[0] as { n: number };
    if (n === 0) {
      log(`Đang tạo thành phố mẫu (dữ liệu tổng hợp, ${config.DEMO_PERSONS.toLocaleString('vi-VN')} người)…`);
      demo = await generateSyntheticCity(db, services.units, { persons: config.DEMO_PERSONS, provinceCode: DEMO_PROVINCE, seed: 2021 });
      const testing = await seedTestingReference(db, services.units, DEMO_PROVINCE);
      if (testing.labs) log(`Đã tạo ${testing.labs} phòng xét nghiệm mẫu và ${testing.teams} tổ lấy mẫu (dữ liệu mẫu)`);
      if (await seedQuarantineReference(services, DEMO_PROVINCE, ADMIN_USERNAME))
        log('Đã tạo một khu cách ly tập trung và một bệnh viện dã chiến (dữ liệu mẫu)');
    }
  }
  return { db, services, adminPassword, demo };
}

async function ensureAdmin(s: Services, wanted: string | undefined): Promise<string | null> {
  const existing = await s.db.kysely.selectFrom('users').select(['id', 'password_hash']).where('username', '=', ADMIN_USERNAME).executeTakeFirst();
  if (existing) {
    if (wanted && !(await verifyPassword(existing.password_hash, wanted))) {
      await s.db.kysely
        .updateTable('users')
        .set({ password_hash: await hashPassword(wanted), failed_logins: 0 })
        .where('id', '=', existing.id)
        .execute();
    }
    return null;
  }
  const password = wanted ?? generatePassword();
  await s.users.create(null, {
    username: ADMIN_USERNAME,
    fullName: 'Quản trị hệ thống',
    role: 'system_admin',
    scopeUnits: [DEMO_PROVINCE],
    agency: null,
    password,
  });
  return wanted ? null : password;
}
