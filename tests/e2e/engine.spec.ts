// The measurement engine on the built site with COOP/COEP: every implementation in its own
// worker, verified outputs and work digests, ratios with intervals, pools, threads, errors
// that say what is wrong, and cancel() that stops within a second.
import { COI_URL, apiRun, apiRunError, expect, liveWorkers, ready, stopARunawayLoop, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
});

test('fib(27): python against rust is verified (output and work), with a ratio and its interval', async ({ page }) => {
  const r = await apiRun(page, { workload: 'fib', params: { n: 27 }, maxSamples: 10, timeBudgetMs: 1500 });
  expect(r.verified).toBe(true);
  expect(r.output).toBe('196418');
  expect(r.work).toMatch(/^[0-9a-f]{16}$/);
  expect(r.mismatch).toBeNull();
  for (const impl of ['python', 'rust'] as const) {
    const x = r.implementations[impl]!;
    expect(x.output).toBe('196418');
    expect(x.work).toBe(r.work);
    // Seven samples each, so both the medians and the ratio have an interval.
    expect(x.samplesMs.length).toBeGreaterThanOrEqual(7);
    expect(x.ci95Ms![0]).toBeLessThanOrEqual(x.medianMs);
    expect(x.ci95Ms![1]).toBeGreaterThanOrEqual(x.medianMs);
    expect(x.coldMs).toBeGreaterThan(0);
    expect(x.overheadMs).toBeGreaterThan(0);
    expect(x.overheadMs!).toBeLessThan(x.medianMs);
    // Each sample lasts at least max(50 ticks, 10 ms): fast kernels are batched.
    expect(x.medianMs * x.batch).toBeGreaterThanOrEqual(Math.max(50 * r.environment.timerTickMs!, 10) * 0.5);
    // Time grew with the work: n=24 took about a quarter of n=27's time.
    expect(x.scaling).toMatchObject({ param: 'n', small: 24 });
  }
  expect(r.flags.map((f) => f.code)).not.toContain('work-not-scaling');
  const ratio = r.ratios['python/rust']!;
  expect(ratio.hidden).toBe(false);
  expect(ratio.value).toBeGreaterThan(5);
  expect(ratio.ci95![0]).toBeLessThanOrEqual(ratio.value!);
  expect(ratio.ci95![1]).toBeGreaterThanOrEqual(ratio.value!);
  expect(r.environment).toMatchObject({ crossOriginIsolated: true, threads: true, pythonVersion: expect.stringMatching(/^3\.\d+/) });
  expect(r.environment.timerTickMs).toBeGreaterThan(0);
  expect(r.environment.pyodideVersion).toMatch(/^\d+\.\d+/);
});

test('python-calls-rust: Python in the Pyodide worker calls the Rust kernel', async ({ page }) => {
  const r = await apiRun(page, {
    workload: 'fib',
    params: { n: 24 },
    implementations: ['python', 'python-calls-rust', 'rust'],
    maxSamples: 5,
    timeBudgetMs: 500,
  });
  expect(r.verified).toBe(true);
  expect(r.implementations['python-calls-rust']!.output).toBe('46368');
  expect(r.implementations['python-calls-rust']!.medianMs).toBeLessThan(r.implementations.python!.medianMs);
  // The same Pyodide worker: python and python-calls-rust share it.
  expect(await liveWorkers(page)).toBe(2);
});

