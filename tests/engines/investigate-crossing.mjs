// Python calling Rust against Rust over fib(n) for several n in one warm page per engine:
// the intercept of (python-calls-rust - rust) is the per-call crossing cost; a slope above 1
// means the wasm itself runs slower in the Python worker's instance. Evidence for docs/engines.md.
//   flock /work/plan/timing.lock node tests/engines/investigate-crossing.mjs firefox webkit chromium
import { forEachEngine } from './lib/each-engine.mjs';
import { URLS } from './lib/site.mjs';
import { apiRun, waitForApi } from './lib/page.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit', 'chromium'];
const NS = [5, 12, 18, 22, 25];
await forEachEngine(wanted, async (id, b) => {
  await b.url(URLS.coi);
  await waitForApi(b);
  // Warm both workers up for a few seconds first.
  await apiRun(b, { workload: 'fib', params: { n: 22 }, implementations: ['rust', 'python-calls-rust'], maxSamples: 60, timeBudgetMs: 3000 });
  const rows = [];
  for (const n of NS) {
    const r = await apiRun(b, { workload: 'fib', params: { n }, implementations: ['rust', 'python-calls-rust'], maxSamples: 20, timeBudgetMs: 800 });
    rows.push([n, r.implementations.rust.medianMs * 1000, r.implementations['python-calls-rust'].medianMs * 1000]);
  }
  console.log(`${id}: n, rust µs, python-calls-rust µs, difference µs, ratio`);
  for (const [n, rs, pcr] of rows) console.log(`  ${n}\t${rs.toFixed(2)}\t${pcr.toFixed(2)}\t${(pcr - rs).toFixed(2)}\t${(pcr / rs).toFixed(2)}`);
});
