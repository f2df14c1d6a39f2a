// The soak (issue 13): 200 consecutive runs across every workload and implementation in one
// page, Stop in every fifth. No run fails, the live worker count never exceeds what the first ten
// runs started (every slot), the last run is verified, and the main thread's JS heap (after a
// forced GC) should stay within 20% of its size after ten runs. `make bench` reports the same figures (section reliability).
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

/** The heap figures of the soak, for the second test. */
const heap = { after10: 0, after100: 0, end: 0 };

test.describe.serial('soak', () => {
  test('200 runs with Stop in every fifth: no run fails, workers stay bounded, the last run is verified', async ({ page }) => {
    test.setTimeout(900_000);
    await page.goto(COI_URL);
    await ready(page);
    const first = await page.evaluate(soakRuns, { from: 0, to: 10 });
    // The workers the page keeps: every slot the first ten runs (every implementation set) started.
    const workers10 = first.maxWorkers;
    heap.after10 = await heapAfterGc(page);
    const middle = await page.evaluate(soakRuns, { from: 10, to: 100 });
    heap.after100 = await heapAfterGc(page);
    const end = await page.evaluate(soakRuns, { from: 100, to: 200 });
    const last = await page.evaluate(soakFinalRun);
    heap.end = await heapAfterGc(page);
    const all = [first, middle, end];
    const failed = all.flatMap((c) => c.failed);
    const done = all.reduce((n, c) => n + c.done, 0);
    const stopped = all.reduce((n, c) => n + c.stopped, 0);
    const mb = (b: number): string => (b / 1e6).toFixed(1);
    console.log(`soak: ${done} done, ${stopped} stopped, workers ${workers10} -> ${last.workers} (max ${Math.max(middle.maxWorkers, end.maxWorkers)}), heap ${mb(heap.after10)} -> ${mb(heap.after100)} -> ${mb(heap.end)} MB`);
    expect(failed).toEqual([]);
    expect(done + stopped).toBe(200);
    expect(stopped).toBeGreaterThan(0);
    expect(last).toMatchObject({ verified: true, output: '610' });
    expect(last.workers).toBeLessThanOrEqual(workers10);
    expect(Math.max(middle.maxWorkers, end.maxWorkers)).toBeLessThanOrEqual(workers10);
  });

  test("the main thread's JS heap after the soak is within 20% of its size after ten runs", () => {
    // It grew ~7.5-19 KB per run while every call raced the worker's long-lived "killed"
    // promise (each race's reaction stayed on it): engine/kill-switch.ts.
    expect(heap.after10).toBeGreaterThan(0);
    expect(heap.end).toBeLessThanOrEqual(heap.after10 * 1.2);
  });
});
