// The measurement engine: owns every worker (through bridges), validates a run against the
// catalog, measures the implementations asked for with the one harness, verifies their
// outputs, and computes the statistics. The main thread never runs a kernel.
import { WORKLOADS, type WorkloadSpec } from '../generated/catalog';
import { digest } from '../shared/output';
import { ParamError, validate, workloadSpec, type Language, type ParamValues } from '../shared/params';
import type { InitReply, RuntimeKind, SampleReply, ShardReply } from '../shared/protocol';
import { RunCancelled, WorkerBridge, liveWorkers } from './bridge';
import { COARSE_TICK_MS, capabilities, type Capabilities, type Environment } from './environment';
import { measure, type Measured, type Sampler, type Timed } from './harness';
import { ratioCI, summarize } from './stats';

export const IMPLEMENTATIONS = ['python', 'python-calls-rust', 'rust', 'rust-threads', 'python-pool', 'rust-pool'] as const;
export type Impl = (typeof IMPLEMENTATIONS)[number];

export const VERSION = '0.1.0';

/** Limits the API enforces on a run's shape (the catalog limits its parameters). */
export const LIMITS = { maxThreads: 16, maxPoolWorkers: 8, maxSamples: 500, maxTimeBudgetMs: 60_000 };

export interface RunRequest {
  workload: string;
  params?: Record<string, number | string>;
  implementations?: Impl[];
  threads?: number;
  maxSamples?: number;
  timeBudgetMs?: number;
  pythonSource?: string;
  /** Return the output bytes of a bytes workload (the page draws mandelbrot). */
  wantBytes?: boolean;
}

export interface ImplResult {
  output: string;
  medianMs: number;
  ci95Ms: [number, number];
  madMs: number;
  iqrMs: [number, number];
  noisy: boolean;
  samplesMs: number[];
  warmupMs: number[];
  batch: number;
  threads?: number;
  /** Start-up cost of this implementation's worker(s), measured when they started. */
  coldMs?: number;
  coldDetailMs?: Record<string, number>;
  stdout?: string;
}

export interface RunResult {
  runId: number;
  workload: string;
  params: ParamValues;
  verified: boolean;
  output: string | null;
  /** Every implementation's output, when they differ. */
  mismatch: Partial<Record<Impl, string>> | null;
  implementations: Partial<Record<Impl, ImplResult>>;
  ratios: Record<string, { value: number; ci95: [number, number] }>;
  environment: Environment;
  flags: string[];
  bytes?: Uint8Array;
}

export interface StopReport {
  /** Whether a run was in flight. */
  stopped: boolean;
  /** Runtimes whose worker was terminated and replaced (no interrupt was possible). */
  restarted: RuntimeKind[];
}

export interface RunHooks {
  onProgress?: (p: { impl: string; phase: string; samples: number }) => void;
  onStdout?: (text: string) => void;
}

const LANGUAGE: Record<Impl, Language> = {
  python: 'python',
  'python-pool': 'python',
  'python-calls-rust': 'rust',
  rust: 'rust',
  'rust-threads': 'rust',
  'rust-pool': 'rust',
};

class Superseded extends Error {
  override name = 'Superseded';
}

function failureError(impl: string, reply: Extract<SampleReply | ShardReply, { ok: false }>): Error {
  const f = reply.failure;
  if (f.kind === 'cancelled') return new RunCancelled('cancelled');
  const restarted = f.dead ? ' (the runtime was restarted)' : '';
  return new Error(`${impl}: ${f.message}${restarted}`);
}

