import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which tables a repository's source queries: the first argument of Kysely's table methods (selectFrom,
 * insertInto, updateTable, deleteFrom, the joins, mergeInto) and the names after FROM / JOIN / INTO / UPDATE /
 * TABLE inside `sql` templates and COPY calls. Names that are not tables (CTEs, aliases, functions) are
 * filtered out by the caller against the database's real tables.
 */
export function tablesIn(source: string): Set<string> {
  const names = new Set<string>();
  const kysely = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|copyCsv)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
  for (const m of source.matchAll(kysely)) names.add(m[1]);
  // the table list form: selectFrom(['a as x', 'b'])
  for (const m of source.matchAll(/\.(?:selectFrom|deleteFrom|updateTable)\(\s*\[([^\]]*)\]/g)) {
    for (const t of m[1].matchAll(/['"`]([a-z_][a-z0-9_]*)/g)) names.add(t[1]);
  }
  for (const template of source.matchAll(/\bsql(?:<[^`]*?>)?`([^`]*)`/g)) {
    for (const m of template[1].matchAll(/\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)/gi)) names.add(m[1].toLowerCase());
  }
  return names;
}

/** A repository file: `repo.ts` or a file under a `repo/` folder, tests excluded. */
export const isRepository = (path: string) => !path.endsWith('.test.ts') && (/(^|[/\\])repo\.ts$/.test(path) || /(^|[/\\])repo[/\\][^/\\]+\.ts$/.test(path));

/** Every repository file of every module folder under `modulesDir`, with its module (the first folder). */
export function repositories(modulesDir: string): { module: string; path: string; source: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  return walk(modulesDir)
    .filter(isRepository)
    .map((path) => ({
      module: relative(modulesDir, path).split(sep)[0],
      path: relative(process.cwd(), path),
      source: readFileSync(path, 'utf8'),
    }));
}

/** `path: table` for every real table a repository queries that its module does not own. */
export function foreignTables(
  repos: { module: string; path: string; source: string }[],
  owned: ReadonlyMap<string, ReadonlySet<string>>,
  realTables: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const repo of repos) {
    const own = owned.get(repo.module) ?? new Set<string>();
    for (const t of tablesIn(repo.source)) if (realTables.has(t) && !own.has(t)) out.push(`${repo.path}: ${t}`);
  }
  return out.sort();
}
