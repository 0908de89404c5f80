import ExcelJS from 'exceljs';
import { formatDate, formatDateTime } from '@domain/format';
import type { CaseView } from './schemas';

const DETECTED_IN: Record<string, string> = {
  community: 'Cộng đồng',
  quarantine_facility: 'Khu cách ly tập trung',
  lockdown_zone: 'Vùng phong tỏa',
  home_quarantine: 'Cách ly tại nhà',
  screening_at_facility: 'Sàng lọc tại cơ sở',
  arrival: 'Người về từ vùng dịch',
};
const CLINICAL: Record<string, string> = { asymptomatic: 'Không triệu chứng', mild: 'Nhẹ', moderate: 'Trung bình', severe: 'Nặng', critical: 'Nguy kịch' };
const TREATMENT: Record<string, string> = {
  home: 'Tại nhà',
  facility: 'Cơ sở thu dung',
  district_hospital: 'Bệnh viện tuyến huyện',
  province_hospital: 'Bệnh viện tuyến tỉnh',
  central_hospital: 'Bệnh viện tuyến trung ương',
};
const OUTCOME: Record<string, string> = { recovered: 'Khỏi bệnh', died: 'Tử vong', transferred: 'Chuyển viện' };

/** The case list as an Excel workbook with Vietnamese headers and dd/MM/yyyy dates. */
export async function casesWorkbook(
  rows: (CaseView & { fullName: string | null; birthYear: number | null; communeName: string; districtName: string })[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trung tâm Chỉ huy';
  const ws = wb.addWorksheet('Ca bệnh', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Mã ca bệnh', key: 'caseCode', width: 18 },
    { header: 'Họ và tên', key: 'fullName', width: 26 },
    { header: 'Năm sinh', key: 'birthYear', width: 10 },
    { header: 'Xã/phường', key: 'communeName', width: 24 },
    { header: 'Quận/huyện', key: 'districtName', width: 22 },
    { header: 'Ngày xác định', key: 'confirmedOn', width: 14 },
    { header: 'Xét nghiệm khẳng định', key: 'confirmingTest', width: 22 },
    { header: 'Nơi phát hiện', key: 'detectedIn', width: 22 },
    { header: 'Ngày khởi phát', key: 'onsetOn', width: 14 },
    { header: 'Ngày lấy mẫu', key: 'sampledOn', width: 14 },
    { header: 'Cách ly lúc', key: 'isolatedAt', width: 18 },
    { header: 'Tình trạng lâm sàng', key: 'clinicalStatus', width: 18 },
    { header: 'Nơi điều trị', key: 'treatmentPlace', width: 22 },
    { header: 'Kết cục', key: 'outcome', width: 14 },
    { header: 'Ngày kết cục', key: 'outcomeOn', width: 14 },
    { header: 'Trạng thái', key: 'status', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of rows) {
    ws.addRow({
      caseCode: c.caseCode,
      fullName: c.fullName ?? '(ngoài phạm vi)',
      birthYear: c.birthYear,
      communeName: c.communeName,
      districtName: c.districtName,
      confirmedOn: formatDate(c.confirmedOn),
      confirmingTest: c.confirmingTest,
      detectedIn: DETECTED_IN[c.detectedIn],
      onsetOn: formatDate(c.onsetOn),
      sampledOn: formatDate(c.sampledOn),
      isolatedAt: formatDateTime(c.isolatedAt),
      clinicalStatus: CLINICAL[c.clinicalStatus],
      treatmentPlace: TREATMENT[c.treatmentPlace],
      outcome: c.outcome ? OUTCOME[c.outcome] : '',
      outcomeOn: formatDate(c.outcomeOn),
      status: c.status === 'active' ? 'Đang theo dõi' : 'Đã hủy',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