/** Add up decimal integers exactly (shard sums can pass 2^53). */
function sumDecimal(parts: string[]): string {
  return parts.reduce((acc, p) => acc + BigInt(p), 0n).toString();
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class Engine {
  private readonly baseUrl: string;
  private readonly caps: Capabilities;
  private python: WorkerBridge;
  private rust: WorkerBridge;
  private threads: WorkerBridge | null = null;
  private pools: Record<'python' | 'rust', WorkerBridge[]> = { python: [], rust: [] };
  private initInfo = new Map<WorkerBridge, InitReply>();
  private poolStartMs: Record<'python' | 'rust', number | null> = { python: null, rust: null };
  private tickMs: number | null = null;
  private nextRunId = 1;
  private current: { runId: number; abort: AbortController; bridges: Set<WorkerBridge> } | null = null;

  constructor(baseUrl: string, caps: Capabilities = capabilities()) {
    this.baseUrl = baseUrl;
    this.caps = caps;
    this.python = this.bridge('python');
    this.rust = this.bridge('rust');
  }

  private bridge(kind: 'python' | 'rust' | 'rust-threads', threads?: number): WorkerBridge {
    return new WorkerBridge(kind, {
      baseUrl: this.baseUrl,
      interruptible: this.caps.pythonInterrupt,
      ...(threads !== undefined ? { threads } : {}),
    });
  }

  workloads(): readonly WorkloadSpec[] {
    return WORKLOADS;
  }

  liveWorkers(): number {
    return liveWorkers();
  }

  private allBridges(): WorkerBridge[] {
    return [this.python, this.rust, ...(this.threads ? [this.threads] : []), ...this.pools.python, ...this.pools.rust];
  }

  /** How many times any runtime was restarted (after a crash, a Stop or a dead instance). */
  restarts(): number {
    return this.allBridges().reduce((n, b) => n + b.restarts, 0);
  }

  private async start(b: WorkerBridge): Promise<InitReply> {
    const info = await b.start();
    this.initInfo.set(b, info);
    return info;
  }

  async timerTick(): Promise<number> {
    if (this.tickMs === null) this.tickMs = await this.rust.timerTick();
    return this.tickMs;
  }

  async environment(): Promise<Environment> {
    const tick = await this.timerTick();
    const py = this.initInfo.get(this.python)?.info;
    return {
      ...this.caps,
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency ?? 1,
      timerTickMs: tick,
      coarseTimer: tick > COARSE_TICK_MS,
      pyodideVersion: py ? String(py.pyodideVersion) : null,
      pythonVersion: py ? String(py.pythonVersion) : null,
      pyodideFromSnapshot: py ? py.fromSnapshot === true : null,
      threadedBuildLoaded: this.threads !== null && this.threads.started,
      version: VERSION,
    };
  }

  /** Check a request completely before any worker is asked to do anything. */
  private check(req: RunRequest): { w: WorkloadSpec; impls: Impl[]; params: ParamValues; threads: number } {
    if (typeof req !== 'object' || req === null) throw new ParamError('run() needs a request object');
    const w = workloadSpec(req.workload);
    const impls = req.implementations ?? ['python', 'rust'];
    if (!Array.isArray(impls) || impls.length === 0) throw new ParamError('implementations must be a non-empty array');
    for (const impl of impls) {
      if (!(IMPLEMENTATIONS as readonly string[]).includes(impl)) {
        throw new ParamError(`unknown implementation '${String(impl)}'; known: ${IMPLEMENTATIONS.join(', ')}`);
      }
    }
    if (new Set(impls).size !== impls.length) throw new ParamError('an implementation is listed twice');
    if (impls.includes('rust-threads') && !this.caps.threads) {
      throw new ParamError(`rust-threads is not available: ${this.caps.notice ?? 'no threads'}`);
    }
    for (const pool of ['python-pool', 'rust-pool'] as const) {
      if (impls.includes(pool) && w.pool === null) throw new ParamError(`${w.id} cannot be split for a worker pool (${pool})`);
    }
    if (impls.includes('rust-threads') && !w.parallel) throw new ParamError(`${w.id} has no parallel variant for rust-threads`);
    const pools = impls.some((i) => i.endsWith('-pool'));
    const cap = pools && !impls.includes('rust-threads') ? LIMITS.maxPoolWorkers : LIMITS.maxThreads;
    const threads = req.threads ?? Math.min(navigator.hardwareConcurrency || 2, cap);
    if (!Number.isInteger(threads) || threads < 1 || threads > cap) {
      throw new ParamError(`threads must be an integer between 1 and ${cap}, got ${String(req.threads)}`);
    }
    for (const [k, lim] of [
      ['maxSamples', LIMITS.maxSamples],
      ['timeBudgetMs', LIMITS.maxTimeBudgetMs],
    ] as const) {
      const v = req[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > lim)) {
        throw new ParamError(`${k} must be a number between 1 and ${lim}, got ${String(v)}`);
      }
    }
    if (req.pythonSource !== undefined && typeof req.pythonSource !== 'string') {
      throw new ParamError('pythonSource must be a string');
    }
    // Each implementation's page cap; the result's params are the validated ones.
    let params: ParamValues = {};
    for (const impl of impls) params = validate(w, req.params, LANGUAGE[impl]);
    return { w, impls, params, threads };
  }

  private async threadsBridge(n: number): Promise<WorkerBridge> {
    // A rayon pool cannot be resized: another thread count gets a fresh worker.
    if (this.threads && this.initInfo.get(this.threads)?.info.threads !== n) {
      this.threads.dispose();
      this.threads = null;
    }
    if (!this.threads || !this.threads.started) this.threads = this.bridge('rust-threads', n);
    await this.start(this.threads);
    return this.threads;
  }

  private async pool(kind: 'python' | 'rust', n: number): Promise<WorkerBridge[]> {
    const pool = this.pools[kind];
    while (pool.length > n) pool.pop()?.dispose();
    while (pool.length < n) pool.push(this.bridge(kind));
    const cold = pool.some((b) => !b.started);
    const t0 = performance.now();
    // Start in parallel, as multiprocessing.Pool does.
    await Promise.all(pool.map((b) => this.start(b)));
    if (cold) this.poolStartMs[kind] = performance.now() - t0;
    return pool;
  }

  private sampler(
    impl: Impl,
    bridge: WorkerBridge,
    runId: number,
    base: { workload: string; params: ParamValues; pythonSource?: string; wantBytes: boolean },
    hooks: RunHooks,
    stdout: Map<Impl, string>,
    threadsSeen: Map<Impl, number>,
    bytesOut: { value?: Uint8Array },
  ): Sampler {
    return {
      name: impl,
      sample: async (batch: number): Promise<Timed> => {
        const reply = await bridge.sample({
          runId,
          workload: base.workload,
          params: base.params,
          batch,
          parallel: impl === 'rust-threads',
          ...(impl === 'python' && base.pythonSource !== undefined ? { pythonSource: base.pythonSource } : {}),
          ...(impl === 'python-calls-rust' ? { pythonMode: 'calls-rust' as const } : {}),
          wantBytes: base.wantBytes && bytesOut.value === undefined,
        });
        if (reply.stdout !== undefined) {
          stdout.set(impl, reply.stdout);
          hooks.onStdout?.(reply.stdout);
        }
        if (!reply.ok) throw failureError(impl, reply);
        if (reply.output.bytes) bytesOut.value = reply.output.bytes;
        if (reply.threads !== undefined) threadsSeen.set(impl, reply.threads);
        return { ms: reply.ms, batch: reply.batch, output: reply.output.canonical };
      },
    };
  }

  private poolSampler(
    impl: 'python-pool' | 'rust-pool',
    bridges: WorkerBridge[],
    runId: number,
    w: WorkloadSpec,
    params: ParamValues,
  ): Sampler {
    return {
      name: impl,
      sample: async (batch: number): Promise<Timed> => {
        // Timed on the page: a pool's cost includes its messages, as multiprocessing's does.
        const t0 = performance.now();
        let output = '';
        for (let b = 0; b < batch; b++) {
          const replies = await Promise.all(
            bridges.map((br, index) => br.shard({ runId, workload: w.id, params, index, shards: bridges.length })),
          );
          const parts = replies.map((r) => {
            if (!r.ok) throw failureError(impl, r);
            return r.output;
          });
          output =
            w.pool === 'sum'
              ? sumDecimal(parts.map((p) => p.canonical))
              : await digest(concatBytes(parts.map((p) => p.bytes ?? new TextEncoder().encode(p.canonical))));
        }
        return { ms: performance.now() - t0, batch, output };
      },
    };
  }

  /** Measure a workload; rejects with an Error whose message says what went wrong. */
  async run(req: RunRequest, hooks: RunHooks = {}): Promise<RunResult> {
    const { w, impls, params, threads } = this.check(req);
    await this.supersede();
    const runId = this.nextRunId++;
    const abort = new AbortController();
    const current = { runId, abort, bridges: new Set<WorkerBridge>() };
    this.current = current;
    try {
      return await this.measureRun(req, w, impls, params, threads, current, hooks);
    } catch (e) {
      if (abort.signal.aborted) throw abort.signal.reason instanceof Error ? abort.signal.reason : new RunCancelled('cancelled');
      if (e instanceof RunCancelled) throw new RunCancelled('cancelled');
      throw e;
    } finally {
      if (this.current === current) this.current = null;
    }
  }

  private async measureRun(
    req: RunRequest,
    w: WorkloadSpec,
    impls: Impl[],
    params: ParamValues,
    threads: number,
    current: { runId: number; abort: AbortController; bridges: Set<WorkerBridge> },
    hooks: RunHooks,
  ): Promise<RunResult> {
    const { runId, abort } = current;
    const stdout = new Map<Impl, string>();
    const threadsSeen = new Map<Impl, number>();
    const bytesOut: { value?: Uint8Array } = {};
    const cold = new Map<Impl, { total: number; detail: Record<string, number> }>();
    const base = {
      workload: w.id,
      params,
      ...(req.pythonSource !== undefined ? { pythonSource: req.pythonSource } : {}),
      wantBytes: req.wantBytes === true && w.output === 'bytes',
    };
    const samplers: Sampler[] = [];
    // Start every worker first (in parallel), so cold costs stay out of the samples.
    const started = await Promise.all(
      impls.map(async (impl): Promise<Sampler> => {
        if (impl === 'python-pool' || impl === 'rust-pool') {
          const kind = impl === 'python-pool' ? 'python' : 'rust';
          const bridges = await this.pool(kind, threads);
          bridges.forEach((b) => current.bridges.add(b));
          cold.set(impl, { total: this.poolStartMs[kind] ?? 0, detail: { poolStart: this.poolStartMs[kind] ?? 0 } });
          threadsSeen.set(impl, bridges.length);
          return this.poolSampler(impl, bridges, runId, w, params);
        }
        const bridge =
          impl === 'rust-threads' ? await this.threadsBridge(threads) : impl === 'rust' ? this.rust : this.python;
        current.bridges.add(bridge);
        const info = await this.start(bridge);
        const detail = { ...info.coldMs };
        cold.set(impl, { total: Object.values(detail).reduce((a, b) => a + b, 0), detail });
        return this.sampler(impl, bridge, runId, base, hooks, stdout, threadsSeen, bytesOut);
      }),
    );
    samplers.push(...started);
    if (abort.signal.aborted) throw abort.signal.reason;
    const tickMs = await this.timerTick();
    const measured = await measure(samplers, {
      tickMs,
      timeBudgetMs: req.timeBudgetMs ?? 2000,
      maxSamples: req.maxSamples ?? 30,
      isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
      signal: abort.signal,
      onProgress: (p) => hooks.onProgress?.({ impl: p.name, phase: p.phase, samples: p.samples }),
    });
    return this.result(runId, w, params, measured, cold, stdout, threadsSeen, bytesOut.value, tickMs);
  }

  private async result(
    runId: number,
    w: WorkloadSpec,
    params: ParamValues,
    measured: Measured[],
    cold: Map<Impl, { total: number; detail: Record<string, number> }>,
    stdout: Map<Impl, string>,
    threadsSeen: Map<Impl, number>,
    bytes: Uint8Array | undefined,
    tickMs: number,
  ): Promise<RunResult> {
    const flags: string[] = [];
    const implementations: Partial<Record<Impl, ImplResult>> = {};
    const outputs = new Map<Impl, string>();
    for (const [i, m] of measured.entries()) {
      const impl = m.name as Impl;
      if (m.outputs.length !== 1) flags.push(`nondeterministic:${impl}`);
      const output = m.outputs[m.outputs.length - 1] ?? '';
      outputs.set(impl, output);
      const s = summarize(m.samplesMs, i + 1);
      if (s.noisy) flags.push(`noisy:${impl}`);
      if (m.discardedHidden > 0) flags.push(`hidden-samples-discarded:${impl}`);
      const c = cold.get(impl);
      const out: ImplResult = {
        output,
        ...s,
        samplesMs: m.samplesMs,
        warmupMs: m.warmupMs,
        batch: m.batch,
      };
      const t = threadsSeen.get(impl);
      if (t !== undefined) out.threads = t;
      if (c) {
        out.coldMs = c.total;
        out.coldDetailMs = c.detail;
      }
      const so = stdout.get(impl);
      if (so !== undefined) out.stdout = so;
      implementations[impl] = out;
    }
    const distinct = new Set([...outputs.values()]);
    const verified = distinct.size === 1 && !flags.some((f) => f.startsWith('nondeterministic'));
    const ratios: RunResult['ratios'] = {};
    if (verified) {
      for (const a of measured)
        for (const b of measured)
          if (a !== b) ratios[`${a.name}/${b.name}`] = ratioCI(a.samplesMs, b.samplesMs);
    } else {
      flags.push('mismatch');
    }
    if (tickMs > COARSE_TICK_MS) flags.push('coarse-timer');
    return {
      runId,
      workload: w.id,
      params,
      verified,
      output: verified ? ([...distinct][0] ?? null) : null,
      mismatch: verified ? null : Object.fromEntries(outputs),
      implementations,
      ratios,
      environment: await this.environment(),
      flags,
      ...(bytes ? { bytes } : {}),
    };
  }

  /** A new run supersedes the one in flight: stop it and drop whatever it still sends. */
  private async supersede(): Promise<void> {
    if (this.current) await this.stop(new Superseded('superseded by a newer run'));
  }

  private async stop(reason: Error): Promise<StopReport> {
    const cur = this.current;
    if (!cur) return { stopped: false, restarted: [] };
    this.current = null;
    cur.abort.abort(reason);
    const outcomes = await Promise.all([...cur.bridges].map(async (b) => [b, await b.cancel()] as const));
    const restarted = new Set<RuntimeKind>();
    for (const [b, how] of outcomes) {
      if (how !== 'terminated') continue;
      restarted.add(b.kind);
      // A terminated worker is replaced at once, so the next run does not wait for it.
      if (b === this.python || b === this.rust) void b.start().catch(() => {});
    }
    return { stopped: true, restarted: [...restarted] };
  }

  /**
   * Stop the current run within a second; the next run works. Says which runtimes had to be
   * restarted (terminated and replaced) rather than interrupted in place.
   */
  async cancel(): Promise<StopReport> {
    return this.stop(new RunCancelled('cancelled'));
  }

  /** Deliberate failures, for the recovery tests: ('rust' | 'rust-threads', 'panic' | 'stack' | 'oom'). */
  async fault(target: 'rust' | 'rust-threads', kind: string): Promise<string> {
    const b = target === 'rust' ? this.rust : await this.threadsBridge(2);
    await this.start(b);
    const reply = await b.fault(kind);
    return reply.ok ? 'no failure' : `${reply.failure.kind}: ${reply.failure.message}`;
  }
}
