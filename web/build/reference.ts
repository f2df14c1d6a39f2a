// bench/report.json, slimmed at build time to the figures the pages show (web/src/shared/reference.ts
// says what each is). Defensive: any figure the report lacks becomes null, never a build failure.
import {
  NO_REFERENCE,
  type Interval,
  type Reference,
  type ReferenceEngine,
  type ReferenceKernel,
  type ReferenceRatio,
  type ReferenceThreads,
} from '../src/shared/reference.ts';

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {});
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const interval = (x: unknown): Interval | null =>
  Array.isArray(x) && x.length === 2 && num(x[0]) !== null && num(x[1]) !== null ? [x[0] as number, x[1] as number] : null;
const params = (x: unknown): Record<string, number | string> =>
  Object.fromEntries(Object.entries(obj(x)).filter(([, v]) => typeof v === 'number' || typeof v === 'string')) as Record<string, number | string>;
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

function ratio(x: unknown): ReferenceRatio | null {
  const r = obj(x);
  if (!('value' in r)) return null;
  return { value: num(r.value), ci95: interval(r.ci95), flags: strings(r.flags), hidden: r.hidden === true };
}

function kernel(x: unknown): ReferenceKernel {
  const k = obj(x);
  const cpython = num(k.cpython_ms);
  const native = num(k.native_rust_ms);
  return {
    params: params(k.params),
    verified: k.verified === true,
    ratio: ratio(k.ratio),
    pyodideMs: num(k.pyodide_ms),
    wasmRustMs: num(k.wasm_rust_ms),
    cpythonMs: cpython,
    nativeRustMs: native,
    nativeRatio: cpython !== null && native !== null && native > 0 ? cpython / native : null,
    wasmOverNative: num(k.wasm_over_native),
    pyodideOverCpython: num(k.pyodide_over_cpython),
  };
}

function threads(x: unknown): ReferenceThreads {
  const t = obj(x);
  return {
    params: params(t.params),
    threads: num(t.threads) ?? 0,
    speedup: num(t.speedup_vs_threads1),
    ci95: interval(t.speedup_vs_threads1_ci95),
    amdahlP: num(t.amdahl_p_vs_threads1),
  };
}

function engine(x: unknown): ReferenceEngine {
  const e = obj(x);
  const kernels: ReferenceEngine['kernels'] = {};
  for (const [id, v] of Object.entries(obj(e.kernels))) {
    const k = obj(v);
    const hidden = strings(k.python_over_rust_hidden);
    kernels[id] = {
      pythonMs: num(k.python_ms),
      rustMs: num(k.rust_ms),
      ratio: num(k.python_over_rust),
      ci95: interval(k.python_over_rust_ci95),
      hiddenBy: Array.isArray(k.python_over_rust_hidden) ? hidden : null,
      verified: k.verified === true,
      error: str(k.error),
      slow: (Array.isArray(k.slow) ? k.slow : []).map(obj).flatMap((x) => {
        const impl = str(x.impl);
        const overBest = num(x.over_best);
        const bestEngine = str(x.best_engine);
        return impl !== null && overBest !== null && bestEngine !== null ? [{ impl, overBest, bestEngine }] : [];
      }),
    };
  }
  const caps = obj(e.capabilities);
  const bool = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);
  return {
    label: str(e.label) ?? 'engine',
    version: str(e.version),
    skipped: str(e.skipped),
    threads: bool(caps.threads),
    sharedArrayBuffer: bool(caps.shared_array_buffer),
    kernels,
  };
}

export function slimReport(report: unknown): Reference {
  if (typeof report !== 'object' || report === null) return NO_REFERENCE;
  const r = obj(report);
  const env = obj(r.environment);
  const page = obj(env.page);
  const startup = obj(r.startup);
  const gz = obj(obj(r.sizes).gzip_bytes);
  const repro = obj(r.reproducibility);
  const engines = obj(r.engines);
  return {
    generated: str(r.generated),
    machine: {
      cpu: str(env.cpu_model),
      cores: num(env.cores),
      os: str(env.os),
      browser: str(env.browser),
      load: str(env.load_words),
      crossOriginIsolated: typeof page.crossOriginIsolated === 'boolean' ? page.crossOriginIsolated : null,
    },
    kernels: Object.fromEntries(Object.entries(obj(r.kernels)).map(([id, k]) => [id, kernel(k)])),
    threads: Object.fromEntries(Object.entries(obj(r.threads)).map(([id, t]) => [id, threads(t)])),
    startup: {
      pyodideColdMs: num(startup.pyodide_cold_ms),
      pyodideWarmMs: num(startup.pyodide_warm_ms),
      rustInitMs: num(startup.rust_init_ms),
      firstRustResultMs: num(startup.first_rust_result_ms),
    },
    sizes: { pyodideGzip: num(gz.pyodide), rustWasmGzip: num(gz.rust_wasm_single), threadsWasmGzip: num(gz.rust_wasm_threads) },
    reproducibility: str(repro.workload)
      ? {
          workload: str(repro.workload) ?? '',
          pages: num(repro.pages_with_ratio) ?? 0,
          ratioMin: num(repro.ratio_min),
          ratioMax: num(repro.ratio_max),
        }
      : null,
    engines: Object.keys(engines).length ? Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, engine(e)])) : null,
  };
}
