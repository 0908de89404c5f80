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
/** Days in Vietnam time (UTC+7), as the server counts them. */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vnText = (iso: string) => iso.split('-').reverse().join('/');

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

    // a figure the product does not compute yet, entered for the commune with its source
    await page.goto(`${server.url}/cap-do-dich/${CAI_KHE}`);
    await page.getByRole('button', { name: 'Nhập số liệu' }).click();
    const input = page.getByRole('dialog');
    await input.getByRole('button', { name: 'Lưu' }).click();
    await shown(input.getByText('Vui lòng nhập giá trị'));
    await input.getByLabel('Giá trị').fill('92,5');
    await input.getByLabel('Nguồn').fill('Sở Y tế, báo cáo tiêm chủng');
    await input.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByText('Đã lưu số liệu'));
    await shown(page.getByRole('cell', { name: '92,5%' }));

    await page.goto(`${server.url}/bien-phap?unit=${CAI_KHE}&day=${DAY}`);
    await shown(page.getByRole('heading', { name: /Cấp 4 – Nguy cơ rất cao/ }));
    await shown(page.getByText('theo quyết định', { exact: true }));
    expect(await page.getByRole('row').count()).toBeGreaterThan(5);
    await close();
  });

  it("a lockdown zone on two households: one negative testing round recorded, then it lifts after the rule's 14 days", async () => {
    const start = vnDay(-20);
    const households: { id: string; members: { id: string }[] }[] = [];
    for (const [address, name] of [
      ['12 Hẻm 3 Lý Tự Trọng', 'Đỗ Văn Phong'],
      ['14 Hẻm 3 Lý Tự Trọng', 'Lý Thị Tỏa'],
    ])
      households.push(
        (
          await admin.post<{ household: { id: string; members: { id: string }[] } }>('/api/households', {
            address,
            communeCode: CAI_KHE,
            members: [{ fullName: name, birthYear: 1975, sex: 'male', communeCode: CAI_KHE }],
          })
        ).household,
      );
    const { page, close } = await openPage(browser);
    await logIn(page, '/vung-phong-toa');
    await shown(page.getByRole('heading', { name: 'Vùng phong tỏa' }));
    await page.getByRole('button', { name: 'Khoanh vùng mới' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Xã/phường', { exact: true }).fill('Cái Khế');
    await page.locator('.ant-select-item-option:visible', { hasText: 'Phường Cái Khế' }).first().click();
    await dialog.getByLabel('Tên vùng').fill('Hẻm 3 Lý Tự Trọng');
    for (const [name, shownName] of [
      ['do van phong', 'Đỗ Văn Phong'],
      ['ly thi toa', 'Lý Thị Tỏa'],
    ]) {
      await dialog.locator('.ant-select-multiple').click();
      await page.keyboard.type(name);
      await page
        .locator('.ant-select-item-option:visible', { hasText: `${shownName} (1975) · ` })
        .first()
        .click();
    }
    await dialog.getByLabel('Lý do').fill('Hai ca cộng đồng trong hẻm');
    await dialog.getByLabel('Ngày bắt đầu').fill(vnText(start));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/vung-phong-toa\/[0-9a-f-]{36}$/);
    const zoneId = page.url().split('/').pop()!;
    await shown(page.getByText('2 hộ'));
    await shown(page.getByText('Chưa có vòng xét nghiệm nào sau ca gần nhất', { exact: false }));
    // the zones page's map marks the commune with an active zone
    await page.goto(`${server.url}/vung-phong-toa`);
    await page.getByText('Bản đồ', { exact: true }).click();
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    await shown(page.getByText('Đang phong tỏa').nth(1));
    await page.goto(`${server.url}/vung-phong-toa/${zoneId}`);

    // one round: a household pool per household, collected on the round's first day, negative
    const day = vnDay(-17);
    const lab = await admin.post<{ id: string }>('/api/testing/labs', { name: 'CDC Cần Thơ', dailyCapacity: { rt_pcr_pooled: 5000 } });
    const team = await admin.post<{ id: string }>('/api/testing/teams', {
      communeCode: CAI_KHE,
      name: 'Tổ phong tỏa',
      members: [{ fullName: 'Trần Thị Mẫu', phone: '0912345678' }],
    });
    const session = await admin.post<{ id: string }>('/api/testing/sessions', { teamId: team.id, sessionDate: day, mode: 'door_to_door' });
    const codes = ['PT-0001', 'PT-0002'];
    for (const [i, h] of households.entries())
      await admin.post(`/api/testing/sessions/${session.id}/samples`, {
        testType: 'rt_pcr_pooled',
        kind: 'household_pool',
        householdId: h.id,
        members: h.members.map((m) => ({ personId: m.id })),
        barcodes: [codes[i]],
        collectedAt: `${day}T08:00:00+07:00`,
      });
    const shipment = await admin.post<{ id: string }>('/api/testing/shipments', {
      teamId: team.id,
      labId: lab.id,
      barcodes: codes,
      sentAt: `${day}T10:00:00+07:00`,
    });
    await admin.post(`/api/testing/shipments/${shipment.id}/receive`, { barcodes: codes, receivedAt: `${day}T11:00:00+07:00` });
    for (const code of codes) await admin.post(`/api/testing/samples/${code}/result`, { result: 'negative' });

    await page.reload();
    await shown(page.getByText('Âm tính toàn bộ'));
    await shown(page.getByText('Đủ điều kiện dỡ phong tỏa', { exact: false }));
    await page.getByRole('button', { name: 'Dỡ phong tỏa' }).click();
    const lift = page.getByRole('dialog');
    await lift.getByLabel('Số/ký hiệu quyết định').fill('55/QĐ-UBND');
    await lift.getByLabel('Người ký').fill('Chủ tịch UBND phường Cái Khế');
    await lift.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByText(`Đã dỡ phong tỏa ngày ${vnText(vnDay())} theo quyết định 55/QĐ-UBND`, { exact: false }));
    await page.screenshot({ path: ARTIFACTS + 'lockdown-zone.png', fullPage: true });
    expect((await admin.get<{ status: string }>(`/api/lockdown-zones/${zoneId}`)).status).toBe('lifted');
    await close();
  });
});
