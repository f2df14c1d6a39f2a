// What this browser gives the page (the capability ladder): cross-origin isolation,
// SharedArrayBuffer, wasm threads and the timer tick. The page picks the best build from it
// and says in one line what is off and why; it never falls back silently.

export interface Capabilities {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  /** Shared wasm memory can be created (the threaded build can run). */
  wasmThreads: boolean;
  /** The threaded build is offered: all of the above. */
  threads: boolean;
  /** Stop can interrupt Python in place (Pyodide's interrupt buffer needs shared memory). */
  pythonInterrupt: boolean;
  /** One line for the visitor when something is off; null when everything is on. */
  notice: string | null;
}

export interface Environment extends Omit<Capabilities, 'notice'> {
  userAgent: string;
  hardwareConcurrency: number;
  timerTickMs: number | null;
  coarseTimer: boolean;
  pyodideVersion: string | null;
  pythonVersion: string | null;
  /** Whether Pyodide started from the build's memory snapshot (null before it started). */
  pyodideFromSnapshot: boolean | null;
  /** Whether the twins came imported in the snapshot (false: their sources changed, imported afresh). */
  pythonTwinsFromSnapshot: boolean | null;
  threadedBuildLoaded: boolean;
  notice: string | null;
  version: string;
}

function sharedWasmMemory(): boolean {
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

export function capabilities(g: typeof globalThis = globalThis): Capabilities {
  const coi = g.crossOriginIsolated === true;
  const sab = typeof g.SharedArrayBuffer === 'function';
  const wasmThreads = sab && sharedWasmMemory();
  const threads = coi && wasmThreads;
  let notice: string | null = null;
  if (!coi) notice = 'threads off: this page is not cross-origin isolated (Rust runs single-threaded; Stop restarts Python)';
  else if (!sab) notice = 'threads off: this browser gives no SharedArrayBuffer even to a cross-origin isolated page (WebKitGTK does not yet; Safari does), so Rust runs single-threaded and Stop restarts Python';
  else if (!wasmThreads) notice = 'threads off: this browser cannot share WebAssembly memory between workers (Rust runs single-threaded)';
  return { crossOriginIsolated: coi, sharedArrayBuffer: sab, wasmThreads, threads, pythonInterrupt: coi && sab, notice };
}

/**
 * Timer ticks above this (50 us) are coarse: fine for 10 ms samples, but worth a label. Firefox and
 * WebKit clamp an isolated page to 20 us (measured as 0.0199.. ms, docs/engines.md), Chromium to 5 us;
 * without isolation they give 100 us to 1 ms.
 */
export const COARSE_TICK_MS = 0.05;

/** The environment a result records, from the capabilities and what the workers reported. */
export function describeEnvironment(
  caps: Capabilities,
  facts: { timerTickMs: number; python: Record<string, string | number | boolean> | undefined; threadedBuildLoaded: boolean; version: string },
): Environment {
  const py = facts.python;
  return {
    ...caps,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency ?? 1,
    timerTickMs: facts.timerTickMs,
    coarseTimer: facts.timerTickMs > COARSE_TICK_MS,
    pyodideVersion: py ? String(py.pyodideVersion) : null,
    pythonVersion: py ? String(py.pythonVersion) : null,
    pyodideFromSnapshot: py ? py.fromSnapshot === true : null,
    pythonTwinsFromSnapshot: py ? py.twinsFromSnapshot === true : null,
    threadedBuildLoaded: facts.threadedBuildLoaded,
    version: facts.version,
  };
}
