// npm run bench -- web [--runs 5] [--persons 5000]
//
// The people page (/nguoi-dan) in headless Chromium against the real server (in this process, fresh PGlite,
// synthetic city): time from navigation to interactive (search box enabled and the first page of
// results rendered), cold HTTP cache each run (a new browser context), p50 over the runs; baseline: a
// page with no JS (/health) loaded the same way from the same server. Then the gzip size of every .js
// file the first route loads, against the 600 KB goal.
// Then the risk-level board (/cap-do-dich?day=25/09/2021), after a small outbreak (generateOutbreak, Sep 2021) and
// the assessment of that day and the week before (services.zones.assess): time from navigation until every
// commune of Cần Thơ has its row with a level on screen (web.levels.interactive_ms, p50 of the cold runs, same
// baseline; goal < 1,500 ms), and in each run the switch to the map (click to canvas, `map_ms`).
// Then the command dashboard (/bang-dieu-hanh): until its figures, its table by district and its curve are on screen
// (web.dashboard.interactive_ms, p50 of the cold runs, same baseline; goal < 1,500 ms, issue #16).
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { addDays } from '@domain/dates';
import { ADMIN, launchChromium, startWebServer } from '../e2e/harness';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Services } from '../src/server/services';
import { generateOutbreak } from '../src/server/seed/outbreak';
import { emit, flags, log, ratioOf, summarize } from './lib';

const USAGE = 'npm run bench -- web [--runs 5] [--persons 5000]';
const JS_GOAL_KB = 600;
const INTERACTIVE_GOAL_MS = 1500;
const LEVELS_GOAL_MS = 1500;
const DASHBOARD_GOAL_MS = 1500;
/** A day of the outbreak below, under QĐ 2686 (in force until 10/10/2021). */
const LEVELS_DAY = '2021-09-25';

/** A fresh context (empty cache) with a session made through the API, as a logged-in officer opens a link. */
async function loggedInPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const res = await context.request.post(`${url}/api/auth/login`, { data: ADMIN });
  if (!res.ok()) throw new Error(`login: ${res.status()} ${await res.text()}`);
  return { context, page: await context.newPage() };
}

