// Shared by every e2e spec: each test also fails on a page error or an unexpected console
// error (RELIABILITY.md), and helpers drive the page API.
import { test as base, expect, type Page } from '@playwright/test';
import type { RunRequest, RunResult, StopReport } from '../../web/src/app';

export { expect };
const PORT = Number(process.env.TWINBENCH_E2E_PORT ?? 4173);
export const COI_URL = `http://127.0.0.1:${PORT}/`;
export const NO_COI_URL = `http://127.0.0.1:${PORT + 1}/`;
export const BASE_PATH_URL = `http://127.0.0.1:${PORT + 2}/twinbench/`;
/** The site with the production Content-Security-Policy of web/public/_headers. */
export const CSP_URL = `http://127.0.0.1:${PORT + 3}/`;
/** A blog on another origin, without COOP/COEP, whose pages embed the widget from COI_URL (tests/e2e/embed-host). */
export const HOST_URL = `http://127.0.0.1:${PORT + 4}/`;
/** The same blog with COOP/COEP (cross-origin isolated). */
export const ISOLATED_HOST_URL = `http://127.0.0.1:${PORT + 5}/`;

/** Console errors a test may expect; anything else fails it. */
export const test = base.extend<{ allowConsoleErrors: RegExp[] }>({
  allowConsoleErrors: [[], { option: true }],
  page: async ({ page, allowConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowConsoleErrors.some((re) => re.test(m.text()))) {
        problems.push(`console error: ${m.text()}`);
      }
    });
    await use(page);
    expect(problems, 'no page errors and no unexpected console errors').toEqual([]);
  },
});

/** Run through window.twinbench; returns the result without raw bytes (JSON-safe). */
export async function apiRun(page: Page, req: RunRequest): Promise<RunResult> {
  return page.evaluate(async (r) => {
    const { bytes: _bytes, ...rest } = await window.twinbench.run(r);
    return rest as RunResult;
  }, req);
}

/** Run and return the error message the API rejects with (fails if it resolves). */
export async function apiRunError(page: Page, req: RunRequest): Promise<string> {
  return page.evaluate(async (r) => {
    try {
      await window.twinbench.run(r);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error('run() resolved, but an error was expected');
  }, req);
}

/**
 * Start Python spinning in `while True: pass`, let it spin for `spinMs`, then cancel().
 * Returns how the run ended, what cancel() reported, and how long the stop took.
 */
export async function stopARunawayLoop(
  page: Page,
  spinMs: number,
): Promise<{ message: string; report: StopReport; ms: number }> {
  return page.evaluate(async (spin) => {
    const outcome = window.twinbench
      .run({ workload: 'fib', implementations: ['python'], pythonSource: 'def fib(n):\n    while True:\n        pass\n' })
      .then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    await new Promise((r) => setTimeout(r, spin));
    const t0 = performance.now();
    const report = await window.twinbench.cancel();
    const message = await outcome;
    return { message, report, ms: performance.now() - t0 };
  }, spinMs);
}

export async function liveWorkers(page: Page): Promise<number> {
  return page.evaluate(() => window.twinbench.debug.liveWorkers());
}

/** Wait until the page API is installed. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.twinbench?.run === 'function');
}

/** A workload page (w/<id>/) with a query string, e.g. small parameters and quick sampling. */
export function workloadUrl(id: string, query = '', base = COI_URL): string {
  return `${base}w/${id}/${query ? `?${query}` : ''}`;
}

/** Press Run and wait until the results region is done or failed; returns the final state. */
export async function runFromUi(page: Page, timeout = 120_000): Promise<string> {
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#results')?.dataset.state ?? ''), null, {
    timeout,
  });
  const state = (await page.locator('#results').getAttribute('data-state')) ?? '';
  if (state !== 'done') throw new Error(`the run ended in '${state}': ${await page.locator('#error').textContent()}`);
  return state;
}

/** Every request whose path is under pyodide/, recorded from now on. */
export function recordPyodideRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/pyodide/')) seen.push(path);
  });
  return seen;
}

/** Replace the Python editor's text (CodeMirror) as a visitor would: select all, then type it in one go. */
export async function setPythonCode(page: Page, code: string): Promise<void> {
  const editor = page.locator('#python-panel .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** The Python editor's text. */
export async function pythonCode(page: Page): Promise<string> {
  await page.locator('#python-panel .code-frame[data-ready="true"]').waitFor();
  return page.locator('#python-panel .cm-content').evaluate((e) => (e as HTMLElement & { cmView?: unknown }).innerText);
}
