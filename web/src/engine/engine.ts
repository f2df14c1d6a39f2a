// The measurement engine, as the pages and the page API see it: check a request, start the
// workers its implementations need, measure them with the one harness, and return the
// verdict. The parts live beside it: implementations.ts (what can run), request.ts (checks),
// harness.ts (sampling), verdict.ts (verification, ratios, flags), workers.ts (bridges).
// The main thread never runs a kernel.
import { WORKLOADS, type WorkloadSpec } from '../generated/catalog';
import { RunCancelled, liveWorkers } from './bridge';
import { COARSE_TICK_MS, capabilities, describeEnvironment, type Capabilities, type Environment } from './environment';
import { measure } from './harness';
import { IMPLEMENTATIONS, RUNTIMES, type Impl, type Runtime } from './implementations';
import { LIMITS, checkRequest, sweepRequests } from './request';
import { RunSession, type RunHooks } from './session';
import type { RunRequest, RunResult, StopReport, SweepPoint, SweepResult } from './types';
import { verdict, type ImplFacts } from './verdict';
import { Workers } from './workers';

export const VERSION = '0.2.0';

export interface SweepHooks {
  onProgress?: (p: { impl: string; phase: string; samples: number; point: number }) => void;
  onPoint?: (index: number, result: RunResult) => void;
}

class Superseded extends Error {
  override name = 'Superseded';
}

export class Engine {
  private readonly caps: Capabilities;
  private readonly workers: Workers;
  private tickMs: number | null = null;
  private nextRunId = 1;
  private current: RunSession | null = null;
  /** The sweep in flight; cancel() or a newer sweep clears it, and the sweep stops before its next point. */
  private sweeping: object | null = null;

  constructor(baseUrl: string, caps: Capabilities = capabilities()) {
    this.caps = caps;
    this.workers = new Workers(baseUrl, RUNTIMES, caps.pythonInterrupt);
  }

  workloads(): readonly WorkloadSpec[] {
    return WORKLOADS;
  }

  capabilities(): Capabilities {
    return this.caps;
  }

  liveWorkers(): number {
    return liveWorkers();
  }

  /** How many times any runtime was restarted (after a crash, a Stop or a dead instance). */
  restarts(): number {
    return this.workers.all().reduce((n, b) => n + b.restarts, 0);
  }

  /**
   * Start a runtime's worker without running anything, so a Run soon after finds it ready
   * (pages call it on intent). Idempotent; an unused worker is reaped when idle; never rejects.
   */
  async prewarm(runtime: Runtime): Promise<void> {
    const threads = runtime === 'rust-threads' ? Math.min(navigator.hardwareConcurrency || 2, LIMITS.maxThreads) : undefined;
    if (runtime === 'rust-threads' && !this.caps.threads) return;
    await this.workers.prewarm(runtime, runtime, threads).catch(() => {});
  }

  /** The timer tick inside a worker (the Rust one), measured once. */
  private async timerTick(): Promise<number> {
    // From Python's worker when Rust's cannot start, so a broken wasm does not stop Python.
    this.tickMs ??= await this.workers
      .get('rust', 'rust')
      .timerTick()
      .catch(() => this.workers.get('python', 'python').timerTick());
    return this.tickMs;
  }

  async environment(): Promise<Environment> {
    return describeEnvironment(this.caps, {
      timerTickMs: await this.timerTick(),
      python: this.workers.infoOf('python')?.info,
      threadedBuildLoaded: this.workers.infoOf('rust-threads') !== undefined,
      version: VERSION,
    });
  }

  /** Check a request as run() would, without running anything (the page checks before it downloads Pyodide). */
  check(req: RunRequest): void {
    checkRequest(req, this.caps, navigator.hardwareConcurrency);
  }

