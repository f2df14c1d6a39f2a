// Every workload at its catalog defaults: native Rust (criterion), wasm Rust and Pyodide in the
// page (one interleaved run), native CPython; wasm/native against the target of its category.
import { apiRun } from '../lib/browser.mjs';
import { CI_WORDS, bound, boundWords, ms, params, table, times } from '../lib/md.mjs';
import { keep, ratioFlags, ratioText, verifiedText } from '../lib/result.mjs';
import { cpython } from '../lib/native.mjs';
import { WASM_TARGET_BY_CATEGORY, row } from '../targets.mjs';

async function measure(ctx) {
  const { workloads, defaults, S } = ctx;
  const read = ctx.criterion();
  const native = Object.fromEntries(workloads.map((w) => [w.id, read(w.id)]));
  ctx.log(`native CPython: ${workloads.length} cases`);
  const cpy = cpython(ctx.repo, S.cpython, workloads.map((w) => ({ workload: w.id, params: defaults(w) })));
  const page = await ctx.page();
  const browser = {};
  for (const w of workloads) {
    ctx.log(`kernels: ${w.id} python vs rust`);
    browser[w.id] = keep(await apiRun(page, { workload: w.id, params: defaults(w), implementations: ['python', 'rust'], ...S.kernel }));
  }
  return {
    categories: Object.fromEntries(workloads.map((w) => [w.id, w.category ?? null])),
    defaults: Object.fromEntries(workloads.map((w) => [w.id, defaults(w)])),
    native,
    cpython: cpy,
    browser,
  };
}

function derive(raw) {
  const out = {};
  for (const [id, category] of Object.entries(raw.categories)) {
    const k = raw.browser?.[id];
    const n = raw.native?.[id];
    const c = raw.cpython?.results.find((x) => x.workload === id);
    const wasm = k?.impls.rust?.median_ms ?? null;
    const pyo = k?.impls.python?.median_ms ?? null;
    const ratio = k?.ratios['python/rust'] ?? null;
    out[id] = {
      params: k?.params ?? raw.defaults[id],
      category,
      native_rust_ms: n?.median_ms ?? null,
      wasm_rust_ms: wasm,
      wasm_over_native: n && wasm !== null ? wasm / n.median_ms : null,
      wasm_overhead_ms: k?.impls.rust?.overhead_ms ?? null,
      cpython_ms: c?.median_ms ?? null,
      pyodide_ms: pyo,
      pyodide_over_cpython: c && pyo !== null ? pyo / c.median_ms : null,
      python_over_rust: ratio?.value ?? null,
      python_over_rust_ci95: ratio?.ci95 ?? null,
      ratio: ratio,
      verified: k?.verified ?? null,
      output: k?.output ?? null,
      work: k?.work ?? null,
      flags: k?.flags ?? [],
      cpython_output_matches: k && c ? c.output === k.output : null,
      cpython_work_matches: k && c?.work !== undefined ? c.work === k.work : null,
    };
  }
  return out;
}

/** One row per kernel with a wasm/native target, loop kernels first, each in catalog order. */
function targets(kernels) {
  return Object.entries(WASM_TARGET_BY_CATEGORY).flatMap(([category, id]) =>
    Object.entries(kernels)
      .filter(([, k]) => k.category === category)
      .map(([wid, k]) => ({ ...row(id, `wasm / native, ${wid}`, k.wasm_over_native), workload: wid })),
  );
}

const withOverhead = (t, o) => (o === null || o === undefined ? ms(t) : `${ms(t)} (${ms(o)})`);

