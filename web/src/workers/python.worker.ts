// The Python runtime: Pyodide in its own worker, with the twins (pyodide_glue/twinbench)
// written into its file system. Timing happens in Python (twinbench.harness) around the
// kernel calls only. Python calls Rust through `twinbench_rs`, the single-threaded wasm
// exports registered as a Python module when first needed.
import * as Comlink from 'comlink';
import type { PyodideAPI } from 'pyodide';
import type { Failure, InitReply, RuntimeWorkerApi, SampleReply, ShardReply } from '../shared/protocol';
import { toPayload } from '../shared/output';
import { ParamError, validate, workloadSpec } from '../shared/params';
import { measureTimerTick } from './timer';

// The Python package, as text, bundled with this worker (Vite reloads the page when it changes).
const SOURCES = import.meta.glob('../../../pyodide_glue/twinbench/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const HOME = '/home/pyodide';
/** Program output kept per run; the rest is dropped with a marker, so a print loop cannot flood the page. */
export const STDOUT_CAP = 64 * 1024;

type PyCallable = ((...args: unknown[]) => { toJs(): unknown; destroy(): void }) & { destroy(): void };

let py: PyodideAPI | null = null;
let harness: { sample: PyCallable; shard: PyCallable } | null = null;
let rustRegistered = false;
let dead: Failure | null = null;
let interrupt: Int32Array | undefined;
let stdout = '';
let dropped = 0;

function capture(text: string): void {
  const room = STDOUT_CAP - stdout.length;
  if (room >= text.length + 1) stdout += `${text}\n`;
  else {
    if (room > 0) stdout += text.slice(0, room);
    dropped += text.length + 1 - Math.max(room, 0);
  }
}

function takeStdout(): string | undefined {
  const out = dropped > 0 ? `${stdout}\n[output truncated: ${dropped} more characters]` : stdout;
  stdout = '';
  dropped = 0;
  return out === '' ? undefined : out;
}

function classify(e: unknown): Failure {
  if (e instanceof ParamError) return { kind: 'param', message: e.message, dead: false };
  const type = (e as { type?: unknown }).type;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof type === 'string') {
    // A Python exception: its traceback is the message.
    if (type === 'KeyboardInterrupt') return { kind: 'cancelled', message: 'stopped (KeyboardInterrupt)', dead: false };
    if (type === 'ParamError') return { kind: 'param', message: lastLine(message), dead: false };
    return { kind: 'python', message: message.trim(), dead: false };
  }
  // Anything else means Pyodide itself failed: a fatal error disables the instance for good.
  return { kind: 'fatal', message: `Pyodide failed and must restart: ${message}`, dead: true };
}

function lastLine(traceback: string): string {
  const line = traceback.trim().split('\n').pop() ?? traceback;
  return line.replace(/^[\w.]*ParamError: /, '');
}

function ready(): NonNullable<typeof harness> {
  if (dead) throw new Error(`this Pyodide instance is dead (${dead.message}); the worker must be replaced`);
  if (!harness) throw new Error('the Python worker was not initialised');
  return harness;
}

async function registerRust(py: PyodideAPI): Promise<number> {
  const t0 = performance.now();
  const rust = await import('../wasm/st/twinbench.js');
  await rust.default();
  py.registerJsModule('twinbench_rs', rust);
  rustRegistered = true;
  return performance.now() - t0;
}

/**
 * Pyodide's memory right after its bootstrap, made at build time (scripts/make-pyodide-snapshot.mjs).
 * Null when it is missing or unreadable: the worker then starts Pyodide the slow way.
 */
async function fetchSnapshot(indexURL: string): Promise<Uint8Array | null> {
  try {
    const res = await fetch(`${indexURL}snapshot.bin.gz`);
    if (!res.ok) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A host that sends it with Content-Encoding: gzip has had it inflated by the browser.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  } catch {
    return null;
  }
}

/** Call into Python and turn the (ms, output) tuple into JavaScript values. */
function callTimed(fn: PyCallable, args: unknown[]): [number, string | Uint8Array] {
  const result = fn(...args);
  try {
    return result.toJs() as [number, string | Uint8Array];
  } finally {
    result.destroy();
  }
}

