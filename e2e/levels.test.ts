import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, shown } from './harness';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều
const DAY = '2021-11-15';

let server: WebServer;
let browser: Browser;
let admin: ApiClient;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  // an outbreak in one commune: 2 community cases in a week among 1,000 people (200 per 100,000)
  await admin.put(`/api/units/${CAI_KHE}/population`, { asOf: '2019-04-01', source: 'Tổng điều tra dân số 2019', count: 1000 });
  for (const [name, day] of [
    ['Trần Thị Mai', '2021-11-12'],
    ['Phạm Văn Hùng', '2021-11-14'],
  ]) {
    const created = await admin.post<{ person: { id: string } }>('/api/persons', { fullName: name, birthYear: 1980, sex: 'female', communeCode: CAI_KHE });
    const personId = created.person.id;
    await admin.post('/api/cases', { personId, confirmedOn: day, confirmingTest: `PCR-${day}`, detectedIn: 'community', sampledOn: day });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const logIn = (page: Page, path: string) => logInAt(page, server.url + path);

describe('risk levels in Chromium', () => {
  it('an outbreak turns its commune red, an official decides level 4 with a number, the map and the measures show it', async () => {
    const { page, close } = await openPage(browser);
    await logIn(page, `/cap-do-dich?day=${DAY}`);
    await shown(page.getByRole('heading', { name: 'Cấp độ dịch' }));
    await shown(page.getByText('Chưa có kết quả đánh giá ngày 15/11/2021.'));
    await page.getByRole('button', { name: 'Đánh giá ngay' }).click();
    const row = page.getByRole('row', { name: /Phường Cái Khế/ });
    await shown(row.getByText('Cấp 4 – Nguy cơ rất cao'));
    await shown(row.getByText('200 ca cộng đồng/100.000 dân', { exact: false }));
    await page.screenshot({ path: ARTIFACTS + 'levels-board.png', fullPage: true });

    await row.getByRole('button', { name: 'Quyết định' }).click();
    const dialog = page.getByRole('dialog');
    await shown(dialog.getByText('Quyết định cấp độ dịch: Phường Cái Khế'));
    await dialog.getByLabel('Số/ký hiệu quyết định').fill('1234/QĐ-UBND');
    await dialog.getByLabel('Người ký').fill('Trần Văn Ký');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByText('Đã ghi quyết định 1234/QĐ-UBND'));
    await shown(row.getByText('1234/QĐ-UBND · 15/11/2021'));

    await page.getByText('Bản đồ', { exact: true }).click();
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    await shown(page.getByText('Cấp 4 – Nguy cơ rất cao'));
    await page.screenshot({ path: ARTIFACTS + 'levels-map.png', fullPage: true });

    await page.goto(`${server.url}/bien-phap?unit=${CAI_KHE}&day=${DAY}`);
    await shown(page.getByRole('heading', { name: /Cấp 4 – Nguy cơ rất cao/ }));
    await shown(page.getByText('theo quyết định', { exact: true }));
    expect(await page.getByRole('row').count()).toBeGreaterThan(5);
    await close();
  });
});
