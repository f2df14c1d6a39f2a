import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl, median, medianOf, meets, spread } from './fit';

describe('fitAmdahl', () => {
  it('recovers p from exact Amdahl speedups', () => {
    for (const p of [0, 0.5, 0.9, 0.99, 1]) {
      const pts = [1, 2, 4, 8].map((n) => ({ n, speedup: amdahlSpeedup(p, n) }));
      const fit = fitAmdahl(pts)!;
      expect(fit.p).toBeCloseTo(p, 12);
      expect(fit.rmse).toBeLessThan(1e-12);
    }
  });

  it('is the least-squares p for noisy points (checked against the closed form by hand)', () => {
    // n = 2: S = 1.8 → x = -0.5, y - 1 = -0.4444; n = 4: S = 3 → x = -0.75, y - 1 = -0.6667.
    const fit = fitAmdahl([
      { n: 1, speedup: 1 },
      { n: 2, speedup: 1.8 },
      { n: 4, speedup: 3 },
    ])!;
    const want = (0.5 * (1 - 1 / 1.8) + 0.75 * (1 - 1 / 3)) / (0.25 + 0.5625);
    expect(fit.p).toBeCloseTo(want, 12);
    expect(fit.rmse).toBeGreaterThan(0);
  });

  it('holds p to [0, 1] and needs a point with more than one thread', () => {
    expect(fitAmdahl([{ n: 2, speedup: 0.5 }])!.p).toBe(0); // slower with threads
    expect(fitAmdahl([{ n: 2, speedup: 2.5 }])!.p).toBe(1); // superlinear
    expect(fitAmdahl([{ n: 1, speedup: 1 }])).toBeNull();
    expect(fitAmdahl([])).toBeNull();
    expect(fitAmdahl([{ n: 2, speedup: Number.NaN }])).toBeNull();
  });

  it('gives p = 0.9 → 1/(0.1 + 0.45) at two threads', () => {
    expect(amdahlSpeedup(0.9, 2)).toBeCloseTo(1 / 0.55, 12);
  });
});

describe('summaries', () => {
  it('median, spread, meets', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(() => median([])).toThrow();
    expect(medianOf([4, null, 1, 'x', undefined, 2])).toBe(2);
    expect(medianOf([null, Number.NaN])).toBeNull();
    expect(spread([2, 2.2, 2.1])).toBeCloseTo(1.1, 12);
    expect(() => spread([1, 0])).toThrow();
    expect(meets(1.2, 1.25, 'max')).toBe(true);
    expect(meets(1.3, 1.25, 'max')).toBe(false);
    expect(meets(1.8, 1.8, 'min')).toBe(true);
    expect(meets(null, 1, 'min')).toBeNull();
  });
});
