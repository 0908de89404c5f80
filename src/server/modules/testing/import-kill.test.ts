import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect';
import { newSharedTestDb } from '../../test/harness';
import { expectNothingOf, prepare, rerunCompletes, runAndKill } from '../../test/import-kill-fixtures';

/**
 * A real process is killed with SIGKILL in the middle of an import of 60,000 results, while the file is being
 * staged (PGlite and PostgreSQL; import-kill-merge.pg.test.ts kills one inside the merge transaction). Nothing
 * of the file may be visible afterwards, and running the same file again completes it.
 */
const dir = mkdtempSync(join(tmpdir(), 'import-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import process killed midway', () => {
  it('while staging the file: nothing of it is visible, and the same file again completes', async () => {
    const shared = await newSharedTestDb(join(dir, 'lite'));
    let db = shared.db;
    const prepared = await prepare(db, dir);
    const pglite = !shared.target.startsWith('postgres');
    if (pglite) await db.close(); // one process at a time holds a PGlite directory
    const run = await runAndKill(shared.target, prepared.labId, prepared.file, (line) => line.startsWith('copied'));
    expect(run.signal, run.output).toBe('SIGKILL');
    expect(run.output).not.toContain('done');
    if (pglite) db = await connect({ dataDir: shared.target });
    const unfinished = await expectNothingOf(db);
    await rerunCompletes(db, prepared, unfinished);
    await db.close();
  }, 240_000);
});
