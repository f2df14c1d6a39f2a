// Figures for the benchmark report (bench/run.mjs), kept here so vitest checks them:
// Amdahl's law fitted to measured speedups, and the summaries the report quotes.
// bench/lib/ts.mjs loads this file in Node through Vite.
import { median } from '../engine/stats';

export { median };

export interface SpeedupPoint {
  /** Threads or workers. */
  n: number;
  /** Measured speedup against the sequential baseline. */
  speedup: number;
}

export interface AmdahlFit {
  /** The fitted parallel fraction, in [0, 1]. */
  p: number;
  /** Root-mean-square error of the fit, in 1/speedup units. */
  rmse: number;
}

/** Amdahl's law: the speedup on n threads of work whose fraction p is parallel. */
export function amdahlSpeedup(p: number, n: number): number {
  return 1 / (1 - p + p / n);
}

/**
 * The least-squares p of 1/S = (1 - p) + p/n over the points, with p held to [0, 1].
 * With x = 1/n - 1 and y = 1/S the model is y = 1 + p·x, so p = Σx(y - 1) / Σx².
 * Points with n = 1 carry no information about p (x = 0); null when no point has n > 1.
 */
export function fitAmdahl(points: readonly SpeedupPoint[]): AmdahlFit | null {
  const ok = points.filter((q) => Number.isFinite(q.n) && q.n >= 1 && Number.isFinite(q.speedup) && q.speedup > 0);
  let sxy = 0;
  let sxx = 0;
  for (const { n, speedup } of ok) {
    const x = 1 / n - 1;
    sxy += x * (1 / speedup - 1);
    sxx += x * x;
  }
  if (sxx === 0) return null;
  const p = Math.min(1, Math.max(0, sxy / sxx));
  const sse = ok.reduce((s, { n, speedup }) => s + (1 / speedup - (1 - p + p / n)) ** 2, 0);
  return { p, rmse: Math.sqrt(sse / ok.length) };
}

/** The median of the numbers among `xs` (a run may lack a figure); null when there are none. */
export function medianOf(xs: readonly unknown[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? median(v) : null;
}

/** max/min of positive values: 1 means no spread at all. */
export function spread(xs: readonly number[]): number {
  if (xs.length === 0 || xs.some((x) => !(x > 0))) throw new Error('spread needs positive values');
  return Math.max(...xs) / Math.min(...xs);
}

/** Whether a measured value meets its target ('max': at most, 'min': at least). */
export function meets(value: number | null, target: number, kind: 'max' | 'min'): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  return kind === 'max' ? value <= target : value >= target;
}