test('rust-threads is measured against its own build on one thread; against rust it says different builds', async ({ page }) => {
  const r = await apiRun(page, {
    workload: 'mandelbrot',
    params: { n: 1600 },
    implementations: ['rust', 'rust-threads'],
    threads: 2,
    maxSamples: 10,
    timeBudgetMs: 2000,
  });
  expect(r.verified).toBe(true);
  expect(Object.keys(r.implementations)).toEqual(['rust', 'rust-threads-1', 'rust-threads']);
  expect(r.implementations['rust-threads']!.threads).toBe(2);
  expect(r.implementations['rust-threads-1']!.threads).toBe(1);
  expect(r.implementations['rust-threads-1']!.build).toBe('mt');
  expect(r.implementations.rust!.build).toBe('st');
  // The like-for-like speedup: the same build, 1 thread against 2. How large it is depends on
  // the machine's free cores, so make bench measures it; here it must exist. That the two
  // threads really run at once is proven without a clock in crate/tests/web_threads.rs.
  expect(r.ratios['rust-threads-1/rust-threads']!.value).toBeGreaterThan(0);
  expect(r.ratios['rust-threads-1/rust-threads']!.hidden).toBe(false);
  expect(r.ratios['rust-threads-1/rust-threads']!.flags).not.toContain('different-builds');
  expect(r.ratios['rust/rust-threads']!.flags).toContain('different-builds');
  expect(r.flags.find((f) => f.code === 'different-builds')!.message).toMatch(/different wasm builds/);
});

test('python-pool and rust-pool with 2 workers give the same output as one worker', async ({ page }) => {
  const params = { count: 8, n: 18 };
  const one = await apiRun(page, { workload: 'fib-batch', params, implementations: ['python-pool', 'rust-pool'], threads: 1, maxSamples: 3, timeBudgetMs: 200 });
  const two = await apiRun(page, { workload: 'fib-batch', params, implementations: ['python', 'python-pool', 'rust-pool'], threads: 2, maxSamples: 3, timeBudgetMs: 200 });
  expect(one.verified).toBe(true);
  expect(two.verified).toBe(true);
  expect(two.output).toBe(one.output);
  expect(two.implementations['python-pool']!.threads).toBe(2);
  expect(two.implementations['rust-pool']!.threads).toBe(2);
  expect(two.implementations['python-pool']!.coldDetailMs?.poolStart).toBeGreaterThan(0);
  // The pool's digest (its shards' digests added up) is the whole run's.
  expect(two.implementations['rust-pool']!.work).toBe(two.implementations.python!.work);
  // Messaging is reported apart, and is part of the pool's time.
  for (const impl of ['python-pool', 'rust-pool'] as const) {
    const x = two.implementations[impl]!;
    expect(x.messagingMs).toBeGreaterThanOrEqual(0);
    expect(x.messagingMs!).toBeLessThan(x.medianMs);
  }
});

test('cancel() stops while True: pass within 1 s, and the next run works', async ({ page }) => {
  await apiRun(page, { workload: 'fib', params: { n: 10 }, implementations: ['python'], maxSamples: 3, timeBudgetMs: 50 });
  const restartsBefore = await page.evaluate(() => window.twinbench.debug.restarts());
  const stoppedAfter = await stopARunawayLoop(page, 1500);
  expect(stoppedAfter.message).toBe('cancelled');
  expect(stoppedAfter.ms).toBeLessThan(1000);
  expect(stoppedAfter.report).toEqual({ stopped: true, restarted: [] });
  // With shared memory the KeyboardInterrupt landed: the same worker, no restart.
  expect(await page.evaluate(() => window.twinbench.debug.restarts())).toBe(restartsBefore);
  const next = await apiRun(page, { workload: 'fib', params: { n: 12 }, maxSamples: 3, timeBudgetMs: 100 });
  expect(next.verified).toBe(true);
  expect(next.output).toBe('144');
});

test('visitor code: prints are captured, and a wrong answer is a mismatch that hides the ratio, not a crash', async ({ page }) => {
  const r = await apiRun(page, {
    workload: 'fib',
    params: { n: 10 },
    pythonSource: 'def fib(n):\n    print("<b>hi</b>")\n    return n + 1\n',
    maxSamples: 3,
    timeBudgetMs: 50,
  });
  expect(r.verified).toBe(false);
  expect(r.output).toBeNull();
  expect(r.ratios['python/rust']).toMatchObject({ value: null, ci95: null, hidden: true });
  expect(r.ratios['python/rust']!.flags).toContain('mismatch');
  expect(r.mismatch!.python!.output).toBe('11');
  expect(r.mismatch!.rust).toEqual({ output: '55', work: expect.stringMatching(/^[0-9a-f]{16}$/) });
  const codes = r.flags.map((f) => f.code);
  expect(codes).toContain('mismatch');
  expect(codes).toContain('custom-python');
  expect(r.implementations.python!.stdout).toContain('<b>hi</b>');
});

