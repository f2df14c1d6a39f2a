// The page's automation API, `window.twinbench`: list workloads, read the environment, run a
// measurement and get the result as JSON, cancel. Used by the e2e tests and the benchmark
// report, and documented in the README for anyone scripting the page.
import type { WorkloadSpec } from '../generated/catalog';
import { VERSION, type Engine } from '../engine/engine';
import type { Environment } from '../engine/environment';
import type { Runtime } from '../engine/implementations';
import type { RunRequest, RunResult, StopReport, SweepPoint, SweepResult } from '../engine/types';

export interface TwinbenchApi {
  version: string;
  workloads(): readonly WorkloadSpec[];
  environment(): Promise<Environment>;
  run(req: RunRequest): Promise<RunResult>;
  /** The same request at several thread counts or parameters, one run each (see Engine.sweep). */
  sweep(req: RunRequest, points: SweepPoint[]): Promise<SweepResult>;
  cancel(): Promise<StopReport>;
  /** Start a runtime's worker ahead of a run ('python', 'rust', 'rust-threads'); resolves when it is ready. */
  prewarm(runtime: Runtime): Promise<void>;
  /** For tests: live worker count, runtime restarts, and deliberate failures. */
  debug: {
    liveWorkers(): number;
    restarts(): number;
    fault(target: 'rust' | 'rust-threads', kind: string): Promise<string>;
  };
}

declare global {
  interface Window {
    twinbench: TwinbenchApi;
  }
}

export function installApi(engine: Engine): TwinbenchApi {
  const api: TwinbenchApi = {
    version: VERSION,
    workloads: () => engine.workloads(),
    environment: () => engine.environment(),
    run: (req) => engine.run(req),
    sweep: (req, points) => engine.sweep(req, points),
    cancel: () => engine.cancel(),
    prewarm: (runtime) => engine.prewarm(runtime),
    debug: {
      liveWorkers: () => engine.liveWorkers(),
      restarts: () => engine.restarts(),
      fault: (target, kind) => engine.fault(target, kind),
    },
  };
  Object.defineProperty(window, 'twinbench', { value: Object.freeze(api), writable: false, configurable: false });
  return api;
}
