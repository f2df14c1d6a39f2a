// For each missed target, the measured explanation (what the report's numbers say about why),
// and other findings the numbers show. Every sentence quotes figures from this run (or from
// bench/flags.json, the build-flag experiments), so the text stays true when they change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { medianOf } from './fit.mjs';
import { ms } from './markdown.mjs';

const x = (v, d = 2) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(d)}×`);
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;

/** The release profile and flags the wasm is built with (Cargo.toml, crate/Cargo.toml, .cargo/config.toml). */
export function releaseProfile(repo) {
  const toml = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[profile\.release\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const get = (k) => section.match(new RegExp(`^${k}\\s*=\\s*(.+)$`, 'm'))?.[1]?.trim() ?? null;
  const crate = readFileSync(join(repo, 'crate/Cargo.toml'), 'utf8');
  const opt = crate.match(/^wasm-opt\s*=\s*(.+)$/m)?.[1]?.trim() ?? null;
  const wasmOpt = opt === 'false' ? false : opt?.startsWith('[') ? opt.slice(1, -1).replace(/"/g, '').split(',').map((s) => s.trim()) : null;
  const config = readFileSync(join(repo, '.cargo/config.toml'), 'utf8');
  const rustflags = config.match(/^rustflags\s*=\s*\[(.*)\]/m)?.[1]?.replace(/"/g, '').split(',').map((s) => s.trim()).join(' ') ?? null;
  return { opt_level: get('opt-level'), lto: get('lto'), codegen_units: get('codegen-units'), panic: get('panic'), wasm_opt: wasmOpt, wasm_rustflags: rustflags };
}

function flagLine(report, id) {
  const f = report.flag_experiments;
  const k = f?.kernels?.[id];
  const kr = report.kernels?.[id];
  if (!k || !kr?.native_rust_ms || !kr?.wasm_rust_ms) return null;
  const parts = [];
  for (const [name, v] of Object.entries(k)) {
    if (name === 'project_ms' || name === 'baseline') continue;
    const projected = (kr.wasm_rust_ms * v.over_project) / kr.native_rust_ms;
    parts.push(`${name}: ${x(v.over_project)} the project build's time, so wasm/native ≈ ${x(projected)}`);
  }
  return parts.length ? `Build-flag experiments (bench/flags.json): ${parts.join('; ')}.` : null;
}

