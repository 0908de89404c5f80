/**
 * Reading a lab's result file (the template: ma_ong_mau, ket_qua, ct, thoi_gian_co_ket_qua) into checked rows:
 * text in UTF-8 (with or without BOM), UTF-16 (Excel "Unicode text") or Windows-1258; comma, semicolon or tab
 * separated; XLSX through ExcelJS. Only the format is checked here; the rows are checked against the samples
 * in SQL after staging.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { foldVietnamese } from '@domain/vn-text';
import { fromExcelWallClock, normalizeBarcode, parseCt, parseLabTime, parseResult, type TestResult } from '@domain/testing';
import type { ErrorCode } from '@domain/error-catalog';
import { parseCsv } from '../../platform/csv';

export const TEMPLATE = [
  { key: 'barcode', header: 'ma_ong_mau', title: 'Mã ống mẫu', aliases: ['ma ong mau', 'ma ong', 'ma mau', 'barcode'] },
  { key: 'result', header: 'ket_qua', title: 'Kết quả', aliases: ['ket qua', 'result'] },
  { key: 'ct', header: 'ct', title: 'Giá trị Ct', aliases: ['ct', 'gia tri ct', 'ct value'] },
  { key: 'resultedAt', header: 'thoi_gian_co_ket_qua', title: 'Thời gian có kết quả', aliases: ['thoi gian co ket qua', 'thoi gian ket qua', 'resulted at'] },
] as const;
type Column = (typeof TEMPLATE)[number]['key'];

export interface CheckedRow {
  line: number;
  barcode: string;
  result: TestResult;
  ct: number | null;
  resultedAt: Date;
}
export interface FileRowError {
  line: number;
  barcode: string;
  column: string | null;
  code: ErrorCode;
  params: Record<string, string>;
}

export class TemplateError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string>,
  ) {
    super(code);
  }
}

/**
 * Bytes decoded per step: the file is never one string (a 40 MB file of Vietnamese text is an 80 MB string), and each
 * piece is small enough to be born in the young generation (V8 puts strings over ~128 KB straight into the old one,
 * where the pieces of a million-row file piled up until a full collection: 60 MB more heap at the peak with 1 MB).
 */
const DECODE_BYTES = 1 << 16;

/** How the bytes are text: BOMs first, then strict UTF-8, else Windows-1258 (Vietnamese Windows), recomposed to NFC. */
function encodingOf(bytes: Uint8Array): { decoder: TextDecoder; skip: number; nfc: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { decoder: new TextDecoder('utf-8'), skip: 3, nfc: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2, nfc: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2, nfc: false };
  if (isUtf8(bytes)) return { decoder: new TextDecoder('utf-8'), skip: 0, nfc: false };
  return { decoder: new TextDecoder('windows-1258'), skip: 0, nfc: true };
}

/**
 * The lines of a text file (CRLF, LF or CR), decoded a megabyte at a time: only the current piece of text and
 * the lines cut from it are held. Every line break ends a line, so a file ending with one ends with an empty line.
 */
export function* textLines(bytes: Uint8Array): Generator<string> {
  const { decoder, skip, nfc } = encodingOf(bytes);
  let carry = '';
  let at = skip;
  do {
    const end = Math.min(at + DECODE_BYTES, bytes.length);
    const last = end >= bytes.length;
    const text = carry + decoder.decode(bytes.subarray(at, end), { stream: !last });
    // Cut after the last line break; a CR at the very end may be the first half of a CRLF: it waits for the next piece.
    let cut = text.length;
    if (!last) {
      cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r', text.length - 2)) + 1;
    }
    carry = text.slice(cut);
    const whole = nfc ? text.slice(0, cut).normalize('NFC') : text.slice(0, cut);
    const lines = whole.split(/\r\n|\n|\r/);
    // Before the end, the text cut ends with a line break: its last (empty) piece begins the carry.
    const n = last ? lines.length : lines.length - 1;
    for (let i = 0; i < n; i++) yield lines[i];
    at = end;
  } while (at < bytes.length);
}

/**
 * Row errors of a file: every one counted, the first `max` kept (in file order), so a file of a million bad rows
 * does not hold a million error objects.
 */
export class RowErrors {
  count = 0;
  readonly kept: FileRowError[] = [];
  constructor(private readonly max: number) {}
  push(e: FileRowError): void {
    if (this.kept.length < this.max) this.kept.push(e);
    this.count++;
  }
}

const fold = (s: string) =>
  foldVietnamese(s)
    .replace(/[_\s]+/g, ' ')
    .trim();

/** Which template column each file column is; a missing required column is a template error. */
function mapHeader(cells: string[]): (Column | null)[] {
  const map = cells.map((c) => TEMPLATE.find((t) => (t.aliases as readonly string[]).includes(fold(c)))?.key ?? null);
  const missing = TEMPLATE.filter((t) => t.key !== 'ct' && !map.includes(t.key)).map((t) => t.title);
  if (missing.length) throw new TemplateError('testing.import_template', { columns: missing.join(', ') });
  return map;
}

