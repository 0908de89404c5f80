import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, shown } from './harness';

/**
 * A day of household pooled testing in Chromium, as the field team (a phone, 390 px) and the lab technician see
 * it: sampling session with two household pools → shipment → intake by scanning (a missing and an extra tube)
 * → one pool positive → re-collection tasks → single samples from the tasks → intake → one positive → a case.
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều
const FIELD = { username: 'laymau.caikhe', password: 'mat-khau-lay-mau-1' };
const LAB = { username: 'ktv.cdc', password: 'mat-khau-ktv-cdc-1' };
const LAB_NAME = 'Phòng xét nghiệm CDC Cần Thơ';
const TASK_COLLECTED = 'Đã lấy mẫu, chờ kết quả';

let server: WebServer;
let browser: Browser;
let admin: ApiClient;
let sessionUrl = '';
let positiveName = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  await admin.post('/api/users', {
    username: FIELD.username,
    fullName: 'Trần Thị Lấy Mẫu',
    role: 'health_staff',
    scopeUnits: [CAI_KHE],
    password: FIELD.password,
  });
  await admin.post('/api/users', { username: LAB.username, fullName: 'Nguyễn Văn Kỹ Thuật', role: 'lab_staff', scopeUnits: ['92'], password: LAB.password });
  const household = (prefix: string, size: number) =>
    admin.post('/api/households', {
      address: `${size} Đường Thử Nghiệm`,
      communeCode: CAI_KHE,
      members: Array.from({ length: size }, (_, i) => ({
        fullName: `${prefix} ${'ABCDEGHIKLMN'[i]}`,
        birthYear: 1960 + i,
        sex: i % 2 ? 'female' : 'male',
        communeCode: CAI_KHE,
      })),
    });
  await household('Lê Văn Đông', 12);
  await household('Phạm Thị Ít', 3);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (width = 1280) => openPage(browser, width);

const logIn = (page: Page, path: string, who: { username: string; password: string }) => logInAt(page, server.url + path, who);

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Types a barcode as a scanner does (the code, then Enter). */
async function scan(input: Locator, code: string) {
  await input.fill(code);
  await input.press('Enter');
}

