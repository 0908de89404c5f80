import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sql } from 'kysely';
import { newTestDb } from '../test/harness';

const TABLES_TS = fileURLToPath(new URL('./tables.ts', import.meta.url));

/** The tables and columns `Database` in tables.ts declares, read with the TypeScript checker (interfaces, inline types). */
export function declaredTables(file = TABLES_TS): Map<string, string[]> {
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database');
  if (!database) throw new Error(`${file}: no interface Database`);
  const tables = new Map<string, string[]>();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const type = checker.getTypeOfSymbolAtLocation(table, database);
    tables.set(
      table.name,
      checker
        .getPropertiesOfType(type)
        .map((c) => c.name)
        .sort(),
    );
  }
  return tables;
}

/** Differences between what tables.ts declares and what the migrations built, one line each ([] when they agree). */
export function drift(declared: Map<string, string[]>, actual: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [table, columns] of actual) {
    const d = declared.get(table);
    if (!d) {
      out.push(`${table}: bảng có trong migrations nhưng không có trong db/tables.ts`);
      continue;
    }
    for (const c of columns) if (!d.includes(c)) out.push(`${table}.${c}: cột có trong migrations nhưng không có trong db/tables.ts`);
    for (const c of d) if (!columns.includes(c)) out.push(`${table}.${c}: cột khai báo trong db/tables.ts nhưng migrations không tạo`);
  }
  for (const table of declared.keys()) if (!actual.has(table)) out.push(`${table}: bảng khai báo trong db/tables.ts nhưng migrations không tạo`);
  return out;
}

describe('db/tables.ts', () => {
  it('declares exactly the tables and columns the migrations create', async () => {
    const db = await newTestDb();
    try {
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
         order by 1, 2`.execute(db.kysely);
      const actual = new Map<string, string[]>();
      for (const r of rows) actual.set(r.table_name, [...(actual.get(r.table_name) ?? []), r.column_name]);
      expect(actual.size).toBeGreaterThan(20);
      expect(drift(declaredTables(), actual)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('names the drift it finds (fixture)', () => {
    const declared = new Map([
      ['samples', ['barcode', 'id']],
      ['gone', ['id']],
    ]);
    const actual = new Map([
      ['samples', ['id', 'result']],
      ['labs', ['id']],
    ]);
    expect(drift(declared, actual)).toEqual([
      'samples.result: cột có trong migrations nhưng không có trong db/tables.ts',
      'samples.barcode: cột khai báo trong db/tables.ts nhưng migrations không tạo',
      'labs: bảng có trong migrations nhưng không có trong db/tables.ts',
      'gone: bảng khai báo trong db/tables.ts nhưng migrations không tạo',
    ]);
  });
});
