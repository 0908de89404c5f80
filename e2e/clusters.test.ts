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
let indexCaseId = '';
let indexCaseCode = '';
let secondCaseId = '';

/** Days in Vietnam time (UTC+7), as the server counts them. */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vnText = (iso: string) => iso.split('-').reverse().join('/');

interface Created {
  case: { id: string; caseCode: string };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  // An index case two days ago, and a household contact confirmed today: a chain of two cases over three days.
  const hoa = await admin.post<{ person: { id: string } }>('/api/persons', { fullName: 'Huỳnh Thị Hoa', birthYear: 1980, sex: 'female', communeCode: CAI_KHE });
  const khoa = await admin.post<{ person: { id: string } }>('/api/persons', { fullName: 'Huỳnh Văn Khoa', birthYear: 2005, sex: 'male', communeCode: CAI_KHE });
  ({ id: indexCaseId, caseCode: indexCaseCode } = (
    await admin.post<Created>('/api/cases', {
      personId: hoa.person.id,
      confirmedOn: vnDay(-2),
      confirmingTest: 'XN-OD-0001',
      detectedIn: 'community',
      sampledOn: vnDay(-2),
    })
  ).case);
  await admin.post('/api/exposures', {
    sourcePersonId: hoa.person.id,
    exposedPersonId: khoa.person.id,
    startAt: `${vnDay(-3)}T18:00:00+07:00`,
    endAt: `${vnDay(-3)}T21:00:00+07:00`,
    contactType: 'unmasked',
    setting: 'household',
  });
  secondCaseId = (
    await admin.post<Created>('/api/cases', {
      personId: khoa.person.id,
      confirmedOn: vnDay(),
      confirmingTest: 'XN-OD-0002',
      detectedIn: 'home_quarantine',
      sampledOn: vnDay(),
    })
  ).case.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = () => openPage(browser);

const logIn = (page: Page, path: string) => logInAt(page, server.url + path);

describe('clusters, investigation quality and the course of a case in Chromium', () => {
  it('names the chain of a case as a cluster and shows its size and cases per day', async () => {
    const { page, close } = await newPage();
    await logIn(page, `/ca-benh/${indexCaseId}?tab=chain`);
    await shown(page.getByTestId('chain-graph').locator('canvas'));
    await page.getByTestId('cluster-name').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(dialog.getByText('Vui lòng nhập tên ổ dịch'));
    await dialog.getByLabel('Tên ổ dịch').fill('Ổ dịch hẻm 12 Cái Khế');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/o-dich\/[0-9a-f-]{36}$/);

    await shown(page.getByRole('heading', { name: 'Ổ dịch hẻm 12 Cái Khế' }));
    await shown(page.getByTestId('cluster-header').getByRole('link', { name: indexCaseCode }));
    await shown(page.getByTestId('cluster-header').getByText('Tăng 2 ca'));
    const summary = page.getByTestId('chain-summary');
    await shown(summary.locator('.ant-statistic', { hasText: 'Số ca' }).getByText('2', { exact: true }));
    await shown(summary.locator('.ant-statistic', { hasText: 'Số người' }).getByText('2', { exact: true }));
    await shown(summary.locator('.ant-statistic', { hasText: 'Ca đầu tiên' }).getByText(vnText(vnDay(-2))));
    const days = page.getByTestId('timeline-day');
    expect(await days.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).toEqual([
      `${vnText(vnDay(-2))}: 1 ca`,
      `${vnText(vnDay(-1))}: 0 ca`,
      `${vnText(vnDay())}: 1 ca`,
    ]);
    await shown(page.getByTestId('chain-graph').locator('canvas'));
    await page.screenshot({ path: ARTIFACTS + 'cluster.png', fullPage: true });

    await page.getByRole('menu').first().getByText('Ổ dịch', { exact: true }).click();
    await page.waitForURL(/\/o-dich$/);
    const row = page.getByTestId('clusters-table').locator('.ant-table-row', { hasText: 'Ổ dịch hẻm 12 Cái Khế' });
    await shown(row);
    await shown(row.getByText(vnText(vnDay(-2))));
    await shown(row.getByText('Tăng 2 ca'));
    // persons, cases, generations of the live chain
    expect((await row.locator('td').allInnerTexts()).slice(3, 6)).toEqual(['2', '2', '2']);
    await page.screenshot({ path: ARTIFACTS + 'clusters.png', fullPage: true });
    await close();
  });

  it('shows the investigation quality of the district for a date range', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/chat-luong-dieu-tra');
    await shown(page.getByRole('heading', { name: 'Chất lượng điều tra dịch tễ' }));
    const row = page.getByTestId('quality-table').locator('.ant-table-row', { hasText: 'Ninh Kiều' });
    await shown(row);
    expect(await row.locator('td').allInnerTexts()).toEqual(['Quận Ninh Kiều', '2', '0 (0%)', '0%', '—']);
    await page.getByLabel('Từ ngày').fill(vnText(vnDay(-1)));
    await expect.poll(() => row.locator('td').nth(1).innerText()).toBe('1');
    await page.screenshot({ path: ARTIFACTS + 'investigation-quality.png', fullPage: true });
    await close();
  });

