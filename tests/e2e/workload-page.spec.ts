// A workload page's controls and code come from the repository, never by hand: parameter limits
// from the catalog, threads up to the cores the browser reports, unavailable implementations
// disabled with their reason; the Python twin, the Rust kernel (without its tests) and the glue
// as the files say. Run and Stop are buttons with those names, and the results region says
// where a run is (loading, running, then done or error).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, ready, test, workloadUrl } from './fixtures';

/**
 * A code panel's whole text as a visitor takes it: select all and copy (CodeMirror draws only the
 * lines in view, so the DOM does not hold it all).
 */
async function shown(page: Page, panel: string): Promise<string> {
  await page.locator(`${panel} .code-frame[data-ready="true"]`).waitFor();
  await page.locator(`${panel} .cm-content`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('controls come from the catalog: parameter limits, threads up to the reported cores, unavailable implementations with their reason', async ({ page }) => {
  // A browser reporting 3 cores offers 1 to 3 threads.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 3 }));
  await page.goto(workloadUrl('fib-batch'));
  await ready(page);
  const params = await page.evaluate(() => window.twinbench.workloads().find((w) => w.id === 'fib-batch')!.params);
  for (const p of params) {
    if (!('min' in p)) continue; // a choice: a <select> of its options
    const input = page.locator(`#params [name="${p.name}"]`);
    await expect(input).toHaveAttribute('min', String(p.min));
    await expect(input).toHaveAttribute('max', String(Math.max(p.page_max_python, p.page_max_rust)));
    await expect(input).toHaveValue(String(p.default));
  }
  await page.locator('input[name="rust-threads"]').check();
  await expect(page.locator('#threads')).toBeVisible();
  await expect(page.locator('#threads')).toHaveAttribute('max', '3');
  await expect(page.locator('#threads-hint')).toContainText('this browser reports 3 cores');

  // fib has no parallel variant: its threaded and pooled rows are disabled, each saying why.
  await page.goto(workloadUrl('fib'));
  await ready(page);
  for (const impl of ['rust-threads', 'python-pool', 'rust-pool']) {
    await expect(page.locator(`input[name="${impl}"]`)).toBeDisabled();
    await expect(page.locator(`label:has(input[name="${impl}"]) .why`)).toHaveText(/^ \(.+\)$/);
  }
  await expect(page.locator('input[name="rust"]')).toBeEnabled();
});

test('the code shown is the repository’s: the Python twin, the Rust kernel without its tests, and the glue on request', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(workloadUrl('nbody'));
  await ready(page);
  const twin = readFileSync('pyodide_glue/twinbench/kernels/nbody.py', 'utf8');
  const kernel = readFileSync('crate/src/kernels/nbody.rs', 'utf8');
  expect(await shown(page, '#python-panel')).toBe(twin);
  const rust = await shown(page, '#rust-panel');
  expect(rust).toBe(kernel.slice(0, kernel.search(/\n#\[cfg\(test\)\]\s*\nmod tests\b/)).trimEnd());
  expect(rust).toContain('pub const KERNEL');
  expect(rust).not.toContain('mod tests');
  await expect(page.locator('#rust-panel .cm-content')).toHaveAttribute('aria-readonly', 'true');

  const glue = page.locator('#glue-panel');
  await glue.locator('summary').click();
  await expect(glue.locator('.code-frame[data-ready="true"]')).toBeVisible();
  expect(await shown(page, '#glue-panel')).toBe(readFileSync('pyodide_glue/twinbench/rust.py', 'utf8'));
});

test('Run and Stop by their names: the region goes loading, running, then error when stopped, and Run works again', async ({ page }) => {
  await page.goto(workloadUrl('fib', 'n=12&sampling=quick&impls=python'));
  await ready(page);
  const seen = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const region = document.querySelector<HTMLElement>('#results')!;
        // Every value the attribute held: each change's old value, then the last one.
        const states: string[] = [];
        new MutationObserver((records) => {
          for (const r of records) if (states.at(-1) !== r.oldValue) states.push(r.oldValue ?? '');
          const now = region.dataset.state ?? '';
          if (now === 'error' || now === 'done') resolve([...states, now]);
        }).observe(region, { attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
      }),
  );
  // A twin that never returns, so the run is still going when Stop is pressed.
  await page.locator('#python-panel .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('def fib(n):\n    while True:\n        pass\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'running', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await page.getByRole('button', { name: 'Stop' }).click();
  expect(await seen).toEqual(['idle', 'loading', 'running', 'error']);
  await expect(page.locator('#status')).toContainText('stopped');
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();

  await page.click('#reset-code');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
});
