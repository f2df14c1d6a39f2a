// Figures for the benchmark report (bench/run.mjs), kept here so vitest checks them:
// Amdahl's law fitted to measured speedups (shared/amdahl.ts, which the page uses too), and the
// summaries the report quotes.
// bench/lib/ts.mjs loads this file in Node through Vite.
import { median } from '../engine/stats';

export { median };

export { amdahlSpeedup, fitAmdahl, type AmdahlFit, type SpeedupPoint } from '../shared/amdahl';

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
