// Every target of the benchmark, once. Sections report figures against these ids, and the
// report's prose quotes them through `bound` (so no target is typed twice).
import { meets } from './lib/ts.mjs';

//   kind 'max': the figure must be at most `value`; 'min': at least.  unit: 'x', 'ms' or 'B'.
export const TARGETS = {
  wasm_loop: { value: 1.25, kind: 'max', unit: 'x', what: 'wasm / native Rust time, loop kernels' },
  wasm_call: { value: 2.0, kind: 'max', unit: 'x', what: 'wasm / native Rust time, call- or allocation-heavy kernels' },
  threads_large_2: { value: 1.8, kind: 'min', unit: 'x', what: 'rust-threads speedup on 2 threads at a large n' },
  // Every parallel workload at its defaults, against rust-threads-1; where native rayon on the
  // same machine gets less than this, the bound is NATIVE_SHARE of the native speedup.
  threads_2: { value: 1.7, kind: 'min', unit: 'x', what: 'rust-threads speedup on 2 threads, a parallel workload at its defaults' },
  threads_2_binary_trees: { value: 1.5, kind: 'min', unit: 'x', what: 'rust-threads speedup on 2 threads, binary-trees at its defaults' },
  python_pool_2: { value: 1.7, kind: 'min', unit: 'x', what: 'python-pool steady-state speedup on 2 workers' },
  first_rust_result_ms: { value: 1000, kind: 'max', unit: 'ms', what: 'first Rust result after navigation' },
  pyodide_cold_ms: { value: 3000, kind: 'max', unit: 'ms', what: 'Pyodide cold start' },
  pyodide_warm_ms: { value: 1500, kind: 'max', unit: 'ms', what: 'Pyodide warm start' },
  // Python's start against the first Rust result of the same run (absolute times change from
  // machine to machine; these ratios do not).
  python_cold_over_rust: { value: 3.0, kind: 'max', unit: 'x', what: 'first visit: navigation to Python ready / first Rust result' },
  python_warm_over_rust: { value: 2.0, kind: 'max', unit: 'x', what: 'warm visit: navigation to Python ready / first Rust result' },
  python_click_over_rust: { value: 4.0, kind: 'max', unit: 'x', what: 'first visit: click on Run to the first Python result / first Rust result' },
  rust_wasm_single_gzip: { value: 150_000, kind: 'max', unit: 'B', what: 'single-threaded wasm, gzip' },
  // issue 12: the loader plus everything the widget fetches before Run, gzip.
  widget_before_run_gzip: { value: 30_000, kind: 'max', unit: 'B', what: 'widget before Run, gzip' },
  ratio_spread: { value: 1.1, kind: 'max', unit: 'x', what: 'max/min of the headline ratio over fresh pages' },
};

/** Where native rayon gets less than a thread target, the target is this share of its speedup. */
export const NATIVE_SHARE = 0.9;

/** The thread target of a workload at its defaults: its id, and the bound given native rayon's speedup. */
export function threadTarget(workload, nativeSpeedup) {
  const id = workload === 'binary-trees' ? 'threads_2_binary_trees' : 'threads_2';
  const base = target(id).value;
  const byNative = typeof nativeSpeedup === 'number' && Number.isFinite(nativeSpeedup) && nativeSpeedup < base;
  return { id, bound: byNative ? NATIVE_SHARE * nativeSpeedup : base, byNative };
}

/** The wasm/native target of a catalog `category` ("loop" | "call"); undefined for none. */
export const WASM_TARGET_BY_CATEGORY = { loop: 'wasm_loop', call: 'wasm_call' };

export function target(id) {
  const t = TARGETS[id];
  if (!t) throw new Error(`unknown target ${id}`);
  return t;
}

/** Whether `value` meets target `id`: true, false, or null when there is no value. */
export function reaches(value, id) {
  const t = target(id);
  return meets(value ?? null, t.value, t.kind);
}

/** One row of the targets table: a figure measured against target `id` (or against `bound`, a bound of its own). */
export function row(id, figure, value, note = null, bound = null) {
  const t = target(id);
  const v = value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
  const b = bound ?? t.value;
  return { target: id, figure, value: v, bound: b, kind: t.kind, unit: t.unit, met: meets(v, b, t.kind), note };
}
