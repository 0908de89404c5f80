// Shared by the testing benches (import, testing-summary): a fresh database per engine, a synthetic city, a user
// of the right role as an Actor, a TestingService on a fixed clock, and the explain/profile helpers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@domain/access';
import { loadConfig } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Actor } from '../src/server/platform/actor';
import type { Services } from '../src/server/services';
import { TestingService } from '../src/server/modules/testing/service';
import { generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { log, startThrowawayPg } from './lib';

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
    cleanups.unshift(async () => { await services.audit.flush(); await db.close(); });
    return {
      engine, db, services, url,
      async close() {
        for (const c of cleanups) {
          try { await c(); } catch (err) { log(`cleanup: ${(err as Error).message}`); }
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
  const { user } = await e.services.users.create(null, { username, fullName, role, scopeUnits: [DEMO_PROVINCE], agency: null, password: randomBytes(12).toString('hex') });
  return { id: user.id, username, fullName, role, scopeUnits: [DEMO_PROVINCE], scope: e.services.units.resolveScope([DEMO_PROVINCE]), agency: null, ip: '127.0.0.1' };
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
export interface CpuMark { node: number; db: Map<number, number> }
export function cpuNow(e: Engine): CpuMark {
  const c = process.cpuUsage();
  return { node: (c.user + c.system) / 1000, db: e.url ? pgTicks(e.url) : new Map() };
}
export function cpuSince(e: Engine, from: CpuMark): { node: number; db: number } {
  const to = cpuNow(e);
  let db = 0;
  for (const [pid, ms] of to.db) db += ms - (from.db.get(pid) ?? 0);
  return { node: to.node - from.node, db };
}

function pgTicks(url: string): Map<number, number> {
  const out = new Map<number, number>();
  const port = new URL(url).port;
  const stats = new Map<number, { ppid: number; ms: number }>();
  let postmaster = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100 });
      if (!postmaster && stat.includes('(postgres)')) {
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        const i = cmd.indexOf('-p');
        if (i >= 0 && cmd[i + 1] === port) postmaster = Number(d);
      }
    } catch { /* process went away */ }
  }
  for (const [pid, s] of stats) if (postmaster && (pid === postmaster || s.ppid === postmaster)) out.set(pid, s.ms);
  return out;
}

/** 1-, 5- and 15-minute load averages, rounded (other work shares this machine). */
export const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

export async function explain(db: Db, label: string, text: string, params: unknown[] = []): Promise<void> {
  const { rows } = await db.pool.query(`explain (analyze, buffers) ${text}`, params);
  log(`EXPLAIN ${label}:\n${rows.map((r: Record<string, string>) => `    ${r['QUERY PLAN']}`).join('\n')}`);
}

/** --profile: an in-process CPU profile; the top functions by self time go to stderr. */
export const profiler = {
  session: null as import('node:inspector/promises').Session | null,
  async start() {
    const { Session } = await import('node:inspector/promises');
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.post('Profiler.start');
  },
  async stop(label: string) {
    if (!this.session) return;
    const { profile } = await this.session.post('Profiler.stop');
    this.session.disconnect();
    this.session = null;
    const path = join(tmpdir(), `bench-${process.pid}-${Date.now()}.cpuprofile`);
    writeFileSync(path, JSON.stringify(profile));
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let total = 0;
    profile.samples!.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/')}:${f.lineNumber + 1}`;
      const dt = profile.timeDeltas![i] / 1000;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(`profile ${label} (${path}), ${total.toFixed(0)} ms sampled, top self time:\n${top.map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n')}`);
  },
};

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
