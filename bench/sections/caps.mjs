// Pyodide per call with each parameter at its page_max_python (the others at their defaults),
// and every capped parameter at once, estimated from those.
import { CAP_FLAG_MS } from '../config.mjs';
import { apiRun } from '../lib/browser.mjs';
import { ms, params, table } from '../lib/md.mjs';

const OVER = `**over ${ms(CAP_FLAG_MS)}**`;

async function measure(ctx) {
  const page = await ctx.page();
  const rows = [];
  for (const w of ctx.workloads) {
    for (const p of w.params) {
      if (p.type === 'choice' || p.page_max_python === undefined || p.page_max_python === p.default) continue;
      const ps = { ...ctx.defaults(w), [p.name]: p.page_max_python };
      ctx.log(`caps: ${w.id} ${p.name}=${p.page_max_python} (Pyodide)`);
      const py = (await apiRun(page, { workload: w.id, params: ps, implementations: ['python'], maxSamples: 1, timeBudgetMs: 1 })).implementations.python;
      rows.push({ workload: w.id, param: p.name, value: p.page_max_python, params: ps, pyodide_ms: py.medianMs, warmup_call_ms: py.warmupMs[0] ?? null });
    }
  }
  return { rows };
}

function derive(raw, report) {
  const rows = raw.rows.map((r) => ({ ...r, over_flag: r.pyodide_ms > CAP_FLAG_MS }));
  // The work of these kernels is a product of their parameters' factors.
  const combined = [];
  for (const id of [...new Set(rows.map((r) => r.workload))]) {
    const mine = rows.filter((r) => r.workload === id);
    const t0 = report.kernels?.[id]?.pyodide_ms;
    if (mine.length < 2 || !t0) continue;
    const est = mine.reduce((acc, r) => acc * (r.pyodide_ms / t0), t0);
    combined.push({ workload: id, params: Object.fromEntries(mine.map((r) => [r.param, r.value])), estimated_pyodide_ms: est, over_flag: est > CAP_FLAG_MS });
  }
  return { flag_ms: CAP_FLAG_MS, rows, all_caps_at_once_estimated: combined };
}

function findings(report) {
  const c = report.caps;
  return [
    ...c.rows.filter((r) => r.over_flag).map((r) => `Pyodide at the cap ${r.workload} ${r.param}=${r.value} takes ${ms(r.pyodide_ms)} per call (over ${ms(c.flag_ms)}).`),
    ...c.all_caps_at_once_estimated
      .filter((r) => r.over_flag)
      .map(
        (r) =>
          `${r.workload} with every parameter at its Python cap at once (${params(r.params)}) would take about ` +
          `${ms(r.estimated_pyodide_ms)} per Pyodide call (estimated); the page accepts it because each cap is checked on its own.`,
      ),
  ];
}

function render(c) {
  const est = c.all_caps_at_once_estimated;
  return [
    `One call with one parameter at its \`page_max_python\` (the others at their defaults), after a warm-up call. The catalog's caps assume about 2-3 s; ` +
      `calls over ${ms(c.flag_ms)} are flagged.`,
    table(
      ['workload', 'parameter at its cap', 'Pyodide, one call', 'warm-up call', ''],
      c.rows.map((r) => [r.workload, `${r.param}=${r.value}`, ms(r.pyodide_ms), ms(r.warmup_call_ms), r.over_flag ? OVER : '']),
    ),
    est.length
      ? 'The page checks each parameter against its cap on its own, so a visitor can set all of them at once. Estimated from the rows above (product of each parameter\'s factor over the default):'
      : null,
    est.length ? table(['workload', 'all at their caps', 'estimated Pyodide call', ''], est.map((r) => [r.workload, params(r.params), ms(r.estimated_pyodide_ms), r.over_flag ? OVER : ''])) : null,
  ];
}

export default { name: 'caps', page: 'shared', title: 'Pyodide at the page caps', measure, derive, findings, render };
