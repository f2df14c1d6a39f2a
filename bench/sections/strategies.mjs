// Workloads whose parameters choose a strategy (a `choice` parameter, e.g. shared-counter's
// mutex / atomic / reduce): every choice, on every build: Python, single-threaded Rust and,
// where the workload has a parallel variant, the threaded build (with its one-thread baseline).
// A strategy the optimiser folds shows up here as a hidden ratio, never as a huge one.
import { apiRun } from '../lib/browser.mjs';
import { ms, params, table } from '../lib/md.mjs';
import { keep, ratioFlags, ratioText, verifiedText } from '../lib/result.mjs';

const BUILD = { python: 'Pyodide', st: 'single-threaded wasm', mt: 'threaded wasm' };

async function measure(ctx) {
  const page = await ctx.page();
  const threads = ctx.threadsOn;
  const runs = [];
  for (const w of ctx.workloads) {
    for (const p of w.params.filter((x) => x.type === 'choice')) {
      const implementations = ['python', 'rust', ...(w.parallel && threads ? ['rust-threads'] : [])];
      for (const value of p.choices) {
        const ps = { ...ctx.defaults(w), [p.name]: value };
        ctx.log(`strategies: ${w.id} ${p.name}=${value} on ${implementations.join(', ')}`);
        const r = await apiRun(page, { workload: w.id, params: ps, implementations, threads: ctx.hc, ...ctx.S.kernel });
        runs.push({ workload: w.id, choice: { param: p.name, value }, ...keep(r) });
      }
    }
  }
  return { runs };
}

/** Each implementation's row: its time, and the ratio Python / it (or its like-for-like one). */
function derive(raw) {
  return raw.runs.map((run) => ({
    ...run,
    rows: Object.entries(run.impls).map(([impl, s]) => {
      const key = impl === 'python' ? null : impl === 'rust-threads' ? 'rust-threads-1/rust-threads' : `python/${impl}`;
      return { impl, build: s.build, threads: s.threads ?? null, median_ms: s.median_ms, ci95_ms: s.ci95_ms, overhead_ms: s.overhead_ms ?? null, ratio_key: key, ratio: key ? (run.ratios[key] ?? null) : null };
    }),
  }));
}

function findings(report) {
  return report.strategies
    .filter((run) => run.rows.some((r) => r.ratio?.hidden))
    .map((run) => {
      const hidden = run.rows.filter((r) => r.ratio?.hidden).map((r) => r.impl);
      const why = run.flags.filter((f) => f.hidesRatio).map((f) => f.message);
      return `**${run.workload}** ${run.choice.param}=${run.choice.value}: ratios hidden for ${hidden.join(', ')}. ${why.join(' ')}`;
    });
}

function render(runs) {
  const rows = runs.flatMap((run) =>
    run.rows.map((r, i) => [
      i === 0 ? `${run.workload} (${params(run.params)})` : '',
      `${r.impl}${r.build === 'mt' && r.threads ? ` (${r.threads} thread${r.threads === 1 ? '' : 's'})` : ''}`,
      BUILD[r.build] ?? r.build,
      r.median_ms === null ? 'n/a' : `${ms(r.median_ms)}${r.ci95_ms ? ` (${ms(r.ci95_ms[0])} to ${ms(r.ci95_ms[1])})` : ''}`,
      ms(r.overhead_ms),
      r.ratio_key ? `${r.ratio_key}: ${ratioText(r.ratio)}` : '',
      ratioFlags(r.ratio),
      i === 0 ? verifiedText(run) : '',
    ]),
  );
  return [
    'Every choice of a strategy parameter, each in one run with interleaved samples. The threaded build runs at the page\'s thread count, with ' +
      '`rust-threads-1` (the same build on one thread, a fresh worker) as its like-for-like baseline; the single-threaded build is a different ' +
      'build (stable, no shared memory), so it is compared with Python only. Intervals are within this run, as in the kernels section.',
    table(['workload', 'implementation', 'build', 'median per call (95% CI)', 'empty-kernel overhead', 'ratio (95% CI within this run)', 'flags', 'verified: output · work digest'], rows),
  ];
}

export default { name: 'strategies', page: 'shared', title: 'Strategies on every build', measure, derive, findings, render };
