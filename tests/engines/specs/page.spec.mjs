// The page loads without errors in every engine, isolated and not, and its capability ladder
// says what this engine gives it: isolation, SharedArrayBuffer, threads, the timer tick,
// hardwareConcurrency, and one line saying why threads are off where they are.
import assert from 'node:assert/strict';
import { expectedCapabilities } from '../lib/expect.mjs';

async function checkLadder(t, isolated) {
  const want = expectedCapabilities(t.variant, isolated);
  await t.open(isolated ? t.urls.coi : t.urls.noCoi);
  const env = await t.environment();
  t.note(
    `${isolated ? 'isolated' : 'not isolated'}: SAB ${env.sharedArrayBuffer}, threads ${env.threads}, ` +
      `tick ${env.timerTickMs.toFixed(4)} ms, hardwareConcurrency ${env.hardwareConcurrency}, notice ${JSON.stringify(env.notice)}`,
  );
  assert.equal(env.crossOriginIsolated, want.crossOriginIsolated, 'crossOriginIsolated');
  assert.equal(env.sharedArrayBuffer, want.sharedArrayBuffer, 'SharedArrayBuffer');
  assert.equal(env.threads, want.threads, 'threads');
  assert.equal(env.pythonInterrupt, want.pythonInterrupt, 'Stop interrupts Python in place');
  assert.equal(env.hardwareConcurrency, want.hardwareConcurrency, 'navigator.hardwareConcurrency');
  // The tick as the workers see it, within float error of the engine's clamp.
  assert.ok(Math.abs(env.timerTickMs - want.tickMs) < want.tickMs * 0.01, `timer tick ${env.timerTickMs} ms, expected ${want.tickMs} ms`);
  if (want.notice === null) {
    assert.equal(env.notice, null, 'no notice when everything is on');
    assert.equal(await t.visible('#notice'), false, 'no notice shown');
  } else {
    assert.match(env.notice ?? '', want.notice, 'the notice says why threads are off');
    assert.equal(await t.visible('#notice'), true, 'the notice is shown');
    assert.equal(await t.text('#notice'), env.notice, 'the page shows the ladder notice');
  }
  assert.equal(await t.visible('#error-box'), false, 'no error shown');
  assert.ok((await t.browser.execute(() => window.twinbench.workloads().length)) >= 10, 'the catalog is there');
  assert.deepEqual(await t.failedResources(), [], 'every resource loaded');
}

export default [
  {
    name: 'the isolated page loads without errors and its capability ladder is right',
    run: (t) => checkLadder(t, true),
  },
  {
    name: 'the page without COOP/COEP loads without errors, threads off, and says why',
    run: (t) => checkLadder(t, false),
  },
];
