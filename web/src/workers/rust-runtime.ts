// The body of both Rust workers (single-threaded and threaded builds): load the wasm, time
// kernel calls inside the worker, and classify failures. A trapped instance (panic, out of
// memory, stack overflow) is never reused: the reply says `dead` and the bridge replaces it.
import type { Failure, InitReply, RuntimeKind, RuntimeWorkerApi, SampleReply, ShardReply } from '../shared/protocol';
import { toPayload } from '../shared/output';
import { ParamError, validate, workloadSpec } from '../shared/params';
import { measureTimerTick } from './timer';

/** The exports of crate/src/bindings.rs that the worker uses (both builds have them). */
export interface RustExports {
  run(id: string, paramsJson: string, parallel: boolean, batch: number): unknown;
  run_shard(id: string, paramsJson: string, index: number, shards: number): unknown;
  thread_count(): number;
  threaded_build(): boolean;
  fault(kind: string): number;
}

let lastPanic: string | null = null;
// bindings.rs hands panic messages here before the instance traps.
(globalThis as { __twinbenchPanic?: (m: string) => void }).__twinbenchPanic = (m) => {
  lastPanic = m;
};

function classify(e: unknown): Failure {
  const message = e instanceof Error ? e.message : String(e);
  if (lastPanic !== null) {
    const panic = lastPanic;
    lastPanic = null;
    return { kind: 'panic', message: `Rust panicked: ${panic}`, dead: true };
  }
  if (e instanceof RangeError && /call stack/i.test(message)) {
    return { kind: 'stack', message: `Rust recursion went beyond the wasm stack (${message})`, dead: true };
  }
  if (e instanceof WebAssembly.RuntimeError) {
    if (/unreachable/i.test(message)) {
      // Rust aborts without a panic message only when an allocation fails.
      return { kind: 'oom', message: `out of memory: the Rust kernel could not allocate (${message})`, dead: true };
    }
    if (/out of bounds|stack/i.test(message)) {
      return { kind: 'stack', message: `Rust recursion went beyond the wasm stack (${message})`, dead: true };
    }
    return { kind: 'fatal', message: `the Rust instance trapped: ${message}`, dead: true };
  }
  if (e instanceof ParamError) return { kind: 'param', message, dead: false };
  if (e instanceof Error && e.constructor === Error) {
    // A JsError from bindings.rs: the kernel refused (bad parameter, overflow, ...).
    return { kind: message.startsWith('parameter') || message.startsWith('unknown') ? 'param' : 'kernel', message, dead: false };
  }
  return { kind: 'fatal', message: `the Rust worker failed: ${message}`, dead: true };
}

function asOutput(out: unknown): string | Uint8Array {
  if (typeof out === 'string' || out instanceof Uint8Array) return out;
  throw new Error(`the Rust kernel returned ${typeof out}, not text or bytes`);
}

export function rustRuntime(
  kind: Extract<RuntimeKind, 'rust' | 'rust-threads'>,
  load: (threads: number) => Promise<{ exports: RustExports; coldMs: Record<string, number> }>,
): RuntimeWorkerApi {
  let rust: RustExports | null = null;
  let dead: Failure | null = null;

  function ready(): RustExports {
    if (dead) throw new Error(`this Rust instance is dead (${dead.message}); the worker must be replaced`);
    if (!rust) throw new Error('the Rust worker was not initialised');
    return rust;
  }

  function fail(runId: number, e: unknown): SampleReply & ShardReply {
    const failure = classify(e);
    if (failure.dead) dead = failure;
    return { runId, ok: false, failure };
  }

  return {
    async init(req): Promise<InitReply> {
      const loaded = await load(req.threads ?? 1);
      rust = loaded.exports;
      return {
        runtime: kind,
        coldMs: loaded.coldMs,
        info: { threadedBuild: rust.threaded_build(), threads: rust.thread_count() },
      };
    },

    async sample(req): Promise<SampleReply> {
      try {
        const wasm = ready();
        const w = workloadSpec(req.workload);
        // Checked again here, page caps included: nothing out of range reaches wasm.
        const params = validate(w, req.params, 'rust');
        const json = JSON.stringify(params);
        const batch = Math.max(1, Math.floor(req.batch));
        const t0 = performance.now();
        const out = wasm.run(w.id, json, req.parallel ?? false, batch);
        const ms = performance.now() - t0;
        return {
          runId: req.runId,
          ok: true,
          ms,
          batch,
          output: await toPayload(asOutput(out), req.wantBytes),
          threads: wasm.thread_count(),
        };
      } catch (e) {
        return fail(req.runId, e);
      }
    },

    async shard(req): Promise<ShardReply> {
      try {
        const wasm = ready();
        const w = workloadSpec(req.workload);
        const params = validate(w, req.params, 'rust');
        const t0 = performance.now();
        const out = wasm.run_shard(w.id, JSON.stringify(params), req.index, req.shards);
        const ms = performance.now() - t0;
        return { runId: req.runId, ok: true, ms, output: await toPayload(asOutput(out), true) };
      } catch (e) {
        return fail(req.runId, e);
      }
    },

    async timerTick() {
      return measureTimerTick();
    },

    async fault(kind): Promise<SampleReply> {
      try {
        ready().fault(kind);
        return fail(-1, new Error(`fault '${kind}' did not fail`));
      } catch (e) {
        return fail(-1, e);
      }
    },
  };
}
