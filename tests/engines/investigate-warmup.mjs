// How long each engine takes to reach its steady speed on a fresh worker: one long run of
// Python and of Rust (fib, n=20 by default) in a fresh page, printing the per-call times of the
// warm-up and of the samples in order. Evidence for docs/engines.md (JIT tiers).
//   flock /work/plan/timing.lock node tests/engines/investigate-warmup.mjs firefox webkit chromium
import { mkdirSync, writeFileSync } from 'node:fs';
import { forEachEngine } from './lib/each-engine.mjs';
import { ROOT, URLS } from './lib/site.mjs';
import { apiRun, waitForApi } from './lib/page.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit', 'chromium'];
const n = Number(process.env.FIB_N ?? 20);
const out = {};
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
await forEachEngine(wanted, async (id, b) => {
  out[id] = {};
  for (const impl of ['python', 'rust', 'python-calls-rust']) {
    await b.url(URLS.coi);
    await waitForApi(b);
    const r = await apiRun(b, { workload: 'fib', params: { n }, implementations: [impl], maxSamples: 200, timeBudgetMs: 6000 });
    const i = r.implementations[impl];
    const s = i.samplesMs;
    const first = s.slice(0, 10);
    const last = s.slice(-40);
    out[id][impl] = { batch: i.batch, warmupMs: i.warmupMs, samplesMs: s, cold: i.coldMs };
    console.log(
      `${id} ${impl} fib(${n}): warm-up ${i.warmupMs.map((v) => v.toPrecision(3)).join(' ')} | batch ${i.batch}, ` +
        `first 10 samples median ${q(first, 0.5).toPrecision(3)} ms, last 40 median ${q(last, 0.5).toPrecision(3)} ms ` +
        `(first/last ${(q(first, 0.5) / q(last, 0.5)).toFixed(2)}), ${s.length} samples`,
    );
  }
});
mkdirSync(`${ROOT}test-results/engines`, { recursive: true });
writeFileSync(`${ROOT}test-results/engines/warmup.json`, `${JSON.stringify(out, null, 2)}\n`);