test('run() rejects with a message that names what is wrong', async ({ page }) => {
  expect(await apiRunError(page, { workload: 'nope' })).toMatch(/^unknown workload 'nope'; known: fib, /);
  expect(await apiRunError(page, { workload: 'fib', params: { n: 51 } })).toBe('parameter n of fib must be between 0 and 50, got 51');
  expect(await apiRunError(page, { workload: 'fib', params: { n: 40 } })).toMatch(/parameter n of fib is at most \d+ for Python in the page, got 40/);
  expect(await apiRunError(page, { workload: 'fib', implementations: ['cobol' as never] })).toMatch(/^unknown implementation 'cobol'/);
  expect(await apiRunError(page, { workload: 'fib', implementations: ['python-pool'] })).toBe(
    'python-pool is not available: fib does not split across a worker pool',
  );
  expect(await apiRunError(page, { workload: 'fib', implementations: ['python-reference'] })).toMatch(/^python-reference is not available/);
  const traceback = await apiRunError(page, {
    workload: 'fib',
    implementations: ['python'],
    pythonSource: 'def fib(n):\n    return 1 // 0\n',
  });
  expect(traceback).toContain('ZeroDivisionError');
  expect(traceback).toContain('Traceback');
  // Nothing above started a worker: parameters are checked before anything runs.
});

test('a Rust panic is reported with its message, and the next call runs on a fresh instance', async ({ page }) => {
  await apiRun(page, { workload: 'fib', params: { n: 10 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 50 });
  const message = await page.evaluate(() => window.twinbench.debug.fault('rust', 'panic'));
  expect(message).toContain('panic: Rust panicked: deliberate panic requested by fault("panic")');
  const r = await apiRun(page, { workload: 'fib', params: { n: 11 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 50 });
  expect(r.output).toBe('89');
  expect(await page.evaluate(() => window.twinbench.debug.restarts())).toBeGreaterThanOrEqual(1);
});

for (const [kind, message] of [
  ['oom', /^oom: out of memory/],
  ['stack', /^stack: Rust recursion went beyond the wasm stack/],
] as const) {
  test(`Rust ${kind} fails cleanly, the worker is recycled, and the next run passes`, async ({ page }) => {
    await apiRun(page, { workload: 'fib', params: { n: 10 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 50 });
    const restarts = await page.evaluate(() => window.twinbench.debug.restarts());
    expect(await page.evaluate((k) => window.twinbench.debug.fault('rust', k), kind)).toMatch(message);
    expect(await page.evaluate(() => window.twinbench.debug.restarts())).toBe(restarts + 1);
    const r = await apiRun(page, { workload: 'fib', params: { n: 11 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 50 });
    expect(r.output).toBe('89');
  });
}

test('a newer run supersedes one in flight, and its result is never shown for the new one', async ({ page }) => {
  await apiRun(page, { workload: 'fib', params: { n: 10 }, maxSamples: 3, timeBudgetMs: 50 });
  const out = await page.evaluate(async () => {
    const first = window.twinbench.run({ workload: 'fib', params: { n: 30 }, timeBudgetMs: 5000 }).then(
      (r) => `resolved ${r.output}`,
      (e: Error) => e.message,
    );
    await new Promise((r) => setTimeout(r, 300));
    const second = await window.twinbench.run({ workload: 'fib', params: { n: 16 }, maxSamples: 3, timeBudgetMs: 100 });
    return { first: await first, second: second.output };
  });
  expect(out.first).toBe('superseded by a newer run');
  expect(out.second).toBe('987');
});
