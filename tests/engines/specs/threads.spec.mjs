// Rayon threads where the engine gives the page shared memory (Firefox isolated, WebKitGTK with
// JSC_useSharedArrayBuffer=1), and where it does not (WebKitGTK by default): rust-threads is
// refused with the ladder's reason, the picker's checkbox is disabled with it, and the worker
// pools (which need no shared memory) still run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedCapabilities } from '../lib/expect.mjs';

const golden = JSON.parse(readFileSync(new URL('../../golden/fib-batch.json', import.meta.url), 'utf8'));
const PARAMS = { count: 16, n: 24 };
const expected = golden.vectors.find((v) => v.params.count === PARAMS.count && v.params.n === PARAMS.n).output;

export default [
  {
    name: 'rust-threads runs verified on 2 threads where the engine has shared memory, and is refused with the reason elsewhere',
    run: async (t) => {
      const want = expectedCapabilities(t.variant, true);
      // fib-batch's page, so its rust-threads checkbox is about threads only. The picker is drawn
      // once the code panels are mounted, after the page API is up.
      await t.open(`${t.urls.coi}w/fib-batch/`);
      await t.browser.waitUntil(() => t.browser.execute(() => !!document.querySelector('#impls input[name="rust-threads"]')), {
        timeout: 20_000,
        timeoutMsg: 'the implementation picker did not appear',
      });
      const box = await t.browser.execute(() => {
        const input = document.querySelector('#impls input[name="rust-threads"]');
        return input ? { disabled: input.disabled, label: input.closest('label')?.textContent ?? '' } : null;
      });
      if (want.threads) {
        // Explicit threads: WebKit's hardwareConcurrency is a bucket (4 here), not the 2 cores.
        const r = await t.run({ workload: 'fib-batch', params: PARAMS, implementations: ['rust', 'rust-threads'], threads: 2, maxSamples: 6, timeBudgetMs: 400 });
        assert.equal(r.verified, true, 'verified');
        assert.equal(r.output, expected, 'the golden output');
        assert.equal(r.implementations['rust-threads'].threads, 2, 'ran on the 2 threads asked for');
        const speedup = r.implementations.rust.medianMs / r.implementations['rust-threads'].medianMs;
        t.note(`fib-batch ${JSON.stringify(PARAMS)}: rust ${r.implementations.rust.medianMs.toFixed(2)} ms, rust-threads(2) ${r.implementations['rust-threads'].medianMs.toFixed(2)} ms (x${speedup.toFixed(2)})`);
        assert.equal(box?.disabled, false, 'the picker offers rust-threads');
      } else {
        const message = await t.runError({ workload: 'fib-batch', params: PARAMS, implementations: ['rust-threads'], threads: 2 });
        t.note(`refused: ${message}`);
        assert.match(message, /rust-threads is not available/);
        assert.match(message, want.notice);
        assert.equal(box?.disabled, true, 'the picker disables rust-threads');
        assert.match(box.label, want.notice, 'and says why beside it');
      }
    },
  },
  {
    name: 'the Python and Rust worker pools run verified (no shared memory needed)',
    run: async (t) => {
      await t.open(t.urls.coi);
      const r = await t.run({ workload: 'fib-batch', params: PARAMS, implementations: ['rust', 'rust-pool', 'python-pool'], threads: 2, maxSamples: 3, timeBudgetMs: 200 });
      assert.equal(r.verified, true, 'verified');
      assert.equal(r.output, expected, 'the golden output');
      t.note(`pools of 2: rust-pool ${r.implementations['rust-pool'].medianMs.toFixed(2)} ms, python-pool ${r.implementations['python-pool'].medianMs.toFixed(1)} ms (cold ${r.implementations['python-pool'].coldMs?.toFixed(0)} ms)`);
    },
  },
];
