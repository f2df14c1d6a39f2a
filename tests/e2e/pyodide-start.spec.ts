// Pyodide starts from the memory snapshot made at build time (scripts/make-pyodide-snapshot.mjs),
// each instance still its own (random reseeded), and a missing or broken snapshot only costs
// the slow start: the page keeps working.
import { gzipSync } from 'node:zlib';
import { COI_URL, apiRun, expect, ready, test } from './fixtures';
import type { Page } from '@playwright/test';

// The generator's state, not a draw: it does not change between calls, so two workers print
// the same number only if they start from the same state.
const PRINT_RANDOM = 'import random\ndef fib(n):\n    print(hash(random.getstate()))\n    return 55\n';

async function pythonStart(page: Page): Promise<{ fromSnapshot: boolean | null; drawn: string }> {
  const r = await apiRun(page, { workload: 'fib', params: { n: 10 }, implementations: ['python'], pythonSource: PRINT_RANDOM, maxSamples: 1, timeBudgetMs: 1 });
  expect(r.output).toBe('55');
  const env = await page.evaluate(() => window.twinbench.environment());
  return { fromSnapshot: env.pyodideFromSnapshot, drawn: (r.implementations.python!.stdout ?? '').trim().split('\n')[0]! };
}

test('Pyodide starts from the snapshot, and two workers start with different random states', async ({ page, context }) => {
  await page.goto(COI_URL);
  await ready(page);
  const first = await pythonStart(page);
  const other = await context.newPage();
  await other.goto(COI_URL);
  await ready(other);
  const second = await pythonStart(other);
  expect(first.fromSnapshot).toBe(true);
  expect(second.fromSnapshot).toBe(true);
  expect(first.drawn).toMatch(/^-?\d+$/);
  expect(second.drawn).not.toBe(first.drawn);
});

test.describe('without a usable snapshot', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });

  for (const [what, reply] of [
    ['missing', { status: 404, body: 'not found' }],
    ['broken', { status: 200, body: gzipSync(Buffer.from('not a memory snapshot')) }],
  ] as const) {
    test(`a ${what} snapshot: Pyodide starts the slow way and the run works`, async ({ page, context }) => {
      await context.route('**/pyodide/snapshot.bin.gz', (route) => route.fulfill(reply));
      await page.goto(COI_URL);
      await ready(page);
      const start = await pythonStart(page);
      expect(start.fromSnapshot).toBe(false);
      const r = await apiRun(page, { workload: 'fib', params: { n: 15 }, maxSamples: 3, timeBudgetMs: 100 });
      expect(r.verified).toBe(true);
      expect(r.output).toBe('610');
    });
  }
});
