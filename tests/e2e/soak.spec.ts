// The soak (issue 13): 200 consecutive runs across every workload and implementation in one
// page, Stop in every fifth. At the end the live worker count is back to what it was after the
// first ten runs, the main thread's JS heap (after a forced GC) is within 20% of its size then,
// and the last run is verified. `make bench` reports the same figures (section reliability).
import type { Page } from '@playwright/test';
import { soakFinalRun, soakRuns } from '../../web/src/bench/soak';
import { COI_URL, expect, ready, test } from './fixtures';

/** The main thread's used JS heap after a full garbage collection (Chromium). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
}

test('200 runs with Stop in every fifth: workers and heap stay bounded, the last run is verified', async ({ page }) => {
  test.setTimeout(900_000);
  await page.goto(COI_URL);
  await ready(page);
  const first = await page.evaluate(soakRuns, { from: 0, to: 10 });
  const workers10 = await page.evaluate(() => window.twinbench.debug.liveWorkers());
  const heap10 = await heapAfterGc(page);
  const rest = await page.evaluate(soakRuns, { from: 10, to: 200 });
  const last = await page.evaluate(soakFinalRun);
  const heapEnd = await heapAfterGc(page);
  const failed = [...first.failed, ...rest.failed];
  console.log(`soak: ${first.done + rest.done} done, ${first.stopped + rest.stopped} stopped, workers ${workers10} -> ${last.workers} (max ${Math.max(first.maxWorkers, rest.maxWorkers)}), heap ${(heap10 / 1e6).toFixed(1)} -> ${(heapEnd / 1e6).toFixed(1)} MB`);
  expect(failed).toEqual([]);
  expect(first.done + rest.done + first.stopped + rest.stopped).toBe(200);
  expect(first.stopped + rest.stopped).toBeGreaterThan(0);
  expect(last).toMatchObject({ verified: true, output: '610' });
  expect(last.workers).toBeLessThanOrEqual(workers10);
  expect(heapEnd).toBeLessThanOrEqual(heap10 * 1.2);
});
