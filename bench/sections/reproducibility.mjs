// How well the headline ratio (python/rust on the headline workload) reproduces: the same run
// in several fresh pages, each in a new browser context (new workers, Pyodide started again,
// wasm compiled and tiered up again), as a visitor who reloads would see it. A within-run
// interval cannot see this spread; the target is on it.
import { HEADLINE } from '../config.mjs';
import { apiRun, openPage } from '../lib/browser.mjs';
import { bound, ms, params, sig, table, times } from '../lib/md.mjs';
import { flagList, ratioText } from '../lib/result.mjs';
import { spread } from '../lib/ts.mjs';
import { row } from '../targets.mjs';

async function measure(ctx) {
  const w = ctx.byId[HEADLINE];
  const repeats = [];
  for (let i = 0; i < ctx.S.freshPages; i++) {
    ctx.log(`reproducibility: ${w.id}, fresh page ${i + 1}/${ctx.S.freshPages}`);
    const context = await ctx.browser.newContext();
    try {
      const page = await openPage(context, ctx.server.url, ctx.log);
      const r = await apiRun(page, { workload: w.id, params: ctx.defaults(w), implementations: ['python', 'rust'], ...ctx.S.reproducibility });
      const { python, rust } = r.implementations;
      repeats.push({
        verified: r.verified,
        work: r.work,
        ratio: r.ratios['python/rust'] ?? null,
        python_ms: python.medianMs,
        rust_ms: rust.medianMs,
        python_samples: python.samplesMs.length,
        rust_samples: rust.samplesMs.length,
        python_warmup_wall_ms: python.warmupWallMs,
        rust_warmup_wall_ms: rust.warmupWallMs,
        flags: r.flags,
      });
    } finally {
      await context.close();
    }
  }
  return { workload: w.id, params: ctx.defaults(w), repeats };
}

function derive(raw, report) {
  // A page that hid its ratio (a flag said it is not a measurement) has none to spread.
  const shown = raw.repeats.map((x) => x.ratio?.value ?? null).filter((x) => x !== null);
  const warm = report.kernels?.[raw.workload];
  return {
    ...raw,
    pages_with_ratio: shown.length,
    ratio_spread: shown.length >= 2 ? spread(shown) : null,
    ratio_min: shown.length ? Math.min(...shown) : null,
    ratio_max: shown.length ? Math.max(...shown) : null,
    python_spread: spread(raw.repeats.map((x) => x.python_ms)),
    rust_spread: spread(raw.repeats.map((x) => x.rust_ms)),
    // How many fresh pages' ratios fall inside another page's within-run interval.
    intervals_covering_all: raw.repeats.filter((x) => x.ratio?.ci95 && shown.every((v) => v >= x.ratio.ci95[0] && v <= x.ratio.ci95[1])).length,
    warm_page_ratio: warm?.python_over_rust ?? null,
  };
}

function targets(h) {
  const n = h.repeats.length;
  const note = h.pages_with_ratio < n ? `${h.pages_with_ratio} of ${n} pages showed a ratio` : null;
  return [row('ratio_spread', `spread of the ${h.workload} ratio over ${n} fresh pages (max/min)`, h.ratio_spread, note)];
}

function explain(_r, report) {
  const h = report.reproducibility;
  return (
    `Python medians spread ${times(h.python_spread, 4)}, Rust medians ${times(h.rust_spread, 4)} across the fresh pages (${report.environment.load_words}). ` +
    'Each page starts its workers, Pyodide and the wasm afresh, so a slow phase after start (tier-up, background compilation) or a change of load shows here and not in any one run\'s interval.'
  );
}

function render(h) {
  const rows = h.repeats.map((r, i) => [
    i + 1,
    ms(r.python_ms),
    ms(r.rust_ms),
    ratioText(r.ratio),
    `${ms(r.python_warmup_wall_ms)} / ${ms(r.rust_warmup_wall_ms)}`,
    `${r.python_samples} / ${r.rust_samples}`,
    flagList(r.flags),
  ]);
  return [
    `${h.workload} (${params(h.params)}), python against rust, in ${h.repeats.length} fresh pages: each a new browser context, so new workers, ` +
      'a fresh Pyodide and a freshly compiled wasm, as a visitor reloading the page would get. The interval beside each ratio is that run\'s own.',
    table(['page', 'Python', 'Rust', 'Python / Rust (95% CI within the run)', 'warm-up, Python / Rust', 'samples, Python / Rust', 'flags'], rows),
    `Spread (max/min) of the ratio over the ${h.pages_with_ratio} fresh pages that showed one: **${sig(h.ratio_spread, 4)}** (${times(h.ratio_min)} to ${times(h.ratio_max)}; target ${bound('ratio_spread')}); ` +
      `of the Python medians ${sig(h.python_spread, 4)}, of the Rust medians ${sig(h.rust_spread, 4)}. ` +
      `${h.intervals_covering_all} of the ${h.repeats.length} within-run intervals ${h.intervals_covering_all === 1 ? 'contains' : 'contain'} every page's ratio. ` +
      (h.warm_page_ratio === null ? '' : `The kernels section's run, in a page that had already run other workloads, gave ${times(h.warm_page_ratio)}.`),
  ];
}

export default { name: 'reproducibility', title: 'Reproducibility: the headline ratio in fresh pages', measure, derive, targets, explain, render };