export function explain(report, repo) {
  const out = [];
  const prof = releaseProfile(repo);
  const env = report.environment ?? {};
  const load = `load average ${(env.load_average_before ?? []).join(' / ')} before the run and ${(env.load_average_after ?? []).join(' / ')} after`;
  for (const row of report.target_rows ?? []) {
    if (row.met !== false) continue;
    const f = row.figure;
    const texts = [];
    if (f.startsWith('wasm / native')) {
      const id = f.split(', ')[1];
      const k = report.kernels[id];
      const passes = prof.wasm_opt === false ? 'no wasm-opt pass (it made fib slower, bench/flags.json)' : `wasm-opt ${prof.wasm_opt?.join(' ') ?? '?'}`;
      texts.push(
        `wasm ${ms(k.wasm_rust_ms)} against native ${ms(k.native_rust_ms)} per call. The build is not the cause: the release profile has ` +
          `opt-level = ${prof.opt_level}, lto = ${prof.lto}, codegen-units = ${prof.codegen_units}, RUSTFLAGS ${prof.wasm_rustflags ?? '(none)'} and ${passes}.`,
      );
      const fl = flagLine(report, id);
      if (fl) texts.push(fl);
      const scalar = report.flag_experiments?.kernels?.[id]?.['no-simd128'];
      const noSlp = report.flag_experiments?.native?.['native-no-slp']?.ms?.[id];
      if (scalar && scalar.over_project > 1.05) {
        texts.push(
          `The wasm is already built with simd128 (without it, ${x(scalar.over_project)} the time). Native x86-64 still gets more from LLVM's SLP vectoriser ` +
            (noSlp ? `(native with it off: ${ms(noSlp)}, so scalar native is ${x(noSlp / k.native_rust_ms)} the vectorised time)` : '') +
            '. No build flag measured closes the rest: it is V8\'s code generation for this loop against LLVM\'s x86 back end, the limit on this engine.',
        );
      } else if (scalar) {
        texts.push(
          'SIMD does not help this kernel, so the remaining gap is V8\'s code generation for this loop (TurboFan against LLVM\'s x86 back end) plus the ' +
            'bounds checks both sides keep; measured, it is the limit of this kernel on this engine.',
        );
      }
    } else if (f.startsWith('python-pool')) {
      const p = report.pool.python;
      const nat = p.native_cpython;
      const one = p.by_workers.find((r) => r.workers === 1);
      texts.push(
        `1 worker ${ms(one?.pool_ms)} against ${p.workers} workers ${ms(p.by_workers.at(-1).pool_ms)} per call` +
          (nat ? `; native CPython's multiprocessing.Pool on the same machine in the same run: ${x(nat.steady_speedup)} (${ms(nat.by_workers[0].median_ms)} → ${ms(nat.by_workers.at(-1).median_ms)})` : '') +
          `. A pool of 1 costs ${x(one ? one.pool_ms / one.single_ms : null)} the single worker's time (messages and result handling).`,
      );
      if (nat && nat.steady_speedup < 1.7) {
        texts.push(`Native processes do not reach the target either, so the limit is the machine (2 shared cores; ${load}), not the pool.`);
      } else if (nat) {
        texts.push(`Native processes do reach it, so the pool in the page loses ${x(nat.steady_speedup / p.steady_speedup)} against them.`);
      }
    } else if (f.startsWith('rust-threads speedup')) {
      const t = report.threads.mandelbrot;
      texts.push(
        `rust-threads ${ms(t.by_threads.at(-1).rust_threads_ms)} against single-threaded rust ${ms(t.by_threads.at(-1).rust_ms)}; native rayon on the same cores ` +
          `reaches ${x(report.native_threads?.mandelbrot?.speedup ?? null)} (${load}).`,
      );
    } else if (f.startsWith('Pyodide')) {
      const s = report.startup;
      const warm = f.includes('warm');
      const runs = warm ? s.runs.pyodide_warm : s.runs.pyodide_cold;
      const node = s.pyodide_in_node;
      texts.push(
        `Of ${ms(warm ? s.pyodide_warm_ms : s.pyodide_cold_ms)} from navigation to ready, loadPyodide inside the worker takes ${ms(warm ? s.pyodide_warm_load_in_worker_ms : s.pyodide_cold_load_in_worker_ms)}` +
          `; the page API is up after ${ms(runs[0]?.api_ready_ms)}. ` +
          (warm ? `The warm load downloads nothing: ${runs.map((r) => `${r.status_304} of ${r.requests}`).join(', ')} requests were answered 304. ` : ''),
      );
      const snap = runs.every((r) => r.from_snapshot === true);
      if (node) {
        texts.push(
          `Pyodide's own bootstrap is CPU-bound: loadPyodide in Node, with no page, worker or network, takes ${ms(node.load_ms)} on this machine, and ` +
            `${ms(node.snapshot_load_ms)} from a memory snapshot. ` +
            (snap
              ? 'The worker already starts from the snapshot made at build time (scripts/make-pyodide-snapshot.mjs); what remains is compiling Pyodide\'s 9.6 MB wasm and fetching its files.'
              : 'Proposed fix: start the worker from a memory snapshot made at build time.'),
        );
      }
    } else if (f.startsWith('first Rust')) {
      const s = report.startup;
      texts.push(`page API ready after ${ms(medianOf(s.runs.rust.map((r) => r.api_ready_ms)))}, wasm instantiate ${ms(s.rust_init_ms)} (${load}).`);
    } else if (f.startsWith('spread')) {
      const h = report.harness;
      texts.push(`Python medians spread ${x(h.python_spread, 3)}, Rust medians ${x(h.rust_spread, 3)} across the repeats (${load}): the machine's load changed under the run.`);
    } else if (f.startsWith('single-threaded wasm')) {
      texts.push('see the sizes section.');
    }
    out.push({ figure: f, text: texts.join(' ') });
  }
  return out;
}

/** Other findings the numbers show (not targets, but things the site should know). */
export function findings(report) {
  const out = [];
  const sc = report.kernels?.['shared-counter'];
  if (sc && sc.wasm_over_native !== null && sc.wasm_over_native < 0.05) {
    out.push(
      `**shared-counter measures nothing on single-threaded Rust**: ${ms(sc.wasm_rust_ms)} per call in wasm against ${ms(sc.native_rust_ms)} natively for ` +
        `${sc.params.increments} increments. Without atomics, wasm's Mutex is a plain cell, so LLVM folds the increment loop into one addition ` +
        `(the Python/Rust ratio of ${Math.round(sc.python_over_rust)}× on the page is an artefact). The threaded build keeps real atomics (rust-threads on 1 thread: ` +
        `${ms(report.threads?.['shared-counter']?.by_threads?.[0]?.rust_threads_ms)}).`,
    );
  }
  for (const [key, t] of Object.entries(report.threads ?? {})) {
    if (t.speedup !== null && t.speedup < 0.9) {
      out.push(
        `rust-threads makes **${key}** (${Object.entries(t.params).map(([k, v]) => `${k}=${v}`).join(', ')}) slower: ${x(t.speedup)} on ${t.threads} threads ` +
          `(${ms(t.by_threads.at(-1).rust_ms)} single-threaded, ${ms(t.by_threads.at(-1).rust_threads_ms)} threaded; on 1 thread ${ms(t.by_threads[0].rust_threads_ms)}).`,
      );
    }
  }
  for (const c of report.pyodide_at_caps?.rows ?? []) {
    if (c.over_flag) out.push(`Pyodide at the cap ${c.workload} ${c.param}=${c.value} takes ${ms(c.pyodide_ms)} per call (over ${ms(report.pyodide_at_caps.flag_ms)}).`);
  }
  for (const c of report.pyodide_at_caps?.all_caps_at_once_estimated ?? []) {
    if (c.over_flag) {
      out.push(
        `${c.workload} with every parameter at its Python cap at once (${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(', ')}) would take about ` +
          `${ms(c.estimated_pyodide_ms)} per Pyodide call (estimated); the page accepts it because each cap is checked on its own.`,
      );
    }
  }
  return out;
}
