// Shared by the benches that need a whole product database (tracing, import, testing-summary): a fresh database
// per engine, a synthetic city, a user of the right role as an Actor, a TestingService on a fixed clock, and the
// explain/profile helpers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@domain/access';
import { loadConfig } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import { scriptActor, type Actor } from '../src/server/platform/actor';
import type { Services } from '../src/server/services';
import { TestingService } from '../src/server/modules/testing/service';
import { generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { log, pgProcessCpuMs, startThrowawayPg } from './lib';
export { explain, profiler, round } from './lib';

export const CITY_SEED = 2021;

export interface Engine {
  engine: 'pglite' | 'postgres';
  db: Db;
  services: Services;
  /** PostgreSQL only: the cluster's URL (for its CPU time, see pgCpuMs). */
  url: string | null;
  /** Runs the cleanups (close the database, stop/remove it). */
  close(): Promise<void>;
}

export async function openEngine(engine: 'pglite' | 'postgres', name: string): Promise<Engine> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent', DEMO_PERSONS: '0' };
  let url: string | null = null;
  if (engine === 'postgres') {
    const pg = await startThrowawayPg();
    cleanups.push(() => pg.stop());
    env.DATABASE_URL = url = pg.url;
    log(`[${engine}] PostgreSQL at ${pg.url} (throwaway)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), `bench-${name}-lite-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env.DATA_DIR = dir;
    log(`[${engine}] PGlite in ${dir}`);
  }
  try {
    const { db, services } = await bootstrap(loadConfig(env), { seedDemo: false, log: (m) => log(`[${engine}] ${m}`) });
    cleanups.unshift(async () => {
      await services.audit.flush();
      await db.close();
    });
    return {
      engine,
      db,
      services,
      url,
      async close() {
        for (const c of cleanups) {
          try {
            await c();
          } catch (err) {
            log(`cleanup: ${(err as Error).message}`);
          }
        }
      },
    };
  } catch (err) {
    for (const c of cleanups) await c();
    throw err;
  }
}

export async function city(e: Engine, persons: number): Promise<void> {
  const t = performance.now();
  await generateSyntheticCity(e.db, e.services.units, { persons, provinceCode: DEMO_PROVINCE, seed: CITY_SEED });
  log(`[${e.engine}] city of ${persons.toLocaleString('en')} persons in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** A user of `role` scoped to province 92, as the auth layer would hand it to a route. */
export async function actorOf(e: Engine, role: Role, fullName: string): Promise<Actor> {
  const username = `bench.${role}.${randomBytes(3).toString('hex')}`;
  const { user } = await e.services.users.create(null, {
    username,
    fullName,
    role,
    scopeUnits: [DEMO_PROVINCE],
    agency: null,
    password: randomBytes(12).toString('hex'),
  });
  return scriptActor({ id: user.id, username, fullName }, role, [DEMO_PROVINCE], e.services.units.resolveScope([DEMO_PROVINCE]));
}

/** The testing module as the app builds it, on a fixed clock (the data is dated). */
export function testingAt(e: Engine, now: Date): TestingService {
  const s = e.services;
  return new TestingService(e.db, s.units, s.audit, s.people, s.cases, s.ruleSets, { now: () => now });
}

/**
 * CPU time (ms) of this process and, on PostgreSQL, of each of the cluster's processes (postmaster and children,
 * by pid, from /proc). cpuSince() sums the processes alive at the end: one that ended in between (an autovacuum
 * worker, a closed pool connection) would otherwise take its whole past CPU time out of the sum.
 */
export interface CpuMark {
  node: number;
  db: Map<number, number>;
}
export function cpuNow(e: Engine): CpuMark {
  const c = process.cpuUsage();
  return { node: (c.user + c.system) / 1000, db: e.url ? pgProcessCpuMs(e.url) : new Map() };
}
export function cpuSince(e: Engine, from: CpuMark): { node: number; db: number } {
  const to = cpuNow(e);
  let db = 0;
  for (const [pid, ms] of to.db) db += ms - (from.db.get(pid) ?? 0);
  return { node: to.node - from.node, db };
}

/** 1-, 5- and 15-minute load averages, rounded (other work shares this machine). */
export const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
