// The sweep panels: which thread counts a sweep runs, and the flags each point's ratios carry
// (shown under the chart, so a greyed or missing point says why).
import { describe, expect, it } from 'vitest';
import { pointFlagWords, threadCounts } from './sweep-panel';

type Ratios = Record<string, { value: number | null; ci95: [number, number] | null; flags: string[]; hidden: boolean }>;
const point = (x: number, ratios: Ratios) => ({ x, r: { ratios } });
const q = (flags: string[], hidden = false) => ({ value: hidden ? null : 1.8, ci95: null, flags, hidden });

describe('sweep panels', () => {
  it('thread counts: every count up to 4, then powers of two and n', () => {
    expect(threadCounts(1)).toEqual([1]);
    expect(threadCounts(2)).toEqual([1, 2]);
    expect(threadCounts(6)).toEqual([1, 2, 3, 4, 6]);
    expect(threadCounts(12)).toEqual([1, 2, 3, 4, 8, 12]);
  });

  it("each point's flags in words, only for the ratios drawn, once each; points without flags are left out", () => {
    const words = pointFlagWords(
      [
        point(1, { 'rust-threads-1/rust-threads': q([]) }),
        point(2, { 'rust-threads-1/rust-threads': q(['noisy-ratio', 'noisy', 'noisy']), 'python/rust': q(['mismatch']) }),
        point(4, { 'rust-threads-1/rust-threads': q(['work-not-scaling'], true) }),
      ],
      ['rust-threads-1/rust-threads'],
      (t) => `${t} threads`,
    );
    expect(words).toEqual([
      { x: 2, text: '2 threads: uncertain ratio, noisy times' },
      { x: 4, text: '4 threads: time does not grow with the work' },
    ]);
    expect(pointFlagWords([point(1, {})], ['rust/rust-pool'], String)).toEqual([]);
  });
});
