// Python calling Rust against Rust over fib(n) for several n in one warm page per engine:
// the intercept of (python-calls-rust - rust) is the per-call crossing cost; a slope above 1
// means the wasm itself runs slower in the Python worker's instance. Evidence for docs/engines.md.
//   flock /work/plan/timing.lock node tests/engines/investigate-crossing.mjs firefox webkit chromium
import { VARIANTS, closeSession, openSession, startXvfb } from './lib/engines.mjs';
import { Processes } from './lib/processes.mjs';
import { URLS, startSite } from './lib/site.mjs';
import { apiRun, waitForApi } from './lib/page.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit', 'chromium'];
const NS = [5, 12, 18, 22, 25];
const procs = new Processes();
try {
  await startSite(procs);
  const x = wanted.some((v) => VARIANTS[v]?.engine === 'webkit') ? await startXvfb(procs) : null;
  for (const id of wanted) {
    const session = await openSession(procs, id, { display: x?.display });
    const b = session.browser;
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
    await closeSession(procs, session);
  }
} finally {
  await procs.stopAll();
  procs.dispose();
}
