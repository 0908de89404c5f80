// npm run bench -- http [--db pglite|postgres|both] [--seconds 10] [--connections 32] [--warmup 3] [--profile]
//
// Authenticated GET /api/persons/:id (session cookie) against the real app server, requests/s, compared
// with a bare node:http server answering the same bytes, measured in the same run. Each server runs in
// its own child process; this process is only the load generator (keep-alive agent, N concurrent loops,
// fixed duration after a warm-up). Only 200s count; anything else aborts the bench.
// --profile: after the measured window, one more window with the V8 CPU profiler on in the app child,
// summarised on stderr (self time by package and function, inclusive time of the project's functions).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, engines, flags, log, machine, num, pgCpuMs, ratioOf, Samples, startThrowawayPg, summarize, type ChildMessage } from './lib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'npm run bench -- http [--db pglite|postgres|both] [--seconds 10] [--connections 32] [--warmup 3] [--profile]';
const ADMIN_PASSWORD = 'bench-admin-password-2021';

interface Child {
  proc: ChildProcess;
  port: number;
  next(type: ChildMessage['type']): Promise<ChildMessage>;
}

/** Spawns `node --import tsx FILE` with an IPC channel and waits for its 'ready' message. */
async function startChild(file: string, env: NodeJS.ProcessEnv, init?: unknown): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', file)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: { type: string; resolve(m: ChildMessage): void }[] = [];
  const inbox: ChildMessage[] = [];
  proc.on('message', (m: ChildMessage) => {
    const i = waiting.findIndex((w) => w.type === m.type || m.type === 'error');
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
    else inbox.push(m);
  });
  const next = (type: ChildMessage['type']) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const i = inbox.findIndex((m) => m.type === type || m.type === 'error');
      const settle = (m: ChildMessage) => (m.type === 'error' ? reject(new Error(`${file}: ${m.message}`)) : resolve(m));
      if (i >= 0) settle(inbox.splice(i, 1)[0]);
      else waiting.push({ type, resolve: settle });
    });
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`))));
  if (init) proc.send(init as object);
  const ready = await Promise.race([next('ready'), exited]);
  exited.catch(() => {});
  return { proc, port: (ready as { port: number }).port, next };
}

async function stopChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  const done = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
  c.proc.send({ type: 'stop' });
  const timer = setTimeout(() => c.proc.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

/** One request with a plain agent-less client (setup calls only). */
function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface LoadResult {
  rps: number;
  count: number;
  seconds: number;
  latency: ReturnType<typeof summarize>;
  genCpuPct: number;
  machineIdlePct: number;
}

function cpuTimes() {
  return cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, total: a.total + c.times.idle + c.times.user + c.times.sys + c.times.nice + c.times.irq }), {
    idle: 0,
    total: 0,
  });
}

/** N keep-alive loops hammering GET path for `seconds`; throws on the first non-200. */
async function load(port: number, path: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const lat = new Samples();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let last = start;
  const cpu0 = process.cpuUsage();
  const m0 = cpuTimes();
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const t = performance.now();
      const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers }, (res) => {
        if (res.statusCode !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => reject(new Error(`GET ${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 500)}`)));
          return;
        }
        res.on('data', () => {});
        res.on('end', () => {
          const now = performance.now();
          if (now <= end) {
            lat.push(now - t);
            count++;
            last = now;
          }
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const loop = async () => {
    while (performance.now() < end) await once();
  };
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    agent.destroy();
  }
  const cpu = process.cpuUsage(cpu0);
  const m1 = cpuTimes();
  const elapsed = (last - start) / 1000;
  return {
    rps: count / elapsed,
    count,
    seconds: elapsed,
    latency: summarize(lat.values()),
    genCpuPct: (100 * (cpu.user + cpu.system)) / 1000 / (performance.now() - start),
    machineIdlePct: (100 * (m1.idle - m0.idle)) / Math.max(1, m1.total - m0.total),
  };
}

/** Warm-up, then a measured window with the child's CPU and event-loop utilisation alongside. */
async function measure(
  child: Child,
  path: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  warmup: number,
  dbUrl: string | null,
) {
  await load(child.port, path, headers, connections, warmup);
  child.proc.send({ type: 'mark' });
  await child.next('stats');
  const db0 = dbUrl ? pgCpuMs(dbUrl) : null;
  const result = await load(child.port, path, headers, connections, seconds);
  const db1 = dbUrl ? pgCpuMs(dbUrl) : null;
  child.proc.send({ type: 'mark' });
  const stats = (await child.next('stats')) as Extract<ChildMessage, { type: 'stats' }>;
  const all = Math.max(1, result.count); // (the CPU window also covers the <= N requests still in flight at the end)
  return {
    ...result,
    serverCpuPct: (100 * stats.cpuMs) / stats.wallMs,
    serverElu: stats.elu,
    serverCpuMsPerReq: stats.cpuMs / all,
    dbCpuMsPerReq: db0 !== null && db1 !== null ? (db1 - db0) / all : null,
  };
}

/** Sets up the app on one engine: child server, admin login, one person; returns what the load needs. */
async function appServer(engine: 'pglite' | 'postgres', cleanups: (() => Promise<void> | void)[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ADMIN_PASSWORD, LOG_LEVEL: 'warn', COOKIE_SECURE: 'false', DEMO_PERSONS: '0', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-http-lite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env.DATA_DIR = dir;
  } else {
    log('starting a throwaway PostgreSQL cluster');
    const pg = await startThrowawayPg();
    cleanups.push(() => pg.stop());
    env.DATABASE_URL = pg.url;
  }
  log(`starting the app server (${engine}) in a child process`);
  const app = await startChild('http-server.ts', env);
  cleanups.push(() => stopChild(app));

  const login = await request(app.port, 'POST', '/api/auth/login', {}, { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${login.body}`);
  const setCookie = login.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error('login set no cookie');
  const cookie = setCookie.split(';')[0];
  const csrf = (JSON.parse(login.body.toString()) as { csrfToken: string }).csrfToken;
  const created = await request(
    app.port,
    'POST',
    '/api/persons',
    { cookie, 'x-csrf-token': csrf },
    {
      fullName: 'Nguyễn Văn Đức',
      birthDate: '1985-03-12',
      sex: 'male',
      nationalId: '092085123456',
      phone: '0912345678',
      occupation: 'Giáo viên',
      workplace: 'Trường THPT Châu Văn Liêm',
      address: '12 Đường 30 Tháng 4, Phường Cái Khế',
      communeCode: '31117',
    },
  );
  if (created.status !== 201) throw new Error(`create person answered ${created.status}: ${created.body}`);
  const id = (JSON.parse(created.body.toString()) as { person: { id: string } }).person.id;
  const path = `/api/persons/${id}`;
  const first = await request(app.port, 'GET', path, { cookie });
  if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body}`);
  return { app, path, cookie, sample: first, dbUrl: env.DATABASE_URL ?? null };
}

export async function run(args: string[]): Promise<void> {
  const f = flags(args, { db: 'both', seconds: '10', connections: '32', warmup: '3', profile: 'false' }, USAGE);
  const seconds = num(f.seconds, 'seconds');
  const connections = Math.round(num(f.connections, 'connections'));
  const warmup = Number(f.warmup) >= 0 ? Number(f.warmup) : 3;
  const ctx = { ...machine(), connections, seconds };

  for (const engine of engines(f.db, ['pglite', 'postgres'])) {
    const cleanups: (() => Promise<void> | void)[] = [];
    try {
      const { app, path, cookie, sample, dbUrl } = await appServer(engine, cleanups);
      // The baseline answers with the app's exact body and headers (minus per-connection ones).
      const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
      const headers = Object.fromEntries(Object.entries(sample.headers).filter(([k, v]) => !skip.has(k) && typeof v === 'string')) as Record<string, string>;
      const bare = await startChild('bare-server.ts', { ...process.env }, { type: 'init', body: sample.body.toString('base64'), headers });
      cleanups.push(() => stopChild(bare));

      log(`[${engine}] bare node:http baseline: ${warmup}s warm-up + ${seconds}s, ${connections} connections`);
      const base = await measure(bare, path, { cookie }, connections, seconds, warmup, null);
      log(
        `[${engine}] bare: ${base.rps.toFixed(0)} req/s, p50 ${base.latency.p50.toFixed(2)} ms, p99 ${base.latency.p99.toFixed(2)} ms; server CPU ${base.serverCpuPct.toFixed(0)} % = ${base.serverCpuMsPerReq.toFixed(3)} ms/request, generator CPU ${base.genCpuPct.toFixed(0)} %, machine idle ${base.machineIdlePct.toFixed(0)} %`,
      );
      log(`[${engine}] app GET ${path}: ${warmup}s warm-up + ${seconds}s`);
      const res = await measure(app, path, { cookie }, connections, seconds, warmup, dbUrl);
      log(
        `[${engine}] app: ${res.rps.toFixed(0)} req/s, p50 ${res.latency.p50.toFixed(2)} ms, p99 ${res.latency.p99.toFixed(2)} ms; server CPU ${res.serverCpuPct.toFixed(0)} % = ${res.serverCpuMsPerReq.toFixed(2)} ms/request${res.dbCpuMsPerReq !== null ? ` + PostgreSQL ${res.dbCpuMsPerReq.toFixed(2)} ms/request` : ''} (event loop ${(res.serverElu * 100).toFixed(0)} % busy), generator CPU ${res.genCpuPct.toFixed(0)} %, machine idle ${res.machineIdlePct.toFixed(0)} %`,
      );

      const extra = { db: engine, ...ctx, body_bytes: sample.body.length };
      const side = (r: typeof res | typeof base) => ({
        server_cpu_ms_per_req: Number(r.serverCpuMsPerReq.toFixed(3)),
        ...(r.dbCpuMsPerReq !== null ? { db_cpu_ms_per_req: Number(r.dbCpuMsPerReq.toFixed(3)) } : {}),
        server_cpu_pct: Math.round(r.serverCpuPct),
        server_elu: Math.round(r.serverElu * 100) / 100,
        generator_cpu_pct: Math.round(r.genCpuPct),
        machine_idle_pct: Math.round(r.machineIdlePct),
        requests: r.count,
      });
      emit({
        name: 'http.person_get.rps',
        value: res.rps,
        unit: 'req/s',
        baseline: base.rps,
        ratio: ratioOf(res.rps, base.rps),
        ...extra,
        ...side(res),
        baseline_detail: side(base),
      });
      emit({
        name: 'http.person_get.p50',
        value: res.latency.p50,
        unit: 'ms',
        baseline: base.latency.p50,
        ratio: ratioOf(res.latency.p50, base.latency.p50),
        ...extra,
      });
      emit({
        name: 'http.person_get.p99',
        value: res.latency.p99,
        unit: 'ms',
        baseline: base.latency.p99,
        ratio: ratioOf(res.latency.p99, base.latency.p99),
        ...extra,
      });

      if (f.profile === 'true') {
        log(`[${engine}] profiling the app child for ${seconds}s under the same load`);
        app.proc.send({ type: 'profile-start' });
        await app.next('stats');
        const profiled = await load(app.port, path, { cookie }, connections, seconds);
        app.proc.send({ type: 'profile-stop' });
        const { path: file } = (await app.next('profile')) as Extract<ChildMessage, { type: 'profile' }>;
        log(`[${engine}] profiled window: ${profiled.rps.toFixed(0)} req/s (profiler overhead included); profile: ${file}`);
        process.stderr.write(summarizeProfile(file));
      }
    } finally {
      for (const c of cleanups.reverse()) {
        try {
          await c();
        } catch (err) {
          log(`cleanup: ${(err as Error).message}`);
        }
      }
    }
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time by package/file and by function, and inclusive time of the project's own functions. */
export function summarizeProfile(file: string, top = 18): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (url: string) => {
    if (!url) return '';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith('node:')) return url;
    const i = url.indexOf('/src/');
    return i >= 0 ? url.slice(i + 1) : url.replace(/^file:\/\//, '');
  };
  const fnKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id)!;
    total += dt;
    self.set(fnKey(n), (self.get(fnKey(n)) ?? 0) + dt);
    const bucket = where(n.callFrame.url) || n.callFrame.functionName || '(native)';
    pkg.set(bucket, (pkg.get(bucket) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      if (!node.callFrame.url.includes('/src/') && !node.callFrame.url.includes('/bench/')) continue;
      const k = fnKey(node);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  });
  const table = (title: string, m: Map<string, number>) => {
    const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    return (
      `  ${title}\n` + rows.map(([k, ms]) => `    ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n') + '\n'
    );
  };
  return (
    `CPU profile of the app child (${total.toFixed(0)} ms sampled, idle included):\n` +
    table('self time by package / file', pkg) +
    table('self time by function', self) +
    table('inclusive time, project functions', incl)
  );
}
