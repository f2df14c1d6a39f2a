// The engine's public types: what `run` accepts and what it resolves to (Contract 3 in
// the project's plan; the README's page-API section documents them).
import type { ParamValues } from '../shared/params';
import type { Environment } from './environment';
import type { Flag } from './flags';
import type { Impl } from './implementations';
import type { ImplVerdict, RatioVerdict } from './verdict';

export type { Flag, FlagCode } from './flags';
export type { Impl } from './implementations';
export type { RunHooks } from './session';

export interface RunRequest {
  workload: string;
  params?: Record<string, number | string>;
  /** Default: python and rust. rust-threads brings rust-threads-1, its one-thread baseline. */
  implementations?: Impl[];
  threads?: number;
  /** Per implementation; every implementation takes the same number (one per round). */
  maxSamples?: number;
  /** Sampling time of the slowest implementation, in ms. */
  timeBudgetMs?: number;
  /** Minimum warm-up wall time of a fresh worker, ms (default: WARMUP_MIN_MS, from measurements of tier-up). */
  minWarmupMs?: number;
  /** Replaces the Python twin for `python` (flagged custom-python); `python-reference` runs the twin beside it. */
  pythonSource?: string;
  /** Return the output bytes of a bytes workload (the page draws mandelbrot). */
  wantBytes?: boolean;
}

export interface ImplResult extends ImplVerdict {
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
  /** Every implementation's output AND work digest identical (never for a single implementation). */
  verified: boolean;
  /** The output they agree on (a single implementation's own); null on a mismatch. */
  output: string | null;
  /** The verified work digest (of the whole-run implementations; a pool-only run's is its pools'). */
  work: string | null;
  /** Every implementation's output and work digest, when they differ. */
  mismatch: Partial<Record<Impl, { output: string; work: string }>> | null;
  implementations: Partial<Record<Impl, ImplResult>>;
  /** `a/b`: how many times a's median time is b's; hidden ones have value null and say why in `flags`. */
  ratios: Record<string, RatioVerdict>;
  environment: Environment;
  flags: Flag[];
  bytes?: Uint8Array;
}

export interface StopReport {
  /** Whether a run was in flight. */
  stopped: boolean;
  /** Runtimes whose worker was terminated and replaced (no interrupt was possible). */
  restarted: string[];
}
