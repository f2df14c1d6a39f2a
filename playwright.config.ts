// Playwright end-to-end tests in Debian's Chromium (never a downloaded browser), against the
// output of `make build` served as static hosts serve it: with COOP/COEP (port 4173),
// without (port 4174), and with COOP/COEP under a base path (port 4175, /twinbench/).
// Servers are never reused: a server left by another checkout would test another build.
import { defineConfig } from '@playwright/test';
import chromium from './tests/chromium.json' with { type: 'json' };

// TWINBENCH_E2E_PORT moves the servers (port to port+5), so two checkouts on one machine can run
// their suites side by side. port+4 is a blog on another origin that embeds the widget, port+5 the
// same blog cross-origin isolated.
const PORT = Number(process.env.TWINBENCH_E2E_PORT ?? 4173);
export const COI_URL = `http://127.0.0.1:${PORT}/`;
export const NO_COI_URL = `http://127.0.0.1:${PORT + 1}/`;
const BASE_URL = `http://127.0.0.1:${PORT + 2}/twinbench/`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  // Two cores and 100+ MB per Pyodide: one test at a time keeps timings and memory sane.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    baseURL: COI_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --root web/dist --port ${PORT} --coi on`,
      url: COI_URL,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve-dist.mjs --root web/dist --port ${PORT + 1} --coi off`,
      url: NO_COI_URL,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve-dist.mjs --root web/dist --port ${PORT + 3} --coi on --csp`,
      url: `http://127.0.0.1:${PORT + 3}/`,
      reuseExistingServer: false,
    },
    {
      // A blog on another origin, without COOP/COEP, that embeds the widget (tests/e2e/embed*.spec.ts).
      command: `node tests/e2e/embed-host/serve-host.mjs --port ${PORT + 4} --site ${COI_URL}`,
      url: `http://127.0.0.1:${PORT + 4}/`,
      reuseExistingServer: false,
    },
    {
      // The same blog with COOP/COEP: an isolated host passes isolation on to the widget.
      command: `node tests/e2e/embed-host/serve-host.mjs --port ${PORT + 5} --site ${COI_URL} --coi on`,
      url: `http://127.0.0.1:${PORT + 5}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve-dist.mjs --root web/dist --port ${PORT + 2} --coi on --base /twinbench/`,
      url: BASE_URL,
      reuseExistingServer: false,
    },
  ],
});
