import PDFDocument from 'pdfkit';
import { certificateContent, type CertificateContent } from './content';
import type { CertificateData } from './data';
import { PDF_FONTS, type FontStyle } from './fonts';
import { qrPng } from './qr';

type Doc = PDFKit.PDFDocument;

interface Styled {
  text: string;
  font: FontStyle;
  size: number;
  underline?: boolean;
}

const pt = (mm: number) => (mm * 72) / 25.4;
const MARGINS = { top: pt(20), bottom: pt(20), left: pt(30), right: pt(20) };
const WIDTH = pt(210) - MARGINS.left - MARGINS.right;
const BOTTOM = pt(297) - MARGINS.bottom;
const HALF = WIDTH / 2;
const BODY = 13;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 4;
const HEADER_LEFT = pt(68);
const QR_SIZE = pt(30);
const SIGNATURE_SPACE = 60;
const FOOTER_GAP = 16;
const TEST_COLUMNS = [pt(15), pt(45), pt(60)];
const ROW = { max: 20, min: 11 };

function write(doc: Doc, lines: Styled[], x: number, y: number, width: number): number {
  doc.y = y;
  for (const l of lines)
    doc
      .font(l.font)
      .fontSize(l.size)
      .text(l.text, x, doc.y, { width, align: 'center', underline: l.underline ?? false, lineGap: LINE_GAP });
  return doc.y;
}

function heightOf(doc: Doc, text: string, font: FontStyle, width: number): number {
  return doc.font(font).fontSize(BODY).heightOfString(text, { width, lineGap: LINE_GAP });
}

function rule(doc: Doc, xCenter: number, y: number, length: number): void {
  doc
    .moveTo(xCenter - length / 2, y)
    .lineTo(xCenter + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

function header(doc: Doc, c: CertificateContent, top: number): number {
  const agencyEnd = write(
    doc,
    [
      { text: c.agency, font: 'regular', size: 12 },
      { text: c.facility, font: 'bold', size: 12 },
    ],
    MARGINS.left,
    top,
    HEADER_LEFT,
  );
  rule(doc, MARGINS.left + HEADER_LEFT / 2, agencyEnd + 2, pt(22));
  const leftEnd = write(doc, [{ text: c.number, font: 'regular', size: BODY }], MARGINS.left, agencyEnd + 8, HEADER_LEFT);
  const rx = MARGINS.left + HEADER_LEFT;
  const rightWidth = WIDTH - HEADER_LEFT;
  const nation: Styled[] = [
    { text: c.nation, font: 'bold', size: 12 },
    { text: c.motto, font: 'bold', size: BODY, underline: true },
  ];
  const mottoEnd = write(doc, nation, rx, top, rightWidth);
  const rightEnd = write(doc, [{ text: c.dateLine, font: 'italic', size: BODY }], rx, mottoEnd + 8, rightWidth);
  return Math.max(leftEnd, rightEnd);
}

function paragraph(doc: Doc, y: number, parts: { text: string; font: FontStyle }[]): number {
  doc.fontSize(BODY);
  doc.x = MARGINS.left;
  doc.y = y;
  parts.forEach((p, i) => doc.font(p.font).text(p.text, { width: WIDTH, align: 'justify', lineGap: LINE_GAP, continued: i < parts.length - 1 }));
  return doc.y + PARAGRAPH_GAP;
}

function testsTable(doc: Doc, c: CertificateContent, top: number, rowHeight: number): number {
  const x0 = MARGINS.left + (WIDTH - TEST_COLUMNS.reduce((a, b) => a + b, 0)) / 2;
  const size = Math.min(12, rowHeight * 0.6);
  const rows = [c.testsHeader, ...c.tests];
  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    let x = x0;
    row.forEach((text, i) => {
      doc.rect(x, y, TEST_COLUMNS[i], rowHeight).lineWidth(0.6).stroke();
      doc
        .font(r === 0 ? 'bold' : 'regular')
        .fontSize(size)
        .text(text, x, y + (rowHeight - size) / 2 - 1, { width: TEST_COLUMNS[i], align: 'center', lineBreak: false });
      x += TEST_COLUMNS[i];
    });
  });
  return top + rows.length * rowHeight + 6;
}

