// rust-threads (rayon on wasm-bindgen-rayon) at 2..hardwareConcurrency threads, for every
// workload with a parallel variant at its catalog defaults, and for the large case
// (THREADS_LARGE). Each run measures, interleaved: rust-threads on N threads, rust-threads-1
// (the same threaded build on one thread, a fresh worker: the like-for-like baseline) and
// single-threaded rust (a different build, shown beside it). Native rayon on the same cores, at
// the same parameters (criterion's threads-<id> groups), is the physical limit: where it gets
// less than a target, the target is NATIVE_SHARE of its speedup. It is measured right before the
// workload's browser run, not at the start of the benchmark: how much a second core gives on a
// shared machine changes from minute to minute, and the two must see the same minutes.
import { THREADS_LARGE } from '../config.mjs';
import { apiRun } from '../lib/browser.mjs';
import { ms, params, pct, sig, table, times, yes } from '../lib/md.mjs';
import { flagList, ratioText } from '../lib/result.mjs';
import { fitAmdahl } from '../lib/ts.mjs';
import { NATIVE_SHARE, row, target, threadTarget } from '../targets.mjs';

const LIKE = 'rust-threads-1/rust-threads';
const CROSS = 'rust/rust-threads';

async function measure(ctx) {
  const read = ctx.criterion();
  const page = await ctx.page();
  const cases = [];
  const parallel = ctx.workloads.filter((x) => x.parallel);
  const plan = [
    ...parallel.map((w) => ({ key: w.id, w, p: ctx.defaults(w), large: false })),
    ...parallel.filter((w) => w.id === THREADS_LARGE.workload).map((w) => ({ key: LARGE_KEY, w, p: { ...ctx.defaults(w), ...THREADS_LARGE.params }, large: true })),
  ];
  for (const { key, w, p, large } of plan) {
    const near = large ? null : ctx.criterionNow(`^threads-${w.id}/`);
    const native = near ? { sequential: near(`threads-${w.id}/sequential`), parallel: near(`threads-${w.id}/parallel`) } : null;
    const rows = [];
    for (let t = 2; t <= ctx.hc; t++) {
      ctx.log(`threads: ${w.id} ${JSON.stringify(p)} at ${t} threads`);
      const r = await apiRun(page, { workload: w.id, params: p, implementations: ['rust', 'rust-threads'], threads: t, ...(large ? ctx.S.threadsLarge : ctx.S.threads) });
      const one = r.implementations['rust-threads-1'];
      const mt = r.implementations['rust-threads'];
      rows.push({
        threads: t,
        threads_seen: mt.threads ?? null,
        verified: r.verified,
        rust_threads_ms: mt.medianMs,
        rust_threads_ci95_ms: mt.ci95Ms,
        rust_threads_1_ms: one?.medianMs ?? null,
        rust_ms: r.implementations.rust.medianMs,
        like_for_like: r.ratios[LIKE] ?? null,
        different_builds: r.ratios[CROSS] ?? null,
        cold_ms: mt.coldDetailMs ?? null,
        flags: r.flags,
      });
    }
    cases.push({ key, workload: w.id, params: p, by_threads: rows, native });
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

/** The large case's key in report.threads (the others are the workload ids). */
const LARGE_KEY = `${THREADS_LARGE.workload}-large`;

function derive(raw) {
  const out = {};
  for (const c of raw.cases) {
    if (!c.by_threads.length) continue;
    const rows = c.by_threads.map((x) => {
      const s = x.like_for_like?.value ?? null;
      return { ...x, speedup_vs_threads1: s, efficiency: s !== null ? s / x.threads : null, st_over_mt: x.different_builds?.value ?? null };
    });
    const top = rows[rows.length - 1];
    const fit = fitAmdahl([{ n: 1, speedup: 1 }, ...rows.filter((x) => x.speedup_vs_threads1 !== null).map((x) => ({ n: x.threads, speedup: x.speedup_vs_threads1 }))]);
    const nat = c.native?.sequential && c.native?.parallel ? c.native : null;
    const two = rows.find((x) => x.threads === 2) ?? null;
    out[c.key ?? c.workload] = {
      workload: c.workload,
      params: c.params,
      baseline: 'rust-threads-1: the threaded build on one thread, a fresh worker, measured interleaved in the same run',
      threads: top.threads,
      speedup_vs_threads1: top.speedup_vs_threads1,
      speedup_vs_threads1_ci95: top.like_for_like?.ci95 ?? null,
      efficiency_vs_threads1: top.efficiency,
      single_threaded_build_ms: top.rust_ms,
      single_threaded_over_threads: top.st_over_mt,
      amdahl_p_vs_threads1: fit?.p ?? null,
      amdahl_rmse: fit?.rmse ?? null,
      verified: rows.every((x) => x.verified),
      by_threads: rows,
      ...(nat
        ? {
            native: { sequential_ms: nat.sequential.median_ms, parallel_ms: nat.parallel.median_ms, speedup: nat.sequential.median_ms / nat.parallel.median_ms, threads: raw.native.threads },
            speedup_2_threads: two?.speedup_vs_threads1 ?? null,
          }
        : {}),
    };
    if (nat && c.key !== LARGE_KEY) out[c.key ?? c.workload].target = threadTarget(c.workload, out[c.key ?? c.workload].native.speedup);
  }
  const n = raw.native;
  const large = out[LARGE_KEY] ?? (raw.cases.some((c) => c.key) ? undefined : out[n.workload]);
  if (large && n.sequential) {
    const s = n.sequential.median_ms;
    const p = n.parallel?.median_ms ?? null;
    large.native = { params: n.params, sequential_ms: s, parallel_ms: p, speedup: p ? s / p : null, threads: n.threads };
    large.wasm_over_native_sequential = large.by_threads[0].rust_threads_1_ms !== null ? large.by_threads[0].rust_threads_1_ms / s : null;
  }
  return out;
}

const largeOf = (threads) => threads[LARGE_KEY] ?? (threads[THREADS_LARGE.workload]?.target ? undefined : threads[THREADS_LARGE.workload]);

function targets(threads) {
  const rows = [];
  for (const [key, t] of Object.entries(threads)) {
    if (!t.target) continue;
    const note = t.target.byNative ? `native rayon ${times(t.native.speedup)}, so the target is ${NATIVE_SHARE} of it` : `native rayon ${times(t.native.speedup)}`;
    rows.push(row(t.target.id, `rust-threads speedup over rust-threads-1, 2 threads, ${key} (${params(t.params)})`, t.speedup_2_threads, note, t.target.bound));
  }
  const t = largeOf(threads);
  const label = `rust-threads speedup over rust-threads-1, ${t?.threads ?? 2} threads, ${THREADS_LARGE.workload} ${params(THREADS_LARGE.params)}`;
  return [...rows, row('threads_large_2', label, t?.speedup_vs_threads1)];
}

function explain(r, report) {
  const t = r.target === 'threads_large_2' ? largeOf(report.threads) : report.threads[r.figure.match(/2 threads, (\S+) \(/)?.[1]];
  if (!t) return '';
  const top = t.by_threads.find((x) => x.threads === 2) ?? t.by_threads.at(-1);
  const bound = r.bound === target(r.target).value ? '' : `, so the target is ${NATIVE_SHARE} x ${times(t.native.speedup)} = ${times(r.bound)}`;
  return (
    `rust-threads ${ms(top.rust_threads_ms)} against rust-threads-1 ${ms(top.rust_threads_1_ms)}; native rayon on the same cores ` +
    `reaches ${times(t.native?.speedup ?? null)}${bound} (${report.environment.load_words}).`
  );
}

function findings(report) {
  return Object.entries(report.threads)
    .filter(([, t]) => t.speedup_vs_threads1 !== null && t.speedup_vs_threads1 < 0.9)
    .map(
      ([key, t]) =>
        `rust-threads makes **${key}** (${params(t.params)}) slower: ${times(t.speedup_vs_threads1)} on ${t.threads} threads against the same build on one thread ` +
        `(${ms(t.by_threads.at(-1).rust_threads_1_ms)} on 1 thread, ${ms(t.by_threads.at(-1).rust_threads_ms)} on ${t.threads}).`,
    );
}

function render(threads) {
  const rows = [];
  for (const [key, t] of Object.entries(threads)) {
    for (const r of t.by_threads) {
      rows.push([
        r === t.by_threads[0] ? `${key} (${params(t.params)})` : '',
        r.threads,
        ms(r.rust_threads_1_ms),
        ms(r.rust_threads_ms),
        ratioText(r.like_for_like),
        pct(r.efficiency),
        r === t.by_threads.at(-1) ? sig(t.amdahl_p_vs_threads1) : '',
        ms(r.rust_ms),
        ratioText(r.different_builds),
        flagList(r.flags.filter((f) => f.code !== 'different-builds')),
        yes(r.verified),
      ]);
    }
  }
  const nt = largeOf(threads)?.native;
  const natives = Object.entries(threads).filter(([, t]) => t.target);
  return [
    'One run per workload and thread count, interleaving three implementations: `rust-threads` on N threads, `rust-threads-1` (the same threaded build on one ' +
      'thread, in a fresh worker) and single-threaded `rust`. **The speedup is against `rust-threads-1`**, like for like (what the target uses); efficiency = ' +
      'speedup / threads; p is the least-squares Amdahl fit of 1/S = (1-p) + p/n through (1, 1). The single-threaded build is a **different build** (stable, ' +
      'no shared memory or atomics), shown beside it with its own ratio, which is not a thread speedup.',
    table(
      ['workload', 'threads', 'rust-threads-1', 'rust-threads', 'speedup vs rust-threads-1 (95% CI)', 'efficiency', 'Amdahl p', 'single-threaded build (different build)', 'rust / rust-threads (different builds)', 'flags', 'verified'],
      rows,
    ),
    nt
      ? `Native rayon on the same ${nt.threads} cores (criterion, ${THREADS_LARGE.workload} ${params(nt.params)}): sequential ${ms(nt.sequential_ms)}, ` +
        `parallel ${ms(nt.parallel_ms)}, speedup **${times(nt.speedup)}**: the physical limit the wasm speedup is measured against.`
      : null,
    natives.length
      ? 'Every workload at its defaults on 2 threads against its target, beside native rayon on the same cores at the same parameters ' +
        `(criterion, crate/benches/kernels.rs \`threads-<id>\`, measured right before the workload's browser run, so that both see the machine in the ` +
        `same minutes): the target is ${target('threads_2').value}× (binary-trees ${target('threads_2_binary_trees').value}×), ` +
        `or ${NATIVE_SHARE} of the native speedup where native rayon gets less.\n\n` +
        table(
          ['workload', 'params', 'wasm: rust-threads-1 / rust-threads, 2 threads', 'native rayon: sequential', 'native rayon: parallel', 'native speedup', 'target'],
          natives.map(([key, t]) => [key, params(t.params), times(t.speedup_2_threads), ms(t.native.sequential_ms), ms(t.native.parallel_ms), times(t.native.speedup), `≥ ${times(t.target.bound)}${t.target.byNative ? ` (${NATIVE_SHARE} × native)` : ''}`]),
        )
      : null,
  ];
}

// criterion: only the groups this section reads (for --only).
export default { name: 'threads', page: 'shared', criterion: '^mandelbrot-4000/', title: 'Thread scaling: rust-threads (rayon on wasm-bindgen-rayon)', measure, derive, targets, explain, findings, render };
