// What a visitor takes away and what the page keeps: raw samples as JSON and CSV downloads,
// a Markdown table on the clipboard, and edits to code and parameters that survive a reload
// and a crashed worker.
import { readFileSync } from 'node:fs';
import { expect, pythonCode, ready, runFromUi, setPythonCode, test, workloadUrl } from './fixtures';

test('exports: samples as JSON and CSV files, and a Markdown table', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(workloadUrl('fib', 'n=15&sampling=quick'));
  await ready(page);
  await runFromUi(page);

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  expect(json.suggestedFilename()).toMatch(/^twinbench-fib-.*\.json$/);
  const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(data.workload).toBe('fib');
  expect(data.implementations.python.samplesMs.length).toBeGreaterThanOrEqual(7);
  expect(data.environment.userAgent).toContain('Chrome');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('workload,implementation,sample,ms_per_call,batch,threads');
  expect(lines.filter((l) => l.startsWith('fib,python,')).length).toBe(data.implementations.python.samplesMs.length);

  await page.click('#export-md');
  await expect(page.locator('#result-tools .copied')).toHaveText('Markdown table copied.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('| implementation | median per call | 95% CI within this run | samples |');
  expect(md).toMatch(/\| Python \| [\d.]+ (ms|µs) \|/);
});

test('edits to code and parameters survive a reload and a crashed worker', async ({ page }) => {
  await page.goto(workloadUrl('fib'));
  await ready(page);
  const edited = 'def fib(n):\n    # kept across reloads\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n';
  await setPythonCode(page, edited);
  await page.fill('input[name="n"]', '19');
  await page.locator('input[name="python-calls-rust"]').check();

  await page.reload();
  await ready(page);
  expect(await pythonCode(page)).toContain('# kept across reloads');
  await expect(page.locator('input[name="n"]')).toHaveValue('19');
  await expect(page.locator('input[name="python-calls-rust"]')).toBeChecked();

  // A Rust panic kills its worker; the page keeps what the visitor typed, and the next run works.
  const fault = await page.evaluate(() => window.twinbench.debug.fault('rust', 'panic'));
  expect(fault).toMatch(/^panic: /);
  expect(await pythonCode(page)).toContain('# kept across reloads');
  await page.locator('#sampling').selectOption('quick');
  await runFromUi(page);
  await expect(page.locator('#results li[data-flag="custom-python"]')).toBeVisible();

  await page.click('#reset-code');
  await page.reload();
  await ready(page);
  expect(await pythonCode(page)).not.toContain('# kept across reloads');
});