function render(kernels, report) {
  const env = report.environment ?? {};
  const cpy = report.raw.kernels.cpython;
  const page = Object.entries(kernels).map(([id, k]) => [
    id,
    params(k.params),
    ms(k.pyodide_ms),
    withOverhead(k.wasm_rust_ms, k.wasm_overhead_ms),
    ratioText(k.ratio),
    ratioFlags(k.ratio),
    verifiedText(k),
  ]);
  const native = Object.entries(kernels).map(([id, k]) => {
    const t = WASM_TARGET_BY_CATEGORY[k.category];
    const met = report.target_rows.find((r) => r.workload === id)?.met;
    return [
      id,
      ms(k.native_rust_ms),
      ms(k.wasm_rust_ms),
      `${times(k.wasm_over_native)}${t ? ` (${bound(t)})` : ''}${met === true ? ' ✓' : met === false ? ' ✗' : ''}`,
      ms(k.cpython_ms),
      ms(k.pyodide_ms),
      times(k.pyodide_over_cpython),
      k.cpython_output_matches === null ? 'n/a' : k.cpython_output_matches && k.cpython_work_matches !== false ? 'yes' : '**NO**',
    ];
  });
  return [
    'Python and Rust in the page: one run per workload with interleaved samples (`implementations: [\'python\', \'rust\']`), medians per call; ' +
      'the Rust column gives in brackets the per-call time of an empty kernel called the same way (the same batch loop, lookup and result conversion), which its time includes. ' +
      `${CI_WORDS} A ratio carrying a flag is uncertain (the flag says why); a hidden one is not a measurement (e.g. \`work-not-scaling\`: the time did not grow with the work). ` +
      '"Verified" means every implementation gave the same output and the same work digest, a hash of work-dependent state that changes when any of the work is skipped.',
    table(['workload', 'params', 'Python (Pyodide)', 'Rust (wasm) (empty kernel)', 'Python / Rust (95% CI within this run)', 'flags', 'verified: output · work digest'], page),
    'Against native: native Rust is criterion\'s median (`cargo bench --bench kernels`, the same sequential kernel); native CPython runs the twin directly ' +
      `(bench/cpython.py, CPython ${cpy?.python ?? '?'}; Pyodide runs CPython ${env.page?.pythonVersion ?? '?'}). ` +
      `Targets for wasm/native: ${boundWords('wasm_loop')} for loop kernels, ${boundWords('wasm_call')} for call- or allocation-heavy ones (the catalog's \`category\`).`,
    table(['workload', 'native Rust', 'wasm Rust', 'wasm / native', 'native CPython', 'Pyodide', 'Pyodide / CPython', 'CPython gives the same output and work'], native),
  ];
}

/** The build-flag experiments' view of one kernel: what each variant would make of wasm/native. */
function flagLine(report, id) {
  const k = report.build_flags?.kernels?.[id];
  const kr = report.kernels[id];
  if (!k || !kr.native_rust_ms || !kr.wasm_rust_ms) return null;
  const parts = [];
  for (const [name, v] of Object.entries(k)) {
    if (name === 'project_ms' || name === 'baseline') continue;
    parts.push(`${name}: ${times(v.over_project)} the project build's time, so wasm/native ≈ ${times((kr.wasm_rust_ms * v.over_project) / kr.native_rust_ms)}`);
  }
  return parts.length ? `Build-flag experiments (bench/flags.json): ${parts.join('; ')}.` : null;
}

/** Why a kernel misses its wasm/native target, from this run's figures and bench/flags.json. */
function explain(r, report) {
  const k = report.kernels[r.workload];
  const prof = report.environment.build_profile ?? {};
  const passes = prof.wasm_opt === false ? 'no wasm-opt pass (it made fib slower, bench/flags.json)' : `wasm-opt ${prof.wasm_opt?.join(' ') ?? '?'}`;
  const texts = [
    `wasm ${ms(k.wasm_rust_ms)} against native ${ms(k.native_rust_ms)} per call. The build is not the cause: the release profile has ` +
      `opt-level = ${prof.opt_level}, lto = ${prof.lto}, codegen-units = ${prof.codegen_units}, RUSTFLAGS ${prof.wasm_rustflags ?? '(none)'} and ${passes}.`,
  ];
  const fl = flagLine(report, r.workload);
  if (fl) texts.push(fl);
  const scalar = report.build_flags?.kernels?.[r.workload]?.['no-simd128'];
  const noSlp = report.build_flags?.native?.['native-no-slp']?.ms?.[r.workload];
  if (scalar && scalar.over_project > 1.05) {
    texts.push(
      `The wasm is already built with simd128 (without it, ${times(scalar.over_project)} the time). Native x86-64 still gets more from LLVM's SLP vectoriser ` +
        (noSlp ? `(native with it off: ${ms(noSlp)}, so scalar native is ${times(noSlp / k.native_rust_ms)} the vectorised time)` : '') +
        '. No build flag measured closes the rest: it is V8\'s code generation for this loop against LLVM\'s x86 back end, the limit on this engine.',
    );
  } else if (report.build_flags?.kernels?.[r.workload]) {
    texts.push(
      'None of the build variants measured closes the gap, so it is not the build\'s flags; what remains is the engine (V8\'s code generation against ' +
        'LLVM\'s x86 back end and, for an allocation-heavy kernel, an allocator in wasm\'s linear memory against the system\'s), which this benchmark does not measure apart.',
    );
  }
  return texts.join(' ');
}

/** Every ratio the page hid, and why (a folded kernel's ratio would be an artefact). */
function findings(report) {
  return Object.entries(report.kernels)
    .filter(([, k]) => k.ratio?.hidden)
    .map(([id, k]) => `**${id}** (${params(k.params)}): the page hid its Python/Rust ratio. ${k.flags.filter((f) => f.hidesRatio).map((f) => f.message).join(' ')}`);
}

export default { name: 'kernels', page: 'shared', criterion: null, title: 'Kernels at their catalog defaults', measure, derive, targets, explain, findings, render };
