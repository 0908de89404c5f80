import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { aliases } from './vite.aliases.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The web bundle: src/web → dist/web, served by the Fastify server at / (CSP: no inline script). */
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react()],
  resolve: { alias: aliases },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline <script>: the server's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
