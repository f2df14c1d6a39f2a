// One WorkerBridge owns one runtime worker for its whole life: it starts it, sends it typed
// requests with run ids, drops replies that do not answer the current run, stops a run
// (Pyodide's interrupt buffer where shared memory exists, otherwise terminate), replaces a
// worker that died, and reaps it when idle. No RPC can interrupt running wasm, so the
// bridge, not Comlink, owns terminate().
import * as Comlink from 'comlink';
import {
  isSampleReply,
  isShardReply,
  readPanic,
  type InitReply,
  type PanicSlot,
  type RuntimeWorkerApi,
  type SampleReply,
  type SampleRequest,
  type ShardReply,
  type ShardRequest,
} from '../shared/protocol';
import { asStartFailure } from './start-failure';
import { KillSwitch } from './kill-switch';

/** How long Stop waits for Pyodide's KeyboardInterrupt before terminating the worker. */
export const INTERRUPT_GRACE_MS = 1000;
/** An idle worker is terminated after this long (Pyodide holds 100+ MB). */
export const IDLE_REAP_MS = 5 * 60 * 1000;
/** How often a call in flight checks its worker's panic slot (threaded Rust). */
export const PANIC_POLL_MS = 100;

/** User Timing marks for start-up (bench, profiling): `twinbench:ready:<runtime>`, `twinbench:first-result:<runtime>`. */
function mark(name: string, generation: number): void {
  if (typeof performance.mark === 'function') performance.mark(name, { detail: { generation } });
}

export class RunCancelled extends Error {
  override name = 'RunCancelled';
}

export class WorkerDied extends Error {
  override name = 'WorkerDied';
}

/** A Rust panic on a thread other than the one that answers (a rayon thread): the worker hangs, so the bridge ends it. */
export class RustPanicked extends WorkerDied {
  override name = 'RustPanicked';
}

/** Live workers started by bridges, for the page API and the tests (rayon's own are not here). */
let live = 0;
export function liveWorkers(): number {
  return live;
}

export interface BridgeOptions {
  baseUrl: string;
  /** Starts the worker: a literal `new Worker(new URL(...))`, which is what Vite bundles. */
  spawn: () => Worker;
  threads?: number;
  /** Offer Pyodide an interrupt buffer when shared memory exists. */
  interruptible?: boolean;
  idleReapMs?: number;
}

interface Instance {
  worker: Worker;
  api: Comlink.Remote<RuntimeWorkerApi>;
  ready: Promise<InitReply>;
  /** Rejects the calls in flight when the worker is terminated under them. */
  killed: KillSwitch;
  /** Threaded Rust: where a panic on any of its threads leaves its message. */
  panicSlot?: PanicSlot | undefined;
}

export class WorkerBridge {
  /** The runtime it hosts ('python', 'rust', 'rust-threads'), for messages and Stop reports. */
  readonly kind: string;
  private readonly opts: BridgeOptions;
  private instance: Instance | null = null;
  private interruptBuffer: Int32Array | undefined;
  private inFlight: Promise<unknown> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private reapTimer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented each time the worker is replaced; the page says "runtime restarted". */
  restarts = 0;
  /** Incremented for every new worker, so callers can tell a fresh worker from a warm one. */
  generation = 0;
  /** The last generation whose first sample came back (see `mark`). */
  private firstResult = 0;

  constructor(kind: string, opts: BridgeOptions) {
    this.kind = kind;
    this.opts = opts;
  }

  get started(): boolean {
    return this.instance !== null;
  }

  get canInterrupt(): boolean {
    return this.interruptBuffer !== undefined;
  }

  /**
   * Start the worker (once) and return what its runtime reported. A worker started with no
   * call after it (a prewarm) is reaped when idle like any other.
   */
  start(): Promise<InitReply> {
    const inst = this.ensure();
    inst.ready.then(
      () => {
        if (this.instance === inst && !this.inFlight) this.scheduleReap();
      },
      () => {},
    );
    return inst.ready;
  }

