// One run in flight: its id, its abort signal, the bridges it uses (Stop cancels exactly
// those), and what its workers reported along the way (cold costs, stdout, thread counts,
// the output bytes). Samplers write here; the result is assembled from it and the verdict.
import type { WorkloadSpec } from '../generated/catalog';
import type { ParamValues } from '../shared/params';
import type { InitReply } from '../shared/protocol';
import type { WorkerBridge } from './bridge';
import type { ScalingPlan } from './scaling';
import type { Workers } from './workers';

/** A request after checking (request.ts): everything a sampler needs to know. */
export interface SessionRequest {
  workload: WorkloadSpec;
  params: ParamValues;
  impls: readonly string[];
  threads: number;
  pythonSource?: string;
  wantBytes: boolean;
  scaling: ScalingPlan | null;
  /** Overrides the runtime's minimum warm-up wall time on a fresh worker. */
  minWarmupMs?: number;
}

export interface RunHooks {
  onProgress?: (p: { impl: string; phase: string; samples: number }) => void;
  onStdout?: (text: string) => void;
}

export class RunSession {
  readonly abort = new AbortController();
  readonly bridges = new Set<WorkerBridge>();
  readonly stdout = new Map<string, string>();
  readonly cold = new Map<string, { total: number; detail: Record<string, number> }>();
  readonly threads = new Map<string, number>();
  bytes: Uint8Array | undefined;

  constructor(
    readonly runId: number,
    readonly request: SessionRequest,
    readonly workers: Workers,
    readonly hooks: RunHooks = {},
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Register a bridge with this run (Stop cancels it) and start its worker; its cold costs go to `coldFor`. */
  async start(b: WorkerBridge, coldFor?: string): Promise<InitReply> {
    this.bridges.add(b);
    const info = await this.workers.start(b);
    if (coldFor !== undefined) this.addCold(coldFor, info.coldMs);
    return info;
  }

  addCold(impl: string, detail: Record<string, number>): void {
    const have = this.cold.get(impl) ?? { total: 0, detail: {} };
    for (const [k, v] of Object.entries(detail)) {
      have.detail[k] = (have.detail[k] ?? 0) + v;
      have.total += v;
    }
    this.cold.set(impl, have);
  }

  noteStdout(impl: string, text: string): void {
    this.stdout.set(impl, text);
    this.hooks.onStdout?.(text);
  }

  /**
   * The minimum warm-up wall time for `key` (a way of running kernels) on these workers: the
   * runtime's (or the request's override) when any of them has not run it yet, else 0.
   */
  warmupMinMs(bridges: readonly WorkerBridge[], key: string): number {
    const fresh = Math.max(0, ...bridges.map((b) => this.workers.warmupMinMs(b, key)));
    return fresh > 0 ? (this.request.minWarmupMs ?? fresh) : 0;
  }

  /** The output bytes, wanted once per run (the page draws mandelbrot). */
  wantsBytes(): boolean {
    return this.request.wantBytes && this.bytes === undefined;
  }

  throwIfAborted(): void {
    if (this.signal.aborted) throw this.signal.reason;
  }
}
