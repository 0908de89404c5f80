import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newSharedTestDb } from '../../test/harness';
import { expectNothingOf, prepare, rerunCompletes, runAndKill } from '../../test/import-kill-fixtures';

/**
 * PostgreSQL only (another process watches the import's stage in the database, which PGlite's single-process
 * directory does not allow): the import process is killed with SIGKILL inside its merge transaction.
 */
const dir = mkdtempSync(join(tmpdir(), 'import-kill-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import process killed inside the merge transaction', () => {
  it('leaves nothing of the file visible, and the same file again completes', async () => {
    const { db, target } = await newSharedTestDb(join(dir, 'unused'));
    const prepared = await prepare(db, dir);
    const merging = async () =>
      (await db.kysely.selectFrom('result_imports').select('stage').where('status', '=', 'loading').executeTakeFirst())?.stage === 'checking';
    const run = await runAndKill(target, prepared.labId, prepared.file, () => false, merging);
    expect(run.signal, run.output).toBe('SIGKILL');
    // the killed backend's transaction is rolled back once the server notices the closed connection
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
        and (state like 'idle in transaction%' or (state = 'active' and query ilike '%samples%'))`.execute(db.kysely);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const unfinished = await expectNothingOf(db);
    await rerunCompletes(db, prepared, unfinished);
    await db.close();
  }, 240_000);
});
