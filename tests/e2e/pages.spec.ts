// Every workload page (w/<id>/, generated from the catalog) loads in real Chromium with no
// console error, and a run from its Run button reaches data-state="done", verified, with its
// charts drawn. Small parameters and quick sampling keep the whole sweep short. Also: the
// pages' own titles and previews, the old query form's redirect, a base path, claimed against
// measured, the cold-start breakdown and the gallery's flags.
import { readFileSync } from 'node:fs';
import { BASE_PATH_URL, COI_URL, expect, ready, runFromUi, test, workloadUrl } from './fixtures';

/** Small parameters per workload (each well inside its page caps). */
const SMALL: Record<string, string> = {
  fib: 'n=18',
  'fib-memo': 'n=120',
  'fib-batch': 'count=4&n=16',
  amdahl: 'work=20000',
  nbody: 'n=1000',
  'spectral-norm': 'n=40',
  mandelbrot: 'n=64',
  'fannkuch-redux': 'n=6',
  'binary-trees': 'n=8',
  'orders-json': 'count=500',
  trajectory: 'steps=5000',
  'shared-counter': 'increments=20000',
  'async-tasks': 'tasks=100&steps=5',
};

/** The story chart a result draws besides the times, where one run tells it. */
const STORY: Record<string, string> = { 'binary-trees': 'latency', mandelbrot: 'image', trajectory: 'trajectory', 'orders-json': 'throughput' };

test('every workload has a page generated from the catalog', async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  const ids = await page.evaluate(() => window.twinbench.workloads().map((w) => w.id));
  expect(ids.sort()).toEqual(Object.keys(SMALL).sort());
});

for (const [id, query] of Object.entries(SMALL)) {
  test(`${id}: the page loads and a run from the UI ends verified, its charts drawn`, async ({ page }) => {
    await page.goto(workloadUrl(id, `${query}&sampling=quick`));
    await ready(page);
    const title = await page.evaluate((wid) => window.twinbench.workloads().find((w) => w.id === wid)!.title, id);
    await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Python vs Rust`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.locator('#rust-panel .code-frame[data-ready="true"]')).toBeVisible();
    await runFromUi(page);
    await expect(page.locator('#results .verdict')).toHaveText(/Outputs identical/);
    await expect(page.locator('#results .chart[data-chart="times"]')).toHaveAttribute('data-drawn', 'true');
    await expect(page.locator('#results .chart[data-chart="times"] canvas')).toHaveCount(1);
    const story = STORY[id];
    if (story) {
      await expect(page.locator(`#results .chart[data-chart="${story}"]`)).toHaveAttribute('data-drawn', 'true');
      await expect(page.locator(`#results .chart[data-chart="${story}"] canvas`).first()).toBeVisible();
    }
  });
}

test('the old query form redirects to the workload page, keeping its parameters', async ({ page }) => {
  await page.goto(`${COI_URL}?workload=fib&n=22`);
  await page.waitForURL(/\/w\/fib\/\?n=22$/);
  await ready(page);
  await expect(page.locator('input[name="n"]')).toHaveValue('22');
  await page.goto(`${COI_URL}?workload=nope`);
  await ready(page);
  await expect(page.locator('#notice')).toContainText("names no known workload ('nope')");
});

test('a workload page under a base path finds its assets, Pyodide and the wasm there', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/twinbench/')) outside.push(path);
  });
  await page.goto(`${BASE_PATH_URL}w/fib/?n=16&sampling=quick`);
  await ready(page);
  await runFromUi(page);
  await expect(page.locator('#results .verdict')).toHaveText(/Outputs identical/);
  await page.click('a.brand');
  await expect(page).toHaveURL(BASE_PATH_URL);
  await page.locator('.gallery a', { hasText: 'n-body' }).click();
  await expect(page).toHaveURL(`${BASE_PATH_URL}w/nbody/`);
  expect(outside).toEqual([]);
});

test('claimed against measured: the published claim, this browser after Run, and make bench natively and in the browser', async ({ page }) => {
  // n-body carries the Benchmarks Game's published ratio, with its source, before any run.
  await page.goto(workloadUrl('nbody'));
  await ready(page);
  const claims = page.locator('#claims');
  await expect(claims.locator('h2')).toHaveText('Claimed against measured');
  await expect(claims.locator('tr[data-row="claim"]')).toContainText('Benchmarks Game');
  await expect(claims.locator('tr[data-row="claim"] td.median')).toHaveText(/^\d+×$/);
  await expect(claims.locator('tr[data-row="browser"] td.median')).toHaveText('press Run');
  await expect(claims.locator('tr[data-row="native"]')).toContainText('CPython');
  await expect(claims.locator('tr[data-row="reference"]')).toContainText('on the reference machine');

  // fib: the seed article's 43x, then this browser's ratio once a run verified it.
  await page.goto(workloadUrl('fib', 'n=16&sampling=quick'));
  await ready(page);
  await expect(claims.locator('tr[data-row="claim"] td.median')).toHaveText('43.0×');
  await runFromUi(page);
  await expect(claims.locator('tr[data-row="browser"] td.median')).toHaveText(/^[\d.]+×$/);
  await expect(claims.locator('tr[data-row="browser"]')).toContainText('n=16');
});

test('the cold start is broken down per runtime: download, compile, instantiate, interpreter start', async ({ page }) => {
  await page.goto(workloadUrl('fib', 'n=14&sampling=quick'));
  await ready(page);
  await runFromUi(page);
  const cold = page.locator('#results details.cold');
  await cold.locator('summary').click();
  const phases = async (impl: string): Promise<string[]> => cold.locator(`dl[data-impl="${impl}"] dt`).evaluateAll((dts) => dts.map((d) => (d as HTMLElement).dataset.phase ?? ''));
  expect(await phases('rust')).toEqual(['wasmDownload', 'wasmCompile', 'wasmInstantiate']);
  const py = await phases('python');
  // Critical-path phases: Pyodide's wasm compiles while it downloads, so a compile phase shows
  // only when compiling outlasted the downloads (a zero phase is not listed).
  for (const phase of ['download', 'restore', 'packageImport']) expect(py).toContain(phase);
  await expect(cold.locator('dl[data-impl="rust"] dd').first()).toHaveText(/\d/);
});

test("the gallery marks each reference ratio with the report's flags", async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  const report = JSON.parse(readFileSync('bench/report.json', 'utf8')) as { kernels: Record<string, { ratio?: { flags: string[]; hidden: boolean } }> };
  let flagged = 0;
  for (const [id, k] of Object.entries(report.kernels)) {
    const card = page.locator(`.gallery li[data-workload="${id}"] .ref-ratio`);
    if (!k.ratio || k.ratio.hidden) continue;
    if (k.ratio.flags.length) {
      flagged++;
      await expect(card).toHaveClass(/flagged/);
      await expect(card.locator('.why')).toHaveText(/^ — \w/);
    } else {
      await expect(card).not.toHaveClass(/flagged/);
    }
  }
  // The committed report has flagged ratios; without one this test would prove nothing.
  expect(flagged).toBeGreaterThan(0);
});
