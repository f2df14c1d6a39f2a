// A panic on one of rayon's threads (not the thread that called into wasm) aborts that thread,
// and the threaded worker then waits for it forever. The bridge reads the panic message from
// the shared wasm memory while a call is in flight: the call ends with the message, the
// worker is replaced, and the next run passes. Also: prewarm starts a worker without a run.
import { COI_URL, apiRun, expect, ready, test } from './fixtures';

// The panicking rayon thread logs its message to the console (it has no one else to tell).
test.use({ allowConsoleErrors: [/deliberate panic in a parallel loop/] });

test.beforeEach(async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
});

test('a panic on a rayon thread ends the call with its message and a fresh threaded worker', async ({ page }) => {
  const run = { workload: 'fib-batch', params: { count: 8, n: 12 }, implementations: ['rust-threads' as const], threads: 2, maxSamples: 3, timeBudgetMs: 50 };
  expect((await apiRun(page, run)).verified).toBe(true);
  const restarts = await page.evaluate(() => window.twinbench.debug.restarts());
  const t0 = Date.now();
  const message = await page.evaluate(() => window.twinbench.debug.fault('rust-threads', 'panic-in-worker'));
  // Ended by the bridge's watch (every 100 ms), not by a Stop.
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(message).toMatch(/^panic: Rust panicked: deliberate panic in a parallel loop, requested by fault\("panic-in-worker"\) \(at /);
  expect(await page.evaluate(() => window.twinbench.debug.restarts())).toBe(restarts + 1);
  const after = await apiRun(page, run);
  expect(after.verified).toBe(true);
  expect(after.implementations['rust-threads']!.threads).toBe(2);
});

test('the single-threaded build reports the same fault as a panic on its own thread', async ({ page }) => {
  const message = await page.evaluate(() => window.twinbench.debug.fault('rust', 'panic-in-worker'));
  expect(message).toContain('panic: Rust panicked: deliberate panic in a parallel loop');
});

test('prewarm starts a runtime without running anything, once', async ({ page }) => {
  // The home page's environment panel already holds a 'rust' worker (it measures the timer
  // tick), so the threaded build, which nothing on the page starts by itself, is the one to warm.
  const before = await page.evaluate(() => window.twinbench.debug.liveWorkers());
  await page.evaluate(() => Promise.all([window.twinbench.prewarm('rust-threads'), window.twinbench.prewarm('rust-threads')]));
  expect(await page.evaluate(() => window.twinbench.debug.liveWorkers())).toBe(before + 1);
  const r = await apiRun(page, { workload: 'fib-batch', params: { count: 4, n: 10 }, implementations: ['rust-threads'], maxSamples: 3, timeBudgetMs: 50 });
  expect(r.verified).toBe(true);
  // The run used the warmed worker; the only one it added is its like-for-like baseline
  // (rust-threads-1, always a fresh worker of its own).
  expect(Object.keys(r.implementations).sort()).toEqual(['rust-threads', 'rust-threads-1']);
  expect(await page.evaluate(() => window.twinbench.debug.liveWorkers())).toBe(before + 2);
});
