/**
 * Reading a lab's result file (the template: ma_ong_mau, ket_qua, ct, thoi_gian_co_ket_qua) into checked rows:
 * text in UTF-8 (with or without BOM), UTF-16 (Excel "Unicode text") or Windows-1258; comma, semicolon or tab
 * separated; XLSX through ExcelJS. Only the format is checked here; the rows are checked against the samples
 * in SQL after staging.
 */
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

export interface CheckedRow { line: number; barcode: string; result: TestResult; ct: number | null; resultedAt: Date }
export interface FileRowError { line: number; barcode: string; column: string | null; code: ErrorCode; params: Record<string, string> }

export class TemplateError extends Error {
  constructor(readonly code: ErrorCode, readonly params: Record<string, string>) { super(code); }
}

/** Bytes to text: BOMs first, then strict UTF-8, else Windows-1258 (Vietnamese Windows), recomposed to NFC. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}

const fold = (s: string) => foldVietnamese(s).replace(/[_\s]+/g, ' ').trim();

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
function checkRow(line: number, f: Fields, errors: FileRowError[], memo: Memo): CheckedRow | null {
  const rawBarcode = text(f.barcode);
  const barcode = normalizeBarcode(rawBarcode);
  const at = errors.length;
  if (!barcode) errors.push({ line, barcode: rawBarcode, column: 'Mã ống mẫu', code: 'testing.barcode_invalid', params: {} });
  const result = memo.result(text(f.result));
  if (!result) errors.push({ line, barcode: rawBarcode, column: 'Kết quả', code: 'testing.result_invalid', params: {} });
  const ctRaw = f.ct;
  const ct = typeof ctRaw === 'number' ? (ctRaw > 0 && ctRaw < 50 ? Math.round(ctRaw * 10) / 10 : Number.NaN) : parseCt(text(ctRaw));
  if (ct !== null && Number.isNaN(ct)) errors.push({ line, barcode: rawBarcode, column: 'Giá trị Ct', code: 'testing.ct_invalid', params: {} });
  const timeRaw = f.resultedAt;
  const resultedAt = timeRaw instanceof Date ? fromExcelWallClock(timeRaw) : typeof timeRaw === 'number' ? parseLabTime(String(timeRaw)) : memo.time(text(timeRaw));
  if (!resultedAt || Number.isNaN(resultedAt.getTime())) errors.push({ line, barcode: rawBarcode, column: 'Thời gian có kết quả', code: 'testing.time_invalid', params: {} });
  return errors.length === at ? { line, barcode: barcode!, result: result!, ct, resultedAt: resultedAt! } : null;
}

export interface ReadOptions {
  /** Called with each chunk of checked rows (in file order) while reading; errors stop the chunks. */
  onRows: (rows: CheckedRow[]) => Promise<void>;
  chunkRows?: number;
}

