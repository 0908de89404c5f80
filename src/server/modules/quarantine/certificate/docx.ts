import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { certificateContent, type CertificateContent } from './content';
import type { CertificateData } from './data';
import { qrPng } from './qr';

const mm = (millimeters: number) => Math.round((millimeters * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20) };
const CONTENT_MM = 210 - 30 - 20;
const HEADER_LEFT_MM = 68;
const QR_PX = 113;
const SIGNATURE_LINES = 4;
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type Block = Paragraph | Table;

const spacing = (after: number, line = 288) => ({ before: 0, after, line, lineRule: LineRuleType.AUTO });

function para(children: ParagraphChild[], align: Align = AlignmentType.LEFT, after = 60): Paragraph {
  return new Paragraph({ children, alignment: align, spacing: spacing(after) });
}

function line(text: string, opts: IRunOptions = {}, align: Align = AlignmentType.CENTER, after = 0): Paragraph {
  return para([new TextRun({ ...opts, text })], align, after);
}

function shortRule(cellMm: number, ruleMm: number): Paragraph {
  const side = mm((cellMm - ruleMm) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: spacing(80, 120),
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 4 },
  });
}

function cell(children: Block[], widthMm: number, opts: { center?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    margins: opts.center ? { top: 40, bottom: 40, left: 60, right: 60 } : undefined,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: opts.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
  });
}

function layoutTable(columnsMm: number[], cells: TableCell[]): Table {
  return new Table({
    rows: [new TableRow({ children: cells })],
    columnWidths: columnsMm.map(mm),
    width: { size: mm(CONTENT_MM), type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
  });
}

function header(c: CertificateContent): Table {
  const [left, right] = [HEADER_LEFT_MM, CONTENT_MM - HEADER_LEFT_MM];
  return layoutTable(
    [left, right],
    [
      cell([line(c.agency, { size: 24 }), line(c.facility, { size: 24, bold: true }), shortRule(left, 22), line(c.number)], left),
      cell(
        [
          line(c.nation, { size: 24, bold: true }),
          line(c.motto, { bold: true, underline: {} }, AlignmentType.CENTER, 160),
          line(c.dateLine, { italics: true }),
        ],
        right,
      ),
    ],
  );
}

function fieldLine(label: string, value: string, strong: boolean): Paragraph {
  return para([new TextRun(`${label}: `), new TextRun({ text: value, bold: strong })], AlignmentType.JUSTIFIED);
}

function testsTable(c: CertificateContent): Table {
  const widths = [15, 45, 60];
  const row = (texts: string[], bold: boolean) => new TableRow({ children: texts.map((t, i) => cell([line(t, { bold })], widths[i], { center: true })) });
  return new Table({
    rows: [row(c.testsHeader, true), ...c.tests.map((t) => row(t, false))],
    columnWidths: widths.map(mm),
    width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    alignment: AlignmentType.CENTER,
  });
}

function testsBlock(c: CertificateContent): Block[] {
  if (c.tests.length === 0) return [];
  return [para([new TextRun(c.testsCaption)]), testsTable(c), para([], AlignmentType.LEFT, 0)];
}

function footer(c: CertificateContent, qr: Buffer, n: number): Table {
  const half = CONTENT_MM / 2;
  const image = new ImageRun({
    type: 'png',
    data: qr,
    transformation: { width: QR_PX, height: QR_PX },
    altText: { id: String(n), name: `QR ${n}`, description: c.qrCaption, title: c.qrCaption },
  });
  return layoutTable(
    [half, half],
    [
      cell([para([image], AlignmentType.CENTER, 0), line(c.qrCaption, { italics: true, size: 22 })], half),
      cell(
        [
          line(c.signerTitle, { bold: true }),
          line(c.signHint, { italics: true }),
          ...Array.from({ length: SIGNATURE_LINES }, () => line('')),
          line(c.signer, { bold: true }),
        ],
        half,
      ),
    ],
  );
}

function certificateBlocks(c: CertificateContent, qr: Buffer, n: number): Block[] {
  return [
    header(c),
    para([], AlignmentType.LEFT, 240),
    line(c.title, { bold: true, size: 28 }, AlignmentType.CENTER, 240),
    para([new TextRun(c.intro)], AlignmentType.JUSTIFIED),
    ...c.fields.map((f) => fieldLine(f.label, f.value, f.strong)),
    para([new TextRun(c.period)], AlignmentType.JUSTIFIED),
    ...testsBlock(c),
    ...c.release.map((r) => para([new TextRun(r)], AlignmentType.JUSTIFIED)),
    para([], AlignmentType.LEFT, 120),
    footer(c, qr, n),
  ];
}

function separator(pageBreak: boolean): Paragraph {
  return new Paragraph({ children: pageBreak ? [new PageBreak()] : [], spacing: spacing(0, 240), run: { size: 2 } });
}

/**
 * The release certificates of `list` as one .docx (A4, Times New Roman 13 pt, margins of Vietnamese official
 * documents), one page a person with a page break between them. Throws on an empty list.
 */
export async function certificatesDocx(list: CertificateData[]): Promise<Buffer> {
  if (list.length === 0) throw new RangeError('No certificate to render');
  const qrs = await Promise.all(list.map((d) => qrPng(d.verifyUrl)));
  const children = list.flatMap((d, i) => [...certificateBlocks(certificateContent(d), qrs[i], i + 1), separator(i < list.length - 1)]);
  const doc = new Document({
    creator: 'Trung tâm Chỉ huy',
    title: 'Giấy xác nhận hoàn thành thời gian cách ly y tế',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26, language: { value: 'vi-VN' } } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