/** Ships every tube of the session not yet sent to the lab; `inTransit` counts the tubes on their way afterwards. */
async function shipAll(page: Page, tubes: number, inTransit = tubes) {
  await page.getByTestId('select-unshipped').click();
  await page.getByTestId('ship-open').getByText(`Gửi phòng xét nghiệm (${tubes} ống)`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
  await page.locator('.ant-select-item-option:visible', { hasText: LAB_NAME }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await shown(page.getByText(new RegExp(`Đã tạo chuyến VC-\\d{8}-\\w{6}: ${tubes} ống gửi ${LAB_NAME}`)));
  await expect.poll(() => page.getByTestId('session-tubes').getByText('Đang chuyển').count()).toBe(inTransit);
}

/** Receives the lab's pending shipment by scanning; answers the intake report. */
async function receiveByScanning(page: Page, codes: string[]) {
  await page.getByTestId('pending-shipments').getByTestId('shipment-receive').first().click();
  const input = page.getByTestId('receive-scan');
  await expect.poll(() => focused(page)).toBe('receive-scan');
  for (const code of codes) await scan(input, code);
  await page.getByTestId('receive-confirm').click();
  const report = page.getByTestId('receive-report');
  await shown(report);
  return report;
}

/** Enters one tube's result: barcode + Enter, the result, the Ct for a positive, save; the focus comes back for the next tube. */
async function enterResult(page: Page, code: string, result: 'Âm tính' | 'Dương tính', ct?: string) {
  await scan(page.getByTestId('result-barcode'), code);
  await shown(page.getByTestId('result-tube').getByText(code));
  const form = page.locator('form[id="result-entry"]');
  await form.getByRole('radio', { name: result }).check();
  if (ct) {
    await page.getByTestId('result-ct').fill(ct);
    await page.getByTestId('result-ct').press('Enter');
  } else {
    await page.getByTestId('result-save').click();
  }
  await shown(page.getByTestId('results-entered').locator('tr', { hasText: code }));
  await expect.poll(() => focused(page)).toBe('result-barcode');
}

describe('household pooled testing, field to lab to case, in Chromium', () => {
  it('a command center user adds the lab with its daily capacity and hours', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/phong-xet-nghiem/danh-muc', ADMIN);
    await shown(page.getByRole('heading', { name: 'Danh mục phòng xét nghiệm' }));
    await page.getByTestId('lab-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên phòng xét nghiệm').fill(LAB_NAME);
    await dialog.getByLabel('RT-PCR mẫu gộp hộ gia đình').fill('5000');
    await dialog.getByLabel('RT-PCR mẫu đơn').fill('2000');
    await dialog.getByLabel('Giờ kết thúc (HH:mm)').fill('25:00');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(dialog.getByText('Dữ liệu không hợp lệ'));
    await dialog.getByLabel('Giờ kết thúc (HH:mm)').fill('23:30');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByTestId('labs-table').locator('tr', { hasText: LAB_NAME });
    await shown(row.getByText('07:00–23:30'));
    await shown(row.getByText('5.000'));
    await close();
  });

  it('the field team opens a door-to-door session on a phone and collects two household pools', async () => {
    const { page, close } = await newPage(390);
    await logIn(page, '/xet-nghiem/lay-mau', FIELD);
    await page.waitForURL(/commune=31117/);

    // The commune's team, then the session
    await page.getByTestId('teams-open').click();
    await page.getByTestId('team-add').click();
    const drawer = page.getByTestId('teams-drawer');
    await drawer.getByLabel('Tên tổ').fill('Tổ lấy mẫu số 1');
    await drawer.getByLabel('Họ và tên').fill('Trần Thị Lấy Mẫu');
    await drawer.getByLabel('Số điện thoại').fill('0912345678');
    await drawer.getByTestId('team-save').click();
    await shown(drawer.getByText('Trần Thị Lấy Mẫu (0912345678)'));
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('session-open').click();
    const dialog = page.getByRole('dialog');
    await shown(dialog.getByText('Tổ lấy mẫu số 1'));
    await dialog.getByRole('button', { name: 'Mở buổi lấy mẫu' }).click();
    await page.waitForURL(/\/xet-nghiem\/lay-mau\/[0-9a-f-]{36}$/);
    sessionUrl = new URL(page.url()).pathname;
    const collect = page.getByTestId('collect-card');

    // Household of 12: two tubes of 6 under the max pool size of 10; a scanner's Enter moves to the next tube
    await page.getByTestId('household-search').fill('le van dong');
    await page.getByTestId('household-search-option').first().click();
    await shown(page.getByTestId('pool-split').getByText('12 người → 2 ống: 6 + 6'));
    await expect.poll(() => collect.getByRole('checkbox', { checked: true }).count()).toBe(12);
    await scan(page.getByTestId('barcode-0'), 'ct-0001');
    await expect.poll(() => focused(page)).toBe('barcode-1');
    await scan(page.getByTestId('barcode-1'), 'CT-0002');
    await expect.poll(() => focused(page)).toBe('collect-submit');
    await page.screenshot({ path: ARTIFACTS + 'testing-collect-pool-390.png', fullPage: true });
    await page.keyboard.press('Enter');
    await shown(page.getByTestId('collect-done').getByText('Đã lấy 2 ống: CT-0001, CT-0002'));

    // Household of 3 and a person added on the spot: field errors from the form, then from the server
    await page.getByTestId('household-search').fill('pham thi it');
    await page.getByTestId('household-search-option').first().click();
    await shown(page.getByTestId('pool-split').getByText('3 người → 1 ống: 3'));
    await collect.getByRole('button', { name: 'Thêm người chưa có trong hộ' }).click();
    const newcomer = page.getByTestId('new-person-0');
    await newcomer.getByLabel('Họ và tên').fill('Phạm Văn Mới Đến');
    await page.getByTestId('collect-submit').click();
    await shown(newcomer.getByText('Vui lòng chọn giới tính'));
    await shown(collect.getByText('Vui lòng nhập mã ống mẫu'));
    await newcomer.getByText('Nam', { exact: true }).click();
    await page.getByTestId('collect-submit').click();
    await shown(newcomer.getByText('Cần ngày sinh hoặc năm sinh'));
    await newcomer.getByLabel('Năm sinh').fill('2001');
    await shown(page.getByTestId('pool-split').getByText('4 người → 1 ống: 4'));
    await page.getByTestId('barcode-0').fill('CT-0001');
    await page.getByTestId('collect-submit').click();
    await shown(collect.getByText('Mã ống CT-0001 đã được dùng cho một mẫu khác'));
    await page.screenshot({ path: ARTIFACTS + 'testing-collect-error-390.png', fullPage: true });
    await page.getByTestId('barcode-0').fill('CT-0003');
    await page.getByTestId('collect-submit').click();
    await shown(page.getByTestId('collect-done').getByText('Đã lấy 1 ống: CT-0003'));

    // A tube of someone else in the same session (through the API): it will be missing at the lab
    const absent = await admin.post<{ person: { id: string } }>('/api/persons', {
      fullName: 'Trần Văn Vắng',
      birthYear: 1990,
      sex: 'male',
      communeCode: CAI_KHE,
    });
    await admin.post(`/api/testing/sessions/${sessionUrl.split('/').pop()}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: absent.person.id }],
      barcodes: ['CT-0009'],
    });
    await page.reload();
    const tubes = page.getByTestId('session-tubes');
    await expect.poll(() => tubes.getByTestId('tube-row').count()).toBe(4);
    await shown(tubes.locator('[data-barcode="CT-0003"]').getByText('Phạm Văn Mới Đến'));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'testing-session-390.png', fullPage: true });

    await shipAll(page, 4);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await close();
  });

  it('the lab receives by scanning, sees the missing and extra tubes, and finds one pool positive', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/phong-xet-nghiem', LAB);
    await shown(page.getByTestId('pending-shipments').getByText('Tổ lấy mẫu số 1'));
    const report = await receiveByScanning(page, ['CT-0001', 'CT-0002', 'CT-0002', 'CT-0003', 'CT-9999']);
    await shown(report.getByText(/đã tiếp nhận 3 ống/));
    await shown(page.getByTestId('receive-missing').getByText('Thiếu 1 ống: có trong chuyến nhưng không quét được'));
    await shown(page.getByTestId('receive-missing').getByText('CT-0009'));
    await shown(page.getByTestId('receive-extra').getByText('CT-9999'));
    await page.screenshot({ path: ARTIFACTS + 'testing-lab-receive.png', fullPage: true });

    await page.getByRole('tab', { name: 'Nhập kết quả' }).click();
    await expect.poll(() => focused(page)).toBe('result-barcode');
    await enterResult(page, 'CT-0001', 'Âm tính');
    await enterResult(page, 'CT-0002', 'Âm tính');
    // A positive RT-PCR needs its Ct
    await scan(page.getByTestId('result-barcode'), 'CT-0003');
    await shown(page.getByTestId('result-tube').getByText('RT-PCR mẫu gộp hộ gia đình'));
    await page.locator('form[id="result-entry"]').getByRole('radio', { name: 'Dương tính' }).check();
    await page.getByTestId('result-save').click();
    await shown(page.getByText('Kết quả RT-PCR dương tính cần giá trị Ct'));
    await page.getByTestId('result-ct').fill('24,5');
    await page.getByTestId('result-ct').press('Enter');
    await shown(page.getByTestId('tasks-created').getByText(/^Đã tạo 4 nhiệm vụ lấy lại mẫu/));
    await expect.poll(() => focused(page)).toBe('result-barcode');
    await page.screenshot({ path: ARTIFACTS + 'testing-lab-results.png', fullPage: true });
    await close();
  });

  it('the field team collects single samples from the re-collection tasks and ships them', async () => {
    const { page, close } = await newPage(390);
    await logIn(page, '/xet-nghiem/nhiem-vu', FIELD);
    const list = page.getByTestId('tasks-list');
    await expect.poll(() => list.getByTestId('task-card').count(), { timeout: 15_000 }).toBe(4);
    await shown(list.getByText('Nghi nhiễm — ở yên tại nhà: lấy lại mẫu đơn (tách mẫu)'));
    for (const name of ['Phạm Thị Ít A', 'Phạm Thị Ít B', 'Phạm Thị Ít C', 'Phạm Văn Mới Đến']) await shown(list.getByText(name));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'testing-tasks-390.png', fullPage: true });

    // The first from the tasks page, the others from the session page's task list
    await list.getByTestId('task-collect').first().click();
    await page.waitForURL(/\?task=/);
    const codes = ['CT-0101', 'CT-0102', 'CT-0103', 'CT-0104'];
    const sessionTasks = page.getByTestId('session-tasks');
    for (const [i, code] of codes.entries()) {
      if (i > 0) {
        await expect.poll(() => sessionTasks.getByText(TASK_COLLECTED).count()).toBe(i);
        await sessionTasks.getByTestId('task-card').filter({ hasNotText: TASK_COLLECTED }).first().getByTestId('task-collect').click();
      }
      await shown(page.getByTestId('collect-task'));
      await shown(page.getByTestId('person-picked').getByText(/Phạm/));
      await scan(page.getByTestId('barcode-0'), code);
      await expect.poll(() => focused(page)).toBe('collect-submit');
      await page.keyboard.press('Enter');
      await shown(page.getByTestId('collect-done').getByText(`Đã lấy 1 ống: ${code}`));
      await expect.poll(() => page.url()).not.toContain('task=');
    }
    await expect.poll(() => sessionTasks.getByText(TASK_COLLECTED).count()).toBe(4);
    expect(new URL(page.url()).pathname).toBe(sessionUrl);
    // CT-0009, missing at the lab, is still on its way
    await shipAll(page, 4, 5);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await close();
  });

  it('the lab receives the single samples and enters their results; the positive one opens a case', async () => {
    const { page, close } = await newPage();
    await logIn(page, '/xet-nghiem/phong-xet-nghiem', LAB);
    const report = await receiveByScanning(page, ['CT-0101', 'CT-0102', 'CT-0103', 'CT-0104']);
    await shown(report.getByText(/đã tiếp nhận 4 ống/));
    expect(await page.getByTestId('receive-missing').count()).toBe(0);
    expect(await page.getByTestId('receive-extra').count()).toBe(0);

    await page.getByRole('tab', { name: 'Nhập kết quả' }).click();
    await enterResult(page, 'CT-0101', 'Âm tính');
    await enterResult(page, 'CT-0102', 'Dương tính', '21,3');
    await shown(page.getByTestId('cases-opened').getByText(/^Đã ghi nhận 1 ca bệnh \(F0\): .+ \(CT-0102\)$/));
    await enterResult(page, 'CT-0103', 'Âm tính');
    await enterResult(page, 'CT-0104', 'Âm tính');
    await shown(page.getByTestId('cases-opened').getByText(/\(CT-0102\)$/));
    await page.screenshot({ path: ARTIFACTS + 'testing-lab-case.png', fullPage: true });
    positiveName = (await admin.get<{ members: { fullName: string }[] }>('/api/testing/samples/CT-0102')).members[0].fullName;
    await close();
  });

  it('the tasks are done and the case is in the case list', async () => {
    const { page, close } = await newPage(390);
    await logIn(page, '/xet-nghiem/nhiem-vu', FIELD);
    await shown(page.getByText('Không có nhiệm vụ lấy lại mẫu'));
    await page.goto(server.url + '/ca-benh');
    await shown(page.getByTestId('cases-table').locator('.ant-table-row', { hasText: positiveName }));
    await page.goto(server.url + sessionUrl);
    await shown(page.getByTestId('session-tubes').locator('[data-barcode="CT-0102"]').getByText('Dương tính · Ct 21,3'));
    await page.getByTestId('collect-card').getByText('Test nhanh kháng nguyên').click();
    await shown(page.getByTestId('collect-card').getByText('Kết quả test nhanh'));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'testing-antigen-390.png', fullPage: true });
    await close();
  });
});
