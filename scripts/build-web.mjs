// Builds the web bundle (vite build → dist/web) when it is missing or older than its sources.
// Used by `npm start`, the browser tests and the web benchmark; `node scripts/build-web.mjs [--force]` runs it by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/web/index.html');

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path, { withFileTypes: true }).reduce((t, e) => Math.max(t, newest(join(path, e.name))), st.mtimeMs);
};

/** Everything the bundle is made from: the web, the shared domain code, the server's zod contracts, the build config. */
function sourcesMtime() {
  const modules = join(root, 'src/server/modules');
  const schemas = existsSync(modules)
    ? readdirSync(modules).map((m) => join(modules, m, 'schemas.ts'))
    : [];
  return Math.max(...['src/web', 'src/domain', 'vite.config.ts', 'vite.aliases.ts', 'package-lock.json'].map((p) => newest(join(root, p))), ...schemas.map(newest));
}

export function webIsStale() {
  return !existsSync(bundle) || statSync(bundle).mtimeMs < sourcesMtime();
}

/**
 * Runs `vite build` in a child process when dist/web is missing or stale.
 * @returns true when it built, false when the bundle was already current.
 */
export function buildWebIfStale({ force = false, log = console.log } = {}) {
  if (!force && !webIsStale()) return false;
  log('[trung-tam-chi-huy] Đang dựng giao diện web (vite build)…');
  // NODE_ENV=production whatever the caller runs under (vitest sets 'test', which would bundle React's development build).
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build thất bại (mã ${r.status ?? r.signal})`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const built = buildWebIfStale({ force: process.argv.includes('--force') });
    if (!built) console.log('[trung-tam-chi-huy] Giao diện web đã mới nhất (dist/web).');
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(1);
  }
}
