// Does a threaded worker's start hang? In a fresh workload page each time, run fib-batch through
// rust and rust-threads on 2 threads (two threaded workers start at once: rust-threads and its
// rust-threads-1 baseline) with a 20 s limit, and print the page's start-up marks. A good run has
// two `twinbench:ready:rust-threads` marks; in Firefox about one run in four to eight has one and
// no first result (2026-11-30). Stops at the first hang.
//   node tests/engines/investigate-threads-start.mjs [firefox webkit-sab] (REPS=10)
import { forEachEngine } from './lib/each-engine.mjs';
import { URLS } from './lib/site.mjs';
import { waitForApi } from './lib/page.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox'];
const reps = Number(process.env.REPS ?? 10);
await forEachEngine(wanted, async (id, b) => {
  for (let i = 0; i < reps; i++) {
    await b.url(`${URLS.coi}w/fib-batch/`);
    await waitForApi(b);
    const r = await b.executeAsync((done) => {
      const marks = () => performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`);
      const t0 = performance.now();
      let finished = false;
      const end = (x) => {
        if (finished) return;
        finished = true;
        done({ ...x, ms: Math.round(performance.now() - t0), marks: marks() });
      };
      const req = { workload: 'fib-batch', params: { count: 16, n: 24 }, implementations: ['rust', 'rust-threads'], threads: 2, maxSamples: 6, timeBudgetMs: 400 };
      window.twinbench.run(req).then(
        (x) => end({ ok: true, verified: x.verified }),
        (e) => end({ ok: false, error: String(e) }),
      );
      setTimeout(() => end({ ok: false, hang: true }), 20_000);
    });
    console.log(`${id} ${i}: ${JSON.stringify(r)}`);
    if (r.hang) break;
  }
});
