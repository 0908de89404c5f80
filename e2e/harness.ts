import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildApp } from '@server/app';
import { bootstrap } from '@server/bootstrap';
import { loadConfig } from '@server/config';
import type { Services } from '@server/services';
import { buildWebIfStale } from '../scripts/build-web.mjs';

export const ADMIN = { username: 'admin', password: 'e2e-admin-password' };

export interface WebServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * The whole app in this process, as `npm start` runs it: the web bundle (rebuilt when stale), a fresh
 * PGlite database in a temp directory, the Fastify server on a free loopback port.
 */
export async function startWebServer(opts: { demoPersons?: number } = {}): Promise<WebServer> {
  buildWebIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'tc-web-'));
  const config = loadConfig({
    DATA_DIR: join(dataDir, 'pglite'),
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_PERSONS: String(opts.demoPersons ?? 0),
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    PORT: '0',
    LOGIN_RATE_PER_MINUTE: '1000',
  });
  const started = await bootstrap(config, { seedDemo: (opts.demoPersons ?? 0) > 0 });
  const app = await buildApp(started.services, config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    services: started.services,
    async close() {
      await app.close();
      await started.services.audit.flush();
      await started.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A JSON client of the running server with its own session (cookie and CSRF token). */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly base: string) {}

  async login(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  private async send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** A fresh browser context and page (phones below 500 px wide); close() fails the test on script errors or CSP violations seen meanwhile. */
export async function openPage(browser: Browser, width = 1280): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Uncaught/.test(msg.text())) problems.push(msg.text());
  });
  return {
    page,
    async close() {
      await context.close();
      expect(problems).toEqual([]);
    },
  };
}

/** Goes to a page and logs in through the login form it redirects to. */
export async function logInAt(page: Page, url: string, who: { username: string; password: string } = ADMIN) {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Waits until the first match is visible. */
export const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 });

/** The visible option of an open select with this text. */
export const option = (page: Page, text: string) => page.locator('.ant-select-item-option:visible', { hasText: text }).first();

/** Chooses an option of a select once it can be opened (its options may load after the field it depends on); waits for it to close. */
export async function pick(page: Page, box: Locator, text: string) {
  const item = option(page, text);
  await expect.poll(() => box.isEnabled(), { timeout: 15_000 }).toBe(true);
  for (let i = 0; i < 30 && !(await item.isVisible()); i++) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await box.click({ force: true });
    await page.waitForTimeout(300);
  }
  await item.click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}
