import { unzipSync, strFromU8 } from 'fflate';
import { openSync, type Font } from 'fontkit';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { formatDay, placeDateLine } from './data';
import { PDF_FONTS } from './fonts';
import { certificatesDocx, certificatesPdf, qrPng, type CertificateData } from './index';

const SAMPLE = 'Nguyễn Thị Hằng, Phường Tân An, Quận Ninh Kiều, Đối tượng: F1 cách ly tập trung, Độc lập - Tự do - Hạnh phúc';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function person(over: Partial<CertificateData> = {}): CertificateData {
  return {
    certificateNo: 'GCN-2021-000123',
    provinceName: 'Thành phố Cần Thơ',
    managingAgency: 'Bộ Chỉ huy Quân sự thành phố',
    facilityName: 'Khu cách ly tập trung Trường Quân sự',
    placeName: 'Cần Thơ',
    personName: 'Nguyễn Thị Hằng',
    birthYear: 1987,
    nationalId: '092187******',
    address: 'Phường Tân An, Quận Ninh Kiều, Thành phố Cần Thơ',
    situationName: 'F1 cách ly tập trung',
    startedOn: '2021-07-15',
    lastDay: '2021-07-28',
    releasedOn: '2021-08-05',
    monitoringUntil: '2021-08-11',
    tests: [
      { day: '2021-07-15', result: 'Âm tính' },
      { day: '2021-07-21', result: 'Âm tính' },
    ],
    signer: 'Nguyễn Văn A',
    signerTitle: 'Trưởng khu cách ly',
    verifyUrl: 'https://chihuy.example.vn/xac-minh/gcn/AbC123',
    ...over,
  };
}

const cohort = [
  person(),
  person({ personName: 'Trần Văn Đức', nationalId: null, monitoringUntil: '2021-07-28', certificateNo: 'GCN-2021-000124', verifyUrl: '/xac-minh/gcn/Ddd124' }),
  person({ personName: 'Lê Thị Thu Hương', birthYear: null, tests: [], certificateNo: 'GCN-2021-000125', verifyUrl: '/xac-minh/gcn/Eee125' }),
];

function documentXml(docx: Buffer): { xml: string; files: string[] } {
  const zip = unzipSync(new Uint8Array(docx));
  return { xml: strFromU8(zip['word/document.xml']), files: Object.keys(zip) };
}

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('dates', () => {
  it('formats calendar days without a time zone', () => {
    expect(formatDay('2021-08-05')).toBe('05/08/2021');
    expect(formatDay('2021-12-31T23:30:00Z')).toBe('31/12/2021');
    expect(placeDateLine('Cần Thơ', '2021-08-05')).toBe('Cần Thơ, ngày 05 tháng 08 năm 2021');
    expect(() => formatDay('05/08/2021')).toThrow(RangeError);
  });
});

describe('certificatesDocx', () => {
  it('is a Word document with one page a person and the certificate texts', async () => {
    const { xml, files } = documentXml(await certificatesDocx(cohort));
    for (const p of cohort) expect(xml).toContain(p.personName);
    expect(xml).toContain('GIẤY XÁC NHẬN HOÀN THÀNH THỜI GIAN CÁCH LY Y TẾ');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('BỘ CHỈ HUY QUÂN SỰ THÀNH PHỐ');
    expect(xml).toContain('Số: GCN-2021-000125');
    expect(xml).toContain('Cần Thơ, ngày 05 tháng 08 năm 2021');
    expect(xml).toContain('Đã thực hiện cách ly y tế từ ngày 15/07/2021 đến ngày 28/07/2021');
    expect(xml).toContain('Được hoàn thành cách ly kể từ ngày 05/08/2021.');
    expect(xml).toContain('21/07/2021');
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(cohort.length - 1);
    expect(xml.match(/Số CCCD\/CMND: /g)).toHaveLength(2);
    expect(xml.match(/Năm sinh: /g)).toHaveLength(2);
    expect(xml.match(/Tiếp tục tự theo dõi sức khỏe tại nơi cư trú đến hết ngày 11\/08\/2021/g)).toHaveLength(2);
    expect(xml.match(/Ngày lấy mẫu/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    expect(new Set(xml.match(/<wp:docPr id="\d+"/g)).size).toBe(cohort.length);
    expect(files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(cohort.length);
  });

  it('sets Times New Roman 13 pt as the document font', async () => {
    const zip = unzipSync(new Uint8Array(await certificatesDocx([person()])));
    const styles = strFromU8(zip['word/styles.xml']);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
  });

  it('refuses an empty list', async () => {
    await expect(certificatesDocx([])).rejects.toThrow(RangeError);
  });
});

describe('certificatesPdf', () => {
  it('is a PDF with one page a person and the Tinos fonts embedded', async () => {
    const pdf = await certificatesPdf(cohort);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(cohort.length);
    expect(text).toMatch(new RegExp(`/Count ${cohort.length}\\b`));
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(text).not.toMatch(/\/BaseFont \/(Helvetica|Times-Roman)/);
  });

  it('embeds fonts that have a glyph for every character of Vietnamese text', () => {
    const texts = [SAMPLE, SAMPLE.toLocaleUpperCase('vi'), 'ăâđêôơư ĂÂĐÊÔƠƯ ạảãáàặẳẵắằậẩẫấầẹẻẽếềệểễịỉĩọỏõốồộổỗớờợởỡụủũứừựửữỳỵỷỹ'];
    const codePoints = [...new Set([...texts.join('').normalize('NFC')].map((ch) => ch.codePointAt(0)!))];
    for (const file of Object.values(PDF_FONTS)) {
      const font = openSync(file) as Font;
      expect(font.hasGlyphForCodePoint(0x4e2d)).toBe(false);
      expect(codePoints.filter((cp) => !font.hasGlyphForCodePoint(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
    }
  });

  it('keeps a long certificate on one page', async () => {
    const tests = Array.from({ length: 14 }, (_, i) => ({ day: `2021-07-${String(10 + i).padStart(2, '0')}`, result: 'Âm tính' }));
    const long = person({
      tests,
      address: 'Số 123/45/6 hẻm 7, đường Nguyễn Văn Cừ nối dài, khu vực 5, Phường An Khánh, Quận Ninh Kiều, Thành phố Cần Thơ',
      facilityName: 'Khu cách ly tập trung Ký túc xá Trường Đại học Cần Thơ khu A',
      signerTitle: 'Phó Trưởng Ban chỉ đạo phòng, chống dịch',
    });
    const text = (await certificatesPdf([long, long])).toString('latin1');
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2);
  });

  it('refuses an empty list', async () => {
    await expect(certificatesPdf([])).rejects.toThrow(RangeError);
  });
});

describe('qrPng', () => {
  it('is a PNG whose QR code reads back the verification URL', async () => {
    for (const url of ['https://chihuy.example.vn/xac-minh/gcn/AbC123', '/xac-minh/gcn/AbC123']) {
      const png = await qrPng(url);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(decodeQr(png)).toBe(url);
    }
    expect(QRCode.create('https://chihuy.example.vn/xac-minh/gcn/AbC123', { errorCorrectionLevel: 'M' }).modules.size).toBeGreaterThanOrEqual(21);
  });
});
