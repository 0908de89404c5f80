import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzlibSync } from 'fflate';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, ApiClient, launchChromium, startWebServer, type WebServer, openPage, logInAt, option, pick, shown } from './harness';

/**
 * A quarantine site in Chromium: an F1 cohort admitted into one room (on a phone, through the form), one of them
 * positive on RT-PCR, the room's cohort restarted with re-tests, the positive moved to treatment; a person whose
 * quarantine is over released, the certificate's QR code opening the public check; a home check with a warning sign.
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều
const SITE = 'Khu cách ly Ký túc xá B';
const HOSPITAL = 'Bệnh viện dã chiến số 1';
const [F1_UI, F1_B, F1_C, DONE, HOME] = ['Trần Văn Cách', 'Lê Thị Ly', 'Phạm Văn Tập', 'Ngô Thị Hoàn', 'Võ Văn Nhà'];

let server: WebServer;
let browser: Browser;
let admin: ApiClient;
const ids: Record<string, string> = {};
const person: Record<string, string> = {};

/** Days in Vietnam time (UTC+7), as the server counts them. */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vnText = (iso: string) => iso.split('-').reverse().join('/');

type Detail = { rooms: { id: string; code: string }[] };
type Made = { id: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWebServer();
  browser = await launchChromium();
  admin = new ApiClient(server.url);
  await admin.login(ADMIN.username, ADMIN.password);
  const facility = async (name: string, kind: string, tier: string, beds: Record<string, number>) => {
    const body = { name, kind, tier, managingAgency: 'Sở Y tế thành phố Cần Thơ', communeCode: CAI_KHE, address: '3/2 Ninh Kiều' };
    return (
      await admin.post<Made>('/api/quarantine/facilities', { ...body, rooms: Object.entries(beds).map(([code, n]) => ({ area: code[0], code, beds: n })) })
    ).id;
  };
  ids.site = await facility(SITE, 'quarantine', 'quarantine_site', { A101: 4, B101: 2 });
  ids.hospital = await facility(HOSPITAL, 'treatment', 'tier2', { T101: 10 });
  for (const r of (await admin.get<Detail>(`/api/quarantine/facilities/${ids.site}`)).rooms) ids[r.code] = r.id;
  for (const [i, fullName] of [F1_UI, F1_B, F1_C, DONE, HOME].entries()) {
    const body = { fullName, birthYear: 1970 + i, sex: i % 2 ? 'female' : 'male', communeCode: CAI_KHE };
    person[fullName] = (await admin.post<{ person: Made }>('/api/persons', body)).person.id;
  }
  ids.lab = (await admin.post<Made>('/api/testing/labs', { name: 'CDC Cần Thơ', dailyCapacity: { rt_pcr_single: 5000 } })).id;
  const members = [{ fullName: 'Trần Thị Mẫu', phone: '0912345678' }];
  ids.team = (await admin.post<Made>('/api/testing/teams', { communeCode: CAI_KHE, name: 'Tổ lấy mẫu khu cách ly', members })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let tubes = 0;
/** One RT-PCR single tube of a person collected on a day (now, today), through the lab to its result. */
async function tube(personId: string, day: string, result: 'negative' | 'positive') {
  const barcode = `CL-${String(++tubes).padStart(4, '0')}`;
  const today = day === vnDay();
  const at = (hh: string) => (today ? undefined : `${day}T${hh}:00:00+07:00`);
  const session = await admin.post<Made>('/api/testing/sessions', { teamId: ids.team, sessionDate: day, mode: 'fixed' });
  const collectedAt = today ? new Date(Math.max(Date.now() - 120_000, Date.parse(`${day}T00:00:00+07:00`))).toISOString() : at('08');
  const sample = { testType: 'rt_pcr_single', kind: 'single', members: [{ personId }], barcodes: [barcode], collectedAt };
  await admin.post(`/api/testing/sessions/${session.id}/samples`, sample);
  const shipment = await admin.post<Made>('/api/testing/shipments', { teamId: ids.team, labId: ids.lab, barcodes: [barcode], sentAt: at('09') });
  await admin.post(`/api/testing/shipments/${shipment.id}/receive`, { barcodes: [barcode], receivedAt: at('10') });
  await admin.post(`/api/testing/samples/${barcode}/result`, result === 'positive' ? { result, ctValue: 24.5 } : { result });
}

/** The verify address in the QR code of a certificate PDF: its image (RGB, Flate) decoded from the file, then read. */
function qrOfPdf(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/<<((?:(?!>>)[\s\S])*?\/Subtype \/Image[\s\S]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1];
    if (!dict.includes('/DeviceRGB')) continue;
    const num = (key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const rgb = unzlibSync(new Uint8Array(pdf.subarray(start, start + num('Length'))));
    const [w, h] = [num('Width'), num('Height')];
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 255], i * 4);
    const found = jsQR(rgba, w, h)?.data;
    if (found) return found;
  }
  return undefined;
}

