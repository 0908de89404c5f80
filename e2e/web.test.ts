import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, shown } from './harness';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều
const THOI_LAI = '31258'; // Thị trấn Thới Lai, Huyện Thới Lai
const OFFICER = { username: 'canbo.caikhe', password: 'mat-khau-can-bo-1' };

let server: WebServer;
let browser: Browser;
let elsewhereId: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  const admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  await admin.post('/api/persons', { fullName: 'Nguyễn Văn Đức', birthYear: 1980, sex: 'male', communeCode: CAI_KHE });
  await admin.post('/api/persons', { fullName: 'Nguyễn Văn Bình', birthDate: '1975-06-02', sex: 'male', communeCode: CAI_KHE });
  const other = await admin.post<{ person: { id: string } }>('/api/persons', {
    fullName: 'Trần Thị Hoa',
    birthYear: 1990,
    sex: 'female',
    communeCode: THOI_LAI,
  });
  elsewhereId = other.person.id;
  await admin.post('/api/users', {
    username: OFFICER.username,
    fullName: 'Lê Thị Cán Bộ',
    role: 'commune_officer',
    scopeUnits: [CAI_KHE],
    password: OFFICER.password,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = async (width = 1280) => {
  const { page, close } = await openPage(browser, width);
  return { page, context: { close } };
};
const logIn = (page: Page, path: string, who: { username: string; password: string }) => logInAt(page, server.url + path, who);

/** An antd Select with search: type to filter, Enter picks the first match. */
async function choose(page: Page, label: string, text: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await box.press('Enter');
}

describe('web app in Chromium', () => {
  it('logs in and shows the menu of the modules the role may use', async () => {
    const { context, page } = await newPage();
    await logIn(page, '/', ADMIN);
    const menu = page.getByRole('menu').first();
    await shown(menu.getByText('Tổng quan địa bàn'));
    await shown(menu.getByText('Người dân'));
    await shown(menu.getByText('Nhật ký truy cập'));
    // the first page after login is the command dashboard (the menu's first entry)
    await shown(page.getByRole('heading', { name: /^Tình hình dịch ngày/ }));
    await menu.getByText('Tổng quan địa bàn').click();
    await shown(page.getByRole('heading', { name: 'Thành phố Cần Thơ' }));
    await page.screenshot({ path: ARTIFACTS + 'web-geography.png', fullPage: true });
    await context.close();
  });

  it('finds "Nguyễn Văn …" when searching "nguyen van"', async () => {
    const { context, page } = await newPage();
    await logIn(page, '/nguoi-dan', ADMIN);
    const search = page.getByLabel('Tìm theo họ tên, CCCD/CMND hoặc số điện thoại');
    await search.fill('nguyen van');
    await page.waitForURL(/q=nguyen\+van/);
    await shown(page.getByText('2 người', { exact: true }));
    const rows = page.locator('.ant-table-row');
    await shown(rows.filter({ hasText: 'Nguyễn Văn Đức' }));
    await shown(rows.filter({ hasText: 'Nguyễn Văn Bình' }));
    expect(await rows.filter({ hasText: 'Trần Thị Hoa' }).count()).toBe(0);
    await page.screenshot({ path: ARTIFACTS + 'web-people-search.png', fullPage: true });
    await context.close();
  });

  it('creates a household with two members through the form', async () => {
    const { context, page } = await newPage();
    await logIn(page, '/ho-gia-dinh/them', ADMIN);
    await page.getByLabel('Địa chỉ hộ').fill('12 đường Hai Bà Trưng, khu vực 1');
    await choose(page, 'Quận/huyện', 'ninh kieu');
    await choose(page, 'Xã/phường/thị trấn', 'cai khe');

    const first = page.getByTestId('member-0');
    await first.getByLabel('Họ và tên').fill('Phạm Văn Long');
    await first.getByText('Nam', { exact: true }).click();
    await first.getByLabel('Ngày sinh').fill('15/03/1985');
    await expect.poll(() => first.getByLabel('Năm sinh').inputValue()).toBe('1985');

    await page.getByRole('button', { name: 'Thêm nhân khẩu' }).click();
    const second = page.getByTestId('member-1');
    await second.getByLabel('Họ và tên').fill('Võ Thị Mai');
    await second.getByText('Nữ', { exact: true }).click();
    await second.getByLabel('Năm sinh').fill('1988');
    await page.getByRole('radio', { name: 'Võ Thị Mai' }).check();
    await page.screenshot({ path: ARTIFACTS + 'web-household-form.png', fullPage: true });

    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/ho-gia-dinh\/[0-9a-f-]{36}$/);
    const members = page.getByTestId('household-members');
    await shown(members.getByText('Phạm Văn Long'));
    await shown(members.getByText('Võ Thị Mai'));
    await shown(members.locator('tr', { hasText: 'Võ Thị Mai' }).getByText('Chủ hộ'));
    await page.screenshot({ path: ARTIFACTS + 'web-household.png', fullPage: true });
    await context.close();
  });

  it('warns about a likely duplicate before the person is saved', async () => {
    const { context, page } = await newPage();
    await logIn(page, '/nguoi-dan/them', ADMIN);
    await page.getByLabel('Họ và tên').fill('Nguyen Van Duc');
    await page.getByLabel('Năm sinh').fill('1980');
    await choose(page, 'Quận/huyện', 'ninh kieu');
    await choose(page, 'Xã/phường/thị trấn', 'cai khe');
    const warning = page.getByTestId('duplicate-warnings');
    await shown(warning.getByText('Nguyễn Văn Đức'));
    await shown(warning.getByRole('button', { name: 'Gộp hồ sơ' }));
    await context.close();
  });

  it('shows "not found" to a commune officer opening a person of another commune', async () => {
    const { context, page } = await newPage();
    await logIn(page, `/nguoi-dan/${elsewhereId}`, OFFICER);
    await page.waitForURL(new RegExp(`/nguoi-dan/${elsewhereId}$`));
    await shown(page.getByText('Không tìm thấy người này'));
    expect(await page.getByText('Trần Thị Hoa').count()).toBe(0);
    await page.screenshot({ path: ARTIFACTS + 'web-out-of-scope.png', fullPage: true });
    await context.close();
  });

  it('switches to English and back, and keeps the choice', async () => {
    const { context, page } = await newPage();
    await logIn(page, '/nguoi-dan', ADMIN);
    const menu = page.getByRole('menu').first();
    await shown(menu.getByText('Người dân'));
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await shown(menu.getByText('People', { exact: true }));
    await shown(menu.getByText('Area overview'));
    await shown(page.getByRole('heading', { name: 'People' }));
    await page.reload();
    await shown(page.getByRole('menu').first().getByText('People', { exact: true }));
    await page.screenshot({ path: ARTIFACTS + 'web-people-en.png', fullPage: true });
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
    await shown(page.getByRole('menu').first().getByText('Người dân'));
    await shown(page.getByRole('heading', { name: 'Người dân' }));
    await context.close();
  });

  it('is usable on a 390 px wide phone: the menu is a drawer, the list scrolls', async () => {
    const { context, page } = await newPage(390);
    await logIn(page, '/nguoi-dan', ADMIN);
    await shown(page.locator('.ant-table-row').first());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'web-people-390.png', fullPage: true });
    await page.getByTestId('menu-toggle').click();
    await shown(page.locator('.ant-drawer').getByText('Tổng quan địa bàn'));
    await page.waitForTimeout(400); // the drawer's slide-in
    await page.screenshot({ path: ARTIFACTS + 'web-menu-390.png' });
    await context.close();
  });
});
