// The Python runtime, as a factory like rustRuntime: Pyodide with the twins
// (pyodide_glue/twinbench) in its file system. Timing happens in Python (twinbench.harness)
// around the kernel calls only. Python calls Rust through `twinbench_rs`, the single-threaded
// wasm exports registered as a Python module when first needed. All state lives in the closure.
import type { PyodideAPI } from 'pyodide';
import type { Failure, InitReply, InitRequest, RuntimeWorkerApi, SampleReply, ShardReply } from '../shared/protocol';
import { toPayload } from '../shared/output';
import { ParamError, validate, workloadSpec } from '../shared/params';
import { measureTimerTick } from './timer';

/** Program output kept per run; the rest is dropped with a marker, so a print loop cannot flood the page. */
export const STDOUT_CAP = 64 * 1024;

type PyResult = { toJs(): unknown; destroy(): void };
type PyCallable = ((...args: unknown[]) => PyResult) & { destroy(): void };

export interface LoadedPython {
  py: PyodideAPI;
  coldMs: Record<string, number>;
  info: Record<string, string | number | boolean>;
}

/** What the program printed during one call, capped. */
class Output {
  private text = '';
  private dropped = 0;

  write = (line: string): void => {
    const room = STDOUT_CAP - this.text.length;
    if (room >= line.length + 1) this.text += `${line}\n`;
    else {
      if (room > 0) this.text += line.slice(0, room);
      this.dropped += line.length + 1 - Math.max(room, 0);
    }
  };

  take(): string | undefined {
    const out = this.dropped > 0 ? `${this.text}\n[output truncated: ${this.dropped} more characters]` : this.text;
    this.text = '';
    this.dropped = 0;
    return out === '' ? undefined : out;
  }
}

/** A Python exception by its type name (PythonError.type); anything else means Pyodide itself failed. */
function classify(e: unknown): Failure {
  if (e instanceof ParamError) return { kind: 'param', message: e.message, dead: false };
  const type = (e as { type?: unknown }).type;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof type === 'string') {
    if (type === 'KeyboardInterrupt') return { kind: 'cancelled', message: 'stopped (KeyboardInterrupt)', dead: false };
    if (type === 'ParamError') return { kind: 'param', message: lastLine(message), dead: false };
    // wasm32 sizes are 32-bit: a request for more than it can address is an OverflowError there.
    if (type === 'MemoryError' || (type === 'OverflowError' && /index-sized integer/.test(message))) {
      return { kind: 'python', message: `out of memory: the program asked for more memory than Pyodide can give\n${message.trim()}`, dead: false };
    }
    return { kind: 'python', message: message.trim(), dead: false };
  }
  // A fatal error disables the instance for good.
  if (/Maximum call stack size exceeded/i.test(message)) {
    const why = 'Python crashed: recursion through C code (e.g. functools.lru_cache) overflowed the stack, which RecursionError cannot catch';
    return { kind: 'fatal', message: `${why}; Pyodide must restart (${message})`, dead: true };
  }
  if (/out of memory|allocation failed|Cannot enlarge memory/i.test(message)) {
    return { kind: 'fatal', message: `out of memory: Pyodide ran out of memory and must restart (${message})`, dead: true };
  }
  return { kind: 'fatal', message: `Pyodide failed and must restart: ${message}`, dead: true };
}

/** The exception's own line of a traceback, without its type. */
function lastLine(traceback: string): string {
  const line = traceback.trim().split('\n').pop() ?? traceback;
  return line.replace(/^[\w.]*ParamError: /, '');
}

/** Call into Python and turn its (ms, output, work) tuple into JavaScript values. */
function callTimed(fn: PyCallable, args: unknown[]): [number, string | Uint8Array, string] {
  const result = fn(...args);
  try {
    const [ms, out, work] = result.toJs() as [number, string | Uint8Array, unknown];
    return [ms, out, typeof work === 'string' ? work : ''];
  } finally {
    result.destroy();
  }
}

