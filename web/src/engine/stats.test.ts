import { describe, expect, it } from 'vitest';
import {
  MIN_SAMPLES_CI,
  MIN_SAMPLES_RATIO_CI,
  binomialHalfCdf,
  drift,
  iqr,
  isNoisy,
  mad,
  median,
  medianCI,
  medianRanks,
  quantile,
  ratioCI,
  rng,
  summarize,
} from './stats';

/** Skewed, timing-like data: a floor plus an exponential tail. Its median is known. */
function timings(next: () => number, n: number, base = 10): number[] {
  return Array.from({ length: n }, () => base * (1 - 0.1 * Math.log(1 - next())));
}
const TRUE_MEDIAN = 10 * (1 + 0.1 * Math.LN2);

describe('order statistics with known answers', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('quantiles interpolate like numpy', () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.75]) == [1.75, 3.25]
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(iqr([4, 3, 2, 1])).toEqual([1.75, 3.25]);
  });

  it('MAD of a textbook example', () => {
    // median 2, deviations [1,1,0,0,2,4,7] -> median 1
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  it('rejects empty input', () => {
    expect(() => median([])).toThrow();
  });

  it('binomial tail probabilities match hand values', () => {
    expect(binomialHalfCdf(5, 0)).toBeCloseTo(1 / 32, 15);
    expect(binomialHalfCdf(6, 1)).toBeCloseTo(7 / 64, 15);
    expect(binomialHalfCdf(30, 9)).toBeCloseTo(0.021387, 5);
    expect(binomialHalfCdf(10, 10)).toBe(1);
  });
});

describe('intervals that cover what they claim (issue 9: three samples covered about 75%)', () => {
  it('gives no median interval below six samples: five reach only 93.75%', () => {
    expect(MIN_SAMPLES_CI).toBe(6);
    for (let n = 1; n < MIN_SAMPLES_CI; n++) expect(medianCI(Array.from({ length: n }, (_, i) => i + 1))).toBeNull();
    expect(medianRanks(6)).toEqual({ lo: 1, hi: 6, coverage: 1 - 2 / 64 });
    expect(medianRanks(30)).toMatchObject({ lo: 10, hi: 21 });
  });

  it('one sample (maxSamples: 1) never yields a zero-width interval', () => {
    expect(summarize([4.2]).ci95Ms).toBeNull();
    expect(ratioCI([4], [2])).toEqual({ value: 2, ci95: null });
  });

  it('the median interval covers the true median at least 95% of the time, for every n from 6 to 40', () => {
    const next = rng(2024);
    for (const n of [6, 7, 9, 15, 25, 40]) {
      let hits = 0;
      const trials = 2000;
      for (let t = 0; t < trials; t++) {
        const [lo, hi] = medianCI(timings(next, n))!;
        if (lo <= TRUE_MEDIAN && TRUE_MEDIAN <= hi) hits++;
      }
      // Exact coverage is at least 95%; allow the simulation's own noise (sd ~ 0.5%).
      expect(hits / trials, `n=${n}`).toBeGreaterThan(0.94);
    }
  });

  it('the ratio interval covers the true ratio at least 95% of the time', () => {
    const next = rng(77);
    let hits = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const a = timings(next, MIN_SAMPLES_RATIO_CI, 30);
      const b = timings(next, 12, 10);
      const { ci95 } = ratioCI(a, b);
      if (ci95![0] <= 3 && 3 <= ci95![1]) hits++;
    }
    expect(hits / trials).toBeGreaterThan(0.95);
  });

  it('needs seven samples on each side for a ratio interval', () => {
    const six = [1, 2, 3, 4, 5, 6];
    const seven = [1, 2, 3, 4, 5, 6, 7];
    expect(ratioCI(six, seven).ci95).toBeNull();
    expect(ratioCI(seven, seven).ci95).toEqual([1 / 7, 7]);
  });

  it('a constant sample has a zero-width interval only when it has enough samples', () => {
    expect(medianCI([5, 5, 5, 5, 5, 5])).toEqual([5, 5]);
    expect(medianCI([5, 5, 5, 5])).toBeNull();
  });
});

describe('noise and drift', () => {
  it('a CI wider than +/-5% is noisy; no CI is not called noisy (few-samples says so)', () => {
    expect(isNoisy(100, [96, 104])).toBe(false);
    expect(isNoisy(100, [90, 111])).toBe(true);
    expect(isNoisy(0, [0, 0])).toBe(true);
    expect(isNoisy(100, null)).toBe(false);
  });

  it('drift: a run that slows down by a fifth half-way is flagged; a steady one is not', () => {
    const next = rng(5);
    const steady = timings(next, 30);
    expect(drift(steady)!.drifted).toBe(false);
    const slowing = [...timings(next, 15), ...timings(next, 15, 12)];
    const d = drift(slowing)!;
    expect(d.drifted).toBe(true);
    expect(d.change).toBeGreaterThan(0.1);
    expect(drift(timings(next, 9))).toBeNull();
  });

  it('a small but consistent shift under 5% is not drift', () => {
    const xs = [...Array(10).fill(10), ...Array(10).fill(10.3)];
    expect(drift(xs)!.drifted).toBe(false);
  });

  it('summarize puts it together', () => {
    const s = summarize([10, 10, 10, 10, 10, 10, 10, 10, 10, 50]);
    expect(s.medianMs).toBe(10);
    expect(s.ci95Ms).toEqual([10, 10]);
    expect(s.madMs).toBe(0);
    expect(s.noisy).toBe(false);
  });
});
