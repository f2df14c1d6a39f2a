// fib runs to a verified result in Python, Rust and Python calling Rust, isolated and not, and
// its output is the golden one. The timings are sanity-checked (python-calls-rust runs the same
// wasm plus a crossing, so it is never much faster than rust).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const golden = JSON.parse(readFileSync(new URL('../../golden/fib.json', import.meta.url), 'utf8'));
const N = 20;
const expected = golden.vectors.find((v) => v.params.n === N).output;

async function fibVerified(t, url) {
  await t.open(url);
  const r = await t.run({
    workload: 'fib',
    params: { n: N },
    implementations: ['python', 'python-calls-rust', 'rust'],
    maxSamples: 8,
    timeBudgetMs: 400,
  });
  assert.equal(r.verified, true, `verified (mismatch: ${JSON.stringify(r.mismatch)})`);
  assert.equal(r.output, expected, 'the golden output');
  for (const impl of ['python', 'python-calls-rust', 'rust']) {
    const i = r.implementations[impl];
    assert.ok(i && i.medianMs > 0 && i.samplesMs.length >= 3, `${impl} measured`);
  }
  const py = r.implementations.python.medianMs;
  const rs = r.implementations.rust.medianMs;
  const pcr = r.implementations['python-calls-rust'].medianMs;
  t.note(`fib(${N}): python ${py.toFixed(3)} ms, python-calls-rust ${pcr.toFixed(4)} ms, rust ${rs.toFixed(4)} ms (python/rust ${(py / rs).toFixed(0)}x)`);
  assert.ok(py > rs, 'Rust is faster than Python');
  // A loose bound: this is a functional suite on a shared machine, not a benchmark.
  assert.ok(pcr > 0.5 * rs, `python-calls-rust (${pcr} ms) is not much faster than rust (${rs} ms)`);
  return r;
}

export default [
  {
    name: 'fib is verified through python, rust and python-calls-rust (isolated)',
    run: (t) => fibVerified(t, t.urls.coi),
  },
  {
    name: 'fib is verified through python, rust and python-calls-rust (not isolated)',
    run: (t) => fibVerified(t, t.urls.noCoi),
  },
  {
    name: 'a bad parameter is refused with its allowed range, and nothing runs',
    run: async (t) => {
      await t.open();
      const before = await t.liveWorkers();
      const message = await t.runError({ workload: 'fib', params: { n: 45 }, implementations: ['rust'] });
      t.note(`refused: ${message}`);
      assert.match(message, /\bn\b/, 'names the parameter');
      assert.match(message, /42/, "gives Rust's page cap");
      assert.equal(await t.liveWorkers(), before, 'no worker started for a refused run');
    },
  },
];
