// Accessibility and small screens: axe-core (injected from npm) finds no serious or critical
// violation on the home page, a workload page (after a run), the method page and the widget, in
// light and dark; and nothing is wider than a 375 px phone.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { COI_URL, expect, ready, runFromUi, test, workloadUrl } from './fixtures';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// axe is injected as an inline script, which every built page's CSP <meta> tag blocks: the
// test's own tool bypasses it (csp.spec checks the policy itself).
test.use({ bypassCSP: true });

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('axe: no serious or critical violation on home, a workload page after a run, and method', async ({ page }) => {
      await page.goto(COI_URL);
      await ready(page);
      // The theme follows the system: a dark page under a dark scheme, a light one otherwise.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
      const sum = bg.reduce((a, b) => a + b, 0);
      if (scheme === 'dark') expect(sum, `background rgb(${bg.join(', ')})`).toBeLessThan(150);
      else expect(sum, `background rgb(${bg.join(', ')})`).toBeGreaterThan(600);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(workloadUrl('nbody', 'n=500&sampling=quick'));
      await ready(page);
      await page.locator('#python-panel .code-frame[data-ready="true"]').waitFor();
      if (scheme === 'light') {
        await runFromUi(page);
        await page.locator('#results .chart[data-drawn="true"]').first().waitFor();
      }
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${COI_URL}method/`);
      await ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('axe: the widget idle, after a run, and with a bad parameter (theme pinned the same way)', async ({ page }) => {
      await page.goto(`${COI_URL}embed.html?kernel=fib&n=12&theme=${scheme}`);
      const w = page.locator('#widget');
      await expect(w).toHaveAttribute('data-state', 'idle');
      expect(await seriousViolations(page)).toEqual([]);
      await w.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${COI_URL}embed.html?kernel=fib&n=1000&theme=${scheme}`);
      await expect(w).toHaveAttribute('data-state', 'error');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('every page fits a 375 px wide screen, and the controls are reachable from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['', 'w/fib/?n=15&sampling=quick', 'w/mandelbrot/', 'method/']) {
    await page.goto(`${COI_URL}${path}`);
    await ready(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${path || 'home'} is ${wide} px wide`).toBeLessThanOrEqual(375);
  }
  // From the keyboard alone: tab to Run and press Enter.
  await page.goto(workloadUrl('fib', 'n=12&sampling=quick&impls=python,rust'));
  await ready(page);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'run')) break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('run');
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  // Everything folded opened too (the cold start, the glue): nothing in them may widen the page.
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.locator('#glue-panel .code-frame[data-ready="true"]').waitFor();
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(375);
});

test('the method page renders the reference tables and the screenshots of the site', async ({ page }) => {
  await page.goto(`${COI_URL}method/`);
  await ready(page);
  await expect(page.locator('#reference-tables table.reference').first()).toContainText('fib');
  const shots = page.locator('#shots img');
  expect(await shots.count()).toBe(4);
  for (const img of await shots.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
  }
});