function footerHeight(doc: Doc, c: CertificateContent): number {
  const caption = doc.font('italic').fontSize(11).heightOfString(c.qrCaption, { width: HALF, lineGap: LINE_GAP });
  const signature =
    heightOf(doc, c.signerTitle, 'bold', HALF) + heightOf(doc, c.signHint, 'italic', HALF) + SIGNATURE_SPACE + heightOf(doc, c.signer, 'bold', HALF);
  return FOOTER_GAP + Math.max(QR_SIZE + 2 + caption, signature);
}

/** Rows shrink, down to a floor, so that a long list of tests still leaves room for the release lines and the footer. */
function rowHeight(doc: Doc, c: CertificateContent, tableTop: number): number {
  const release = c.release.reduce((h, r) => h + heightOf(doc, r, 'regular', WIDTH) + PARAGRAPH_GAP, 0);
  const room = BOTTOM - tableTop - 6 - release - footerHeight(doc, c);
  return Math.max(ROW.min, Math.min(ROW.max, room / (c.tests.length + 1)));
}

function body(doc: Doc, c: CertificateContent, top: number): number {
  let y = paragraph(doc, top, [{ text: c.intro, font: 'regular' }]);
  for (const f of c.fields)
    y = paragraph(doc, y, [
      { text: `${f.label}: `, font: 'regular' },
      { text: f.value, font: f.strong ? 'bold' : 'regular' },
    ]);
  y = paragraph(doc, y, [{ text: c.period, font: 'regular' }]);
  if (c.tests.length > 0) {
    const tableTop = paragraph(doc, y, [{ text: c.testsCaption, font: 'regular' }]);
    y = testsTable(doc, c, tableTop, rowHeight(doc, c, tableTop));
  }
  for (const r of c.release) y = paragraph(doc, y, [{ text: r, font: 'regular' }]);
  return y;
}

function footer(doc: Doc, c: CertificateContent, qr: Buffer, top: number): void {
  doc.image(qr, MARGINS.left + (HALF - QR_SIZE) / 2, top, { width: QR_SIZE, height: QR_SIZE });
  write(doc, [{ text: c.qrCaption, font: 'italic', size: 11 }], MARGINS.left, top + QR_SIZE + 2, HALF);
  const rx = MARGINS.left + HALF;
  const signature: Styled[] = [
    { text: c.signerTitle, font: 'bold', size: BODY },
    { text: c.signHint, font: 'italic', size: BODY },
  ];
  const hintEnd = write(doc, signature, rx, top, HALF);
  write(doc, [{ text: c.signer, font: 'bold', size: BODY }], rx, hintEnd + SIGNATURE_SPACE, HALF);
}

function page(doc: Doc, c: CertificateContent, qr: Buffer): void {
  doc.addPage({ size: 'A4', margins: MARGINS });
  const titleTop = header(doc, c, MARGINS.top) + 24;
  const bodyTop = write(doc, [{ text: c.title, font: 'bold', size: 14 }], MARGINS.left, titleTop, WIDTH) + 14;
  footer(doc, c, qr, body(doc, c, bodyTop) + FOOTER_GAP);
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * The release certificates of `list` as one A4 PDF, one page a person, in Tinos (Times New Roman metrics) embedded
 * from npm so Vietnamese renders on any machine. Throws on an empty list.
 */
export async function certificatesPdf(list: CertificateData[]): Promise<Buffer> {
  if (list.length === 0) throw new RangeError('No certificate to render');
  const qrs = await Promise.all(list.map((d) => qrPng(d.verifyUrl)));
  const doc = new PDFDocument({
    autoFirstPage: false,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: 'Giấy xác nhận hoàn thành thời gian cách ly y tế', Creator: 'Trung tâm Chỉ huy' },
  });
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
  list.forEach((d, i) => page(doc, certificateContent(d), qrs[i]));
  return collect(doc);
}
