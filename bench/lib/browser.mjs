// Debian's Chromium (never a downloaded browser) driven by playwright-core, with the same
// flags as the e2e tests, and helpers around the page API (window.twinbench).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

// The e2e tests' launch options (tests/chromium.json); CHROMIUM overrides the executable.
const launchOptions = JSON.parse(readFileSync(new URL('../../tests/chromium.json', import.meta.url), 'utf8'));
export const CHROMIUM_ARGS = launchOptions.args;
export const EXECUTABLE = process.env.CHROMIUM ?? launchOptions.executablePath;

export async function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS });
}

/**
 * A browser with a real profile in `dir` (a fresh one is a first visit: nothing cached). Unlike
 * an incognito context, whose in-memory HTTP cache keeps no entry as large as Pyodide's 9.6 MB
 * wasm, it has a disk cache and V8's code cache, as a visitor's browser does.
 */
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: EXECUTABLE, args: CHROMIUM_ARGS });
}

/** Fail loudly on page errors: a benchmark of a broken page is worthless. */
export function watch(page, log) {
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console error: ${m.text()}`);
  });
}

export async function openPage(context, url, log) {
  const page = await context.newPage();
  watch(page, log);
  await page.goto(url);
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
  return page;
}

/** window.twinbench.run, without the raw bytes (JSON-safe). Rejects with the page's message. */
export async function apiRun(page, req) {
  return page.evaluate(async (r) => {
    const { bytes: _bytes, ...rest } = await window.twinbench.run(r);
    return rest;
  }, req);
}

/**
 * Installed before any page script: as soon as the page API exists (DOMContentLoaded fires
 * after the deferred module entry ran), start one small run and keep its promise, so the time
 * from navigation to the first result is read off the page's own clock (performance.now()
 * counts from navigation start).
 */
export function firstRunInitScript(req) {
  const go = () => {
    if (window.top !== window) return;
    const api = window.twinbench;
    if (!api) {
      setTimeout(go, 1);
      return;
    }
    const apiReadyMs = performance.now();
    window.__benchFirst = api.run(req).then(
      (r) => {
        const resultMs = performance.now();
        const { bytes: _b, ...rest } = r;
        return { ok: true, apiReadyMs, resultMs, result: rest };
      },
      (e) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };
  return `(() => { const req = ${JSON.stringify(req)}; const go = ${go.toString()}; document.addEventListener('DOMContentLoaded', go); })();`;
}

export async function firstRunResult(page) {
  await page.waitForFunction(() => window.__benchFirst !== undefined, undefined, { timeout: 120_000 });
  const r = await page.evaluate(() => window.__benchFirst);
  if (!r.ok) throw new Error(`first run failed: ${r.error}`);
  return r;
}