/** ms from navigation start until the search box is enabled and a result row is on screen. */
async function peopleInteractive(browser: Browser, url: string, collectJs: boolean) {
  const { context, page } = await loggedInPage(browser, url);
  const js = new Map<string, Promise<{ url: string; raw: number; gzip: number }>>();
  if (collectJs) {
    page.on('response', (r) => {
      const url = r.url();
      if (new URL(url).pathname.endsWith('.js') && !js.has(url))
        js.set(
          url,
          r.body().then((b) => ({ url, raw: b.length, gzip: gzipSync(b).length })),
        );
    });
  }
  await page.goto(`${url}/nguoi-dan`, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const input = document.querySelector<HTMLInputElement>('#people-q');
      return !!input && !input.disabled && !!document.querySelector('.ant-table-tbody .ant-table-row');
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await page.evaluate(() => performance.now());
  const files = await Promise.all(js.values());
  await context.close();
  return { ms, files };
}

/** Cases for the board to show (a few clusters in Sep 2021) and the assessments of LEVELS_DAY and the week before (the trend). */
async function seedLevels(services: Services, persons: number): Promise<number> {
  if (persons > 0) {
    const o = await generateOutbreak(services.db, services, {
      provinceCode: DEMO_PROVINCE,
      clusters: 8,
      casesPerCluster: 25,
      seed: 2021,
      startDay: '2021-09-01',
    });
    log(`levels: outbreak of ${o.cases} cases (${o.firstConfirmedOn} → ${o.lastConfirmedOn})`);
  }
  const reports = await services.zones.assess(null, addDays(LEVELS_DAY, -7), LEVELS_DAY);
  const communes = services.units.childrenOf(DEMO_PROVINCE, LEVELS_DAY).flatMap((d) => services.units.childrenOf(d.code, LEVELS_DAY)).length;
  log(`levels: ${reports.length} days assessed, ${reports.at(-1)!.units} units on ${LEVELS_DAY}; ${communes} communes in province ${DEMO_PROVINCE}`);
  return communes;
}

/** ms from navigation start until every commune's row shows a level; then ms from the click on the map tab to its canvas. */
async function levelsInteractive(browser: Browser, url: string, communes: number) {
  const { context, page } = await loggedInPage(browser, url);
  await page.goto(`${url}/cap-do-dich?day=${LEVELS_DAY}`, { waitUntil: 'commit' });
  await page.waitForFunction((n) => document.querySelectorAll('.ant-table-tbody .ant-table-row-level-2 .ant-tag').length >= n, communes, {
    polling: 'raf',
    timeout: 30_000,
  });
  const ms = await page.evaluate(() => performance.now());
  const rows = await page.locator('.ant-table-tbody .ant-table-row').count();
  const clicked = await page.evaluate(() => performance.now());
  await page.getByText('Bản đồ', { exact: true }).click();
  await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
  const mapMs = (await page.evaluate(() => new Promise<number>((res) => requestAnimationFrame(() => res(performance.now()))))) - clicked;
  await context.close();
  return { ms, rows, mapMs };
}

/** ms from navigation start until the dashboard shows its figures, its table by district and its curve's canvas. */
async function dashboardInteractive(browser: Browser, url: string) {
  const { context, page } = await loggedInPage(browser, url);
  await page.goto(`${url}/bang-dieu-hanh`, { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      !!document.querySelector('[data-testid="figure-new-cases"] .ant-statistic-content-value') &&
      !!document.querySelector('[data-testid="dashboard-districts"] .ant-table-row') &&
      !!document.querySelector('canvas'),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

/** ms from navigation start to the load event of a page with no JS from the same server. */
async function bareLoad(browser: Browser, url: string) {
  const { context, page } = await loggedInPage(browser, url);
  await page.goto(`${url}/health`, { waitUntil: 'load' });
  const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await context.close();
  return ms;
}

export async function run(args: string[]): Promise<void> {
  const opts = flags(args, { runs: '5', persons: '5000' }, USAGE);
  const runs = Math.max(1, Number(opts.runs));
  const persons = Math.max(0, Number(opts.persons));
  log(`web: starting the server (${persons} synthetic persons) and Chromium`);
  const server = await startWebServer({ demoPersons: persons });
  const browser = await launchChromium();
  try {
    await peopleInteractive(browser, server.url, false); // server-side warm-up (PGlite caches, first audit rows)
    const page: number[] = [];
    const bare: number[] = [];
    let files: { url: string; raw: number; gzip: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await peopleInteractive(browser, server.url, i === 0);
      if (i === 0) files = r.files;
      page.push(r.ms);
      bare.push(await bareLoad(browser, server.url));
      log(`run ${i + 1}/${runs}: people interactive ${r.ms.toFixed(0)} ms, bare page ${bare[i].toFixed(1)} ms`);
    }
    const p50 = summarize(page).p50;
    const baseline = summarize(bare).p50;
    emit({
      name: 'web.people.interactive_ms',
      value: p50,
      unit: 'ms',
      baseline,
      ratio: ratioOf(p50, baseline),
      goal: INTERACTIVE_GOAL_MS,
      runs: page.map(Math.round),
      persons,
    });
    const gzipKb = files.reduce((t, f) => t + f.gzip, 0) / 1024;
    const rawKb = files.reduce((t, f) => t + f.raw, 0) / 1024;
    for (const f of files.sort((a, b) => b.gzip - a.gzip)) log(`  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip  ${new URL(f.url).pathname}`);
    emit({
      name: 'web.people.js_gzip_kb',
      value: gzipKb,
      unit: 'KB',
      baseline: JS_GOAL_KB,
      ratio: ratioOf(gzipKb, JS_GOAL_KB),
      files: files.length,
      rawKb: Math.round(rawKb),
    });

    const communes = await seedLevels(server.services, persons);
    await levelsInteractive(browser, server.url, communes); // warm-up
    const levels: number[] = [];
    const maps: number[] = [];
    const levelsBare: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const r = await levelsInteractive(browser, server.url, communes);
      levels.push(r.ms);
      maps.push(r.mapMs);
      rows = r.rows;
      levelsBare.push(await bareLoad(browser, server.url));
      log(
        `run ${i + 1}/${runs}: levels interactive ${r.ms.toFixed(0)} ms (${r.rows} rows), map ${r.mapMs.toFixed(0)} ms, bare page ${levelsBare[i].toFixed(1)} ms`,
      );
    }
    const levelsP50 = summarize(levels).p50;
    const levelsBase = summarize(levelsBare).p50;
    emit({
      name: 'web.levels.interactive_ms',
      value: levelsP50,
      unit: 'ms',
      baseline: levelsBase,
      ratio: ratioOf(levelsP50, levelsBase),
      goal: LEVELS_GOAL_MS,
      runs: levels.map(Math.round),
      day: LEVELS_DAY,
      communes,
      rows,
      map_ms: Math.round(summarize(maps).p50),
      map_runs: maps.map(Math.round),
      persons,
    });

    await dashboardInteractive(browser, server.url); // warm-up
    const dash: number[] = [];
    const dashBare: number[] = [];
    for (let i = 0; i < runs; i++) {
      dash.push(await dashboardInteractive(browser, server.url));
      dashBare.push(await bareLoad(browser, server.url));
      log(`run ${i + 1}/${runs}: dashboard interactive ${dash[i].toFixed(0)} ms, bare page ${dashBare[i].toFixed(1)} ms`);
    }
    const dashP50 = summarize(dash).p50;
    const dashBase = summarize(dashBare).p50;
    emit({
      name: 'web.dashboard.interactive_ms',
      value: dashP50,
      unit: 'ms',
      baseline: dashBase,
      ratio: ratioOf(dashP50, dashBase),
      goal: DASHBOARD_GOAL_MS,
      runs: dash.map(Math.round),
      persons,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
