import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { aliases } from './vite.aliases.ts';

/**
 * Projects: `unit` (pure code), `db` (server tests on PGlite), `db-pg` (the same server tests on a
 * real PostgreSQL: a throwaway cluster from /usr/lib/postgresql/<v>/bin, or TEST_DATABASE_URL),
 * `e2e` (headless Debian chromium). CI sets REQUIRE_PG=1 and REQUIRE_BROWSER=1 so a missing part fails.
 */
const pgBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .sort()
      .reverse()
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((d) => existsSync(`${d}/initdb`))
  : undefined;
const pgAvailable = Boolean(process.env.TEST_DATABASE_URL || pgBin);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserAvailable = existsSync(chromium);

if (!pgAvailable) {
  if (process.env.REQUIRE_PG) throw new Error('REQUIRE_PG=1 but no PostgreSQL binaries under /usr/lib/postgresql and no TEST_DATABASE_URL');
  console.warn(
    '[test] No PostgreSQL server found: database tests run on PGlite only (install postgresql or set TEST_DATABASE_URL to run them on PostgreSQL too).',
  );
}
if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER) throw new Error(`REQUIRE_BROWSER=1 but ${chromium} does not exist`);
  console.warn(`[test] No Chromium at ${chromium}: browser tests are not run (apt-get install chromium to run them).`);
}

const serverTests = ['src/server/**/*.test.ts'];
const serverProject = (name: string, testDb: 'pglite' | 'pg') => ({
  resolve: { alias: aliases },
  test: {
    name,
    include: serverTests,
    // *.pg.test.ts need a PostgreSQL server (e.g. a second process watching a transaction)
    exclude: testDb === 'pg' ? [] : ['src/server/**/*.pg.test.ts'],
    env: { TEST_DB: testDb, ...(pgBin ? { PG_BIN: pgBin } : {}) },
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      { resolve: { alias: aliases }, test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.{ts,tsx}'] } },
      serverProject('db', 'pglite'),
      ...(pgAvailable ? [serverProject('db-pg', 'pg')] : []),
      ...(browserAvailable
        ? [
            {
              resolve: { alias: aliases },
              test: {
                name: 'e2e',
                include: ['e2e/**/*.test.ts'],
                env: { CHROMIUM_PATH: chromium },
                testTimeout: 90_000,
                hookTimeout: 180_000,
                pool: 'forks' as const,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
