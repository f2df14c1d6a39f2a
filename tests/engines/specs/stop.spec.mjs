// Stop ends a runaway Python loop (`while True: pass`) in every engine, and the next run works.
// Where the page has shared memory (isolated, with SharedArrayBuffer) Pyodide's interrupt buffer
// raises KeyboardInterrupt in the same worker within a second; elsewhere (not isolated, or
// WebKitGTK without SharedArrayBuffer) the worker is terminated and replaced within two.
import assert from 'node:assert/strict';
import { expectedCapabilities } from '../lib/expect.mjs';

async function stopAndRecover(t, isolated) {
  const want = expectedCapabilities(t.variant, isolated);
  await t.open(isolated ? t.urls.coi : t.urls.noCoi);
  // Python started and warm, so the stop measures only the stop.
  await t.run({ workload: 'fib', params: { n: 10 }, implementations: ['python'], maxSamples: 3, timeBudgetMs: 50 });
  const workersBefore = await t.liveWorkers();
  const restartsBefore = await t.browser.execute(() => window.twinbench.debug.restarts());
  const stop = await t.stopARunawayLoop(1500);
  t.note(`stopped in ${stop.ms.toFixed(0)} ms, ${stop.report.restarted.length ? `restarted ${stop.report.restarted.join(', ')}` : 'interrupted in place'}`);
  assert.equal(stop.message, 'cancelled', 'the run ends as cancelled');
  if (want.pythonInterrupt) {
    assert.deepEqual(stop.report, { stopped: true, restarted: [] }, 'KeyboardInterrupt in the same worker');
    assert.ok(stop.ms < 1000, `interrupted within 1 s (took ${stop.ms.toFixed(0)} ms)`);
    assert.equal(await t.browser.execute(() => window.twinbench.debug.restarts()), restartsBefore, 'no restart');
  } else {
    assert.deepEqual(stop.report, { stopped: true, restarted: ['python'] }, 'Python terminated and replaced');
    assert.ok(stop.ms < 2000, `replaced within 2 s (took ${stop.ms.toFixed(0)} ms)`);
  }
  const next = await t.run({ workload: 'fib', params: { n: 12 }, implementations: ['python'], maxSamples: 3, timeBudgetMs: 50 });
  assert.equal(next.output, '144', 'the next run works');
  assert.equal(await t.liveWorkers(), workersBefore, 'no leaked worker');
}

export default [
  {
    name: 'Stop ends while True: pass and the next run works (isolated)',
    run: (t) => stopAndRecover(t, true),
  },
  {
    name: 'Stop ends while True: pass and the next run works (not isolated)',
    run: (t) => stopAndRecover(t, false),
  },
];
