import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, logInAt, openPage, shown, startWebServer, type WebServer } from './harness';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('API tokens page', () => {
  it('an administrator issues a token, sees it once, a system uses it, and revoking stops it at once', async () => {
    const { page, close } = await openPage(browser);
    await logInAt(page, `${server.url}/quan-tri/khoa-api`);
    await shown(page.getByText('Chưa cấp khóa API nào'));
    await page.getByRole('button', { name: 'Cấp khóa API' }).click();
    const dialog = page.getByRole('dialog');
    // saving empty names the fields in Vietnamese
    await dialog.getByRole('button', { name: 'Cấp khóa' }).click();
    await shown(dialog.getByText('Khóa API phải có ít nhất một quyền'));
    await dialog.getByLabel('Tên (hệ thống dùng khóa)').fill('Phần mềm LIS — CDC Cần Thơ');
    const permissions = dialog.getByRole('combobox', { name: 'Quyền' });
    await permissions.click();
    await permissions.fill('FHIR');
    await page.locator('.ant-select-item-option-active:visible').first().waitFor();
    await permissions.press('Enter');
    await dialog.getByLabel('Tên (hệ thống dùng khóa)').click(); // closes the list over the next field
    await dialog.getByRole('combobox', { name: 'Phạm vi' }).click();
    await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: 'Thành phố Cần Thơ' }).first().click();
    await dialog.getByRole('button', { name: 'Cấp khóa' }).click();
    const secret = page.getByTestId('secret-once');
    await shown(secret);
    const token = (await secret.textContent())!.trim();
    expect(token).toMatch(/^tcch_/);
    await page.getByRole('button', { name: 'Đóng' }).click();
    const row = page.locator('.ant-table-row', { hasText: 'Phần mềm LIS — CDC Cần Thơ' });
    await shown(row.getByText('Đang dùng'));
    await shown(row.getByText('testing.read'));
    expect(await page.content()).not.toContain(token);

    const fhir = () => fetch(`${server.url}/api/fhir/Observation?date=2021-09-07`, { headers: { authorization: `Bearer ${token}` } });
    expect((await fhir()).status).toBe(200);

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await shown(row.getByText('Đã thu hồi'));
    const refused = await fhir();
    expect(refused.status).toBe(401);
    // a FHIR route answers its errors as an OperationOutcome
    expect((await refused.json()).issue[0].diagnostics).toBe('Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi');
    await close();
  });
});
