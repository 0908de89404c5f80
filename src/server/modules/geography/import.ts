import { parseCsv } from '../../platform/csv';
import { hamletType } from './schemas';

export interface HamletRow {
  code: string;
  name: string;
  type: string;
}
export interface RowError {
  line: number;
  field: string;
  message: string;
}

const HEADER = ['code', 'name', 'type'];

/**
 * Validates a hamlet CSV for one commune. Local codes (1–20 letters, digits, - or _) become
 * '<commune>.<code>'; every problem is reported with its line number (header = line 1).
 */
export function parseHamletCsv(csv: string, communeCode: string): { rows: HamletRow[]; errors: RowError[] } {
  const table = parseCsv(csv);
  const errors: RowError[] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  if (HEADER.some((h, i) => header[i] !== h)) {
    return { rows: [], errors: [{ line: 1, field: 'header', message: `Dòng tiêu đề phải là: ${HEADER.join(',')}` }] };
  }
  const rows: HamletRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const [code = '', name = '', type = ''] = cells.map((c) => c.trim());
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) errors.push({ line, field: 'code', message: 'Mã ấp/khu vực phải có 1–20 ký tự chữ, số, - hoặc _' });
    else if (seen.has(code)) errors.push({ line, field: 'code', message: `Mã ${code} bị trùng với dòng ${seen.get(code)}` });
    if (name.length < 2 || name.length > 100) errors.push({ line, field: 'name', message: 'Tên ấp/khu vực phải có 2–100 ký tự' });
    if (!hamletType.safeParse(type).success) errors.push({ line, field: 'type', message: 'Loại phải là một trong: Ấp, Khu vực, Tổ dân phố' });
    seen.set(code, line);
    rows.push({ code: `${communeCode}.${code}`, name, type });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, field: 'csv', message: 'Tệp không có dòng dữ liệu nào' });
  return { rows, errors };
}
