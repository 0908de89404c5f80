import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../modules';
import { CONTRACTS } from '../modules/contracts';
import { newTestApp, type TestApp } from '../test/harness';
import { JobRunner, withSchedules, type JobSpec } from './jobs';
import { defineModule, moduleProblems } from './module';
import type { Services } from '../services';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t.close());

const jobsOf = () => MODULES.flatMap((m) => m.jobs ?? []);

describe('scheduled jobs', () => {
  it('schedules are read in Vietnam time: 03:15 every day is 20:15 UTC the evening before', () => {
    const runner = new JobRunner(t.db, t.services, jobsOf());
    const next = runner.nextRuns().find((r) => r.job === 'auth.purge_sessions')!.next!;
    expect(next.getUTCHours()).toBe(20);
    expect(next.getUTCMinutes()).toBe(15);
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });

  it('the sessions purge deletes expired sessions only, and says how many', async () => {
    const officer = await t.as('commune_officer', ['31117']);
    const me = (await officer.get('/api/auth/me')).json();
    const k = t.db.kysely;
    await k
      .insertInto('sessions')
      .values([
        { token_hash: 'expired-1', user_id: me.id, csrf_token: 'x', ip: null, expires_at: new Date('2021-09-01T00:00:00Z') },
        { token_hash: 'expired-2', user_id: me.id, csrf_token: 'x', ip: null, expires_at: new Date('2021-09-02T00:00:00Z') },
      ])
      .execute();
    const before = Number(
      (
        await k
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const run = await new JobRunner(t.db, t.services, jobsOf()).runNow('auth.purge_sessions');
    expect(run).toMatchObject({ job: 'auth.purge_sessions', ok: true, result: { sessions: 2 } });
    const after = Number(
      (
        await k
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before - 2);
    // the live session still works
    expect((await officer.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a failing run is recorded with its error and does not stop the runner', async () => {
    let calls = 0;
    const jobs: JobSpec<Services>[] = [
      {
        name: 'x.fails',
        schedule: '0 6 * * *',
        summary: 'x',
        run: async () => {
          calls++;
          throw new Error('hỏng');
        },
      },
      { name: 'x.works', schedule: '0 6 * * *', summary: 'x', run: async () => ({ done: ++calls }) },
    ];
    const logged: string[] = [];
    const runner = new JobRunner(t.db, t.services, jobs, (r) => logged.push(`${r.job} ${r.ok}`));
    expect(await runner.runNow('x.fails')).toMatchObject({ ok: false, error: 'hỏng' });
    expect(await runner.runNow('x.works')).toMatchObject({ ok: true, result: { done: 2 } });
    expect(logged).toEqual(['x.fails false', 'x.works true']);
  });

  it('on PostgreSQL a job another process is running is skipped (advisory lock)', async () => {
    if (t.db.kind !== 'postgres') {
      // PGlite's data directory is opened by one process: no lock, the run goes ahead
      const run = await new JobRunner(t.db, t.services, jobsOf()).runNow('auth.purge_sessions');
      expect(run.skipped).toBeUndefined();
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const slow: JobSpec<Services> = {
      name: 'x.slow',
      schedule: '0 6 * * *',
      summary: 'x',
      run: async () => {
        await held;
        return { n: 1 };
      },
    };
    const first = new JobRunner(t.db, t.services, [slow]).runNow('x.slow');
    await new Promise((r) => setTimeout(r, 200));
    const second = await new JobRunner(t.db, t.services, [slow]).runNow('x.slow');
    release();
    expect(second).toMatchObject({ ok: true, skipped: true });
    expect(await first).toMatchObject({ ok: true, result: { n: 1 } });
  });

  it('a module whose job has a bad schedule, a foreign name or a twin refuses to start', () => {
    const auth = MODULES.find((m) => m.contract.name === 'auth')!;
    const bad = defineModule({
      ...auth,
      jobs: [
        ...auth.jobs!,
        { name: 'auth.purge_sessions', schedule: 'mỗi ngày', summary: 'x', run: async () => ({}) },
        { name: 'cases.x', schedule: '0 6 * * *', summary: 'x', run: async () => ({}) },
      ],
    });
    const problems = moduleProblems(
      MODULES.map((m) => (m === auth ? bad : m)),
      CONTRACTS,
      (m) => m.routes(t.services, t.config),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('Việc định kỳ «auth.purge_sessions» được khai báo hai lần trong module «auth»');
    expect(problems[1]).toMatch(/^Module «auth»: lịch «mỗi ngày» của việc định kỳ «auth.purge_sessions» không hợp lệ/);
    expect(problems[2]).toBe('Module «auth»: việc định kỳ «cases.x» phải mang tên «auth.…»');
  });

  it('JOB_SCHEDULES moves a job to the configured hour (Vietnam time) and refuses an unknown job or a bad pattern', () => {
    const jobs = withSchedules(jobsOf(), 'zones.assess_daily=30 7 * * *');
    expect(jobs.find((j) => j.name === 'zones.assess_daily')!.schedule).toBe('30 7 * * *');
    expect(jobs.find((j) => j.name === 'auth.purge_sessions')!.schedule).toBe('15 3 * * *');
    const next = new JobRunner(t.db, t.services, jobs).nextRuns().find((r) => r.job === 'zones.assess_daily')!.next!;
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 30]);
    expect(() => withSchedules(jobsOf(), 'zones.nothing=0 6 * * *')).toThrow('JOB_SCHEDULES: không có việc định kỳ «zones.nothing»');
    expect(() => withSchedules(jobsOf(), 'zones.assess_daily=lúc 6 giờ')).toThrow(/JOB_SCHEDULES: lịch «lúc 6 giờ» của «zones.assess_daily» không hợp lệ/);
  });
});