/**
 * Results and times already parsed in this file: a file repeats a handful of result words and, at minute
 * precision, a few thousand times, so most rows skip the Vietnamese folding and the date parsing. Bounded.
 */
class Memo {
  private results = new Map<string, TestResult | null>();
  private times = new Map<string, number | null>();
  result(text: string): TestResult | null {
    let r = this.results.get(text);
    if (r === undefined) {
      r = parseResult(text);
      if (this.results.size < 1000) this.results.set(text, r);
    }
    return r;
  }
  /** parseLabTime, as a fresh Date each time (rows never share a mutable Date). */
  time(text: string): Date | null {
    let ms = this.times.get(text);
    if (ms === undefined) {
      ms = parseLabTime(text)?.getTime() ?? null;
      if (this.times.size >= 100_000) this.times.clear();
      this.times.set(text, ms);
    }
    return ms === null ? null : new Date(ms);
  }
}

type Raw = string | Date | number | null;
/** A row's cells by template column (null: no such column). */
type Fields = Record<Column, Raw>;
const text = (v: Raw) => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v));

/** One row's fields to a checked row, or the errors of its fields. No closure per row: this runs a million times per file. */
function checkRow(line: number, f: Fields, errors: RowErrors, memo: Memo): CheckedRow | null {
  const rawBarcode = text(f.barcode);
  const barcode = normalizeBarcode(rawBarcode);
  const at = errors.count;
  if (!barcode) errors.push({ line, barcode: rawBarcode, column: 'Mã ống mẫu', code: 'testing.barcode_invalid', params: {} });
  const result = memo.result(text(f.result));
  if (!result) errors.push({ line, barcode: rawBarcode, column: 'Kết quả', code: 'testing.result_invalid', params: {} });
  const ctRaw = f.ct;
  const ct = typeof ctRaw === 'number' ? (ctRaw > 0 && ctRaw < 50 ? Math.round(ctRaw * 10) / 10 : Number.NaN) : parseCt(text(ctRaw));
  if (ct !== null && Number.isNaN(ct)) errors.push({ line, barcode: rawBarcode, column: 'Giá trị Ct', code: 'testing.ct_invalid', params: {} });
  const timeRaw = f.resultedAt;
  const resultedAt =
    timeRaw instanceof Date ? fromExcelWallClock(timeRaw) : typeof timeRaw === 'number' ? parseLabTime(String(timeRaw)) : memo.time(text(timeRaw));
  if (!resultedAt || Number.isNaN(resultedAt.getTime()))
    errors.push({ line, barcode: rawBarcode, column: 'Thời gian có kết quả', code: 'testing.time_invalid', params: {} });
  return errors.count === at ? { line, barcode: barcode!, result: result!, ct, resultedAt: resultedAt! } : null;
}

export interface ReadOptions {
  /** Called with each chunk of checked rows (in file order) while reading; errors stop the chunks. */
  onRows: (rows: CheckedRow[]) => Promise<void>;
  /** Row errors kept (all are counted). */
  maxErrors: number;
  chunkRows?: number;
}

/** What a reader found: rows read, rows rejected (all counted), and the first maxErrors row errors. */
export interface ReadResult {
  rows: number;
  rejected: number;
  errors: FileRowError[];
}

/** Rows per chunk: small, so that the rows are freed young (a 50,000-row chunk outlived the young generation). */
const CHUNK_ROWS = 5_000;

/** Checked rows, handed on in chunks while there is no error. */
class Chunks {
  private rows: CheckedRow[] = [];
  constructor(
    private readonly opts: ReadOptions,
    private readonly errors: RowErrors,
  ) {}
  async add(row: CheckedRow | null): Promise<void> {
    if (!row || this.errors.count) return;
    this.rows.push(row);
    if (this.rows.length >= (this.opts.chunkRows ?? CHUNK_ROWS)) await this.flush();
  }
  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length && !this.errors.count) await this.opts.onRows(rows);
  }
}

