// The site's pages as a visitor first meets them in this engine: the home page and a workload
// page load with no page or console error and no failed resource, show the gallery, the code
// and the Run button, and say why threads are off where they are (the implementation picker
// greys the threaded implementations with that reason); the method page shows make bench's
// three-engine table. Screenshots: test-results/engines/<variant>-site-pages-{home,workload,
// method-engines}.png.
// Not in webkit-sab: JSC_useSharedArrayBuffer=1 is a switch no visitor's browser has; the
// engine-level specs cover that variant.
import assert from 'node:assert/strict';
import { expectedCapabilities } from '../lib/expect.mjs';

const notSab = (v) => v.id === 'webkit-sab';

/** The ladder's notice on this page: shown with the reason where threads are off, else hidden. */
async function checkNotice(t, want) {
  if (want.notice === null) {
    assert.equal(await t.visible('#notice'), false, 'no notice when threads are on');
  } else {
    assert.equal(await t.visible('#notice'), true, 'the notice is shown');
    assert.match((await t.text('#notice')) ?? '', want.notice, 'the notice says why threads are off');
  }
}

export default [
  {
    name: 'the home page loads without errors, with the gallery, the race and the ladder notice',
    skip: notSab,
    run: async (t) => {
      const want = expectedCapabilities(t.variant, true);
      await t.open(t.urls.coi, { fresh: true });
      await checkNotice(t, want);
      const links = await t.browser.execute(() => [...document.querySelectorAll('#gallery-list a')].map((a) => new URL(a.href).pathname));
      assert.ok(links.filter((p) => /^\/w\/[a-z-]+\/$/.test(p)).length >= 10, `the gallery links every workload's page: ${links.join(' ')}`);
      assert.equal(await t.visible('#race-run'), true, 'the race can be started');
      assert.equal(await t.visible('#error-box'), false, 'no error shown');
      // The environment panel has replaced its placeholder.
      await t.browser.waitUntil(async () => !/Reading what this browser/.test((await t.text('#env-panel')) ?? ''), { timeout: 10_000, timeoutMsg: 'the environment panel stayed a placeholder' });
      assert.deepEqual(await t.failedResources(), [], 'every resource loaded');
      const file = await t.screenshot('home');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
  {
    name: 'a workload page loads without errors, with its code, the picker saying why threads are off, and an idle prewarm',
    skip: notSab,
    run: async (t) => {
      const want = expectedCapabilities(t.variant, true);
      // fib-batch: a workload with a parallel variant, so only the engine can make threads unavailable.
      await t.open(`${t.urls.coi}w/fib-batch/`, { fresh: true });
      await checkNotice(t, want);
      assert.equal(await t.browser.execute(() => document.querySelector('#results').dataset.state), 'idle', 'nothing has run');
      // Both code panels are CodeMirror editors in shadow roots; the Python one holds the twin.
      await t.browser.waitUntil(async () => /def \w+\(/.test((await t.editorText('#python-panel')) ?? ''), { timeout: 20_000, timeoutMsg: 'the Python editor did not show the twin' });
      assert.match((await t.editorText('#rust-panel')) ?? '', /fib/i, 'the Rust kernel is shown');
      // The picker: threaded Rust is offered where the engine has threads, else greyed with the reason.
      const threads = await t.browser.execute(() => {
        const box = document.querySelector('#impls input[name="rust-threads"]');
        return { disabled: box?.disabled ?? null, why: box?.closest('label')?.querySelector('.why')?.textContent ?? null };
      });
      if (want.threads) {
        assert.deepEqual(threads, { disabled: false, why: null }, 'Rust threads can be chosen');
      } else {
        assert.equal(threads.disabled, true, 'Rust threads cannot be chosen');
        assert.match(threads.why ?? '', want.notice, 'and the picker says why');
      }
      assert.equal(await t.browser.execute(() => document.querySelector('#run').disabled), false, 'Run is enabled');
      // Not from a share link, so the page gets Python ready when idle: the control for the
      // share-link spec, which checks that nothing is fetched in the same time.
      await t.browser.waitUntil(async () => (await t.requested('/pyodide/')).length > 0, { timeout: 10_000, timeoutMsg: 'the idle page did not start fetching Pyodide' });
      assert.deepEqual(await t.failedResources(), [], 'every resource loaded');
      const file = await t.screenshot('workload');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
  {
    name: 'the method page loads without errors and shows the three-engine table from make bench',
    skip: notSab,
    run: async (t) => {
      await t.open(`${t.urls.coi}method/`);
      const table = await t.browser.execute(() => {
        const box = document.querySelector('#engines-table');
        return box && { head: [...box.querySelectorAll('thead th')].map((th) => th.textContent), rows: box.querySelectorAll('tbody tr').length };
      });
      assert.ok(table, 'the method page has the three-engine table (bench/report.json has an engines section)');
      assert.equal(table.head[0], 'workload');
      assert.ok(table.head.length >= 2 && table.rows >= 10, `a column per engine and a row per workload: ${JSON.stringify(table)}`);
      assert.deepEqual(await t.failedResources(), [], 'every resource loaded');
      await t.browser.execute(() => document.querySelector('#engines-table').scrollIntoView({ block: 'start' }));
      const file = await t.screenshot('method-engines');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
];