const api: RuntimeWorkerApi = {
  async init(req): Promise<InitReply> {
    const t0 = performance.now();
    const indexURL = new URL('pyodide/', req.baseUrl).href;
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
    const snapshot = await fetchSnapshot(indexURL);
    const tSnapshot = performance.now();
    let fromSnapshot = false;
    if (snapshot) {
      try {
        py = await loadPyodide({ indexURL, stdout: capture, stderr: capture, _loadSnapshot: snapshot });
        // The snapshot froze `random`'s state (the bootstrap imports it): reseed from
        // os.urandom, so each worker draws its own numbers as a fresh start would.
        py.runPython('import random; random.seed()');
        fromSnapshot = true;
      } catch {
        py = null; // an unusable snapshot costs time, never the worker
      }
    }
    py ??= await loadPyodide({ indexURL, stdout: capture, stderr: capture });
    const t1 = performance.now();
    for (const [path, text] of Object.entries(SOURCES)) {
      const rel = path.slice(path.indexOf('pyodide_glue/') + 'pyodide_glue/'.length);
      py.FS.mkdirTree(`${HOME}/${rel.slice(0, rel.lastIndexOf('/'))}`);
      py.FS.writeFile(`${HOME}/${rel}`, text);
    }
    py.runPython(`import sys\nif ${JSON.stringify(HOME)} not in sys.path: sys.path.insert(0, ${JSON.stringify(HOME)})`);
    const mod = py.pyimport('twinbench.harness') as unknown as { sample: PyCallable; shard: PyCallable };
    harness = { sample: mod.sample, shard: mod.shard };
    if (req.interruptBuffer) {
      interrupt = req.interruptBuffer;
      py.setInterruptBuffer(interrupt);
    }
    const t2 = performance.now();
    const pythonVersion = String(py.runPython('import sys; sys.version.split()[0]'));
    return {
      runtime: 'python',
      // snapshotFetch counts from t0: it includes importing pyodide.mjs (18 kB).
      coldMs: { pyodideLoad: t1 - t0, snapshotFetch: tSnapshot - t0, packageImport: t2 - t1 },
      info: { pyodideVersion: py.version, pythonVersion, interruptible: interrupt !== undefined, fromSnapshot },
    };
  },

  async sample(req): Promise<SampleReply> {
    takeStdout();
    try {
      const h = ready();
      const w = workloadSpec(req.workload);
      const callsRust = req.pythonMode === 'calls-rust';
      // Checked again here, page caps included; Python calling Rust runs the Rust kernel.
      const params = validate(w, req.params, callsRust ? 'rust' : 'python');
      let coldMs: number | undefined;
      if (callsRust && !rustRegistered && py) coldMs = await registerRust(py);
      if (interrupt) Atomics.store(interrupt, 0, 0);
      const batch = Math.max(1, Math.floor(req.batch));
      const [ms, out] = callTimed(h.sample, [w.id, JSON.stringify(params), batch, req.pythonSource ?? undefined, callsRust ? 'calls-rust' : 'twin']);
      const stdoutText = takeStdout();
      return {
        runId: req.runId,
        ok: true,
        ms,
        batch,
        output: await toPayload(out, req.wantBytes),
        ...(stdoutText !== undefined ? { stdout: stdoutText } : {}),
        ...(coldMs !== undefined ? { coldMs: { rustInit: coldMs } } : {}),
      };
    } catch (e) {
      const failure = classify(e);
      if (failure.dead) dead = failure;
      const stdoutText = takeStdout();
      return { runId: req.runId, ok: false, failure, ...(stdoutText !== undefined ? { stdout: stdoutText } : {}) };
    }
  },

  async shard(req): Promise<ShardReply> {
    try {
      const h = ready();
      const w = workloadSpec(req.workload);
      const params = validate(w, req.params, 'python');
      if (interrupt) Atomics.store(interrupt, 0, 0);
      const [ms, out] = callTimed(h.shard, [w.id, JSON.stringify(params), req.index, req.shards]);
      return { runId: req.runId, ok: true, ms, output: await toPayload(out, true) };
    } catch (e) {
      const failure = classify(e);
      if (failure.dead) dead = failure;
      return { runId: req.runId, ok: false, failure };
    }
  },

  async timerTick() {
    return measureTimerTick();
  },

  async fault(kind): Promise<SampleReply> {
    return { runId: -1, ok: false, failure: { kind: 'param', message: `the Python worker has no fault '${kind}'`, dead: false } };
  },
};

Comlink.expose(api);
