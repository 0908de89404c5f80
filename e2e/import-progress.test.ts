import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { prepare, ROWS } from '../src/server/test/import-kill-fixtures';
import { launchChromium, logInAt, openPage, shown, startWebServer, type WebServer } from './harness';

/**
 * A large result file in Chromium: while the server works on it the page shows where it is (the server's stages,
 * polled), then the report. The tubes (60,000 single tubes received by one lab) are made in bulk in the server's
 * database, as the import-kill tests make them.
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SERVER_STAGES = ['Đang đọc tệp', 'Đang kiểm tra các dòng với mẫu đã lấy', 'Đang lưu kết quả'];

let server: WebServer;
let browser: Browser;
let dir: string;
let big: Awaited<ReturnType<typeof prepare>>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'tc-progress-'));
  server = await startWebServer();
  big = await prepare(server.services.testing.db, dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large result file in Chromium', () => {
  it(`shows the server's stages while ${ROWS.toLocaleString('en')} rows are imported, then the report`, async () => {
    const { page, close } = await openPage(browser);
    await logInAt(page, server.url + '/xet-nghiem/nhap-ket-qua');
    const lab = page.getByRole('combobox', { name: 'Phòng xét nghiệm' });
    await lab.click({ force: true });
    await lab.fill('thử tắt');
    await page.locator('.ant-select-item-option-active:visible', { hasText: 'Phòng xét nghiệm thử tắt tiến trình' }).waitFor();
    await lab.press('Enter');
    await page.locator('input[type=file]').setInputFiles({ name: 'ket-qua-lon.csv', mimeType: 'text/csv', buffer: big.bytes });
    await shown(page.getByTestId('import-file-name').getByText('ket-qua-lon.csv'));
    // everything the progress area says, recorded in the page as it changes, until the report is there
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent?.trim();
        if (text && said.at(-1) !== text) said.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-submit').click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ state: 'visible', timeout: 120_000 });
    const seen: string[] = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    await shown(done.getByText('Đã nhập tệp ket-qua-lon.csv'));
    expect(await page.getByTestId('import-applied').innerText()).toBe(ROWS.toLocaleString('vi-VN'));
    const stages = seen.filter((t) => SERVER_STAGES.some((s) => t.includes(s)));
    expect(stages.length, `the progress area said: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    await close();
  });
});
