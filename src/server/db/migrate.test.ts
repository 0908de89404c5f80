import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { newTestDb } from '../test/harness';
import { migrate, MIGRATIONS_DIR } from './migrate';

describe('migrations', () => {
  it('were all applied from empty, each recorded once, and a second run applies nothing', async () => {
    const db = await newTestDb();
    try {
      const files = readdirSync(MIGRATIONS_DIR)
        .filter((f) => /^\d{4}_.+\.sql$/.test(f))
        .map((f) => f.replace(/\.sql$/, ''))
        .sort();
      const recorded = (await db.kysely.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => r.version);
      expect(recorded).toEqual(files);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
