// The embeddable widget on a blog of another origin without COOP/COEP (tests/e2e/embed-host:
// two loader widgets, one with a bad parameter, and a plain iframe), in this engine: the loader
// makes and sizes the frames, nothing heavy is fetched before Run, the bad one names its
// parameter, and Run goes to a verified result, single-threaded and saying so. Screenshot:
// test-results/engines/<variant>-widget-after-run.png.
import assert from 'node:assert/strict';

const HEAVY = /pyodide|\.wasm|\.worker-|python_stdlib|snapshot/;

/** Run `fn` inside the iframe matching `selector`, then come back to the host page. */
async function inFrame(t, selector, fn) {
  const frame = await t.browser.$(selector);
  await frame.waitForExist({ timeout: 20_000 });
  await t.browser.switchFrame(frame);
  try {
    return await fn();
  } finally {
    await t.browser.switchFrame(null);
  }
}

const state = (t) => t.browser.execute(() => document.querySelector('#widget')?.dataset.state ?? null);

export default [
  {
    name: 'the widget on a non-isolated blog: light until Run, then verified and single-threaded',
    skip: (v) => v.id === 'webkit-sab',
    timeoutMs: 180_000,
    run: async (t) => {
      await t.open(t.urls.host, { waitForApi: false });
      assert.equal(await t.browser.execute(() => window.crossOriginIsolated), false, 'the blog is not isolated');
      // The loader replaced the three placeholders with frames of the site.
      await t.browser.waitUntil(async () => (await t.browser.execute(() => document.querySelectorAll('iframe').length)) === 4, {
        timeout: 20_000,
        timeoutMsg: 'the loader did not make its three frames',
      });
      await inFrame(t, '#bad iframe', async () => {
        await t.browser.waitUntil(async () => (await state(t)) === 'error', { timeout: 20_000, timeoutMsg: 'the bad widget did not say so' });
        assert.match((await t.text('#widget [role=alert]')) ?? '', /Parameter n of fib must be an integer from 0 to \d+, got 'abc'/);
      });
      await inFrame(t, '#first iframe', async () => {
        await t.browser.waitUntil(async () => (await state(t)) === 'idle', { timeout: 20_000, timeoutMsg: 'the widget did not come up idle' });
        assert.match((await t.text('#threads-line')) ?? '', /Rust runs single-threaded here: this page is not cross-origin isolated/);
        assert.equal(await t.browser.execute(() => document.querySelector('input[name="n"]').value), '18');
        assert.deepEqual((await t.requested('')).filter((p) => HEAVY.test(p)), [], 'nothing heavy fetched before Run');
        const run = await t.browser.$('//button[normalize-space()="Run"]');
        await run.click();
        await t.browser.waitUntil(async () => ['done', 'error'].includes(await state(t)), { timeout: 150_000, interval: 200, timeoutMsg: 'the widget run did not finish' });
        assert.equal(await state(t), 'done', `the widget's run finished: ${await t.text('#widget [role=alert]')}`);
        assert.match((await t.text('#widget .verdict.ok')) ?? '', /Outputs identical/, 'verified');
        // The headline is the ratio, or the reason it is hidden: a fresh Rust worker in WebKit
        // sometimes takes 1-2 s over its first call, the warm-up then keeps a batch of 1, and the
        // 1 ms timer of a page that is not isolated cannot time it (docs/engines.md).
        const headline = (await t.text('#widget .headline')) ?? '';
        assert.match(headline, /faster|No ratio for Python against Rust: .+/, 'the headline');
        if (!/faster/.test(headline)) t.note(`ratio hidden: ${headline}`);
        assert.ok((await t.requested('/pyodide/')).length > 0, 'Pyodide came on Run');
        // Sized to its content: the frame has nothing to scroll once the loader has resized it.
        let fit = null;
        await t.browser
          .waitUntil(async () => {
            fit = await t.browser.execute(() => ({ content: document.documentElement.scrollHeight, frame: window.innerHeight }));
            return fit.content - fit.frame <= 1;
          }, { timeout: 5000, interval: 200 })
          .catch(() => {});
        assert.ok(fit.content - fit.frame <= 1, `the frame fits its content (content ${fit.content} px, frame ${fit.frame} px)`);
      });
      // The loader resized the frame to the result (the first widget only; sizes are per frame).
      const heights = await t.browser.execute(() => ['#first iframe', '#bad iframe'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().height)));
      assert.ok(heights[0] > heights[1], `the run's frame grew to its result (${heights.join(' vs ')} px)`);
      await t.browser.execute(() => document.querySelector('#first').scrollIntoView({ block: 'start' }));
      const file = await t.screenshot('after-run');
      t.note(`screenshot: ${file.slice(file.indexOf('test-results'))}`);
    },
  },
];
