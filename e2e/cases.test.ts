import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, shown } from './harness';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều

let server: WebServer;
let browser: Browser;
let admin: ApiClient;

/** Days in Vietnam time (UTC+7), as the server counts them. */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vnText = (iso: string) => iso.split('-').reverse().join('/');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  await admin.post('/api/persons', { fullName: 'Lê Văn Cường', birthYear: 1985, sex: 'male', communeCode: CAI_KHE, phone: '0909000111' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (width = 1280) => openPage(browser, width);

const logIn = (page: Page, path: string) => logInAt(page, server.url + path);

describe('cases and contact tracing in Chromium', () => {
  let caseId = '';

  it('records a case, completes the investigation, adds contacts by line list and shows the chain', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/ca-benh');
    await shown(page.getByRole('menu').first().getByText('Ca bệnh & truy vết'));
    await shown(page.getByRole('heading', { name: 'Ca bệnh & truy vết' }));
    await page.getByRole('button', { name: 'Thêm ca bệnh' }).click();
    await page.waitForURL(/\/ca-benh\/them/);

    // 1. The case form
    const person = page.getByRole('combobox', { name: 'Người bệnh' });
    await person.click();
    await person.fill('le van cuong');
    await page.locator('.ant-select-item-option:visible', { hasText: 'Lê Văn Cường' }).first().waitFor();
    await person.press('Enter');
    await page.getByLabel('Ngày khẳng định').fill(vnText(vnDay()));
    await page.getByLabel('Ngày lấy mẫu').fill(vnText(vnDay()));
    await page.getByLabel('Mã xét nghiệm khẳng định').fill('XN-CT-0001');
    await page.screenshot({ path: ARTIFACTS + 'cases-form.png', fullPage: true });
    await page.getByTestId('case-submit').click();
    await page.waitForURL(/\/ca-benh\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await shown(page.getByTestId('case-header').getByText('Lê Văn Cường'));

    // 2. The investigation: required fields, autosave, completion
    const inv = page.getByTestId('investigation');
    await shown(inv);
    await page.getByLabel('Nơi ở hiện tại').fill('12 Hai Bà Trưng, Cái Khế');
    await shown(page.getByText(/Đã lưu nháp lúc \d{2}:\d{2}/));
    await page.getByLabel('Nghề nghiệp, nơi làm việc').fill('Công nhân, KCN Trà Nóc');
    await page.locator('#inv-symptomatic').getByText('Không', { exact: true }).click();
    await page.locator('#inv-sourceKnown').getByText('Không', { exact: true }).click();
    await page.getByLabel('Mô tả nguồn lây nghi ngờ').fill('Chưa rõ, đang điều tra');
    await page.getByRole('combobox', { name: 'Tình trạng tiêm chủng' }).click();
    await page.locator('.ant-select-item-option:visible').first().click();
    const timeline = page.getByTestId('inv-list-timeline');
    await timeline.getByRole('button', { name: 'Thêm dòng' }).click();
    await timeline.getByLabel('Địa điểm').fill('Chợ Tân An');
    await timeline.getByPlaceholder('Từ ngày (dd/mm/yyyy)').fill(vnText(vnDay(-3)));
    await timeline.getByPlaceholder('Đến ngày (dd/mm/yyyy)').fill(vnText(vnDay(-3)));
    await page.screenshot({ path: ARTIFACTS + 'cases-investigation-filled.png', fullPage: true });
    await expect.poll(() => page.getByTestId('inv-missing').count()).toBe(0);
    await page.getByTestId('inv-complete').click();
    await shown(page.getByTestId('inv-status').getByText('Phiếu đã hoàn thành'));
    await page.screenshot({ path: ARTIFACTS + 'cases-investigation.png', fullPage: true });

    // 3. Three contacts pasted from Excel
    await page.getByRole('tab', { name: 'Tiếp xúc' }).click();
    const day = vnText(vnDay(-1));
    const lines = [
      ['Trần Văn An', '1990', 'Nam', '', '0901000001', CAI_KHE, 'unmasked', 'Hộ gia đình', `${day} 08:00`, `${day} 10:00`],
      ['Nguyễn Thị Bích', '1992', 'Nữ', '', '0901000002', CAI_KHE, 'physical', 'Hộ gia đình', `${day} 08:00`, `${day} 10:00`],
      ['Phạm Văn Công', '1970', 'Nam', '', '0901000003', CAI_KHE, 'masked_15min', 'Nơi làm việc', `${day} 13:00`, `${day} 15:00`],
    ]
      .map((cells) => cells.join('\t'))
      .join('\n');
    await page.getByTestId('line-paste').fill(lines);
    await page.getByTestId('line-fill').click();
    await expect.poll(() => page.getByTestId('line-table').locator('.ant-table-row').count()).toBe(3);
    await page.screenshot({ path: ARTIFACTS + 'cases-line-list.png', fullPage: true });
    await page.getByTestId('line-save').click();
    await expect.poll(() => page.getByTestId('contact-row').count(), { timeout: 15_000 }).toBe(3);
    const an = page.getByTestId('contact-row').filter({ hasText: 'Trần Văn An' });
    await shown(an.getByText('F1', { exact: true }));
    await page.screenshot({ path: ARTIFACTS + 'cases-contacts.png', fullPage: true });

    // 4. One F1 becomes F0, with a contact of their own
    const contacts = await admin.get<{ personId: string; fullName: string }[]>(`/api/cases/${caseId}/contacts`);
    const anId = contacts.find((c) => c.fullName === 'Trần Văn An')!.personId;
    await admin.post('/api/cases', {
      personId: anId,
      confirmedOn: vnDay(),
      confirmingTest: 'XN-CT-0002',
      detectedIn: 'home_quarantine',
      sampledOn: vnDay(),
      clinicalStatus: 'mild',
      treatmentPlace: 'home',
    });
    const dung = await admin.post<{ person: { id: string } }>('/api/persons', {
      fullName: 'Võ Thị Dung',
      birthYear: 1995,
      sex: 'female',
      communeCode: CAI_KHE,
    });
    await admin.post('/api/exposures', {
      sourcePersonId: anId,
      exposedPersonId: dung.person.id,
      startAt: `${vnDay(-1)}T18:00:00+07:00`,
      endAt: `${vnDay(-1)}T20:00:00+07:00`,
      contactType: 'unmasked',
      setting: 'community',
    });

    // 5. The chain: An is F0, An's own contact is F1
    await page.goto(`${server.url}/ca-benh/${caseId}?tab=chain`);
    await shown(page.getByTestId('chain-graph').locator('canvas'));
    const nodes = page.getByTestId('chain-nodes');
    await shown(nodes.locator('tr', { hasText: 'Võ Thị Dung' }));
    await shown(nodes.locator('tr', { hasText: 'Trần Văn An' }).getByText('F0', { exact: true }));
    await shown(nodes.locator('tr', { hasText: 'Võ Thị Dung' }).getByText('F1', { exact: true }));
    await shown(nodes.locator('tr', { hasText: 'Lê Văn Cường' }).getByText('F0', { exact: true }));
    await page.screenshot({ path: ARTIFACTS + 'cases-chain.png', fullPage: true });
    await close();
  });

  it('lists the case with the filters and is usable at 390 px', async () => {
    const { page, close } = await newPage(390);
    await logIn(page, '/ca-benh');
    await shown(page.getByTestId('cases-table').locator('.ant-table-row'));
    const href = await page.getByTestId('cases-export').getAttribute('href');
    expect(href).toContain('/api/cases/export.xlsx');
    await page.goto(`${server.url}/ca-benh/${caseId}`);
    await shown(page.getByTestId('investigation'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'cases-390.png', fullPage: true });
    await close();
  });

  it('shows a line-list error under its row, and withdraws a case with a reason', async () => {
    const { page, close } = await newPage();
    await logIn(page, `/ca-benh/${caseId}?tab=contacts`);
    const day = vnText(vnDay(-1));
    await page
      .getByTestId('line-paste')
      .fill(['Đỗ Văn Em', '1980', 'Nam', '', '', '99999', 'unmasked', 'Cộng đồng', `${day} 08:00`, `${day} 09:00`].join('\t'));
    await page.getByTestId('line-fill').click();
    await page.getByTestId('line-save').click();
    await shown(page.getByTestId('line-error'));
    await page.screenshot({ path: ARTIFACTS + 'cases-line-error.png', fullPage: true });
    await shown(page.getByTestId('line-error-0-communeCode'));

    const bich = (await admin.get<{ personId: string; fullName: string }[]>(`/api/cases/${caseId}/contacts`)).find((c) => c.fullName === 'Nguyễn Thị Bích')!;
    const created = await admin.post<{ case: { id: string } }>('/api/cases', {
      personId: bich.personId,
      confirmedOn: vnDay(),
      confirmingTest: 'XN-CT-0003',
      detectedIn: 'home_quarantine',
      sampledOn: vnDay(),
      clinicalStatus: 'asymptomatic',
      treatmentPlace: 'home',
    });
    await page.goto(`${server.url}/ca-benh/${created.case.id}`);
    await page.getByTestId('case-withdraw').click();
    await page.getByLabel('Lý do rút').fill('Kết quả xét nghiệm khẳng định nhầm mẫu');
    await page.getByRole('dialog').getByRole('button', { name: 'Rút ca bệnh' }).click();
    await shown(page.getByTestId('case-header').getByText('Đã rút', { exact: true }));
    await close();
  });

  it('shows the F1/F2 follow-up list of a commune', async () => {
    const { page, close } = await newPage();
    await logIn(page, `/theo-doi?commune=${CAI_KHE}`);
    await shown(page.getByTestId('follow-up-table').locator('.ant-table-row'));
    await shown(page.getByText('Phạm Văn Công'));
    await page.screenshot({ path: ARTIFACTS + 'cases-follow-up.png', fullPage: true });
    await close();
  });
});