/** Reads CSV/TSV bytes; rows flow to onRows in chunks while the file is decoded a piece at a time. */
export async function readTextFile(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  if (!bytes.length) throw new TemplateError('testing.import_empty', {});
  // an XLSX (zip) sent as CSV
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new TemplateError('testing.import_format', { reason: 'tệp Excel (.xlsx) gửi dưới dạng CSV' });
  const lines = textLines(bytes);
  let lineNo = 0;
  const nextLine = (): string | null => {
    const r = lines.next();
    if (r.done) return null;
    lineNo++;
    return r.value;
  };
  let headerLine: string | null;
  while ((headerLine = nextLine()) !== null && headerLine.trim() === '');
  if (headerLine === null) throw new TemplateError('testing.import_empty', {});
  const delim = [',', ';', '\t'].map((d) => [d, headerLine!.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const split = (l: string) =>
    l.includes('"') ? (delim === ',' ? (parseCsv(l)[0] ?? []) : l.split(delim).map((c) => c.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'))) : l.split(delim);
  const columns = mapHeader(split(headerLine));
  const index = Object.fromEntries(TEMPLATE.map((t) => [t.key, columns.indexOf(t.key)])) as Record<Column, number>;
  const errors = new RowErrors(opts.maxErrors);
  const chunks = new Chunks(opts, errors);
  const memo = new Memo();
  let count = 0;
  for (let l = nextLine(); l !== null; l = nextLine()) {
    // blank, or only separators and spaces (\s covers what trim() removes)
    if (/^[,;\t\s]*$/.test(l)) continue;
    const line = lineNo;
    count++;
    if (l.includes('"') && (l.match(/"/g)?.length ?? 0) % 2 === 1) {
      errors.push({ line, barcode: '', column: null, code: 'testing.import_quote', params: {} });
      continue;
    }
    const cells = split(l);
    if (cells.length < Math.max(index.barcode, index.result, index.resultedAt) + 1) {
      errors.push({
        line,
        barcode: cells[index.barcode] ?? '',
        column: null,
        code: 'testing.import_columns',
        params: { count: String(cells.length), expected: String(columns.length) },
      });
      continue;
    }
    await chunks.add(
      checkRow(
        line,
        {
          barcode: index.barcode >= 0 ? (cells[index.barcode]?.trim() ?? '') : null,
          result: index.result >= 0 ? (cells[index.result]?.trim() ?? '') : null,
          ct: index.ct >= 0 ? (cells[index.ct]?.trim() ?? '') : null,
          resultedAt: index.resultedAt >= 0 ? (cells[index.resultedAt]?.trim() ?? '') : null,
        },
        errors,
        memo,
      ),
    );
  }
  if (!count) throw new TemplateError('testing.import_empty', {});
  await chunks.flush();
  return { rows: count, rejected: errors.count, errors: errors.kept };
}

const cellValue = (v: unknown): Raw => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in (v as object)) return cellValue((v as { result: unknown }).result);
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  return String(v);
};

/**
 * Reads the first worksheet of an XLSX file the same way (date cells as Vietnam wall-clock times), streamed: rows
 * are read from the zip one at a time and flow to onRows in chunks; the workbook is never built in memory.
 */
export async function readXlsx(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const formatError = (err: unknown) => new TemplateError('testing.import_format', { reason: (err as Error).message.slice(0, 200) });
  // Not a zip: the whole-workbook reader says why (the streaming one would just find no worksheet).
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    try {
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      throw formatError(err);
    }
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let header: (Column | null)[] | null = null;
  const errors = new RowErrors(opts.maxErrors);
  const chunks = new Chunks(opts, errors);
  const memo = new Memo();
  let count = 0;
  try {
    for await (const ws of reader) {
      for await (const r of ws) {
        if (!r.hasValues) continue;
        const values = (r.values as unknown[]).slice(1).map(cellValue);
        if (!header) {
          header = mapHeader(values.map((v) => (v === null ? '' : String(v))));
          continue;
        }
        if (values.every((v) => v === null || String(v).trim() === '')) continue;
        count++;
        const h = header;
        const get = (c: Column) => {
          const i = h.indexOf(c);
          return i >= 0 ? (typeof values[i] === 'string' ? (values[i] as string).trim() : (values[i] ?? null)) : null;
        };
        await chunks.add(checkRow(r.number, { barcode: get('barcode'), result: get('result'), ct: get('ct'), resultedAt: get('resultedAt') }, errors, memo));
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    throw formatError(err);
  }
  if (!count) throw new TemplateError('testing.import_empty', {});
  await chunks.flush();
  return { rows: count, rejected: errors.count, errors: errors.kept };
}

/** Rows of the JSON API, checked like a file's rows (line = position + 1). */
export async function readJsonRows(
  rows: { barcode: string; result: string; ctValue?: number | string | null; resultedAt: string }[],
  opts: ReadOptions,
): Promise<ReadResult> {
  const errors = new RowErrors(opts.maxErrors);
  const chunks = new Chunks(opts, errors);
  const memo = new Memo();
  for (const [i, r] of rows.entries()) {
    await chunks.add(checkRow(i + 1, { barcode: r.barcode, result: r.result, ct: r.ctValue ?? null, resultedAt: r.resultedAt }, errors, memo));
  }
  await chunks.flush();
  return { rows: rows.length, rejected: errors.count, errors: errors.kept };
}

/** The template as CSV (UTF-8 with BOM so Excel shows the Vietnamese right), with two example rows. */
export function templateCsv(): string {
  return (
    '\ufeff' +
    TEMPLATE.map((t) => t.header).join(',') +
    '\r\n' +
    'CT-2021-000001,Âm tính,,10/09/2021 14:30\r\n' +
    'CT-2021-000002,Dương tính,23.5,10/09/2021 15:05\r\n'
  );
}
