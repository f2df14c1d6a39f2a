// The harness statistics: medians with bootstrap confidence intervals, the spread, and
// ratios between implementations with their own bootstrap CI. Deterministic for a given
// seed, so a result can be recomputed from its raw samples.

/** mulberry32: a small seeded PRNG, so bootstrap results are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Linear-interpolated quantile (type 7, as numpy and R default) of sorted data. */
function quantileSorted(s: readonly number[], q: number): number {
  if (s.length === 0) throw new Error('quantile of no samples');
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function quantile(xs: readonly number[], q: number): number {
  return quantileSorted(sorted(xs), q);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Median absolute deviation (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

export function iqr(xs: readonly number[]): [number, number] {
  const s = sorted(xs);
  return [quantileSorted(s, 0.25), quantileSorted(s, 0.75)];
}

function resampleMedian(xs: readonly number[], next: () => number, scratch: number[]): number {
  for (let i = 0; i < xs.length; i++) scratch[i] = xs[Math.floor(next() * xs.length)]!;
  scratch.sort((a, b) => a - b);
  return quantileSorted(scratch, 0.5);
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Confidence level, 0.95 by default. */
  level?: number;
}

/** Percentile bootstrap CI of the median. */
export function medianCI(xs: readonly number[], opts: BootstrapOptions = {}): [number, number] {
  const { resamples = 2000, seed = 1, level = 0.95 } = opts;
  if (xs.length === 0) throw new Error('CI of no samples');
  if (xs.length === 1) return [xs[0]!, xs[0]!];
  const next = rng(seed);
  const scratch = new Array<number>(xs.length);
  const meds = Array.from({ length: resamples }, () => resampleMedian(xs, next, scratch)).sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return [quantileSorted(meds, alpha), quantileSorted(meds, 1 - alpha)];
}

/** The ratio of medians a/b with a percentile bootstrap CI (a and b resampled independently). */
export function ratioCI(
  a: readonly number[],
  b: readonly number[],
  opts: BootstrapOptions = {},
): { value: number; ci95: [number, number] } {
  const { resamples = 2000, seed = 2, level = 0.95 } = opts;
  const value = median(a) / median(b);
  if (a.length < 2 && b.length < 2) return { value, ci95: [value, value] };
  const next = rng(seed);
  const sa = new Array<number>(a.length);
  const sb = new Array<number>(b.length);
  const ratios = Array.from({ length: resamples }, () => resampleMedian(a, next, sa) / resampleMedian(b, next, sb)).sort(
    (x, y) => x - y,
  );
  const alpha = (1 - level) / 2;
  return { value, ci95: [quantileSorted(ratios, alpha), quantileSorted(ratios, 1 - alpha)] };
}

/** A CI wider than +/- `tolerance` of the median (5% by default) marks the result noisy. */
export function isNoisy(med: number, ci: readonly [number, number], tolerance = 0.05): boolean {
  if (med <= 0) return true;
  return (ci[1] - ci[0]) / 2 / med > tolerance;
}

export interface Summary {
  medianMs: number;
  ci95Ms: [number, number];
  madMs: number;
  iqrMs: [number, number];
  noisy: boolean;
}

export function summarize(samplesMs: readonly number[], seed = 1): Summary {
  const medianMs = median(samplesMs);
  const ci95Ms = medianCI(samplesMs, { seed });
  return { medianMs, ci95Ms, madMs: mad(samplesMs), iqrMs: iqr(samplesMs), noisy: isNoisy(medianMs, ci95Ms) };
}
