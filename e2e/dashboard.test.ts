import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, logInAt, openPage, shown, startWebServer, type WebServer } from './harness';

/** The command dashboard in Chromium: the first page after login, today's new case on it, and the list behind it. */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const XUAN_KHANH = '31144'; // Phường Xuân Khánh, Quận Ninh Kiều

let server: WebServer;
let browser: Browser;
let admin: ApiClient;
const vnDay = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  const person = await admin.post<{ person: { id: string } }>('/api/persons', {
    fullName: 'Trịnh Văn Bảng',
    birthYear: 1977,
    sex: 'male',
    communeCode: XUAN_KHANH,
  });
  await admin.post('/api/cases', {
    personId: person.person.id,
    confirmedOn: vnDay(),
    confirmingTest: 'PCR-DASH-1',
    detectedIn: 'community',
    sampledOn: vnDay(),
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the command dashboard', () => {
  it('opens after login with today’s new case, and its figure leads to the case list', async () => {
    const { page, close } = await openPage(browser, 1366);
    await logInAt(page, `${server.url}/`);
    await page.waitForURL(/\/bang-dieu-hanh$/);
    const figure = page.getByTestId('figure-new-cases');
    await shown(figure);
    expect(Number((await figure.locator('.ant-statistic-content-value').innerText()).replace(/\./g, ''))).toBeGreaterThanOrEqual(1);
    await shown(page.getByTestId('dashboard-districts').getByText('Quận Ninh Kiều'));
    await page.screenshot({ path: ARTIFACTS + 'dashboard.png', fullPage: true });
    await figure.getByRole('link', { name: 'Ca mắc mới' }).click();
    await shown(page.getByText('Trịnh Văn Bảng'));
    await close();
  });
});
