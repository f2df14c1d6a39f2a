// The body of both Rust workers (single-threaded and threaded builds): load the wasm, time
// kernel calls inside the worker, and classify failures. A trapped instance (panic, out of
// memory, stack overflow) is never reused: the reply says `dead` and the bridge replaces it.
import { thinPoints, type Failure, type FailureKind, type InitReply, type PanicSlot, type RuntimeWorkerApi, type SampleReply, type ShardReply } from '../shared/protocol';
import { toPayload } from '../shared/output';
import { ParamError, validate, workloadSpec } from '../shared/params';
import { measureTimerTick } from './timer';
import type * as Bindings from '../wasm/st/twinbench.js';

/** The exports of crate/src/bindings.rs the worker uses, as wasm-pack declares them (both builds have them). */
export type RustExports = Pick<
  typeof Bindings,
  'run' | 'run_shard' | 'run_overhead' | 'thread_count' | 'threaded_build' | 'fault' | 'trajectory_points'
>;

/** The kernel's refusals: a JsError whose `name` is the KernelError variant (Contract 1). */
const KERNEL_ERRORS: Readonly<Record<string, FailureKind>> = {
  BadParam: 'param',
  Unsupported: 'param',
  Overflow: 'kernel',
  OutOfMemory: 'oom',
};

/** What went wrong, from the error and the panic message bindings.rs reported just before it (if any). */
export function classify(e: unknown, panic: string | null = null): Failure {
  const message = e instanceof Error ? e.message : String(e);
  if (panic !== null) return { kind: 'panic', message: `Rust panicked: ${panic}`, dead: true };
  if (e instanceof ParamError) return { kind: 'param', message, dead: false };
  if (e instanceof RangeError) {
    // V8's own stack limit, reached by deep wasm recursion.
    return { kind: 'stack', message: `Rust recursion went beyond the wasm stack (${message})`, dead: true };
  }
  if (e instanceof WebAssembly.RuntimeError) {
    // A trap carries no name of its own; V8's trap text is the only thing that tells them apart.
    if (/unreachable/i.test(message)) {
      // Rust aborts without a panic message only when an allocation fails.
      return { kind: 'oom', message: `out of memory: the Rust kernel could not allocate (${message})`, dead: true };
    }
    if (/out of bounds|stack/i.test(message)) {
      return { kind: 'stack', message: `Rust recursion went beyond the wasm stack (${message})`, dead: true };
    }
    return { kind: 'fatal', message: `the Rust instance trapped: ${message}`, dead: true };
  }
  if (e instanceof Error && Object.hasOwn(KERNEL_ERRORS, e.name)) return { kind: KERNEL_ERRORS[e.name]!, message, dead: false };
  if (e instanceof Error && e.name === 'Error') return { kind: 'kernel', message, dead: false };
  return { kind: 'fatal', message: `the Rust worker failed: ${message}`, dead: true };
}

/** What `run`, `run_shard` and `run_overhead` return: `{ output, work }` (Contract 1). */
function asResult(x: unknown): { output: string | Uint8Array; work: string } {
  const r = x as { output?: unknown; work?: unknown } | null;
  if (r && (typeof r.output === 'string' || r.output instanceof Uint8Array) && typeof r.work === 'string') {
    return { output: r.output, work: r.work };
  }
  throw new Error(`the Rust kernel returned ${typeof x}, not { output, work }`);
}

export function rustRuntime(
  kind: 'rust' | 'rust-threads',
  load: (threads: number) => Promise<{ exports: RustExports; coldMs: Record<string, number>; panicSlot?: PanicSlot }>,
): RuntimeWorkerApi {
  let rust: RustExports | null = null;
  let dead: Failure | null = null;
  let panic: string | null = null;
  // bindings.rs hands panic messages here before the instance traps.
  (globalThis as { __twinbenchPanic?: (m: string) => void }).__twinbenchPanic = (m) => {
    panic = m;
  };

  function ready(): RustExports {
    if (dead) throw new Error(`this Rust instance is dead (${dead.message}); the worker must be replaced`);
    if (!rust) throw new Error('the Rust worker was not initialised');
    return rust;
  }

  function fail(runId: number, e: unknown): SampleReply & ShardReply {
    const failure = classify(e, panic);
    panic = null;
    if (failure.dead) dead = failure;
    return { runId, ok: false, failure };
  }

  /** The workload and its parameters as JSON, checked again here (page caps included): nothing out of range reaches wasm. */
  function checked(id: string, params: unknown): [string, string] {
    const w = workloadSpec(id);
    return [w.id, JSON.stringify(validate(w, params, 'rust'))];
  }

  return {
    async init(req): Promise<InitReply> {
      const loaded = await load(req.threads ?? 1);
      rust = loaded.exports;
      return {
        runtime: kind,
        coldMs: loaded.coldMs,
        info: { threadedBuild: rust.threaded_build(), threads: rust.thread_count() },
        ...(loaded.panicSlot ? { panicSlot: loaded.panicSlot } : {}),
      };
    },

    async sample(req): Promise<SampleReply> {
      try {
        const wasm = ready();
        const [id, json] = checked(req.workload, req.params);
        const batch = Math.max(1, Math.floor(req.batch));
        const overhead = req.mode === 'overhead';
        const t0 = performance.now();
        const raw = overhead ? wasm.run_overhead(id, json, batch) : wasm.run(id, json, req.parallel ?? false, batch);
        const ms = performance.now() - t0;
        const { output, work } = asResult(raw);
        // The page draws trajectory's path: its points, after the clock stopped, thinned for drawing.
        const points = req.wantPoints && id === 'trajectory' ? thinPoints(wasm.trajectory_points(Number(JSON.parse(json).steps))) : undefined;
        return {
          runId: req.runId,
          ok: true,
          ms,
          batch,
          output: await toPayload(output, req.wantBytes),
          work,
          threads: wasm.thread_count(),
          ...(points ? { points } : {}),
        };
      } catch (e) {
        return fail(req.runId, e);
      }
    },

    async shard(req): Promise<ShardReply> {
      try {
        const [id, json] = checked(req.workload, req.params);
        const wasm = ready();
        const t0 = performance.now();
        const raw = wasm.run_shard(id, json, req.index, req.shards);
        const ms = performance.now() - t0;
        const { output, work } = asResult(raw);
        return { runId: req.runId, ok: true, ms, part: output, work };
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