  it('records the outcome of a case: the date is asked for, then the outcome is shown', async () => {
    const { page, close } = await newPage();
    await logIn(page, `/ca-benh/${secondCaseId}`);
    await shown(page.getByTestId('case-header').getByText('Chưa có'));
    await page.getByTestId('case-edit-course').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Kết cục' }).click();
    await page.locator('.ant-select-item-option:visible', { hasText: 'Khỏi bệnh' }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(dialog.getByText('Vui lòng nhập ngày kết cục'));
    await dialog.getByLabel('Ngày kết cục').fill(vnText(vnDay()));
    await dialog.getByText('Vui lòng nhập ngày kết cục').waitFor({ state: 'hidden' });
    await page.screenshot({ path: ARTIFACTS + 'case-course.png', fullPage: true });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByTestId('case-header').getByText(`Khỏi bệnh (${vnText(vnDay())})`));
    expect(await dialog.count()).toBe(0);
    await close();
  });

  it('draws the chain of a case with 600 contacts (large-chain drawing) without a script error', async () => {
    const person = await admin.post<{ person: { id: string } }>('/api/persons', {
      fullName: 'Lâm Thị Đông',
      birthYear: 1975,
      sex: 'female',
      communeCode: CAI_KHE,
    });
    const kase = (
      await admin.post<Created>('/api/cases', {
        personId: person.person.id,
        confirmedOn: vnDay(-1),
        confirmingTest: 'XN-OD-0600',
        detectedIn: 'community',
        sampledOn: vnDay(-1),
      })
    ).case;
    const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Võ', 'Đặng'];
    const middles = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu'];
    const givens = [
      'An',
      'Bình',
      'Chi',
      'Dũng',
      'Giang',
      'Hạnh',
      'Khánh',
      'Lộc',
      'Mai',
      'Nam',
      'Oanh',
      'Phúc',
      'Quang',
      'Sơn',
      'Tâm',
      'Uyên',
      'Vinh',
      'Xuân',
      'Yến',
      'Tùng',
    ];
    const rows = surnames
      .flatMap((a) => middles.flatMap((b) => givens.map((c) => `${a} ${b} ${c}`)))
      .map((fullName, i) => ({
        fullName,
        birthYear: 1950 + (i % 60),
        sex: i % 2 ? 'male' : 'female',
        communeCode: CAI_KHE,
        contactType: 'masked_15min',
        setting: 'workplace',
        startAt: `${vnDay(-3)}T08:00:00+07:00`,
        endAt: `${vnDay(-3)}T11:00:00+07:00`,
      }));
    expect(rows).toHaveLength(600);
    for (const part of [rows.slice(0, 300), rows.slice(300)]) await admin.post(`/api/cases/${kase.id}/contacts`, { rows: part });

    const { page, close } = await newPage();
    await logIn(page, `/ca-benh/${kase.id}?tab=chain`);
    await shown(page.getByTestId('chain-summary').locator('.ant-statistic', { hasText: 'Số người' }).getByText('601', { exact: true }));
    await shown(page.getByTestId('chain-graph').locator('canvas'));
    await page.screenshot({ path: ARTIFACTS + 'chain-600.png', fullPage: true });
    await close();
  });
});