  private ensure(): Instance {
    if (this.instance) return this.instance;
    const worker = this.opts.spawn();
    live++;
    this.generation++;
    const killed = new KillSwitch();
    const api = Comlink.wrap<RuntimeWorkerApi>(worker);
    const shared = this.opts.interruptible && globalThis.crossOriginIsolated;
    this.interruptBuffer = shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      this.terminate(new WorkerDied(`the ${this.kind} worker failed: ${ev.message || 'script error'}`));
    });
    const ready = killed
      .race(
        api.init({
          baseUrl: this.opts.baseUrl,
          ...(this.opts.threads !== undefined ? { threads: this.opts.threads } : {}),
          ...(this.interruptBuffer ? { interruptBuffer: this.interruptBuffer } : {}),
        }),
      )
      .catch((e: unknown) => Promise.reject(asStartFailure(this.kind, e)));
    const inst: Instance = { worker, api, ready, killed };
    this.instance = inst;
    const generation = this.generation;
    ready.then(
      (r) => {
        inst.panicSlot = r.panicSlot;
        mark(`twinbench:ready:${this.kind}`, generation);
      },
      () => {
        if (this.instance === inst) this.terminate(new WorkerDied(`the ${this.kind} worker failed to start`));
      },
    );
    return inst;
  }

  /**
   * Calls run one at a time, in order: a worker's async handlers would otherwise interleave
   * at their awaits (and a timed region must have the worker to itself).
   */
  private call<T>(fn: (api: Comlink.Remote<RuntimeWorkerApi>) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      clearTimeout(this.reapTimer);
      const inst = this.ensure();
      await inst.ready;
      const p = inst.killed.race(fn(inst.api));
      this.inFlight = p;
      const unwatch = this.watchPanics(inst);
      try {
        return await p;
      } finally {
        unwatch();
        if (this.inFlight === p) this.inFlight = null;
        this.scheduleReap();
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * While a call is in flight, end it when the worker's panic slot fills: a panic on a rayon
   * thread aborts that thread, and the worker's own thread then waits for it forever.
   */
  private watchPanics(inst: Instance): () => void {
    const slot = inst.panicSlot;
    if (!slot) return () => {};
    const timer = setInterval(() => {
      const message = readPanic(slot);
      if (message !== null && this.instance === inst) this.terminate(new RustPanicked(`Rust panicked: ${message}`));
    }, PANIC_POLL_MS);
    return () => clearInterval(timer);
  }

  private scheduleReap(): void {
    clearTimeout(this.reapTimer);
    this.reapTimer = setTimeout(() => {
      if (!this.inFlight) this.stop(new WorkerDied('idle worker reaped'), false);
    }, this.opts.idleReapMs ?? IDLE_REAP_MS);
  }

  /**
   * A call whose reply is checked at the boundary: a reply for another run, or of the wrong
   * shape, is an error; a reply saying the instance died terminates the worker.
   */
  private async reply<R extends SampleReply | ShardReply>(
    runId: number,
    fn: (api: Comlink.Remote<RuntimeWorkerApi>) => Promise<unknown>,
    valid: (r: unknown) => r is R,
  ): Promise<R> {
    let reply: unknown;
    try {
      reply = await this.call<unknown>(fn);
    } catch (e) {
      // The worker is gone already; the call fails as a panic on its own thread does.
      if (e instanceof RustPanicked) reply = { runId, ok: false, failure: { kind: 'panic', message: e.message, dead: true } };
      else throw e;
    }
    if (!valid(reply)) throw new WorkerDied(`the ${this.kind} worker sent a malformed reply`);
    const r: SampleReply | ShardReply = reply;
    if (!r.ok && r.failure.dead) this.terminate(new WorkerDied(r.failure.message));
    return reply;
  }

  /** One timed sample. */
  async sample(req: SampleRequest): Promise<SampleReply> {
    const generation = this.generation;
    const reply = await this.reply(req.runId, (api) => api.sample(req), (r): r is SampleReply => isSampleReply(r, req.runId));
    if (reply.ok && this.firstResult < generation) {
      this.firstResult = generation;
      mark(`twinbench:first-result:${this.kind}`, generation);
    }
    return reply;
  }

  /** One pool shard. */
  shard(req: ShardRequest): Promise<ShardReply> {
    return this.reply(req.runId, (api) => api.shard(req), (r): r is ShardReply => isShardReply(r, req.runId));
  }

  timerTick(): Promise<number> {
    return this.call((api) => api.timerTick());
  }

  /** A deliberate failure (its reply answers run -1). */
  fault(kind: string): Promise<SampleReply> {
    return this.reply(-1, (api) => api.fault(kind), (r): r is SampleReply => isSampleReply(r, -1));
  }

  /**
   * Stop what is running. Python with shared memory gets a KeyboardInterrupt and keeps its
   * worker, unless the interrupt does not land within INTERRUPT_GRACE_MS; everything else
   * is terminated, and the next call starts a fresh worker.
   */
  async cancel(): Promise<'idle' | 'interrupted' | 'terminated'> {
    const running = this.inFlight;
    if (!running || !this.instance) return 'idle';
    if (this.interruptBuffer) {
      Atomics.store(this.interruptBuffer, 0, 2); // SIGINT
      const settled = await Promise.race([
        running.then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((r) => setTimeout(() => r(false), INTERRUPT_GRACE_MS)),
      ]);
      if (settled) return 'interrupted';
    }
    this.terminate(new RunCancelled('stopped'));
    return 'terminated';
  }

  /** Terminate the worker now; a call in flight rejects with `why`. The next call starts a fresh one. */
  terminate(why: Error = new WorkerDied('terminated')): void {
    this.stop(why, true);
  }

  /** Terminate the worker because it is no longer wanted (a pool shrinks, a thread count changes). */
  dispose(): void {
    this.stop(new WorkerDied('disposed'), false);
  }

  /** `restart`: count it as a runtime restart (a crash or a Stop), not an idle reap. */
  private stop(why: Error, restart: boolean): void {
    clearTimeout(this.reapTimer);
    const inst = this.instance;
    if (!inst) return;
    this.instance = null;
    this.inFlight = null;
    inst.api[Comlink.releaseProxy]();
    inst.worker.terminate();
    live--;
    if (restart) this.restarts++;
    inst.killed.kill(why);
  }
}
