// npm run bench -- web [--runs 5] [--persons 5000]
//
// The people page (/nguoi-dan) in headless Chromium against the real server (in this process, fresh PGlite,
// synthetic city): time from navigation to interactive (search box enabled and the first page of
// results rendered), cold HTTP cache each run (a new browser context), p50 over the runs; baseline: a
// page with no JS (/health) loaded the same way from the same server. Then the gzip size of every .js
// file the first route loads, against the 600 KB goal.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ADMIN, launchChromium, startWebServer } from '../e2e/harness';
import { emit, flags, log, ratioOf, summarize } from './lib';

const USAGE = 'npm run bench -- web [--runs 5] [--persons 5000]';
const JS_GOAL_KB = 600;
const INTERACTIVE_GOAL_MS = 1500;

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
  } finally {
    await browser.close();
    await server.close();
  }
}
