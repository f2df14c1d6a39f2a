// A workload page driven as a visitor drives it: fib from the Run button to a verified result
// (Python, Rust and Python calling Rust), with the headline, a row per implementation and the
// charts drawn, then a screenshot of the result:
// test-results/engines/<variant>-workload-run-after-run.png.
import assert from 'node:assert/strict';

export default [
  {
    name: 'fib from the Run button to a verified result with its charts, and a screenshot',
    skip: (v) => v.id === 'webkit-sab',
    run: async (t) => {
      await t.open(`${t.urls.coi}w/fib/?n=20&impls=python,rust,python-calls-rust&sampling=quick`, { fresh: true });
      await t.click('#run');
      const state = await t.waitForState('#results', ['done', 'error'], 120_000);
      assert.equal(state, 'done', `the run finished (error: ${await t.text('#error')})`);
      assert.equal(await t.text('#status'), 'done');
      assert.match((await t.text('#results .verdict')) ?? '', /Outputs identical/, 'verified');
      assert.equal((await t.text('#results pre.output'))?.trim(), '6765', 'fib(20)');
      const rows = await t.browser.execute(() => [...document.querySelectorAll('#results tr[data-impl]')].map((r) => r.getAttribute('data-impl')));
      assert.deepEqual(rows.sort(), ['python', 'python-calls-rust', 'rust'], 'a row per implementation');
      // The ratio, or the reason it is hidden (see the widget spec and docs/engines.md).
      const headline = (await t.text('#results .headline')) ?? '';
      assert.match(headline, /Rust is [\d.]+× faster|No ratio for Python against Rust: .+/, 'the headline');
      if (!/faster/.test(headline)) t.note(`ratio hidden: ${headline}`);
      // Every chart drawn (none left pending or failed).
      await t.browser.waitUntil(
        async () => (await t.browser.execute(() => [...document.querySelectorAll('#results .chart')].every((c) => c.dataset.drawn !== 'false'))),
        { timeout: 15_000, timeoutMsg: 'a chart stayed undrawn' },
      );
      const charts = await t.browser.execute(() => [...document.querySelectorAll('#results .chart')].map((c) => `${c.dataset.chart}:${c.dataset.drawn}`));
      assert.ok(charts.length >= 1, 'the result has a chart');
      assert.ok(charts.every((c) => c.endsWith(':true')), `every chart drawn: ${charts.join(', ')}`);
      assert.equal(await t.visible('#error-box'), false, 'no error shown');
      await t.browser.execute(() => document.querySelector('#results').scrollIntoView({ block: 'start' }));
      const file = await t.screenshot('after-run');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
];
