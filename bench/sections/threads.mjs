// rust-threads (rayon on wasm-bindgen-rayon) at 1..hardwareConcurrency threads, for every
// workload with a parallel variant, each run interleaved with single-threaded rust; and native
// rayon on the same cores, the physical limit.
import { THREADS_LARGE } from '../config.mjs';
import { apiRun } from '../lib/browser.mjs';
import { ms, params, pct, sig, table, times, yes } from '../lib/md.mjs';
import { fitAmdahl } from '../lib/ts.mjs';
import { row } from '../targets.mjs';

async function measure(ctx) {
  const read = ctx.criterion();
  const page = await ctx.page();
  const cases = [];
  for (const w of ctx.workloads.filter((x) => x.parallel)) {
    const p = w.id === THREADS_LARGE.workload ? { ...ctx.defaults(w), ...THREADS_LARGE.params } : ctx.defaults(w);
    const rows = [];
    for (let t = 1; t <= ctx.hc; t++) {
      ctx.log(`threads: ${w.id} ${JSON.stringify(p)} at ${t} thread(s)`);
      const r = await apiRun(page, { workload: w.id, params: p, implementations: ['rust', 'rust-threads'], threads: t, ...ctx.S.threads });
      const rt = r.implementations['rust-threads'];
      rows.push({
        threads: t,
        threads_seen: rt.threads ?? null,
        verified: r.verified,
        rust_ms: r.implementations.rust.medianMs,
        rust_threads_ms: rt.medianMs,
        rust_threads_ci95_ms: rt.ci95Ms,
        speedup_vs_rust: r.ratios['rust/rust-threads']?.value ?? null,
        speedup_vs_rust_ci95: r.ratios['rust/rust-threads']?.ci95 ?? null,
        cold_ms: rt.coldDetailMs ?? null,
        flags: r.flags,
      });
    }
    cases.push({ workload: w.id, params: p, by_threads: rows });
  }
  const native = {
    workload: THREADS_LARGE.workload,
    params: THREADS_LARGE.params,
    sequential: read(`${THREADS_LARGE.criterion}/sequential`),
    parallel: read(`${THREADS_LARGE.criterion}/parallel`),
    threads: ctx.cores,
  };
  return { cases, native };
}

function derive(raw) {
  const out = {};
  for (const c of raw.cases) {
    const one = c.by_threads.find((x) => x.threads === 1);
    const rows = c.by_threads.map((x) => ({
      ...x,
      speedup_vs_threads1: one ? one.rust_threads_ms / x.rust_threads_ms : null,
      efficiency: x.speedup_vs_rust !== null ? x.speedup_vs_rust / x.threads : null,
    }));
    const top = rows[rows.length - 1];
    const fit = fitAmdahl(rows.filter((x) => x.speedup_vs_rust !== null).map((x) => ({ n: x.threads, speedup: x.speedup_vs_rust })));
    const fit1 = fitAmdahl(rows.map((x) => ({ n: x.threads, speedup: x.speedup_vs_threads1 })));
    out[c.workload] = {
      workload: c.workload,
      params: c.params,
      baseline: 'single-threaded rust, measured interleaved in the same run',
      threads: top.threads,
      speedup: top.speedup_vs_rust,
      efficiency: top.efficiency,
      speedup_vs_threads1: top.speedup_vs_threads1,
      efficiency_vs_threads1: top.speedup_vs_threads1 / top.threads,
      amdahl_p: fit?.p ?? null,
      amdahl_rmse: fit?.rmse ?? null,
      amdahl_p_vs_threads1: fit1?.p ?? null,
      verified: rows.every((x) => x.verified),
      by_threads: rows,
    };
  }
  const n = raw.native;
  const large = out[n.workload];
  if (large && n.sequential) {
    const s = n.sequential.median_ms;
    const p = n.parallel?.median_ms ?? null;
    large.native = { params: n.params, sequential_ms: s, parallel_ms: p, speedup: p ? s / p : null, threads: n.threads };
    large.native_speedup = large.native.speedup;
    large.wasm_over_native_sequential = large.by_threads[0] ? large.by_threads[0].rust_ms / s : null;
  }
  return out;
}

function targets(threads) {
  const t = threads[THREADS_LARGE.workload];
  return [row('threads_large_2', `rust-threads speedup, ${t?.threads ?? 2} threads, ${THREADS_LARGE.workload} ${params(THREADS_LARGE.params)}`, t?.speedup)];
}

function explain(_r, report) {
  const t = report.threads[THREADS_LARGE.workload];
  return (
    `rust-threads ${ms(t.by_threads.at(-1).rust_threads_ms)} against single-threaded rust ${ms(t.by_threads.at(-1).rust_ms)}; native rayon on the same cores ` +
    `reaches ${times(t.native?.speedup ?? null)} (${report.environment.load_words}).`
  );
}

function findings(report) {
  return Object.entries(report.threads)
    .filter(([, t]) => t.speedup !== null && t.speedup < 0.9)
    .map(
      ([key, t]) =>
        `rust-threads makes **${key}** (${params(t.params)}) slower: ${times(t.speedup)} on ${t.threads} threads ` +
        `(${ms(t.by_threads.at(-1).rust_ms)} single-threaded, ${ms(t.by_threads.at(-1).rust_threads_ms)} threaded; on 1 thread ${ms(t.by_threads[0].rust_threads_ms)}).`,
    );
}

function render(threads) {
  const rows = [];
  for (const [key, t] of Object.entries(threads)) {
    for (const r of t.by_threads) {
      rows.push([
        r.threads === 1 ? `${key} (${params(t.params)})` : '',
        r.threads,
        ms(r.rust_ms),
        ms(r.rust_threads_ms),
        times(r.speedup_vs_rust),
        times(r.speedup_vs_threads1),
        pct(r.efficiency),
        r.threads === t.threads ? `${sig(t.amdahl_p)} (vs 1 thread: ${sig(t.amdahl_p_vs_threads1)})` : '',
        yes(r.verified),
      ]);
    }
  }
  const nt = threads[THREADS_LARGE.workload]?.native;
  return [
    'A fresh threaded worker per thread count; each run interleaves `rust-threads` with single-threaded `rust`. ' +
      '**Speedup is against single-threaded `rust` measured in the same run** (what the targets use); "vs 1 thread" is against ' +
      '`rust-threads` on one thread. Efficiency = speedup / threads. p is the least-squares Amdahl fit of 1/S = (1-p) + p/n.',
    table(['workload', 'threads', 'rust (1 thread, same run)', 'rust-threads', 'speedup', 'vs 1 thread', 'efficiency', 'Amdahl p', 'outputs identical'], rows),
    nt
      ? `Native rayon on the same ${nt.threads} cores (criterion, ${THREADS_LARGE.workload} ${params(nt.params)}): sequential ${ms(nt.sequential_ms)}, ` +
        `parallel ${ms(nt.parallel_ms)}, speedup **${times(nt.speedup)}**: the physical limit the wasm speedup is measured against.`
      : null,
  ];
}

export default { name: 'threads', page: 'shared', title: 'Thread scaling: rust-threads (rayon on wasm-bindgen-rayon)', measure, derive, targets, explain, findings, render };
