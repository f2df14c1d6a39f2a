// How well the headline ratio (python/rust on the headline workload) reproduces: the same
// run repeated, and the spread (max/min) of its ratio.
import { HEADLINE } from '../config.mjs';
import { apiRun } from '../lib/browser.mjs';
import { bound, ci, ms, params, sig, table, times } from '../lib/md.mjs';
import { spread } from '../lib/ts.mjs';
import { row } from '../targets.mjs';

async function measure(ctx) {
  const w = ctx.byId[HEADLINE];
  const page = await ctx.page();
  const repeats = [];
  for (let i = 0; i < ctx.S.stabilityRepeats; i++) {
    ctx.log(`reproducibility: ${w.id} repeat ${i + 1}/${ctx.S.stabilityRepeats}`);
    const r = await apiRun(page, { workload: w.id, params: ctx.defaults(w), implementations: ['python', 'rust'], ...ctx.S.stability });
    repeats.push({
      verified: r.verified,
      ratio: r.ratios['python/rust']?.value ?? null,
      ratio_ci95: r.ratios['python/rust']?.ci95 ?? null,
      python_ms: r.implementations.python.medianMs,
      rust_ms: r.implementations.rust.medianMs,
      flags: r.flags,
    });
  }
  return { workload: w.id, params: ctx.defaults(w), repeats };
}

function derive(raw) {
  const ratios = raw.repeats.map((x) => x.ratio).filter((x) => x !== null);
  return {
    ...raw,
    ratio_spread: ratios.length === raw.repeats.length ? spread(ratios) : null,
    python_spread: spread(raw.repeats.map((x) => x.python_ms)),
    rust_spread: spread(raw.repeats.map((x) => x.rust_ms)),
  };
}

function targets(h) {
  return [row('ratio_spread', `spread of the ${h.workload} ratio over ${h.repeats.length} repeats (max/min)`, h.ratio_spread)];
}

function explain(_r, report) {
  const h = report.reproducibility;
  return `Python medians spread ${times(h.python_spread, 4)}, Rust medians ${times(h.rust_spread, 4)} across the repeats (${report.environment.load_words}): the machine's load changed under the run.`;
}

function render(h) {
  return [
    `${h.workload} (${params(h.params)}), python against rust, ${h.repeats.length} runs in the same page, one after the other.`,
    table(
      ['run', 'Python', 'Rust', 'Python / Rust (95% CI)', 'flags'],
      h.repeats.map((r, i) => [i + 1, ms(r.python_ms), ms(r.rust_ms), `${sig(r.ratio)}× (${ci(r.ratio_ci95)})`, r.flags.join(' ')]),
    ),
    `Spread (max/min) of the ratio: **${sig(h.ratio_spread, 4)}** (target ${bound('ratio_spread')}); of the Python medians ${sig(h.python_spread, 4)}, of the Rust medians ${sig(h.rust_spread, 4)}.`,
  ];
}

export default { name: 'reproducibility', page: 'shared', title: 'Harness stability', measure, derive, targets, explain, render };
