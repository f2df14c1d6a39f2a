// The engine's workers: one bridge per slot ('python', 'rust', 'rust-threads', the pools'
// members), started on demand, replaced when a slot is asked for another thread count (a rayon
// pool cannot be resized), and remembered per worker instance: what it reported when it
// started, and which kernels it has already warmed up.
import type { InitReply } from '../shared/protocol';
import { WorkerBridge } from './bridge';

/** How to start a runtime's worker. */
export interface RuntimeSpec {
  spawn: () => Worker;
  /** Stop may interrupt it in place (Pyodide's interrupt buffer). */
  interruptible?: boolean;
  /** Minimum warm-up wall time of a fresh worker (tier-up). */
  warmupMinMs: number;
}

interface Slot {
  bridge: WorkerBridge;
  threads: number | undefined;
}

export class Workers {
  private readonly slots = new Map<string, Slot>();
  // Keyed weakly: a replaced or disposed bridge (every Stop, every fresh baseline worker) must not
  // be kept alive by what it once reported.
  private readonly info = new WeakMap<WorkerBridge, InitReply>();
  private readonly warmed = new WeakMap<WorkerBridge, { generation: number; keys: Set<string> }>();

  constructor(
    private readonly baseUrl: string,
    private readonly runtimes: Readonly<Record<string, RuntimeSpec>>,
    private readonly interruptible: boolean,
  ) {}

  /** The bridge in `slot`, hosting `runtime`; a slot asked for another thread count gets a fresh worker. */
  get(slot: string, runtime: string, threads?: number): WorkerBridge {
    const have = this.slots.get(slot);
    if (have && have.threads === threads) return have.bridge;
    have?.bridge.dispose();
    const spec = this.runtimes[runtime];
    if (!spec) throw new Error(`no runtime '${runtime}'`);
    const bridge = new WorkerBridge(runtime, {
      baseUrl: this.baseUrl,
      spawn: spec.spawn,
      interruptible: this.interruptible && spec.interruptible === true,
      ...(threads !== undefined ? { threads } : {}),
    });
    this.slots.set(slot, { bridge, threads });
    return bridge;
  }

  /** Dispose of the worker in `slot`, so the next `get` starts a fresh one (a thread sweep's points). */
  reset(slot: string): void {
    this.slots.get(slot)?.bridge.dispose();
    this.slots.delete(slot);
  }

  /**
   * Start the worker in `slot` ahead of a run (the visitor showed intent). A slot that already
   * holds a bridge keeps it, whatever its thread count: warming never replaces a worker.
   */
  prewarm(slot: string, runtime: string, threads?: number): Promise<InitReply> {
    const have = this.slots.get(slot);
    return this.start(have ? have.bridge : this.get(slot, runtime, threads));
  }

  /** Whether `b` is the bridge in `slot`. */
  holds(slot: string, b: WorkerBridge): boolean {
    return this.slots.get(slot)?.bridge === b;
  }

  /** `n` bridges of `runtime` for a worker pool (slots `<runtime>-pool-<i>`); extra members are disposed. */
  pool(runtime: string, n: number): WorkerBridge[] {
    for (let i = n; this.slots.has(`${runtime}-pool-${i}`); i++) {
      this.slots.get(`${runtime}-pool-${i}`)!.bridge.dispose();
      this.slots.delete(`${runtime}-pool-${i}`);
    }
    return Array.from({ length: n }, (_, i) => this.get(`${runtime}-pool-${i}`, runtime));
  }

  /** Start the worker (once per instance) and remember what its runtime reported. */
  async start(b: WorkerBridge): Promise<InitReply> {
    const reply = await b.start();
    this.info.set(b, reply);
    return reply;
  }

  /** What the worker in `slot` reported when it started, if it has. */
  infoOf(slot: string): InitReply | undefined {
    const s = this.slots.get(slot);
    return s && s.bridge.started ? this.info.get(s.bridge) : undefined;
  }

  /**
   * The minimum warm-up wall time for `key` (a way of running kernels: 'twin', 'calls-rust',
   * 'wasm', 'shard') on this worker: the runtime's value the first time the key runs in this
   * worker instance, 0 afterwards.
   */
  warmupMinMs(b: WorkerBridge, key: string): number {
    let w = this.warmed.get(b);
    if (!w || w.generation !== b.generation) {
      w = { generation: b.generation, keys: new Set() };
      this.warmed.set(b, w);
    }
    if (w.keys.has(key)) return 0;
    w.keys.add(key);
    return this.runtimes[b.kind]?.warmupMinMs ?? 0;
  }

  all(): WorkerBridge[] {
    return [...this.slots.values()].map((s) => s.bridge);
  }
}
