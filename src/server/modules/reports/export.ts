import ExcelJS from 'exceljs';
import { formatDate } from '@domain/format';
import type { DashboardView } from './schemas';

/** The dashboard's tables as an Excel workbook: the day's figures against yesterday and the 7-day mean, and by district. */
export async function dashboardWorkbook(d: DashboardView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trung tâm Chỉ huy';
  const sum = wb.addWorksheet('Tổng hợp');
  sum.addRow([`Tình hình dịch ngày ${formatDate(d.day)} — ${d.unit?.name ?? 'toàn bộ địa bàn được giao'} (${d.communes} xã/phường)`]).font = {
    bold: true,
    size: 13,
  };
  sum.addRow([]);
  sum.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 16 }];
  sum.addRow(['Chỉ tiêu', 'Hôm nay', 'Hôm qua', 'TB 7 ngày trước']).font = { bold: true };
  const mean = (x: number) => Math.round(x * 10) / 10;
  sum.addRow(['Ca mắc mới', d.cases.today.total, d.cases.yesterday.total, mean(d.mean7.cases)]);
  sum.addRow(['Ca mắc mới trong cộng đồng', d.cases.today.community, d.cases.yesterday.community, mean(d.mean7.community)]);
  sum.addRow(['Khỏi bệnh', d.cases.today.recovered, d.cases.yesterday.recovered]);
  sum.addRow(['Tử vong', d.cases.today.died, d.cases.yesterday.died]);
  sum.addRow(['Mẫu đã lấy', d.testing.today.samples, d.testing.yesterday.samples, mean(d.mean7.samples)]);
  sum.addRow(['Mẫu dương tính', d.testing.today.positive, d.testing.yesterday.positive, mean(d.mean7.positive)]);
  sum.addRow(['Mẫu có kết quả', d.testing.today.resulted, d.testing.yesterday.resulted]);
  sum.addRow(['Trả kết quả trong ngày', d.testing.today.sameDay, d.testing.yesterday.sameDay]);
  sum.addRow(['Giường cách ly, điều trị đang dùng', d.facilities.occupied, null, null]);
  const districts = wb.addWorksheet('Theo quận, huyện', { views: [{ state: 'frozen', ySplit: 1 }] });
  districts.columns = [{ width: 26 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 18 }];
  districts.addRow(['Quận/huyện', 'Ca mới hôm nay', 'Ca mới 7 ngày', 'Mẫu hôm nay', 'Dương tính hôm nay']).font = { bold: true };
  for (const r of d.districts) districts.addRow([r.name, r.casesToday, r.cases7, r.samplesToday, r.positiveToday]);
  districts.addRow([
    'Tổng',
    ...(['casesToday', 'cases7', 'samplesToday', 'positiveToday'] as const).map((k) => d.districts.reduce((n, r) => n + r[k], 0)),
  ]).font = {
    bold: true,
  };
  const curve = wb.addWorksheet('Diễn biến 30 ngày');
  curve.columns = [{ width: 14 }, { width: 12 }, { width: 18 }, { width: 18 }];
  curve.addRow(['Ngày', 'Ca mới', 'Trong cộng đồng', 'Trung bình 7 ngày']).font = { bold: true };
  for (const c of d.curve) curve.addRow([formatDate(c.day), c.cases, c.community, mean(c.avg7)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
