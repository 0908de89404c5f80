import { Cron } from 'croner';
import { sql } from 'kysely';
import type { Db } from '../db/connect';

/** Every "day" of the product is a day in Vietnam: schedules are read in this zone. */
export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** Scheduled work a module declares in its manifest (ServerModule.jobs). */
export interface JobSpec<S = unknown> {
  /** `<module>.<what>`, unique. */
  name: string;
  /** A cron pattern (croner: 5 fields, or 6 with seconds), read in Vietnam time. */
  schedule: string;
  summary: string;
  /** Does the work for the run due at `at`; answers counts for the log (rows purged, communes assessed…). */
  run(services: S, at: Date): Promise<Record<string, number>>;
}

export interface JobRun {
  job: string;
  at: Date;
  ok: boolean;
  ms: number;
  /** The job's counts, or why it did not run. */
  result?: Record<string, number>;
  error?: string;
  /** Another process holds the job's lock (PostgreSQL): this one skipped the run. */
  skipped?: boolean;
}

/** Is the pattern one croner accepts? The message croner gives if not. */
export function scheduleProblem(pattern: string): string | null {
  try {
    new Cron(pattern, { timezone: JOB_TIMEZONE, paused: true }).stop();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The jobs with their schedules overridden by the configuration (`name=pattern;name=pattern`, JOB_SCHEDULES): the
 * configured hour of a daily assessment or report. An unknown job name or a pattern croner refuses is an error.
 */
export function withSchedules<S>(jobs: readonly JobSpec<S>[], overrides: string): JobSpec<S>[] {
  const byName = new Map<string, string>();
  for (const part of overrides
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const pattern = part.slice(eq + 1).trim();
    if (eq < 1 || !jobs.some((j) => j.name === name)) throw new Error(`JOB_SCHEDULES: không có việc định kỳ «${name || part}»`);
    const bad = scheduleProblem(pattern);
    if (bad) throw new Error(`JOB_SCHEDULES: lịch «${pattern}» của «${name}» không hợp lệ (${bad})`);
    byName.set(name, pattern);
  }
  return jobs.map((j) => (byName.has(j.name) ? { ...j, schedule: byName.get(j.name)! } : j));
}

/**
 * Runs the modules' jobs on their schedules (croner, Vietnam time). A run never overlaps the previous run of the
 * same job (croner's protect), and on PostgreSQL only one process runs it (a session advisory lock keyed by the
 * job's name; the others skip). A failing run is logged and the schedule goes on.
 */
export class JobRunner<S> {
  private crons: Cron[] = [];
  readonly runs: JobRun[] = [];

  constructor(
    private readonly db: Db,
    private readonly services: S,
    private readonly jobs: readonly JobSpec<S>[],
    private readonly log: (run: JobRun) => void = () => {},
  ) {}

  start(): void {
    for (const job of this.jobs) {
      this.crons.push(
        new Cron(job.schedule, { name: job.name, timezone: JOB_TIMEZONE, protect: true }, async () => {
          await this.runNow(job.name);
        }),
      );
    }
  }

  /** When each job runs next. */
  nextRuns(): { job: string; next: Date | null }[] {
    return this.jobs.map((job) => ({ job: job.name, next: new Cron(job.schedule, { timezone: JOB_TIMEZONE, paused: true }).nextRun() }));
  }

  async runNow(name: string, at: Date = new Date()): Promise<JobRun> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    const t0 = performance.now();
    let run: JobRun;
    try {
      const result = await this.once(job, at);
      run =
        result === null
          ? { job: name, at, ok: true, skipped: true, ms: performance.now() - t0 }
          : { job: name, at, ok: true, result, ms: performance.now() - t0 };
    } catch (e) {
      run = { job: name, at, ok: false, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
    }
    this.runs.push(run);
    if (this.runs.length > 100) this.runs.shift();
    this.log(run);
    return run;
  }

  /** The run, under the job's lock on PostgreSQL (PGlite's directory belongs to one process: no lock needed); null if another process holds it. */
  private async once(job: JobSpec<S>, at: Date): Promise<Record<string, number> | null> {
    if (this.db.kind !== 'postgres') return job.run(this.services, at);
    return this.db.kysely.connection().execute(async (conn) => {
      const key = sql`hashtextextended(${`job:${job.name}`}, 0)`;
      const locked = (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn)).rows[0].ok;
      if (!locked) return null;
      try {
        return await job.run(this.services, at);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(conn);
      }
    });
  }

  stop(): void {
    for (const c of this.crons) c.stop();
    this.crons = [];
  }
}
