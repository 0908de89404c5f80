import { formatDay, placeDateLine, type CertificateData } from './data';

/** One "label: value" line of the certificate's body. */
export interface Field {
  label: string;
  value: string;
  strong: boolean;
}

/** The words of one certificate, laid out the same way by the .docx and the PDF renderers. */
export interface CertificateContent {
  agency: string;
  facility: string;
  number: string;
  nation: string;
  motto: string;
  dateLine: string;
  title: string;
  intro: string;
  fields: Field[];
  period: string;
  testsCaption: string;
  testsHeader: [string, string, string];
  tests: [string, string, string][];
  release: string[];
  qrCaption: string;
  signerTitle: string;
  signHint: string;
  signer: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');
const nfc = (s: string) => s.normalize('NFC');

function fields(d: CertificateData): Field[] {
  const all: (Field | null)[] = [
    { label: 'Họ và tên', value: d.personName, strong: true },
    d.birthYear === null ? null : { label: 'Năm sinh', value: String(d.birthYear), strong: false },
    d.nationalId === null ? null : { label: 'Số CCCD/CMND', value: d.nationalId, strong: false },
    { label: 'Nơi cư trú', value: d.address, strong: false },
    { label: 'Đối tượng', value: d.situationName, strong: false },
  ];
  return all.filter((f): f is Field => f !== null).map((f) => ({ ...f, value: nfc(f.value) }));
}

function release(d: CertificateData): string[] {
  const lines = [`Được hoàn thành cách ly kể từ ngày ${formatDay(d.releasedOn)}.`];
  if (d.monitoringUntil.slice(0, 10) > d.lastDay.slice(0, 10)) {
    lines.push(
      `Tiếp tục tự theo dõi sức khỏe tại nơi cư trú đến hết ngày ${formatDay(d.monitoringUntil)} ` +
        'và thông báo ngay cho trạm y tế xã/phường khi có dấu hiệu bất thường.',
    );
  }
  return lines;
}

/** The texts of one person's certificate: upper-cased header lines, dd/MM/yyyy dates, optional lines left out. */
export function certificateContent(d: CertificateData): CertificateContent {
  return {
    agency: upper(nfc(d.managingAgency)),
    facility: upper(nfc(d.facilityName)),
    number: `Số: ${d.certificateNo}`,
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: placeDateLine(nfc(d.placeName), d.releasedOn),
    title: 'GIẤY XÁC NHẬN HOÀN THÀNH THỜI GIAN CÁCH LY Y TẾ',
    intro: `${nfc(d.facilityName)} xác nhận:`,
    fields: fields(d),
    period: `Đã thực hiện cách ly y tế từ ngày ${formatDay(d.startedOn)} đến ngày ${formatDay(d.lastDay)}`,
    testsCaption: 'Kết quả xét nghiệm:',
    testsHeader: ['Lần', 'Ngày lấy mẫu', 'Kết quả'],
    tests: d.tests.map((t, i) => [String(i + 1), formatDay(t.day), nfc(t.result)]),
    release: release(d),
    qrCaption: 'Quét mã để xác minh giấy này',
    signerTitle: upper(nfc(d.signerTitle)),
    signHint: '(Ký, ghi rõ họ tên)',
    signer: nfc(d.signer),
  };
}
