import { describe, expect, it } from 'vitest';
import { iqr, isNoisy, mad, median, medianCI, quantile, ratioCI, rng, summarize } from './stats';

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
    expect(() => medianCI([])).toThrow();
  });
});

describe('bootstrap', () => {
  it('is reproducible for a seed and brackets the median', () => {
    const next = rng(42);
    const xs = Array.from({ length: 50 }, () => 10 + next());
    const a = medianCI(xs, { seed: 7 });
    expect(medianCI(xs, { seed: 7 })).toEqual(a);
    expect(a[0]).toBeLessThanOrEqual(median(xs));
    expect(a[1]).toBeGreaterThanOrEqual(median(xs));
  });

  it('a constant sample has a zero-width CI', () => {
    expect(medianCI([5, 5, 5, 5])).toEqual([5, 5]);
    expect(ratioCI([6, 6, 6], [2, 2, 2])).toEqual({ value: 3, ci95: [3, 3] });
  });

  it('covers the true median about 95% of the time', () => {
    // Uniform(0, 1) has median 0.5; count how often the 95% CI of n=41 contains it.
    const next = rng(123);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 41 }, () => next());
      const [lo, hi] = medianCI(xs, { seed: t + 1, resamples: 500 });
      if (lo <= 0.5 && 0.5 <= hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.995);
  });

  it('ratio CI brackets a known ratio of 4', () => {
    const next = rng(9);
    const a = Array.from({ length: 30 }, () => 40 * (1 + 0.02 * (next() - 0.5)));
    const b = Array.from({ length: 30 }, () => 10 * (1 + 0.02 * (next() - 0.5)));
    const r = ratioCI(a, b);
    expect(r.value).toBeCloseTo(4, 1);
    expect(r.ci95[0]).toBeLessThan(4.02);
    expect(r.ci95[1]).toBeGreaterThan(3.98);
    expect(r.ci95[1] - r.ci95[0]).toBeLessThan(0.1);
  });
});

describe('noise flag', () => {
  it('flags a CI wider than +/-5%', () => {
    expect(isNoisy(100, [96, 104])).toBe(false);
    expect(isNoisy(100, [90, 111])).toBe(true);
    expect(isNoisy(0, [0, 0])).toBe(true);
  });

  it('summarize puts it together', () => {
    const s = summarize([10, 10, 10, 10, 10, 10, 10, 10, 10, 50]);
    expect(s.medianMs).toBe(10);
    expect(s.madMs).toBe(0);
    expect(s.noisy).toBe(false);
  });
});
