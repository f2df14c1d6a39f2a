// The figures of bench/report.json that the pages show (the reference machine's, measured by
// `make bench`), as web/build/reference.ts extracts them at build time into the virtual module
// `virtual:twinbench/reference`. Every figure may be missing: a clone without a report, or an
// older report, still builds.

export type Interval = [number, number];

export interface ReferenceRatio {
  value: number | null;
  ci95: Interval | null;
  flags: string[];
  hidden: boolean;
}

export interface ReferenceKernel {
  params: Record<string, number | string>;
  verified: boolean;
  /** Python (Pyodide) over Rust (wasm) in the page, interleaved in one run. */
  ratio: ReferenceRatio | null;
  pyodideMs: number | null;
  wasmRustMs: number | null;
  cpythonMs: number | null;
  nativeRustMs: number | null;
  /** CPython over native Rust: the ratio a published native claim compares with. */
  nativeRatio: number | null;
  wasmOverNative: number | null;
  pyodideOverCpython: number | null;
}

export interface ReferenceThreads {
  params: Record<string, number | string>;
  threads: number;
  /** rust-threads-1 / rust-threads (the same build), with its interval. */
  speedup: number | null;
  ci95: Interval | null;
  amdahlP: number | null;
}

export interface ReferenceEngineKernel {
  pythonMs: number | null;
  rustMs: number | null;
  ratio: number | null;
  ci95: Interval | null;
  hiddenBy: string[] | null;
  verified: boolean;
  error: string | null;
  slow: ReferenceSlow[];
}

/** One implementation's time more than twice the best engine's for the same kernel. */
export interface ReferenceSlow {
  impl: string;
  overBest: number;
  bestEngine: string;
}

export interface ReferenceEngine {
  label: string;
  version: string | null;
  skipped: string | null;
  /** What the engine gave the isolated page: threads need SharedArrayBuffer (null: not recorded). */
  threads: boolean | null;
  sharedArrayBuffer: boolean | null;
  kernels: Record<string, ReferenceEngineKernel>;
}

export interface ReferenceMachine {
  cpu: string | null;
  cores: number | null;
  os: string | null;
  browser: string | null;
  load: string | null;
  crossOriginIsolated: boolean | null;
}

export interface Reference {
  /** When make bench wrote the report (ISO time); null: no report. */
  generated: string | null;
  machine: ReferenceMachine | null;
  kernels: Record<string, ReferenceKernel>;
  threads: Record<string, ReferenceThreads>;
  startup: { pyodideColdMs: number | null; pyodideWarmMs: number | null; rustInitMs: number | null; firstRustResultMs: number | null } | null;
  sizes: { pyodideGzip: number | null; rustWasmGzip: number | null; threadsWasmGzip: number | null } | null;
  reproducibility: { workload: string; pages: number; ratioMin: number | null; ratioMax: number | null } | null;
  /** The three-engine table (bench/sections/engines.mjs), when the report has one. */
  engines: Record<string, ReferenceEngine> | null;
}

export const NO_REFERENCE: Reference = {
  generated: null,
  machine: null,
  kernels: {},
  threads: {},
  startup: null,
  sizes: null,
  reproducibility: null,
  engines: null,
};

/** "the reference machine (AMD EPYC, 2 cores, Chromium 156), 30 Nov 2026": who measured a reference figure. */
export function referenceMachineWords(r: Reference): string {
  const m = r.machine;
  const what = m ? [m.cpu, m.cores !== null ? `${m.cores} cores` : null, m.browser?.replace(/\s*\(.*\)$/, '')].filter(Boolean).join(', ') : '';
  const when = r.generated ? new Date(r.generated).toISOString().slice(0, 10) : null;
  return `the reference machine${what ? ` (${what})` : ''}${when ? `, ${when}` : ''}`;
}