const logIn = (page: Page, path: string) => logInAt(page, server.url + path);
const personRow = (page: Page, name: string) => page.getByTestId('room-persons').getByRole('row', { name: new RegExp(name) });

/** Picks one of a form's button-like radio options by its exact text. */
const choose = (page: Page, text: string) => page.locator('label.ant-radio-button-wrapper').getByText(text, { exact: true }).click();

/** Picks a person in the admission form by typing their name without diacritics. */
async function pickPerson(page: Page, typed: string, name: string) {
  await page.getByLabel('Người được tiếp nhận').fill(typed);
  await option(page, name).click();
}

describe('quarantine and treatment in Chromium', () => {
  it('admits an F1 cohort on a phone, a positive restarts the room, the positive goes to treatment, a finished stay is released with a verifiable certificate', async () => {
    const cohortDay = vnDay(-3);
    const { page, close } = await openPage(browser, 390);
    await logIn(page, `/cach-ly/co-so/${ids.site}?room=${ids.A101}`);
    await shown(page.getByRole('heading', { name: SITE }));
    await page.getByRole('link', { name: 'Tiếp nhận vào phòng này' }).click();
    await shown(page.getByRole('heading', { name: 'Tiếp nhận cách ly, điều trị' }));
    await pickPerson(page, 'tran van cach', F1_UI);
    await choose(page, 'Chưa tiêm');
    await page.getByLabel('Ngày vào').fill(vnText(cohortDay));
    await page.getByTestId('admission-submit').click();
    await shown(page.getByText(`Đã tiếp nhận ${F1_UI}`));
    await shown(page.getByText(`${SITE} · A101 · Giường 1`, { exact: false }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ARTIFACTS + 'quarantine-admission-phone.png', fullPage: true });

    // the one released today came in 15 days ago: room A101's cohort (entered 3 days ago) refuses them
    await page.getByRole('button', { name: 'Tiếp nhận người khác' }).click();
    await pickPerson(page, 'ngo thi hoan', DONE);
    await choose(page, 'Đủ liều');
    await page.getByLabel('Ngày vào').fill(vnText(vnDay(-15)));
    await pick(page, page.getByLabel('Phòng', { exact: true }), 'A101');
    await page.getByTestId('admission-submit').click();
    await shown(page.getByTestId('cohort-refusal').getByText(`Phòng A101 giữ nhóm vào từ ${vnText(cohortDay)}`, { exact: false }));
    await shown(page.getByLabel('Lý do xếp khác nhóm'));
    await pick(page, page.getByLabel('Phòng', { exact: true }), 'B101');
    await expect.poll(() => page.getByTestId('cohort-refusal').count()).toBe(0);
    await page.getByTestId('admission-submit').click();
    await shown(page.getByText(`Đã tiếp nhận ${DONE}`));
    await close();

    const stay = { reason: 'f1', vaccination: 'none', setting: 'facility', roomId: ids.A101, admittedOn: cohortDay };
    for (const name of [F1_B, F1_C]) await admin.post('/api/quarantine/stays', { ...stay, personId: person[name] });
    // the released one's three test days (days 1, 7, 14) answered by negative tubes; one of the cohort positive today
    for (const d of [-15, -9, -2]) await tube(person[DONE], vnDay(d), 'negative');
    await tube(person[F1_UI], vnDay(), 'positive');

    const desk = await openPage(browser);
    const p = desk.page;
    await logIn(p, `/cach-ly/co-so/${ids.site}?room=${ids.A101}`);
    await shown(p.getByTestId('room-A101').getByText(`Phơi nhiễm ${vnText(vnDay())}`));
    // their quarantine restarts from the positive's sample: 14 days from today
    for (const name of [F1_B, F1_C]) await expect.poll(() => personRow(p, name).getByTestId('stay-last-day').innerText()).toBe(vnText(vnDay(13)));
    await shown(personRow(p, F1_UI).getByText(`Dương tính ${vnText(vnDay()).slice(0, 5)}`));
    const retests = p.getByTestId('facility-tasks').getByRole('row').filter({ hasText: 'Xét nghiệm lại' });
    await expect.poll(() => retests.count()).toBe(2);
    await shown(p.getByTestId('facility-tasks').getByText('Chuyển điều trị'));
    await p.screenshot({ path: ARTIFACTS + 'quarantine-facility.png', fullPage: true });

    await personRow(p, F1_UI).getByRole('button', { name: 'Chuyển' }).click();
    const transfer = p.getByRole('dialog');
    await shown(transfer.getByText('chỉ chuyển sang cơ sở điều trị', { exact: false }));
    await shown(transfer.getByText(HOSPITAL));
    await pick(p, transfer.getByLabel('Phòng', { exact: true }), 'T101');
    await transfer.getByRole('button', { name: 'Lưu' }).click();
    await shown(p.getByText(`Đã chuyển ${F1_UI} đến ${HOSPITAL} · T101`));
    await shown(personRow(p, F1_UI).getByText(`Đã chuyển ${vnText(vnDay())}`));

    await p.getByTestId('room-B101').click();
    await personRow(p, DONE).getByRole('button', { name: 'Cho ra' }).click();
    const release = p.getByRole('dialog');
    await release.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Ký');
    await release.getByRole('button', { name: 'Lưu' }).click();
    await shown(p.getByText(/Đã cho ra, giấy số /));
    const [download] = await Promise.all([p.waitForEvent('download'), personRow(p, DONE).getByTestId('certificate-pdf').click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const url = qrOfPdf(pdf);
    expect(url).toMatch(new RegExp(`^${server.url}/xac-minh-giay/[0-9a-f]{32}$`));
    await desk.close();

    const citizen = await openPage(browser, 390);
    await citizen.page.goto(url!);
    await shown(citizen.page.getByText('Giấy hợp lệ'));
    await shown(citizen.page.getByTestId('certificate-valid').getByText(DONE));
    await shown(citizen.page.getByTestId('certificate-valid').getByText(SITE));
    await citizen.page.screenshot({ path: ARTIFACTS + 'quarantine-certificate-check.png', fullPage: true });
    await citizen.page.goto(`${server.url}/xac-minh-giay/${'0'.repeat(32)}`);
    await shown(citizen.page.getByText('Không tìm thấy giấy'));
    await citizen.close();
  });

  it('the commune team checks an F0 at home on a phone; a warning sign asks for an urgent transfer', async () => {
    await admin.post('/api/quarantine/stays', { personId: person[HOME], reason: 'f0_home', vaccination: 'full', setting: 'home', admittedOn: vnDay(-2) });
    const { page, close } = await openPage(browser, 390);
    await logIn(page, `/cach-ly/tai-nha?commune=${CAI_KHE}`);
    const card = page.getByTestId('home-stay').filter({ hasText: HOME });
    await shown(card.getByText('Chưa khai báo hôm nay'));
    await shown(card.getByText('Bỏ lỡ 2 ngày'));
    await card.getByRole('button', { name: 'Khai báo hôm nay' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nhiệt độ (°C)').fill('38,6');
    await dialog.getByLabel('SpO2 (%)').fill('93');
    for (const sign of [dialog.getByRole('checkbox', { name: 'Ho', exact: true }), dialog.getByRole('checkbox', { name: 'Khó thở, thở hụt hơi' })]) {
      await sign.click();
      await expect.poll(() => sign.isChecked()).toBe(true);
    }
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await shown(page.getByText(`${HOME} có dấu hiệu cảnh báo: cần chuyển viện khẩn`).filter({ visible: true }));
    await page.getByRole('button', { name: 'Đóng' }).click();
    await shown(card.getByText('Cần chuyển viện khẩn'));
    await shown(card.getByText(`38,6 °C · SpO2 93% · ${vnText(vnDay())}`));
    await page.screenshot({ path: ARTIFACTS + 'quarantine-home-care.png', fullPage: true });
    await close();
  });

  it('the board shows the city, the tiers and each facility; a new site is added with ten rooms at once', async () => {
    const { page, close } = await openPage(browser);
    await logIn(page, '/cach-ly');
    await shown(page.getByRole('heading', { name: 'Cách ly, điều trị' }));
    await shown(page.getByTestId('capacity-met').getByText('Năng lực thu dung: đạt'));
    const hospitalRow = page.getByTestId('board-facilities').getByRole('row', { name: new RegExp(HOSPITAL) });
    await shown(hospitalRow.getByText('Mở'));
    await page.screenshot({ path: ARTIFACTS + 'quarantine-board.png', fullPage: true });
    await page.getByRole('button', { name: 'Thêm cơ sở' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên cơ sở').fill('Khu cách ly Trường Chính trị');
    await dialog.getByLabel('Cơ quan quản lý').fill('Bộ Chỉ huy Quân sự thành phố');
    await pick(page, dialog.getByRole('combobox', { name: 'Quận/huyện' }), 'Ninh Kiều');
    await pick(page, dialog.getByRole('combobox', { name: 'Xã/phường/thị trấn' }), 'Phường Cái Khế');
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('Đường 30/4');
    await dialog.getByRole('button', { name: 'Thêm 10 phòng' }).click();
    await shown(dialog.getByTestId('rooms-total').getByText('10 phòng, 40 giường'));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/cach-ly\/co-so\/[0-9a-f-]{36}$/);
    await shown(page.getByTestId('room-A110'));
    await close();
  });
});
