import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { createServices } from '../services';
import { scriptActor, type Actor } from '../platform/actor';
import { testConfig } from './harness';
import { CAI_KHE } from './builders';
import { importResults } from '../modules/testing/import';
import { collectedRollup, receivedRollup } from '../modules/testing/repo/rollup';

/** Fixtures of the tests that kill an import process midway (import-kill*.test.ts). */
export const ROWS = Number(process.env.KILL_ROWS ?? 60_000);

/** The city lab's technician, as the auth layer would hand them to the import. */
export const actor = (id: string): Actor =>
  scriptActor({ id, username: 'lab', fullName: 'Phòng xét nghiệm' }, 'lab_staff', ['92'], { provinces: ['92'], districts: [], communes: [] });

export async function prepare(db: Db, dir: string) {
  const services = await createServices(db, testConfig());
  const { user } = await services.users.create(null, {
    username: `lab.${randomBytes(3).toString('hex')}`,
    fullName: 'Phòng xét nghiệm',
    role: 'command_center',
    scopeUnits: ['92'],
    agency: null,
    password: randomBytes(12).toString('hex'),
  });
  const a = { ...actor(user.id), role: 'command_center' as const };
  const lab = await services.labIntake.saveLab(a, {
    name: 'Phòng xét nghiệm thử tắt tiến trình',
    address: null,
    dailyCapacity: {},
    opensAt: '07:00',
    closesAt: '22:00',
    active: true,
  });
  const team = await services.testing.saveTeam(a, { communeCode: CAI_KHE, name: 'Tổ thử', members: [], active: true });
  // 60,000 single tubes collected at 08:00 and received at 09:00 on 10/09/2021, one (synthetic) person each
  await sql`insert into samples (id, province_code, district_code, commune_code, barcode, test_type, kind, team_id, members_count, collected_at, collected_on, lab_id, received_at)
    select gen_random_uuid(), '92', '916', ${CAI_KHE}, 'KL-' || lpad(g::text, 6, '0'), 'rt_pcr_single', 'single', ${team.id}::uuid, 1,
           '2021-09-10 08:00+07', '2021-09-10', ${lab.id}::uuid, '2021-09-10 09:00+07'
      from generate_series(1, ${ROWS}) g`.execute(db.kysely);
  await sql`insert into sample_members (sample_id, province_code, person_id, district_code, commune_code)
    select id, province_code, gen_random_uuid(), district_code, commune_code from samples where barcode like 'KL-%'`.execute(db.kysely);
  const all = sql`(select * from samples where barcode like 'KL-%')`;
  await collectedRollup(all).execute(db.kysely);
  await receivedRollup(all).execute(db.kysely);
  const file = join(dir, `ket-qua-${randomBytes(3).toString('hex')}.csv`);
  let csv = 'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\n';
  for (let i = 1; i <= ROWS; i++) csv += `KL-${String(i).padStart(6, '0')},Âm tính,,10/09/2021 15:${String(i % 60).padStart(2, '0')}\n`;
  writeFileSync(file, csv);
  await services.audit.flush();
  return { labId: lab.id, file, bytes: Buffer.from(csv), userId: user.id };
}

/** Runs the child import and kills it when `killWhen` says so; resolves with how it ended. */
export function runAndKill(target: string, labId: string, file: string, killWhen: (line: string) => boolean | Promise<boolean>, poll?: () => Promise<boolean>) {
  return new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/test/import-child.ts', target, labId, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    // a check that throws fails the run instead of going unhandled
    const check = (test: () => boolean | Promise<boolean>) => {
      Promise.resolve()
        .then(test)
        .then((yes) => {
          if (yes) kill();
        }, reject);
    };
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      for (const line of d.toString().split('\n')) if (line) check(() => killWhen(line));
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const timer = poll
      ? setInterval(() => {
          if (!killed) check(poll);
        }, 5)
      : null;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ signal, output });
    });
  });
}

export async function expectNothingOf(db: Db) {
  const {
    rows: [r],
  } = await sql<{ n: number }>`select count(*)::int as n from samples where barcode like 'KL-%' and result is not null`.execute(db.kysely);
  expect(r.n).toBe(0);
  const {
    rows: [d],
  } = await sql<{ n: number }>`select coalesce(sum(resulted), 0)::int as n from testing_daily where day = '2021-09-10'`.execute(db.kysely);
  expect(d.n).toBe(0);
  const imports = await db.kysely.selectFrom('result_imports').select(['id', 'status']).execute();
  expect(imports.map((i) => i.status)).toEqual(['loading']);
  return imports[0].id;
}

export async function rerunCompletes(db: Db, prepared: Awaited<ReturnType<typeof prepare>>, unfinishedId: string) {
  const services = await createServices(db, testConfig());
  const report = await importResults(services.testing, actor(prepared.userId), {
    labId: prepared.labId,
    fileName: 'ket-qua-lon.csv',
    source: { format: 'csv', bytes: prepared.bytes },
  });
  expect(report).toMatchObject({ id: unfinishedId, status: 'done', total: ROWS, applied: ROWS, unchanged: 0 });
  const {
    rows: [r],
  } = await sql<{ n: number }>`select count(*)::int as n from samples where barcode like 'KL-%' and result = 'negative'`.execute(db.kysely);
  expect(r.n).toBe(ROWS);
  const {
    rows: [d],
  } = await sql<{ n: number }>`select sum(resulted)::int as n from testing_daily where day = '2021-09-10'`.execute(db.kysely);
  expect(d.n).toBe(ROWS);
  expect(await db.kysely.selectFrom('result_import_rows').select('line').limit(1).execute()).toEqual([]);
  await services.audit.flush();
}
