// Shared by every e2e spec: each test also fails on a page error or an unexpected console
// error (RELIABILITY.md), and helpers drive the page API.
import { test as base, expect, type Page } from '@playwright/test';
import type { RunRequest, RunResult, StopReport } from '../../web/src/app';

export { expect };
export const COI_URL = 'http://127.0.0.1:4173/';
export const NO_COI_URL = 'http://127.0.0.1:4174/';
export const BASE_PATH_URL = 'http://127.0.0.1:4175/twinbench/';

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
