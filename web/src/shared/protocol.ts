// The typed protocol between the engine (main thread) and its runtime workers. Calls go
// through Comlink; every request carries a run id and every reply echoes it, and the bridge
// checks each reply's shape before the engine sees it (`isSampleReply`, `isShardReply`).

/** How a Python sample calls its kernel: the twin (or the visitor's code), or the Rust export from Python. */
export type PythonMode = 'twin' | 'calls-rust';

/** What a sample times: the kernel, or an empty kernel through the same path (the per-call overhead). */
export type SampleMode = 'kernel' | 'overhead';

export interface InitRequest {
  /** The site's base URL, to find Pyodide (`pyodide/`) from inside the worker. */
  baseUrl: string;
  /** For the threaded build: rayon pool size. */
  threads?: number;
  /** For Python: a SharedArrayBuffer-backed Int32Array(1); writing 2 raises KeyboardInterrupt. */
  interruptBuffer?: Int32Array;
}

export interface InitReply {
  /** Which runtime the worker hosts ('python', 'rust', 'rust-threads'). */
  runtime: string;
  /** Cold costs in ms, measured inside the worker (e.g. pyodideLoad, wasmInit, threadPoolInit). */
  coldMs: Record<string, number>;
  /** Versions and build facts (pythonVersion, pyodideVersion, threadedBuild, threads). */
  info: Record<string, string | number | boolean>;
  /**
   * Threaded Rust: where its panic hook writes the first panic's message in the shared wasm
   * memory (`{ state: u32, len: u32, bytes }`, state 2 once written). A panic on a rayon thread
   * leaves the worker waiting forever, so the bridge reads it there while a call is in flight.
   */
  panicSlot?: PanicSlot;
}

export interface PanicSlot {
  memory: WebAssembly.Memory;
  offset: number;
}

/** The message in a panic slot, or null while there is none. */
export function readPanic(slot: PanicSlot): string | null {
  const buffer = slot.memory.buffer; // a new view after every memory.grow
  const head = new Int32Array(buffer, slot.offset, 2);
  if (Atomics.load(head, 0) !== 2) return null;
  const len = Math.min(head[1] ?? 0, 1024);
  // Copied out: TextDecoder does not read views of shared memory.
  return new TextDecoder().decode(new Uint8Array(buffer, slot.offset + 8, len).slice());
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
  mode?: SampleMode;
  /** Send the output bytes back (the page draws mandelbrot); otherwise only their digest. */
  wantBytes?: boolean;
  /** Trajectory: send the path's points back for drawing (taken outside the timed region, thinned). */
  wantPoints?: boolean;
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
  | 'oom' // out of memory
  | 'stack' // recursion beyond the stack: the instance is dead
  | 'fatal'; // the runtime is unusable (Pyodide fatal error, wasm trap)

export interface Failure {
  kind: FailureKind;
  message: string;
  /** True when the worker must be replaced before its next run. */
  dead: boolean;
}

type Failed = { runId: number; ok: false; failure: Failure; stdout?: string };

export type SampleReply =
  | {
      runId: number;
      ok: true;
      ms: number;
      batch: number;
      output: OutputPayload;
      /** The work digest of the last call (Contract 1); empty for the overhead mode. */
      work: string;
      stdout?: string;
      /** Rust threads the kernel ran on. */
      threads?: number;
      /** A cold cost paid during this call (e.g. loading the Rust wasm for Python-calls-Rust). */
      coldMs?: Record<string, number>;
      /** With wantPoints: x0, y0, x1, y1, ... of the path, at most POINTS_FOR_DRAWING of them. */
      points?: Float64Array;
    }
  | Failed;

/** A shard's part as it is (text, or raw bytes): the page merges and hashes after its clock stops. */
export type ShardReply = { runId: number; ok: true; ms: number; part: string | Uint8Array; work: string } | Failed;

/** What every runtime worker exposes through Comlink. */
export interface RuntimeWorkerApi {
  init(req: InitRequest): Promise<InitReply>;
  sample(req: SampleRequest): Promise<SampleReply>;
  shard(req: ShardRequest): Promise<ShardReply>;
  /** The smallest step of performance.now() seen inside the worker, in ms. */
  timerTick(): Promise<number>;
  /** Deliberate failures, for the tests that prove recovery (Rust: panic, panic-in-worker, stack, oom). */
  fault(kind: string): Promise<SampleReply>;
}

/** The most points a reply carries for drawing a path (every point would be megabytes). */
export const POINTS_FOR_DRAWING = 2000;

/** Every k-th point of x0, y0, x1, y1, ... so at most `max` remain, the last one always kept. */
export function thinPoints(xy: Float64Array, max = POINTS_FOR_DRAWING): Float64Array {
  const n = Math.floor(xy.length / 2);
  if (n <= max) return xy;
  const step = Math.ceil(n / max);
  const keep: number[] = [];
  for (let i = 0; i < n; i += step) keep.push(xy[2 * i]!, xy[2 * i + 1]!);
  if ((n - 1) % step !== 0) keep.push(xy[2 * (n - 1)]!, xy[2 * (n - 1) + 1]!);
  return Float64Array.from(keep);
}

const FAILURE_KINDS = new Set<FailureKind>(['param', 'kernel', 'python', 'cancelled', 'panic', 'oom', 'stack', 'fatal']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isOutput(o: unknown): o is OutputPayload {
  return (
    isRecord(o) &&
    typeof o.canonical === 'string' &&
    (o.kind === 'text' || o.kind === 'bytes') &&
    (o.bytes === undefined || o.bytes instanceof Uint8Array)
  );
}

function isFailure(f: unknown): f is Failure {
  return isRecord(f) && FAILURE_KINDS.has(f.kind as FailureKind) && typeof f.message === 'string' && typeof f.dead === 'boolean';
}

const isTime = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The common part of every reply: it answers run `runId`, and a failure is well formed. */
function answers(r: unknown, runId: number, ok: (x: Record<string, unknown>) => boolean): boolean {
  if (!isRecord(r) || r.runId !== runId || (r.stdout !== undefined && typeof r.stdout !== 'string')) return false;
  if (r.ok === true) return ok(r);
  return r.ok === false && isFailure(r.failure);
}

/** Shape check of a sample reply at the boundary, and that it answers the run it was asked for. */
export function isSampleReply(r: unknown, runId: number): r is SampleReply {
  return answers(
    r,
    runId,
    (x) =>
      isTime(x.ms) && typeof x.batch === 'number' && isOutput(x.output) && typeof x.work === 'string' && (x.points === undefined || x.points instanceof Float64Array),
  );
}

export function isShardReply(r: unknown, runId: number): r is ShardReply {
  return answers(
    r,
    runId,
    (x) => isTime(x.ms) && (typeof x.part === 'string' || x.part instanceof Uint8Array) && typeof x.work === 'string',
  );
}