  /** Measure a workload; rejects with an Error whose message says what went wrong. */
  async run(req: RunRequest, hooks: RunHooks = {}): Promise<RunResult> {
    const checked = checkRequest(req, this.caps, navigator.hardwareConcurrency);
    await this.supersede();
    const session = new RunSession(this.nextRunId++, checked, this.workers, hooks);
    this.current = session;
    try {
      // Every worker starts first (in parallel), so cold costs stay out of the samples.
      const samplers = await Promise.all(checked.impls.map((impl) => IMPLEMENTATIONS[impl].sampler(session)));
      session.throwIfAborted();
      const tickMs = await this.timerTick();
      const measured = await measure(samplers, {
        tickMs,
        timeBudgetMs: checked.timeBudgetMs,
        maxSamples: checked.maxSamples,
        ...(checked.batch !== undefined ? { batch: checked.batch } : {}),
        isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
        signal: session.signal,
        onProgress: (p) => hooks.onProgress?.({ impl: p.name, phase: p.phase, samples: p.samples }),
      });
      const facts = Object.fromEntries(checked.impls.map((impl): [Impl, ImplFacts] => [impl, this.facts(impl, session)]));
      const v = verdict({ measured, facts, tickMs, coarseTickMs: COARSE_TICK_MS });
      return this.result(session, v, await this.environment());
    } catch (e) {
      // What the program printed before it failed or was stopped is kept (error.stdout, by implementation).
      const keep = <E>(err: E): E => (err instanceof Error && session.stdout.size ? Object.assign(err, { stdout: Object.fromEntries(session.stdout) }) : err);
      if (session.signal.aborted) throw keep(session.signal.reason instanceof Error ? session.signal.reason : new RunCancelled('cancelled'));
      if (e instanceof RunCancelled) throw keep(new RunCancelled('cancelled'));
      throw keep(e);
    } finally {
      if (this.current === session) this.current = null;
    }
  }

  /**
   * The same request at several points (thread counts, parameters), one run after another. A
   * point with `threads` runs rust-threads in a fresh worker (a rayon pool cannot be resized,
   * and a reused one would not be a fresh start like the others). Every point is checked first.
   */
  async sweep(req: RunRequest, points: SweepPoint[], hooks: SweepHooks = {}): Promise<SweepResult> {
    const reqs = sweepRequests(req, points, this.caps, navigator.hardwareConcurrency);
    const token = {};
    this.sweeping = token;
    const out: SweepResult['points'] = [];
    try {
      for (const [i, r] of reqs.entries()) {
        if (this.sweeping !== token) throw new RunCancelled('cancelled');
        if (points[i]!.threads !== undefined) this.workers.reset('rust-threads');
        const result = await this.run(r, { onProgress: (p) => hooks.onProgress?.({ ...p, point: i }) });
        out.push({ point: points[i]!, result });
        hooks.onPoint?.(i, result);
      }
    } finally {
      if (this.sweeping === token) this.sweeping = null;
    }
    return { points: out };
  }

  private facts(impl: Impl, s: RunSession): ImplFacts {
    const spec = IMPLEMENTATIONS[impl];
    return {
      label: spec.label,
      build: spec.build,
      custom: impl === 'python' && s.request.pythonSource !== undefined,
      scaling: spec.pool ? null : s.request.scaling,
    };
  }

  private result(s: RunSession, v: ReturnType<typeof verdict>, environment: Environment): RunResult {
    const implementations: RunResult['implementations'] = {};
    for (const [impl, x] of Object.entries(v.implementations)) {
      const cold = s.cold.get(impl);
      const threads = s.threads.get(impl);
      const stdout = s.stdout.get(impl);
      implementations[impl as Impl] = {
        ...x,
        ...(threads !== undefined ? { threads } : {}),
        ...(cold ? { coldMs: cold.total, coldDetailMs: cold.detail } : {}),
        ...(stdout !== undefined ? { stdout } : {}),
      };
    }
    const { workload, params } = s.request;
    return { runId: s.runId, workload: workload.id, params, ...v, implementations, environment, ...(s.bytes ? { bytes: s.bytes } : {}), ...(s.points ? { points: s.points } : {}) };
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
    const restarted = new Set<string>();
    for (const [b, how] of outcomes) {
      if (how !== 'terminated') continue;
      restarted.add(b.kind);
      // The main Python and Rust workers are replaced at once, so the next run does not wait for them.
      if (this.workers.holds(b.kind, b)) void this.workers.start(b).catch(() => {});
    }
    return { stopped: true, restarted: [...restarted] };
  }

  /** Stop the current run within a second; says which runtimes were restarted rather than interrupted. */
  async cancel(): Promise<StopReport> {
    this.sweeping = null;
    return this.stop(new RunCancelled('cancelled'));
  }

  /** Deliberate failures, for the recovery tests: ('rust' | 'rust-threads', 'panic' | 'stack' | 'oom'). */
  async fault(target: 'rust' | 'rust-threads', kind: string): Promise<string> {
    const b = target === 'rust' ? this.workers.get('rust', 'rust') : this.workers.get('rust-threads', 'rust-threads', 2);
    await this.workers.start(b);
    const reply = await b.fault(kind);
    return reply.ok ? 'no failure' : `${reply.failure.kind}: ${reply.failure.message}`;
  }
}
