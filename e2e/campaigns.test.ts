import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, logInAt, openPage, pick, shown, startWebServer, type WebServer } from './harness';

/**
 * A campaign in Chromium: two communes of different levels (Cái Khế decided level 4: every 3 days; An Hòa none: every
 * 7), tomorrow's plan, then today's, approved; the Cái Khế team's phone list; a household pool collected from it; the
 * round's coverage moving on the campaign page.
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117';
const AN_HOA = '31120';
const XUAN_KHANH = '31144';
const TEAM = 'Tổ lấy mẫu Cái Khế 2';

let server: WebServer;
let browser: Browser;
let admin: ApiClient;
let campaignId = '';
let teamId = '';

const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
type Made = { id: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  // the levels of QĐ 4800 ended in 2022: the city brings them back into force from yesterday, as a new rule version
  const regime = await admin.get<{ legalBasis: string; payload: unknown }>('/api/rule-sets/in-force/risk_level_4800?date=2021-12-01');
  const again = await admin.post<Made>('/api/rule-sets', {
    kind: 'risk_level_4800',
    legalBasis: `${regime.legalBasis} (áp dụng lại)`,
    effectiveFrom: vnDay(-1),
    payload: regime.payload,
  });
  await admin.post(`/api/rule-sets/${again.id}/activate`, {});
  await admin.post('/api/levels/assess', { day: vnDay() });
  await admin.post(`/api/levels/${CAI_KHE}/decisions`, {
    level: '4',
    assessmentDay: vnDay(),
    decisionNumber: '3001/QĐ-UBND',
    decidedOn: vnDay(),
    effectiveFrom: vnDay(),
    signer: 'Trần Văn Ký',
  });
  const household = (commune: string, address: string, names: string[]) =>
    admin.post('/api/households', {
      address,
      communeCode: commune,
      members: names.map((fullName, i) => ({ fullName, birthYear: 1970 + i, sex: i % 2 ? 'female' : 'male', communeCode: commune })),
    });
  await household(CAI_KHE, '12 Hẻm Chiến Dịch', ['Lê Văn Gộp', 'Lê Thị Mẫu', 'Lê Văn Ống']);
  await household(CAI_KHE, '14 Hẻm Chiến Dịch', ['Phan Văn Tổ', 'Phan Thị Vòng']);
  await household(AN_HOA, '3 Đường Vòng Một', ['Võ Văn Bảy', 'Võ Thị Ngày']);
  teamId = (await admin.post<Made>('/api/testing/teams', { communeCode: CAI_KHE, name: TEAM, members: [{ fullName: 'Trần Thị Lấy', phone: '0912345678' }] }))
    .id;
  const anHoaTeam = (await admin.post<Made>('/api/testing/teams', { communeCode: AN_HOA, name: 'Tổ An Hòa', members: [] })).id;
  const lab = (await admin.post<Made>('/api/testing/labs', { name: 'CDC Cần Thơ', dailyCapacity: { rt_pcr_pooled: 5000, rt_pcr_single: 2000 } })).id;
  campaignId = (
    await admin.post<Made>('/api/campaigns', {
      name: 'Xét nghiệm diện rộng đợt 3',
      legalBasis: 'TB 03-TB/BCĐ',
      startsOn: vnDay(),
      endsOn: vnDay(8),
      communes: [{ code: CAI_KHE }, { code: AN_HOA }],
    })
  ).id;
  await admin.post(`/api/campaigns/${campaignId}/teams`, { teamId, pooledPerDay: 100, antigenPerDay: 100 });
  await admin.post(`/api/campaigns/${campaignId}/teams`, { teamId: anHoaTeam, pooledPerDay: 100, antigenPerDay: 100 });
  await admin.post(`/api/campaigns/${campaignId}/labs`, { labId: lab, pooledPerDay: 1000, singlePerDay: 500 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const roundTag = (scope: Page, commune: string, no: number) => scope.getByTestId(`round-${commune}-${no}`);

describe('a testing campaign from plan to coverage', () => {
  it('plans tomorrow and today, approves, lists a team’s households on a phone, collects a pool, moves the round', async () => {
    const desk = await openPage(browser, 1366);
    const { page } = desk;
    await logInAt(page, `${server.url}/chien-dich/${campaignId}`);
    await shown(page.getByRole('heading', { name: 'Xét nghiệm diện rộng đợt 3' }));
    // Cái Khế at level 4 has three rounds of 3 days; An Hòa one round of 7
    await shown(roundTag(page, CAI_KHE, 3));
    await shown(roundTag(page, AN_HOA, 1));
    expect(await roundTag(page, AN_HOA, 2).count()).toBe(0);
    await shown(roundTag(page, CAI_KHE, 1).getByText('Vòng 1: 0/2 hộ · Đang lấy mẫu'));

    await page.getByRole('button', { name: 'Lập kế hoạch ngày mai' }).click();
    await shown(page.getByRole('heading', { name: /Kế hoạch lấy mẫu ngày/ }));
    await shown(page.getByTestId('plan-summary').getByText(/3 trong 3 hộ cần lấy mẫu được xếp cho các tổ/));
    await shown(page.getByText('Đủ tổ và công suất xét nghiệm cho mọi hộ đến hạn.'));

    await page.goto(`${server.url}/chien-dich/${campaignId}`);
    await page.getByRole('button', { name: 'Lập lại kế hoạch hôm nay' }).click();
    await shown(page.getByTestId('plan-summary'));
    const planUrl = page.url();
    await page.getByRole('button', { name: 'Duyệt kế hoạch' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt kế hoạch' }).click();
    await shown(page.getByText('Đã duyệt: các buổi lấy mẫu đã được mở'));
    await page.screenshot({ path: ARTIFACTS + 'campaign-plan.png', fullPage: true });
    await desk.close();

    const phone = await openPage(browser, 390);
    await logInAt(phone.page, `${planUrl}/to/${teamId}`);
    const p = phone.page;
    await shown(p.getByTestId('work-counts').getByText('Đã lấy 0, còn lại 2 hộ'));
    await shown(p.getByText('Lê Văn Gộp (1970), Lê Thị Mẫu (1971), Lê Văn Ống (1972)'));
    await p.screenshot({ path: ARTIFACTS + 'campaign-work-list-390.png', fullPage: true });
    await p.getByTestId('work-household').filter({ hasText: '12 Hẻm Chiến Dịch' }).getByRole('button', { name: 'Lấy mẫu' }).click();
    await shown(p.getByTestId('household-picked').getByText('12 Hẻm Chiến Dịch'));
    await shown(p.getByTestId('pool-split'));
    await p.getByTestId('barcode-0').fill('CD-0001');
    await p.getByTestId('collect-submit').click();
    await shown(p.getByTestId('collect-done').getByText(/Đã lấy 1 ống: CD-0001/));
    await p.goBack();
    await shown(p.getByTestId('work-counts').getByText('Đã lấy 1, còn lại 1 hộ'));
    await shown(p.getByTestId('work-household').filter({ hasText: '12 Hẻm Chiến Dịch' }).getByText('Đã lấy mẫu'));
    await p.goto(`${server.url}/chien-dich/${campaignId}`);
    await shown(roundTag(p, CAI_KHE, 1).getByText('Vòng 1: 1/2 hộ · Đang lấy mẫu'));
    await phone.close();
  });

  it('creates a campaign with a group of workers from its form: an interval against the rules is refused at the field, then it is made', async () => {
    await admin.post('/api/persons', { fullName: 'Đinh Văn Giao', birthYear: 1990, sex: 'male', communeCode: XUAN_KHANH, occupation: 'Nhân viên giao hàng' });
    const { page, close } = await openPage(browser, 1366);
    await logInAt(page, `${server.url}/chien-dich`);
    await page.getByRole('button', { name: 'Tạo chiến dịch' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên chiến dịch').fill('Xét nghiệm Xuân Khánh');
    await dialog.getByLabel('Căn cứ').fill('TB 05-TB/BCĐ');
    await pick(page, dialog.getByRole('combobox', { name: 'Quận/huyện' }).first(), 'Ninh Kiều');
    await pick(page, dialog.getByRole('combobox', { name: 'Xã/phường/thị trấn' }).first(), 'Phường Xuân Khánh');
    // a commune without a level is "other areas": every 5 to 7 days
    await dialog.getByLabel('Số ngày/vòng').fill('2');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(dialog.getByText(/5–7 ngày\/lần, đã nhập 2/));
    await dialog.getByLabel('Số ngày/vòng').fill('7');
    // a group of delivery staff of the same ward, found by occupation without diacritics
    await dialog.getByRole('button', { name: /Thêm nhóm/ }).click();
    await dialog.getByLabel('Tên nhóm 1').fill('Giao hàng Xuân Khánh');
    await pick(page, dialog.getByRole('combobox', { name: 'Quận/huyện' }).nth(1), 'Ninh Kiều');
    await pick(page, dialog.getByRole('combobox', { name: 'Xã/phường/thị trấn' }).nth(1), 'Phường Xuân Khánh');
    await dialog.getByLabel('Nghề nghiệp (từ khóa)').fill('giao hang');
    await dialog.getByLabel('Nghề nghiệp (từ khóa)').press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByRole('heading', { name: 'Xét nghiệm Xuân Khánh' }));
    await shown(roundTag(page, XUAN_KHANH, 1));
    await shown(page.getByTestId('campaign-groups').getByText('Giao hàng Xuân Khánh'));
    await shown(page.getByTestId('campaign-groups').getByText(/Vòng 1: 0\/1 người/));
    await close();
  });
});
