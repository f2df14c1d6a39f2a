// A share link carrying a runaway loop, as a visitor meets it: the page opens with the link's
// code and runs nothing (no Pyodide file fetched, no worker started) until Run; Run starts the
// loop, Stop ends it (Python interrupted in place where the page has shared memory, else its
// worker replaced: the status says which), and after the visitor fixes the code in the
// CodeMirror editor the next run is verified. Isolated, and in Firefox also not isolated.
import assert from 'node:assert/strict';
import LZString from 'lz-string';
import { expectedCapabilities } from '../lib/expect.mjs';

// It says on a BroadcastChannel when it starts spinning, so Stop is pressed in the loop and not
// while Pyodide is still starting (which takes 1 to 5 s here, engine by engine).
const RUNAWAY = 'import js\n\ndef fib(n):\n    js.BroadcastChannel.new("engines-spec").postMessage("spinning")\n    while True:\n        pass\n';
const link = (state) => `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(state))}`;

async function shareStopFix(t, isolated) {
  const want = expectedCapabilities(t.variant, isolated);
  const base = isolated ? t.urls.coi : t.urls.noCoi;
  await t.open(`${base}w/fib/?sampling=quick${link({ v: 1, params: { n: 20 }, code: RUNAWAY, impls: ['python', 'rust'] })}`, { fresh: true });
  assert.match((await t.text('#share-notice')) ?? '', /nothing runs until you press Run/, 'the page says nothing runs');
  await t.browser.waitUntil(async () => (await t.editorText('#python-panel'))?.includes('while True'), { timeout: 20_000, timeoutMsg: "the editor did not show the link's code" });
  assert.equal(await t.browser.execute(() => document.querySelector('input[name="n"]').value), '20', "the link's parameter");
  // As long as a page without a share link takes to start fetching Pyodide when idle (site-pages).
  await t.browser.pause(4500);
  assert.deepEqual(await t.requested('/pyodide/'), [], 'no Pyodide file fetched before Run');
  assert.equal(await t.liveWorkers(), 0, 'no worker started before Run');
  assert.equal(await t.browser.execute(() => document.querySelector('#results').dataset.state), 'idle', 'nothing ran');

  await t.browser.execute(() => {
    window.__spinning = false;
    new BroadcastChannel('engines-spec').onmessage = () => (window.__spinning = true);
  });
  await t.click('#run');
  await t.browser.waitUntil(() => t.browser.execute(() => window.__spinning), { timeout: 60_000, interval: 100, timeoutMsg: 'Python did not reach the loop' });
  await t.browser.pause(500);
  const stopped = want.pythonInterrupt ? 'stopped' : 'stopped; the Python runtime was restarted';
  const t0 = Date.now();
  await t.click('#stop');
  await t.browser.waitUntil(async () => (await t.text('#status')) === stopped, { timeout: 5000, interval: 50, timeoutMsg: `the status did not say '${stopped}'` });
  const ms = Date.now() - t0;
  t.note(`${isolated ? 'isolated' : 'not isolated'}: Stop took ${ms} ms (WebDriver round trips included), status '${stopped}'`);
  assert.ok(ms < 3000, `stopped within 3 s (took ${ms} ms)`);
  assert.equal(await t.browser.execute(() => document.querySelector('#results').dataset.state), 'error', 'the run ended');
  assert.equal(await t.browser.execute(() => document.querySelector('#run').disabled), false, 'Run is enabled again');

  // The visitor fixes the code in the editor (it indents after the colon by itself).
  await t.typeCode('#python-panel', ['def fib(n):', 'return n if n < 2 else fib(n - 1) + fib(n - 2)']);
  // CodeMirror's indent unit (2 spaces unless the page sets one) is fine for Python.
  assert.match((await t.editorText('#python-panel'))?.trim() ?? '', /^def fib\(n\):\n +return n if n < 2 else fib\(n - 1\) \+ fib\(n - 2\)$/, 'the typed code');
  await t.click('#run');
  const state = await t.waitForState('#results', ['done', 'error'], 120_000);
  assert.equal(state, 'done', `the next run finished (error: ${await t.text('#error')})`);
  assert.match((await t.text('#results .verdict')) ?? '', /Outputs identical/, 'the edited Python agrees with Rust');
  assert.equal((await t.text('#results pre.output'))?.trim(), '6765', 'fib(20)');
  assert.equal(await t.liveWorkers(), 2, 'one Python and one Rust worker: none leaked');
}

export default [
  {
    name: 'a share link with while True: pass runs nothing before Run; Stop ends the loop; the fixed code runs verified (isolated)',
    run: (t) => shareStopFix(t, true),
  },
  {
    name: 'the same without COOP/COEP (Stop replaces the Python worker)',
    // In WebKit the isolated page already takes this path (no SharedArrayBuffer by default; the
    // sab variant has it process-wide, still replaced when not isolated, as the stop spec checks).
    skip: (v) => v.engine === 'webkit',
    run: (t) => shareStopFix(t, false),
  },
];