/** Pyodide's runtime; `load` starts Pyodide with `write` as its stdout and stderr and loads the twins. */
export function pythonRuntime(load: (req: InitRequest, write: (line: string) => void) => Promise<LoadedPython>): RuntimeWorkerApi {
  const output = new Output();
  let py: PyodideAPI | null = null;
  let harness: { sample: PyCallable; shard: PyCallable } | null = null;
  let rustLoaded: Promise<number> | null = null;
  let dead: Failure | null = null;
  let interrupt: Int32Array | undefined;

  function ready(): NonNullable<typeof harness> {
    if (dead) throw new Error(`this Pyodide instance is dead (${dead.message}); the worker must be replaced`);
    if (!harness) throw new Error('the Python worker was not initialised');
    return harness;
  }

  /** `twinbench_rs`: the single-threaded Rust exports, importable from Python. Returns its load time. */
  async function registerRust(p: PyodideAPI): Promise<number> {
    const t0 = performance.now();
    const rust = await import('../wasm/st/twinbench.js');
    await rust.default();
    p.registerJsModule('twinbench_rs', rust);
    return performance.now() - t0;
  }

  function failed(runId: number, e: unknown): SampleReply & ShardReply {
    const failure = classify(e);
    if (failure.dead) dead = failure;
    const stdout = output.take();
    return { runId, ok: false, failure, ...(stdout !== undefined ? { stdout } : {}) };
  }

  return {
    async init(req): Promise<InitReply> {
      const loaded = await load(req, output.write);
      py = loaded.py;
      const mod = py.pyimport('twinbench.harness') as unknown as { sample: PyCallable; shard: PyCallable };
      harness = { sample: mod.sample, shard: mod.shard };
      if (req.interruptBuffer) {
        interrupt = req.interruptBuffer;
        py.setInterruptBuffer(interrupt);
      }
      return { runtime: 'python', coldMs: loaded.coldMs, info: { ...loaded.info, interruptible: interrupt !== undefined } };
    },

    async sample(req): Promise<SampleReply> {
      output.take();
      try {
        const h = ready();
        const w = workloadSpec(req.workload);
        const callsRust = req.pythonMode === 'calls-rust';
        // Checked again here, page caps included; Python calling Rust runs the Rust kernel.
        const params = validate(w, req.params, callsRust ? 'rust' : 'python');
        let rustInit: number | undefined;
        if (callsRust && py && !rustLoaded) {
          rustLoaded = registerRust(py);
          rustInit = await rustLoaded;
        } else if (callsRust) await rustLoaded;
        if (interrupt) Atomics.store(interrupt, 0, 0);
        const batch = Math.max(1, Math.floor(req.batch));
        const mode = req.mode === 'overhead' ? 'overhead' : callsRust ? 'calls-rust' : 'twin';
        const [ms, out, work] = callTimed(h.sample, [w.id, JSON.stringify(params), batch, req.pythonSource ?? undefined, mode]);
        const stdout = output.take();
        return {
          runId: req.runId,
          ok: true,
          ms,
          batch,
          output: await toPayload(out, req.wantBytes),
          work,
          ...(stdout !== undefined ? { stdout } : {}),
          ...(rustInit !== undefined ? { coldMs: { rustInit } } : {}),
        };
      } catch (e) {
        return failed(req.runId, e);
      }
    },

    async shard(req): Promise<ShardReply> {
      try {
        const h = ready();
        const w = workloadSpec(req.workload);
        const params = validate(w, req.params, 'python');
        if (interrupt) Atomics.store(interrupt, 0, 0);
        const [ms, part, work] = callTimed(h.shard, [w.id, JSON.stringify(params), req.index, req.shards]);
        output.take();
        return { runId: req.runId, ok: true, ms, part, work };
      } catch (e) {
        return failed(req.runId, e);
      }
    },

    async timerTick() {
      return measureTimerTick();
    },

    async fault(kind): Promise<SampleReply> {
      return { runId: -1, ok: false, failure: { kind: 'param', message: `the Python worker has no fault '${kind}'`, dead: false } };
    },
  };
}
