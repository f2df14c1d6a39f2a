// Playwright end-to-end tests in Debian's Chromium (never a downloaded browser), against the
// output of `make build` served as static hosts serve it: with COOP/COEP (port 4173),
// without (port 4174), and with COOP/COEP under a base path (port 4175, /twinbench/).
// Servers are never reused: a server left by another checkout would test another build.
import { defineConfig } from '@playwright/test';
import chromium from './tests/chromium.json' with { type: 'json' };

export const COI_URL = 'http://127.0.0.1:4173/';
export const NO_COI_URL = 'http://127.0.0.1:4174/';

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
      command: 'node scripts/serve-dist.mjs --root web/dist --port 4173 --coi on',
      url: COI_URL,
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve-dist.mjs --root web/dist --port 4174 --coi off',
      url: NO_COI_URL,
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve-dist.mjs --root web/dist --port 4175 --coi on --base /twinbench/',
      url: 'http://127.0.0.1:4175/twinbench/',
      reuseExistingServer: false,
    },
  ],
});
