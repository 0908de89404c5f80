// Shared helpers for the benches: one JSON line per figure on stdout, progress on stderr,
// percentiles, and throwaway (or kept) PostgreSQL clusters.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { startPgCluster, type PgCluster } from '../src/server/test/pg-cluster';
import type { Db } from '../src/server/db/connect';

/** PostgreSQL binaries (PG 15 on this machine); override with PG_BIN. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  [extra: string]: unknown;
}

/** Prints one figure as one JSON line on stdout (the only thing a bench writes to stdout). */
export function emit(fig: Figure): void {
  const round = (n: number | null) => (n === null || !Number.isFinite(n) ? n : Number(n.toPrecision(4)));
  process.stdout.write(JSON.stringify({ ...fig, value: round(fig.value), baseline: round(fig.baseline), ratio: round(fig.ratio) }) + '\n');
}

/** value / baseline, or null when there is no usable baseline. */
export const ratioOf = (value: number, baseline: number | null): number | null => (baseline ? value / baseline : null);

/** Progress and diagnostics: stderr, prefixed with seconds since start. */
const t0 = performance.now();
export function log(msg: string): void {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
}

/** Nearest-rank percentile (p in 0..100) of an ascending-sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Sorts a copy (numerically) and returns the usual summary. */
export function summarize(values: ArrayLike<number>): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = Float64Array.from(values as ArrayLike<number>).sort();
  let sum = 0;
  for (const v of s) sum += v;
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean: sum / (s.length || 1) };
}

/** A growable Float64 buffer (latencies of hundreds of thousands of requests without GC churn). */
export class Samples {
  private buf = new Float64Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  values(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Deterministic PRNG (mulberry32) for query mixes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Context fields added to every figure. */
export function machine(): Record<string, unknown> {
  return { node: process.versions.node, cores: cpus().length, date: new Date().toISOString().slice(0, 10) };
}

/** Reads `--name value` / `--name=value` flags; unknown flags are an error (typos should not pass silently). */
export function flags<T extends Record<string, string>>(args: string[], defaults: T, usage: string): T {
  const out: Record<string, string> = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m || !(m[1] in defaults)) {
      console.error(`Unknown argument ${args[i]}\n${usage}`);
      process.exit(2);
    }
    if (m[2] !== undefined) out[m[1]] = m[2];
    else if (
      typeof defaults[m[1]] === 'string' &&
      (defaults[m[1]] === 'false' || defaults[m[1]] === 'true') &&
      (args[i + 1] === undefined || args[i + 1].startsWith('--'))
    )
      out[m[1]] = 'true';
    else out[m[1]] = args[++i] ?? '';
  }
  return out as T;
}

export function num(value: string, name: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return n;
}

export function engines(value: string, allowed: readonly string[]): ('pglite' | 'postgres')[] {
  if (value === 'both') return ['postgres', 'pglite'];
  if (!allowed.includes(value)) {
    console.error(`--db must be one of ${allowed.join(', ')}, both`);
    process.exit(2);
  }
  return [value as 'pglite' | 'postgres'];
}

/** Stops clusters still running when the bench is interrupted (Ctrl-C, kill) so none is left behind. */
const onSignal = new Set<() => void>();
let signalsHooked = false;
function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const stop of onSignal) {
        try {
          stop();
        } catch {
          /* best effort */
        }
      }
      // Other handlers (a bench's own cleanup) decide; alone, re-raise for the default exit.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}
function stopOnSignal<T extends PgCluster>(cluster: T): T {
  hookSignals();
  const stop = cluster.stop.bind(cluster);
  let stopped = false;
  const once = () => {
    if (!stopped) {
      stopped = true;
      onSignal.delete(once);
      stop();
    }
  };
  onSignal.add(once);
  return { ...cluster, stop: once };
}

