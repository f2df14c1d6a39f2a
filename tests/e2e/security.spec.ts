// Security and start-up failures (RELIABILITY.md 26, 27, and issue 13): a full session asks no
// other origin for anything; every page carries the CSP as a <meta> tag; without
// 'wasm-unsafe-eval' the page says "WebAssembly blocked by CSP" instead of hanging; a runtime
// whose files are missing or whose wasm does not compile says what failed, and the other one runs.
import type { BrowserContext, Page } from '@playwright/test';
import LZString from 'lz-string';
import { COI_URL, apiRun, expect, ready, runFromUi, test, workloadUrl } from './fixtures';

const QUICK = { maxSamples: 3, timeBudgetMs: 50, minWarmupMs: 0 };

test('a full session (home, a workload page with a run, a share link, method) requests nothing from another origin', async ({ page, context }) => {
  const foreign: string[] = [];
  let count = 0;
  // The context sees the workers' requests too.
  context.on('request', (r) => {
    count++;
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== new URL(COI_URL).origin) foreign.push(r.url());
  });
  await page.goto(COI_URL);
  await ready(page);
  await page.goto(workloadUrl('nbody', 'n=200&impls=python,rust&sampling=quick'));
  await ready(page);
  await runFromUi(page);
  await page.goto(`${workloadUrl('fib')}#s=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, params: { n: 14 } }))}`);
  await ready(page);
  await page.goto(`${COI_URL}method/`);
  await ready(page);
  expect(foreign).toEqual([]);
  expect(count).toBeGreaterThan(20);
});

test('every page carries the production CSP as a <meta> tag, first in <head>', async ({ page }) => {
  for (const path of ['', 'method/', 'w/fib/', 'w/mandelbrot/']) {
    await page.goto(`${COI_URL}${path}`);
    const meta = await page.evaluate(() => {
      const m = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return { content: m?.getAttribute('content') ?? null, first: document.head.firstElementChild === m };
    });
    expect(meta.content, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta.content).toContain("worker-src 'self'");
    expect(meta.content).not.toContain("'unsafe-eval'");
    expect(meta.content).not.toContain('frame-ancestors');
    expect(meta.first, 'a policy applies only to what follows it').toBe(true);
  }
});

/** Serve every response with `csp` as its policy (workers included), and the pages without their <meta> one. */
async function withPolicy(context: BrowserContext, csp: string): Promise<void> {
  await context.route('**/*', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers(), 'content-security-policy': csp };
    if ((res.headers()['content-type'] ?? '').includes('text/html')) {
      const body = (await res.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      await route.fulfill({ response: res, headers, body });
    } else await route.fulfill({ response: res, headers });
  });
}

test.describe('WebAssembly blocked by the CSP', () => {
  test.use({ allowConsoleErrors: [/wasm-unsafe-eval|Content Security Policy|WebAssembly/i] });
  test('without wasm-unsafe-eval, a run says "WebAssembly blocked by CSP" instead of hanging', async ({ page, context }) => {
    await withPolicy(context, "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data: blob:");
    await page.goto(workloadUrl('fib', 'n=12&impls=rust&sampling=quick'));
    await ready(page);
    const t0 = Date.now();
    await page.click('#run');
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
    expect(Date.now() - t0).toBeLessThan(30_000);
    await expect(page.locator('#error')).toContainText('WebAssembly blocked by CSP');
  });
});

async function startFails(page: Page, impls: ('python' | 'rust')[]): Promise<string> {
  return page.evaluate(
    ([i, q]) => window.twinbench.run({ workload: 'fib', params: { n: 12 }, implementations: i, ...q }).then(() => 'resolved', (e: Error) => e.message),
    [impls, QUICK] as const,
  );
}

test.describe('a runtime that cannot start', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource|404|CompileError|WebAssembly|pyodide/i] });

  test("Pyodide's files missing: the message names Pyodide, and Rust still runs, from the API and the page", async ({ page, context }) => {
    await context.route('**/pyodide/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(COI_URL);
    await ready(page);
    expect(await startFails(page, ['python'])).toMatch(/Python \(Pyodide\) could not start: Pyodide's files could not be loaded/);
    expect((await apiRun(page, { workload: 'fib', params: { n: 12 }, implementations: ['rust'], ...QUICK })).output).toBe('144');
    // On the workload page: the download fails with the file's name, and Rust alone runs.
    await page.goto(workloadUrl('fib', 'n=12&impls=python,rust&sampling=quick'));
    await ready(page);
    await page.click('#run');
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    await expect(page.locator('#error')).toContainText(/pyodide\/[\w.-]+: HTTP 404|Pyodide's files could not be loaded/);
    await page.locator('input[name="python"]').uncheck();
    await runFromUi(page);
  });

  test('the Rust wasm fails to compile: the message says so, and Python still runs', async ({ page, context }) => {
    await context.route(/\/assets\/[^/]+\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('<!doctype html>not wasm') }));
    await page.goto(COI_URL);
    await ready(page);
    expect(await startFails(page, ['rust'])).toMatch(/^Rust could not start: its WebAssembly failed to compile/);
    expect((await apiRun(page, { workload: 'fib', params: { n: 12 }, implementations: ['python'], ...QUICK })).output).toBe('144');
  });
});
