import ExcelJS from 'exceljs';
import { formatDate, formatNumber } from '@domain/format';
import type { PlanView, WorkList } from './schemas';

const PRIORITY: Record<string, string> = { lockdown: 'Vùng phong tỏa đến hạn', overdue: 'Quá hạn vòng', due: 'Đến hạn trong vòng' };

/** A plan as an Excel workbook: a summary sheet, then one sheet per team with its households in route order. */
export async function planWorkbook(plan: PlanView, lists: WorkList[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trung tâm Chỉ huy';
  const sum = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
  sum.addRow([`Kế hoạch lấy mẫu ngày ${formatDate(plan.day)} — ${plan.campaignName}`]).font = { bold: true, size: 13 };
  sum.addRow([
    `Hộ cần lấy mẫu: ${formatNumber(plan.candidates)}; trong kế hoạch: ${formatNumber(plan.covered)}; cận trên: ${formatNumber(Math.floor(plan.bound))}`,
  ]);
  sum.addRow([]);
  sum.columns = [
    { key: 'team', width: 28 },
    { key: 'commune', width: 24 },
    { key: 'households', width: 12 },
    { key: 'capacity', width: 12 },
    { key: 'hamlets', width: 60 },
  ];
  sum.addRow(['Tổ lấy mẫu', 'Xã/phường', 'Số hộ', 'Công suất', 'Ấp/khu vực (theo thứ tự đi)']).font = { bold: true };
  for (const t of plan.teams) sum.addRow([t.name, t.communeName, t.households, t.capacity, t.hamlets.map((h) => `${h.name} (${h.households})`).join(', ')]);
  if (plan.shortfalls.length) {
    sum.addRow([]);
    sum.addRow(['Thiếu hụt']).font = { bold: true };
    for (const s of plan.shortfalls) {
      const parts = [];
      if (s.teamShort.households) parts.push(`thiếu ${s.teamShort.teams} tổ lấy mẫu, ${formatNumber(s.teamShort.households)} hộ chuyển sang ngày kia`);
      if (s.labShort.households) parts.push(`${formatNumber(s.labShort.households)} hộ chờ công suất phòng xét nghiệm`);
      sum.addRow([s.communeName, parts.join('; ')]);
    }
  }
  const names = new Set<string>();
  for (const list of lists) {
    let name = list.teamName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || 'Tổ';
    while (names.has(name)) name = `${name.slice(0, 26)} ${names.size}`;
    names.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: 'STT', key: 'n', width: 6 },
      { header: 'Ấp/khu vực', key: 'hamlet', width: 20 },
      { header: 'Địa chỉ', key: 'address', width: 40 },
      { header: 'Số người', key: 'members', width: 10 },
      { header: 'Người trong hộ', key: 'names', width: 50 },
      { header: 'Ưu tiên', key: 'priority', width: 22 },
      { header: 'Lấy mẫu gần nhất', key: 'last', width: 16 },
      { header: 'Phòng xét nghiệm', key: 'lab', width: 26 },
      { header: 'Đã lấy mẫu', key: 'done', width: 12 },
    ];
    ws.getRow(1).font = { bold: true };
    let n = 0;
    for (const h of list.hamlets) {
      for (const hh of h.households) {
        ws.addRow({
          n: ++n,
          hamlet: h.name,
          address: hh.address,
          members: hh.members.length,
          names: hh.members.map((m) => `${m.fullName} (${m.birthYear ?? '—'})`).join('; '),
          priority: PRIORITY[hh.priority],
          last: hh.lastSampledOn ? formatDate(hh.lastSampledOn) : 'Chưa lấy mẫu',
          lab: hh.labName ?? '',
          done: hh.done ? 'Đã lấy' : '',
        });
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