/** A throwaway PostgreSQL cluster in a temp dir (removed by stop()); see src/server/test/pg-cluster.ts. */
export async function startThrowawayPg(): Promise<PgCluster> {
  return stopOnSignal(await startPgCluster(PG_BIN));
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/**
 * A PostgreSQL cluster kept in `dir` between runs (initdb the first time, start, stop without deleting).
 * As root it runs as the postgres user, so every parent of `dir` must be traversable by that user
 * (a directory under /tmp or /var/tmp is fine; one under /root is not).
 */
export async function startKeptPg(dir: string, extraOpts = ''): Promise<PgCluster & { fresh: boolean }> {
  const base = resolve(dir);
  const data = join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  mkdirSync(base, { recursive: true });
  const run = (cmd: string, args: string[]) => {
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(PG_BIN, cmd), args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
    for (let p = dirname(base); p !== dirname(p); p = dirname(p)) {
      if ((statSync(p).mode & 0o001) === 0) throw new Error(`${p} is not traversable by the postgres user: use a --keep directory under /tmp or /var/tmp`);
    }
  }
  const fresh = !existsSync(join(data, 'PG_VERSION'));
  if (fresh) run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(base, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${extraOpts}`,
    'start',
  ]);
  return stopOnSignal({
    fresh,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
  });
}

/** IPC messages between a bench and its server child. */
export type ChildMessage =
  | { type: 'ready'; port: number; [k: string]: unknown }
  | { type: 'stats'; cpuMs: number; elu: number; wallMs: number }
  | { type: 'profile'; path: string }
  | { type: 'error'; message: string };

/**
 * In a server child: answers { type: 'mark' } with CPU time and event-loop utilisation since the previous
 * mark (so the parent can tell whether the server or the load generator is the bottleneck), and
 * { type: 'stop' } by calling `stop` and exiting 0 (a normal exit, so --cpu-prof writes its profile).
 */
export function serveChildControl(stop: () => Promise<void>): void {
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  let at = performance.now();
  let profiler: import('node:inspector/promises').Session | null = null;
  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'mark') {
      const c = process.cpuUsage(cpu);
      const e = performance.eventLoopUtilization(elu);
      const now = performance.now();
      process.send!({ type: 'stats', cpuMs: (c.user + c.system) / 1000, elu: e.utilization, wallMs: now - at } satisfies ChildMessage);
      cpu = process.cpuUsage();
      elu = performance.eventLoopUtilization();
      at = now;
    } else if (msg.type === 'profile-start') {
      void (async () => {
        const { Session } = await import('node:inspector/promises');
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
        process.send!({ type: 'stats', cpuMs: 0, elu: 0, wallMs: 0 } satisfies ChildMessage);
      })();
    } else if (msg.type === 'profile-stop' && profiler) {
      void (async () => {
        const { profile } = await profiler!.post('Profiler.stop');
        profiler!.disconnect();
        const path = join(tmpdir(), `bench-${process.pid}-${Date.now()}.cpuprofile`);
        writeFileSync(path, JSON.stringify(profile));
        process.send!({ type: 'profile', path } satisfies ChildMessage);
      })();
    } else if (msg.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
}

/**
 * CPU time (ms) used so far by each process of a local PostgreSQL server (the postmaster and its backends, by
 * pid), found by the port in the postmaster's command line (Linux /proc; empty elsewhere).
 */
export function pgProcessCpuMs(url: string): Map<number, number> {
  const out = new Map<number, number>();
  try {
    const port = new URL(url).port;
    const stats = new Map<number, { ppid: number; ticks: number }>();
    let postmaster = 0;
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
        if (!postmaster && stat.includes('(postgres)')) {
          const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
          const i = cmd.indexOf('-p');
          if (i >= 0 && cmd[i + 1] === port) postmaster = Number(d);
          else if (cmd.some((a) => a === `-p ${port}` || a.includes(` -p ${port} `))) postmaster = Number(d);
        }
      } catch {
        /* process went away */
      }
    }
    for (const [pid, s] of stats) if (postmaster && (pid === postmaster || s.ppid === postmaster)) out.set(pid, (s.ticks * 1000) / 100);
  } catch {
    /* no /proc */
  }
  return out;
}

/** The server's total CPU time (ms) so far, or null when it cannot be read. Sample before and after a window for the delta. */
export function pgCpuMs(url: string): number | null {
  const perProcess = pgProcessCpuMs(url);
  return perProcess.size ? [...perProcess.values()].reduce((a, b) => a + b, 0) : null;
}

export async function explain(db: Db, label: string, text: string, params: unknown[] = []): Promise<void> {
  const { rows } = await db.pool.query(`explain (analyze, buffers) ${text}`, params);
  // long array literals (thousands of ids) are cut to their start
  log(
    `EXPLAIN ${label}:\n${rows.map((r: Record<string, string>) => `    ${r['QUERY PLAN'].replace(/'\{[^}]{200,}\}'/g, (m) => `${m.slice(0, 80)}…}'`)}`).join('\n')}`,
  );
}

/** --profile: an in-process CPU profile (sampling every `interval` µs); the top functions by self time go to stderr. */
export const profiler = {
  session: null as import('node:inspector/promises').Session | null,
  async start(interval = 500) {
    const { Session } = await import('node:inspector/promises');
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval });
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
    log(
      `profile ${label} (${path}), ${total.toFixed(0)} ms sampled, top self time:\n${top.map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n')}`,
    );
  },
};

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
