import { describe, expect, it } from 'vitest';
import { thinPoints } from './protocol';

describe('thinPoints', () => {
  it('keeps short paths whole, thins long ones to at most max points, always with the last', () => {
    const short = Float64Array.from([0, 0, 1, 1]);
    expect(thinPoints(short, 10)).toBe(short);
    const n = 1001;
    const long = Float64Array.from({ length: 2 * n }, (_, i) => i);
    const thin = thinPoints(long, 100);
    expect(thin.length / 2).toBeLessThanOrEqual(101);
    expect([...thin.slice(-2)]).toEqual([2 * (n - 1), 2 * (n - 1) + 1]);
    expect([...thin.slice(0, 2)]).toEqual([0, 1]);
  });
});
