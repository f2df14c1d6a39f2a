// Why can python-calls-rust look faster than rust (Firefox, fib n=25: 0.75x in a hand run)?
// Runs fib through window.twinbench in the engines named on the command line, in several
// orders, and prints per-call medians, batches and warm-up traces. Evidence for docs/engines.md.
//   flock /work/plan/timing.lock node tests/engines/investigate-calls-rust.mjs firefox webkit chromium
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { forEachEngine } from './lib/each-engine.mjs';
import { ROOT, URLS } from './lib/site.mjs';
import { apiRun, waitForApi } from './lib/page.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox'];
const n = Number(process.env.FIB_N ?? 25);
const out = {};
const reps = Number(process.env.REPS ?? 4);
// The page's default trio (python first, as in the hand run), and the pair without Python.
const cases = [];
for (let i = 0; i < reps; i++) {
  // The runner page's order (IMPLEMENTATIONS): python, python-calls-rust, rust.
  cases.push(['python', 'python-calls-rust', 'rust'], ['python', 'rust', 'python-calls-rust'], ['rust', 'python-calls-rust']);
}
await forEachEngine(wanted, async (id, b) => {
  out[id] = [];
  for (const impls of cases) {
    // A fresh page per case: fresh workers, fresh wasm instances, nothing tiered up yet.
    await b.url(process.env.NO_COI ? URLS.noCoi : URLS.coi);
    await waitForApi(b);
    const r = await apiRun(b, { workload: 'fib', params: { n }, implementations: impls, maxSamples: 30, timeBudgetMs: 2000 });
    const row = { order: impls.join(' then '), ratio: r.ratios['python-calls-rust/rust']?.value ?? null, load: loadavg()[0] };
    for (const impl of impls.filter((i) => i !== 'python')) {
      const i = r.implementations[impl];
      row[impl] = { medianMs: i.medianMs, batch: i.batch, warmupMs: i.warmupMs.map((v) => +v.toFixed(4)), samples: i.samplesMs.length };
    }
    out[id].push(row);
    const line = impls.filter((i) => i !== 'python').map((impl) => `${impl} ${row[impl].medianMs.toFixed(4)} ms (batch ${row[impl].batch}) warm-up ${row[impl].warmupMs.join(' ')}`);
    console.log(`${id} [${row.order}] pcr/rust ${row.ratio?.toFixed(3)} load ${row.load.toFixed(2)}\n  ${line.join('\n  ')}`);
  }
});
mkdirSync(`${ROOT}test-results/engines`, { recursive: true });
writeFileSync(`${ROOT}test-results/engines/calls-rust${process.env.NO_COI ? '-no-coi' : ''}.json`, `${JSON.stringify(out, null, 2)}\n`);

// Summary: the ratio per engine and order, over the repetitions.
for (const [id, rows] of Object.entries(out)) {
  const byOrder = {};
  for (const r of rows) (byOrder[r.order] ??= []).push(r.ratio);
  for (const [order, ratios] of Object.entries(byOrder)) {
    console.log(`${id} [${order}] pcr/rust: ${ratios.map((v) => v?.toFixed(3)).join(' ')}`);
  }
}
