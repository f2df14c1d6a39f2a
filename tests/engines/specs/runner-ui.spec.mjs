// The runner page, driven as a visitor drives it: fib from the form to a verified result, and a
// screenshot of the page after the run (test-results/engines/<engine>-runner-ui-after-run.png).
// The UI flows of the site's pages (home, workload page, share link, widget) get their own spec
// files, one per flow, using the same helpers (t.click, t.waitForState, t.clickAndWaitDone).
import assert from 'node:assert/strict';

export default [
  {
    name: 'fib from the Run button to a verified result, with a screenshot',
    run: async (t) => {
      await t.open(`${t.urls.coi}?workload=fib&n=22`);
      // Python, Rust (checked by default) and Python calling Rust.
      await t.browser.execute(() => {
        const box = document.querySelector('#impls input[name="python-calls-rust"]');
        if (box && !box.checked) box.click();
      });
      await t.click('#run');
      await t.browser.waitUntil(async () => ['done', 'stopped', 'not run'].includes(await t.text('#status')), {
        timeout: 90_000,
        interval: 200,
        timeoutMsg: 'the run did not finish within 90 s',
      });
      assert.equal(await t.text('#status'), 'done', `finished (error: ${await t.text('#error')})`);
      const verdict = await t.text('#results .verdict');
      assert.match(verdict ?? '', /identical/, `the verdict says the outputs are identical: ${verdict}`);
      assert.equal((await t.text('#results pre.output'))?.trim(), '17711', 'fib(22)');
      const rows = await t.browser.execute(() => [...document.querySelectorAll('#results tbody tr[data-impl]')].map((r) => r.getAttribute('data-impl')));
      assert.deepEqual(rows.sort(), ['python', 'python-calls-rust', 'rust'], 'a row per implementation');
      const file = await t.screenshot('after-run');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
];
