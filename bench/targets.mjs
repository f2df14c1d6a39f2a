// Every target of the benchmark, once. Sections report figures against these ids, and the
// report's prose quotes them through `bound` (so no target is typed twice).
import { meets } from './lib/ts.mjs';

//   kind 'max': the figure must be at most `value`; 'min': at least.  unit: 'x', 'ms' or 'B'.
export const TARGETS = {
  wasm_loop: { value: 1.25, kind: 'max', unit: 'x', what: 'wasm / native Rust time, loop kernels' },
  wasm_call: { value: 2.0, kind: 'max', unit: 'x', what: 'wasm / native Rust time, call- or allocation-heavy kernels' },
  threads_large_2: { value: 1.8, kind: 'min', unit: 'x', what: 'rust-threads speedup on 2 threads at a large n' },
  python_pool_2: { value: 1.7, kind: 'min', unit: 'x', what: 'python-pool steady-state speedup on 2 workers' },
  first_rust_result_ms: { value: 1000, kind: 'max', unit: 'ms', what: 'first Rust result after navigation' },
  pyodide_cold_ms: { value: 3000, kind: 'max', unit: 'ms', what: 'Pyodide cold start' },
  pyodide_warm_ms: { value: 1500, kind: 'max', unit: 'ms', what: 'Pyodide warm start' },
  rust_wasm_single_gzip: { value: 150_000, kind: 'max', unit: 'B', what: 'single-threaded wasm, gzip' },
  widget_before_run_gzip: { value: 60_000, kind: 'max', unit: 'B', what: 'widget before Run, gzip' },
  ratio_spread: { value: 1.1, kind: 'max', unit: 'x', what: 'max/min of the headline ratio over fresh pages' },
};

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

/** One row of the targets table: a figure measured against target `id`. */
export function row(id, figure, value, note = null) {
  const t = target(id);
  const v = value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
  return { target: id, figure, value: v, bound: t.value, kind: t.kind, unit: t.unit, met: meets(v, t.value, t.kind), note };
}