/** Reads CSV/TSV text; rows flow to onRows in chunks; returns the row count and every row error. */
export async function readTextFile(text: string, opts: ReadOptions): Promise<{ rows: number; errors: FileRowError[] }> {
  const chunkRows = opts.chunkRows ?? 50_000;
  // Line by line (CRLF, LF or CR), without splitting the whole file into an array of lines first.
  const breaks = /\r\n|\n|\r/g;
  let from = 0;
  let lineNo = 0;
  const nextLine = (): string | null => {
    if (from > text.length) return null;
    lineNo++;
    breaks.lastIndex = from;
    const m = breaks.exec(text);
    const l = text.slice(from, m ? m.index : text.length);
    from = m ? m.index + m[0].length : text.length + 1;
    return l;
  };
  let headerLine: string | null;
  while ((headerLine = nextLine()) !== null && headerLine.trim() === '');
  if (headerLine === null) throw new TemplateError('testing.import_empty', {});
  const delim = [',', ';', '\t'].map((d) => [d, headerLine!.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const split = (l: string) => (l.includes('"') ? (delim === ',' ? parseCsv(l)[0] ?? [] : l.split(delim).map((c) => c.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'))) : l.split(delim));
  const columns = mapHeader(split(headerLine));
  const index = Object.fromEntries(TEMPLATE.map((t) => [t.key, columns.indexOf(t.key)])) as Record<Column, number>;
  const errors: FileRowError[] = [];
  const memo = new Memo();
  let chunk: CheckedRow[] = [];
  let count = 0;
  for (let l = nextLine(); l !== null; l = nextLine()) {
    // blank, or only separators and spaces (\s covers what trim() removes)
    if (/^[,;\t\s]*$/.test(l)) continue;
    const line = lineNo;
    count++;
    if (l.includes('"') && (l.match(/"/g)?.length ?? 0) % 2 === 1) { errors.push({ line, barcode: '', column: null, code: 'testing.import_quote', params: {} }); continue; }
    const cells = split(l);
    if (cells.length < Math.max(index.barcode, index.result, index.resultedAt) + 1) {
      errors.push({ line, barcode: cells[index.barcode] ?? '', column: null, code: 'testing.import_columns', params: { count: String(cells.length), expected: String(columns.length) } });
      continue;
    }
    const row = checkRow(line, {
      barcode: index.barcode >= 0 ? cells[index.barcode]?.trim() ?? '' : null, result: index.result >= 0 ? cells[index.result]?.trim() ?? '' : null,
      ct: index.ct >= 0 ? cells[index.ct]?.trim() ?? '' : null, resultedAt: index.resultedAt >= 0 ? cells[index.resultedAt]?.trim() ?? '' : null,
    }, errors, memo);
    if (row && !errors.length) {
      chunk.push(row);
      if (chunk.length >= chunkRows) { await opts.onRows(chunk); chunk = []; }
    }
  }
  if (!count) throw new TemplateError('testing.import_empty', {});
  if (chunk.length && !errors.length) await opts.onRows(chunk);
  return { rows: count, errors };
}

/** Reads the first worksheet of an XLSX file the same way (date cells as Vietnam wall-clock times). */
export async function readXlsx(bytes: Uint8Array, opts: ReadOptions): Promise<{ rows: number; errors: FileRowError[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new TemplateError('testing.import_format', { reason: (err as Error).message.slice(0, 200) });
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw new TemplateError('testing.import_empty', {});
  const cellValue = (v: unknown): string | Date | number | null => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
    if (typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if (typeof v === 'object' && 'result' in (v as object)) return cellValue((v as { result: unknown }).result);
    if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
    return String(v);
  };
  let header: (Column | null)[] | null = null;
  const errors: FileRowError[] = [];
  const rows: CheckedRow[] = [];
  let count = 0;
  const memo = new Memo();
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const values = (r.values as unknown[]).slice(1).map(cellValue);
    if (!header) { header = mapHeader(values.map((v) => (v === null ? '' : String(v)))); return; }
    if (values.every((v) => v === null || String(v).trim() === '')) return;
    count++;
    const h = header;
    const get = (c: Column) => { const i = h.indexOf(c); return i >= 0 ? (typeof values[i] === 'string' ? (values[i] as string).trim() : values[i] ?? null) : null; };
    const row = checkRow(rowNumber, { barcode: get('barcode'), result: get('result'), ct: get('ct'), resultedAt: get('resultedAt') }, errors, memo);
    if (row) rows.push(row);
  });
  if (!count) throw new TemplateError('testing.import_empty', {});
  if (!errors.length) for (let i = 0; i < rows.length; i += opts.chunkRows ?? 50_000) await opts.onRows(rows.slice(i, i + (opts.chunkRows ?? 50_000)));
  return { rows: count, errors };
}

/** Rows of the JSON API, checked like a file's rows (line = position + 1). */
export async function readJsonRows(rows: { barcode: string; result: string; ctValue?: number | string | null; resultedAt: string }[], opts: ReadOptions) {
  const errors: FileRowError[] = [];
  const ok: CheckedRow[] = [];
  const memo = new Memo();
  rows.forEach((r, i) => {
    const row = checkRow(i + 1, { barcode: r.barcode, result: r.result, ct: r.ctValue ?? null, resultedAt: r.resultedAt }, errors, memo);
    if (row) ok.push(row);
  });
  if (!errors.length && ok.length) await opts.onRows(ok);
  return { rows: rows.length, errors };
}

/** The template as CSV (UTF-8 with BOM so Excel shows the Vietnamese right), with two example rows. */
export function templateCsv(): string {
  return '\ufeff' + TEMPLATE.map((t) => t.header).join(',') + '\r\n'
    + 'CT-2021-000001,Âm tính,,10/09/2021 14:30\r\n'
    + 'CT-2021-000002,Dương tính,23.5,10/09/2021 15:05\r\n';
}
