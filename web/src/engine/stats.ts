// The harness statistics: medians, the spread, exact distribution-free intervals for the
// median (order statistics: no bootstrap, no normality), an interval for a ratio of medians
// built from them, and a drift test between the two halves of a run. All pure.

/** mulberry32: a small seeded PRNG, for reproducible test data. */
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

/** P(X <= k) for X ~ Binomial(n, 1/2), exactly enough for n up to a few thousand. */
export function binomialHalfCdf(n: number, k: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // log C(n, i) summed in a stable way: terms grow from i = 0.
  let logTerm = -n * Math.LN2; // log(C(n,0) / 2^n)
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

/**
 * The ranks (1-based) of the order-statistic interval [x_(k), x_(n+1-k)] for the median at
 * `level`: the narrowest whose exact coverage, 1 - 2 P(B <= k-1) with B ~ Bin(n, 1/2), is at
 * least `level` for any continuous distribution. Null when n samples cannot reach it
 * (n < 6 at 95%).
 */
export function medianRanks(n: number, level = 0.95): { lo: number; hi: number; coverage: number } | null {
  const tail = (1 - level) / 2;
  let k = 0;
  while (k + 1 <= n - k && binomialHalfCdf(n, k) <= tail) k++;
  if (k === 0) return null;
  return { lo: k, hi: n + 1 - k, coverage: 1 - 2 * binomialHalfCdf(n, k - 1) };
}

/** The exact distribution-free interval for the median, or null when too few samples. */
export function medianCI(xs: readonly number[], level = 0.95): [number, number] | null {
  const r = medianRanks(xs.length, level);
  if (!r) return null;
  const s = sorted(xs);
  return [s[r.lo - 1]!, s[r.hi - 1]!];
}

/** Samples needed for a median interval at 95% (6) and for a ratio interval (7 on each side). */
export const MIN_SAMPLES_CI = 6;
export const MIN_SAMPLES_RATIO_CI = 7;

/**
 * The ratio of medians a/b with an interval that covers at least 95%: each median's 97.5%
 * interval (Bonferroni), divided crosswise. Conservative; null when either side has fewer
 * than MIN_SAMPLES_RATIO_CI samples.
 */
export function ratioCI(a: readonly number[], b: readonly number[]): { value: number; ci95: [number, number] | null } {
  const value = median(a) / median(b);
  const ia = medianCI(a, 0.975);
  const ib = medianCI(b, 0.975);
  if (!ia || !ib || ib[0] <= 0) return { value, ci95: null };
  return { value, ci95: [ia[0] / ib[1], ia[1] / ib[0]] };
}

/** An interval wider than +/- `tolerance` of its centre value (5% by default) is noisy. */
export function isNoisy(value: number, ci: readonly [number, number] | null, tolerance = 0.05): boolean {
  if (!ci) return false; // no interval: few-samples says so instead
  if (value <= 0) return true;
  return (ci[1] - ci[0]) / 2 / value > tolerance;
}

export interface Drift {
  /** Median of the first and of the second half of the samples, in order taken. */
  firstMs: number;
  secondMs: number;
  /** second / first - 1. */
  change: number;
  /** Both a shift over `minChange` and a Mann-Whitney test at p < 0.01 (two-sided). */
  drifted: boolean;
}

/** Samples needed for the drift test: five per half. */
export const MIN_SAMPLES_DRIFT = 10;

/**
 * Did the run drift? Compares the first and second halves of the samples (in the order they
 * were taken). Null below MIN_SAMPLES_DRIFT samples.
 */
export function drift(xs: readonly number[], minChange = 0.05): Drift | null {
  if (xs.length < MIN_SAMPLES_DRIFT) return null;
  const half = Math.floor(xs.length / 2);
  const a = xs.slice(0, half);
  const b = xs.slice(xs.length - half);
  const firstMs = median(a);
  const secondMs = median(b);
  const change = secondMs / firstMs - 1;
  // Mann-Whitney U with the normal approximation (ties count a half).
  let u = 0;
  for (const x of a) for (const y of b) u += x < y ? 1 : x === y ? 0.5 : 0;
  const n = half * half;
  const sd = Math.sqrt((n * (2 * half + 1)) / 12);
  const z = sd > 0 ? (u - n / 2) / sd : 0;
  return { firstMs, secondMs, change, drifted: Math.abs(change) > minChange && Math.abs(z) > 2.576 };
}

export interface Summary {
  medianMs: number;
  /** Exact 95% interval of the median within this run; null below MIN_SAMPLES_CI samples. */
  ci95Ms: [number, number] | null;
  madMs: number;
  iqrMs: [number, number];
  noisy: boolean;
}

export function summarize(samplesMs: readonly number[]): Summary {
  const medianMs = median(samplesMs);
  const ci95Ms = medianCI(samplesMs);
  return { medianMs, ci95Ms, madMs: mad(samplesMs), iqrMs: iqr(samplesMs), noisy: isNoisy(medianMs, ci95Ms) };
}
