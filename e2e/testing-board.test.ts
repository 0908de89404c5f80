import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, shown } from './harness';

/**
 * The testing module's command-center side in Chromium: a lab's result file imported through the page (a bad
 * row rejects the whole file, the fixed file is applied, the same file again changes nothing, a different result
 * waits for review), the day's summary, and a person looking up their own result without an account.
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều
const LAB = 'Phòng xét nghiệm Bệnh viện Đa khoa thành phố';
const POSITIVE_TUBE = 'XN-E2E-0001';
const NEGATIVE_TUBE = 'XN-E2E-0002';
const NATIONAL_ID = '092085123456';
const HEADER = 'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua';
const VN_OFFSET = 7 * 3_600_000;

let server: WebServer;
let browser: Browser;
let admin: ApiClient;

/** 'dd/MM/yyyy HH:mm' in Vietnam time, as labs write result times. */
const vnClock = (at: Date) => {
  const [day, time] = new Date(at.getTime() + VN_OFFSET).toISOString().split('T');
  return `${day.split('-').reverse().join('/')} ${time.slice(0, 5)}`;
};
/** Half an hour ago, but not before today's midnight in Vietnam: the samples belong to today's summary. */
function collectionTime(): Date {
  const now = Date.now();
  const midnight = Math.floor((now + VN_OFFSET) / 86_400_000) * 86_400_000 - VN_OFFSET;
  return new Date(Math.max(now - 30 * 60_000, midnight));
}
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);

  const lab = await admin.post<{ id: string }>('/api/testing/labs', { name: LAB, dailyCapacity: { rt_pcr_pooled: 5000, rt_pcr_single: 2000 } });
  const team = await admin.post<{ id: string }>('/api/testing/teams', {
    communeCode: CAI_KHE,
    name: 'Tổ lấy mẫu Cái Khế 1',
    members: [{ fullName: 'Trần Thị Lấy Mẫu', phone: '0912345678' }],
  });
  const day = new Date(collectionTime().getTime() + VN_OFFSET).toISOString().slice(0, 10);
  const session = await admin.post<{ id: string }>('/api/testing/sessions', { teamId: team.id, sessionDate: day, mode: 'door_to_door' });
  const household = (address: string, members: { fullName: string; nationalId: string | null }[]) =>
    admin.post<{ household: { id: string; members: { id: string }[] } }>('/api/households', {
      address,
      communeCode: CAI_KHE,
      members: members.map((p, i) => ({ ...p, birthYear: 1985 - i * 20, sex: i ? 'female' : 'male', communeCode: CAI_KHE })),
    });
  const positive = await household('12 Hai Bà Trưng', [
    { fullName: 'Lê Văn Dương', nationalId: NATIONAL_ID },
    { fullName: 'Lê Thị Dương', nationalId: null },
  ]);
  const negative = await household('14 Hai Bà Trưng', [
    { fullName: 'Phạm Văn Âm', nationalId: null },
    { fullName: 'Phạm Thị Âm', nationalId: null },
  ]);
  const collectedAt = collectionTime().toISOString();
  for (const [h, barcode] of [
    [positive, POSITIVE_TUBE],
    [negative, NEGATIVE_TUBE],
  ] as const) {
    await admin.post(`/api/testing/sessions/${session.id}/samples`, {
      testType: 'rt_pcr_pooled',
      kind: 'household_pool',
      householdId: h.household.id,
      members: h.household.members.map((m) => ({ personId: m.id })),
      barcodes: [barcode],
      collectedAt,
    });
  }
  const shipment = await admin.post<{ id: string }>('/api/testing/shipments', { teamId: team.id, labId: lab.id, barcodes: [POSITIVE_TUBE, NEGATIVE_TUBE] });
  await admin.post(`/api/testing/shipments/${shipment.id}/receive`, { barcodes: [POSITIVE_TUBE, NEGATIVE_TUBE] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (width = 1280) => openPage(browser, width);

const logIn = (page: Page, path: string) => logInAt(page, server.url + path);

async function importFile(page: Page, name: string, content: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await shown(page.getByTestId('import-file-name').getByText(name));
  await page.getByTestId('import-submit').click();
}

const resultOf = async (barcode: string) => (await admin.get<{ result: string | null }>(`/api/testing/samples/${barcode}`)).result;

describe('testing results: import, summary and public lookup in Chromium', () => {
  it('imports a result file: a bad row rejects it all, the fixed file applies, the same file again changes nothing', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/nhap-ket-qua');
    await shown(page.getByRole('heading', { name: 'Nhập kết quả xét nghiệm từ tệp' }));
    await shown(page.getByRole('menu').first().getByText('Tổng hợp xét nghiệm'));
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/testing/imports/template.csv');
    // The only lab is chosen already; choosing it again by typing
    const lab = page.getByRole('combobox', { name: 'Phòng xét nghiệm' });
    await lab.click({ force: true });
    await lab.fill('đa khoa');
    await page.locator('.ant-select-item-option-active:visible', { hasText: LAB }).waitFor();
    await lab.press('Enter');

    const time = vnClock(new Date());
    // 1. One bad row: the whole file is refused, the row's error shown in Vietnamese, nothing stored
    await importFile(
      page,
      'ket-qua-loi.csv',
      csv([
        [POSITIVE_TUBE, 'Dương tính', '24.5', time],
        [NEGATIVE_TUBE, 'Chưa rõ', '', time],
      ]),
    );
    const rejected = page.getByTestId('import-rejected');
    await shown(rejected.getByText('Tệp bị từ chối: 1 dòng lỗi. Không có kết quả nào trong tệp được lưu.'));
    const row = page.getByTestId('import-row-errors').locator('.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    await shown(row.getByText(NEGATIVE_TUBE));
    await shown(row.getByText('Kết quả', { exact: true }));
    await shown(row.getByText('Kết quả phải là "Âm tính", "Dương tính" hoặc "Không xác định"'));
    expect(await row.locator('td').first().innerText()).toBe('3');
    await page.screenshot({ path: ARTIFACTS + 'testing-import-rejected.png', fullPage: true });
    expect(await resultOf(POSITIVE_TUBE)).toBeNull();
    expect(await resultOf(NEGATIVE_TUBE)).toBeNull();

    // 2. The fixed file: both results stored, the positive pool opens deconvolution of its two members
    const fixed = csv([
      [POSITIVE_TUBE, 'Dương tính', '24.5', time],
      [NEGATIVE_TUBE, 'Âm tính', '', time],
    ]);
    await importFile(page, 'ket-qua.csv', fixed);
    await shown(page.getByTestId('import-done').getByText('Đã nhập tệp ket-qua.csv'));
    expect(await page.getByTestId('import-applied').innerText()).toBe('2');
    expect(await page.getByTestId('import-tasks').innerText()).toBe('2');
    await page.screenshot({ path: ARTIFACTS + 'testing-import-done.png', fullPage: true });
    expect(await resultOf(POSITIVE_TUBE)).toBe('positive');
    expect(await resultOf(NEGATIVE_TUBE)).toBe('negative');

    // 3. The same file again
    await importFile(page, 'ket-qua.csv', fixed);
    await shown(page.getByTestId('import-repeated').getByText('Tệp này đã được nhập trước đó, không có thay đổi'));
    await close();
  });

  it('holds a different result for review and keeps the current one when the lab says so', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/nhap-ket-qua');
    await importFile(page, 'ket-qua-lan-2.csv', csv([[NEGATIVE_TUBE, 'Dương tính', '30,1', vnClock(new Date())].map((c) => (c.includes(',') ? `"${c}"` : c))]));
    await shown(page.getByTestId('import-done'));
    expect(await page.getByTestId('import-conflicts').innerText()).toBe('1');
    await page.getByRole('link', { name: 'Xem kết quả khác nhau' }).click();
    await page.waitForURL(/\/xet-nghiem\/ket-qua-khac-nhau$/);
    const conflict = page.getByTestId('conflicts-table').locator('.ant-table-row', { hasText: NEGATIVE_TUBE });
    await shown(conflict.getByText('Âm tính'));
    await shown(conflict.getByText('Dương tính · Ct 30,1'));
    await page.screenshot({ path: ARTIFACTS + 'testing-conflicts.png', fullPage: true });
    await conflict.getByRole('button', { name: 'Giữ kết quả cũ' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Giữ kết quả cũ' }).click();
    await shown(page.getByText('Đã giữ kết quả cũ'));
    await expect.poll(() => page.getByTestId('conflicts-table').locator('.ant-table-row').count()).toBe(0);
    expect(await resultOf(NEGATIVE_TUBE)).toBe('negative');
    await close();
  });

  it("shows the day's summary: resulted tubes, positivity, turnaround, the lab and the commune by name", async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/tong-hop');
    await shown(page.getByRole('heading', { name: 'Tổng hợp xét nghiệm' }));
    await expect.poll(() => page.getByTestId('figure-resulted').locator('.ant-statistic-content').innerText()).toBe('2');
    expect(await page.getByTestId('figure-samples').locator('.ant-statistic-content').innerText()).toBe('2');
    expect(await page.getByTestId('figure-persons').locator('.ant-statistic-content').innerText()).toBe('4');
    expect(await page.getByTestId('figure-positive').locator('.ant-statistic-content').innerText()).toBe('1');
    expect(await page.getByTestId('figure-positivity').locator('.ant-statistic-content').innerText()).toBe('50%');
    await shown(page.getByTestId('tat-bars').getByText('2 (100%)'));
    const labRow = page.getByTestId('summary-labs').locator('.ant-table-row', { hasText: LAB });
    await shown(labRow.getByText('7.000'));
    await shown(page.getByTestId('summary-communes').getByText('Phường Cái Khế'));
    await shown(page.getByTestId('summary-teams').getByText('Tổ lấy mẫu Cái Khế 1'));
    expect(await page.getByTestId('summary-trend').locator('.ant-table-row').count()).toBe(7);
    await page.screenshot({ path: ARTIFACTS + 'testing-summary.png', fullPage: true });

    await page.getByRole('button', { name: 'Xem mẫu quá hạn' }).click();
    await page.waitForURL(/\/xet-nghiem\/qua-han$/);
    await shown(page.getByText(/Các ống mẫu đã lấy quá 12 giờ mà chưa có kết quả/));
    await shown(page.getByTestId('overdue-table').getByText('Không có mẫu nào quá hạn'));
    await close();
  });

  it('lets a person look up their result without logging in, from the login page', async () => {
    const { page, close } = await newPage(390);
    await page.goto(server.url + '/dang-nhap');
    await page.getByRole('link', { name: 'Tra cứu kết quả xét nghiệm' }).click();
    await page.waitForURL(/\/tra-cuu-ket-qua$/);
    await shown(page.getByRole('heading', { name: 'Tra cứu kết quả xét nghiệm' }));

    await page.getByLabel('Mã ống mẫu').fill(POSITIVE_TUBE.toLowerCase());
    await page.getByLabel('Số CCCD hoặc số điện thoại').fill('092085000000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await shown(page.getByTestId('lookup-error').getByText('Không tìm thấy kết quả với mã ống và số giấy tờ/điện thoại này'));

    await page.getByLabel('Số CCCD hoặc số điện thoại').fill(NATIONAL_ID);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = page.getByTestId('lookup-result');
    await shown(result.getByTestId('lookup-status').getByText('Dương tính'));
    const today = new Date(collectionTime().getTime() + VN_OFFSET).toISOString().slice(0, 10).split('-').reverse().join('/');
    await shown(result.getByText(today, { exact: true }));
    await shown(result.getByText(new RegExp(`^${today.replace(/\//g, '\\/')} \\d{2}:\\d{2}$`)));
    expect(await page.getByTestId('lookup-error').count()).toBe(0);
    expect(await result.innerText()).not.toContain('Lê Văn Dương');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'testing-lookup.png', fullPage: true });
    await close();
  });
});
