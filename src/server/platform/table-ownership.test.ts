import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MODULES } from '../modules';
import { newTestDb } from '../test/harness';
import type { Db } from '../db/connect';
import { PLATFORM_TABLES } from './module';
import { foreignTables, isRepository, repositories, tablesIn } from './table-ownership';

const MODULES_DIR = fileURLToPath(new URL('../modules/', import.meta.url));
const owned = new Map(MODULES.map((m) => [m.contract.name, new Set<string>(m.tables)]));

let db: Db;
let realTables: Set<string>;
beforeAll(async () => {
  db = await newTestDb();
  const rows = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db.kysely);
  realTables = new Set(rows.rows.map((r) => r.name));
});
afterAll(() => db.close());

describe('table ownership', () => {
  it("every table the migrations create is owned by exactly one module (or is the migration runner's)", () => {
    const owners = new Map<string, string[]>();
    for (const m of MODULES) for (const t of m.tables) owners.set(t, [...(owners.get(t) ?? []), m.contract.name]);
    for (const t of PLATFORM_TABLES) owners.set(t, [...(owners.get(t) ?? []), 'platform']);
    expect([...realTables].filter((t) => owners.get(t)?.length !== 1).sort()).toEqual([]);
    expect([...owners.keys()].filter((t) => !realTables.has(t)).sort()).toEqual([]);
  });

  it('no repository queries a table its module does not own', () => {
    const repos = repositories(MODULES_DIR);
    expect(repos.length).toBeGreaterThanOrEqual(7);
    expect(foreignTables(repos, owned, realTables)).toEqual([]);
  });

  it('fails for a repository that queries a foreign table, through Kysely or raw SQL (fixture)', () => {
    const fixture = [
      {
        module: 'cases',
        path: 'src/server/modules/cases/repo/fixture.ts',
        source: [
          "export const a = (k) => k.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.person_id').selectAll().execute();",
          'export const b = (k) => sql`with recent as (select * from samples) select count(*) from recent join cases on true`.execute(k);',
          "export const c = (k) => k.updateTable('cases').set({ x: 1 }).execute();",
        ].join('\n'),
      },
    ];
    expect(foreignTables(fixture, owned, realTables)).toEqual([
      'src/server/modules/cases/repo/fixture.ts: persons',
      'src/server/modules/cases/repo/fixture.ts: samples',
    ]);
  });

  it('reads table names from Kysely calls and sql templates, and knows a repository file by its name', () => {
    expect(
      [
        ...tablesIn(
          "k.deleteFrom('sessions'); k.selectFrom(['labs as l', 'samples']); sql<{ n: number }>`insert into audit_log select 1 from users u left join api_tokens t on true`",
        ),
      ].sort(),
    ).toEqual(['api_tokens', 'audit_log', 'labs', 'samples', 'sessions', 'users']);
    expect(isRepository('src/server/modules/testing/repo/imports.ts')).toBe(true);
    expect(isRepository('src/server/modules/people/repo.ts')).toBe(true);
    expect(isRepository('src/server/modules/people/service.ts')).toBe(false);
    expect(isRepository('src/server/modules/people/repo.test.ts')).toBe(false);
  });

  it('no module file outside a repository holds SQL, and the lint rule exempts none', () => {
    const config = readFileSync(fileURLToPath(new URL('../../../eslint.config.js', import.meta.url)), 'utf8');
    expect(config).toContain("ignores: ['**/repo.ts', '**/repo/**', '**/*.test.ts'],");
    const modules = fileURLToPath(new URL('../modules/', import.meta.url));
    const files = (readdirSync(modules, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !isRepository(`src/server/modules/${f}`) && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(20);
    const withSql = files.filter((f) =>
      /\.(selectFrom|insertInto|updateTable|deleteFrom|copyCsv)\(|\bsql[<`]|pool\.query\(/.test(readFileSync(join(modules, f), 'utf8')),
    );
    expect(withSql).toEqual([]);
  });
});
