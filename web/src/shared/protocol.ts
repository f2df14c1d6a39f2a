// The typed protocol between the engine (main thread) and its runtime workers. Calls go
// through Comlink; every request carries a run id and every reply echoes it, and the bridge
// checks each reply's shape before the engine sees it (`isSampleReply`).

/** Which runtime a worker hosts. */
export type RuntimeKind = 'python' | 'rust' | 'rust-threads';

/** How a Python sample calls its kernel: the twin itself, or the Rust export from Python. */
export type PythonMode = 'twin' | 'calls-rust';

export interface InitRequest {
  /** The site's base URL, to find Pyodide (`pyodide/`) from inside the worker. */
  baseUrl: string;
  /** For `rust-threads`: rayon pool size. */
  threads?: number;
  /** For `python`: a SharedArrayBuffer-backed Int32Array(1); writing 2 raises KeyboardInterrupt. */
  interruptBuffer?: Int32Array;
}

export interface InitReply {
  runtime: RuntimeKind;
  /** Cold costs in ms, measured inside the worker (e.g. pyodideLoad, wasmInit, threadPoolInit). */
  coldMs: Record<string, number>;
  /** Versions and build facts (pythonVersion, pyodideVersion, threadedBuild, threads). */
  info: Record<string, string | number | boolean>;
}

export interface SampleRequest {
  runId: number;
  workload: string;
  params: Record<string, number | string>;
  /** Calls of the kernel inside one timed region (fast kernels are batched). */
  batch: number;
  /** Rust: the rayon variant. */
  parallel?: boolean;
  /** Python: the visitor's code, replacing the twin's module. */
  pythonSource?: string;
  pythonMode?: PythonMode;
  /** Send the output bytes back (the page draws mandelbrot); otherwise only their digest. */
  wantBytes?: boolean;
}

export interface ShardRequest {
  runId: number;
  workload: string;
  params: Record<string, number | string>;
  index: number;
  shards: number;
}

/** A kernel's canonical output as the engine compares it: text, or a digest of bytes. */
export interface OutputPayload {
  /** Text outputs as they are; byte outputs as `sha256:<hex> (<n> bytes)`. */
  canonical: string;
  kind: 'text' | 'bytes';
  bytes?: Uint8Array;
}

export type FailureKind =
  | 'param' // rejected before anything ran
  | 'kernel' // the kernel returned an error (e.g. fib-memo overflow)
  | 'python' // a Python exception in the twin or the visitor's code
  | 'cancelled' // stopped by cancel()
  | 'panic' // a Rust panic: the instance is dead
  | 'oom' // out of memory: the instance is dead
  | 'stack' // recursion beyond the stack: the instance is dead
  | 'fatal'; // the runtime is unusable (Pyodide fatal error, wasm trap)

export interface Failure {
  kind: FailureKind;
  message: string;
  /** True when the worker must be replaced before its next run. */
  dead: boolean;
}

export type SampleReply =
  | {
      runId: number;
      ok: true;
      ms: number;
      batch: number;
      output: OutputPayload;
      stdout?: string;
      /** Rust threads the kernel ran on. */
      threads?: number;
      /** A cold cost paid during this call (e.g. loading the Rust wasm for Python-calls-Rust). */
      coldMs?: Record<string, number>;
    }
  | { runId: number; ok: false; failure: Failure; stdout?: string };

export type ShardReply =
  | { runId: number; ok: true; ms: number; output: OutputPayload }
  | { runId: number; ok: false; failure: Failure };

/** What every runtime worker exposes through Comlink. */
export interface RuntimeWorkerApi {
  init(req: InitRequest): Promise<InitReply>;
  sample(req: SampleRequest): Promise<SampleReply>;
  shard(req: ShardRequest): Promise<ShardReply>;
  /** The smallest step of performance.now() seen inside the worker, in ms. */
  timerTick(): Promise<number>;
  /** Deliberate failures, for the tests that prove recovery (Rust: panic, stack, oom). */
  fault(kind: string): Promise<SampleReply>;
}

const FAILURE_KINDS = new Set<FailureKind>(['param', 'kernel', 'python', 'cancelled', 'panic', 'oom', 'stack', 'fatal']);

function isOutput(o: unknown): o is OutputPayload {
  if (typeof o !== 'object' || o === null) return false;
  const out = o as Record<string, unknown>;
  return (
    typeof out.canonical === 'string' &&
    (out.kind === 'text' || out.kind === 'bytes') &&
    (out.bytes === undefined || out.bytes instanceof Uint8Array)
  );
}

function isFailure(f: unknown): f is Failure {
  if (typeof f !== 'object' || f === null) return false;
  const x = f as Record<string, unknown>;
  return FAILURE_KINDS.has(x.kind as FailureKind) && typeof x.message === 'string' && typeof x.dead === 'boolean';
}

/** Shape check of a reply at the boundary, and that it answers the run it was asked for. */
export function isSampleReply(r: unknown, runId: number): r is SampleReply {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  if (x.runId !== runId || (x.stdout !== undefined && typeof x.stdout !== 'string')) return false;
  if (x.ok === true) {
    return typeof x.ms === 'number' && Number.isFinite(x.ms) && x.ms >= 0 && typeof x.batch === 'number' && isOutput(x.output);
  }
  return x.ok === false && isFailure(x.failure);
}

export function isShardReply(r: unknown, runId: number): r is ShardReply {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  if (x.runId !== runId) return false;
  if (x.ok === true) return typeof x.ms === 'number' && isOutput(x.output);
  return x.ok === false && isFailure(x.failure);
}
