// Vite config for the site (web/), its unit tests (vitest) and `make serve`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { embedWidget } from './build/embed.ts';
import { cspMeta } from './build/csp-meta.ts';
import { rustWatch } from './build/rust-watch.ts';
import { sitePages } from './build/site-pages.ts';

const web = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

// Every response, in dev and preview, carries the headers a good static host sends, so the
// page is cross-origin isolated (SharedArrayBuffer, wasm threads, precise timers).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  root: web,
  // './' builds a site that works under any base path; TWINBENCH_BASE=/twinbench/ pins one.
  base: process.env.TWINBENCH_BASE ?? './',
  publicDir: 'public',
  plugins: [sitePages({ repo, web }), embedWidget({ web }), rustWatch({ repo }), cspMeta(`${web}public/_headers`)],
  server: {
    headers: isolationHeaders,
    host: '127.0.0.1',
    // The Python twins live outside web/ (pyodide_glue/) and are imported as text.
    fs: { allow: [repo] },
  },
  preview: { headers: isolationHeaders, host: '127.0.0.1' },
  worker: { format: 'es' },
  // Pyodide is loaded at run time from the site's own copy, never bundled.
  optimizeDeps: { exclude: ['pyodide'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // The inputs (home, method, a page per workload) come from sitePages.
  },
  test: {
    root: repo,
    include: ['web/src/**/*.test.ts', 'web/build/**/*.test.ts'],
    environment: 'node',
  },
});
