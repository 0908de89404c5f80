import { fileURLToPath } from 'node:url';

/** Path aliases of tsconfig.json, for Vite and Vitest. */
export const aliases = {
  '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
  '@server': fileURLToPath(new URL('./src/server', import.meta.url)),
  '@web': fileURLToPath(new URL('./src/web', import.meta.url)),
};
