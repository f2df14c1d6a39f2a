// Claimed against measured: each published claim is shown with its source, beside this browser's
// figure and make bench's native and in-browser figures, and a flagged figure carries its flags.
import { describe, expect, it } from 'vitest';
import { NO_REFERENCE, type Reference, type ReferenceKernel } from '../shared/reference';
import { CLAIMS, claimRows } from './claims-data';

const kernel = (over: Partial<ReferenceKernel> = {}): ReferenceKernel => ({
  params: { n: 27 },
  verified: true,
  ratio: { value: 61.6, ci95: [59.6, 63.2], flags: ['noisy-ratio', 'noisy'], hidden: false },
  pyodideMs: 31.9,
  wasmRustMs: 0.518,
  cpythonMs: 24.0,
  nativeRustMs: 0.435,
  nativeRatio: 55.1,
  wasmOverNative: 1.19,
  pyodideOverCpython: 1.33,
  ...over,
});
const ref = (kernels: Record<string, ReferenceKernel>): Reference => ({ ...NO_REFERENCE, generated: '2026-11-30T00:00:00Z', kernels });

describe('claims', () => {
  it("fib carries the seed article's 43x and the Benchmarks Game workloads their published ratios", () => {
    expect(CLAIMS.fib?.ratio).toBe(43);
    for (const id of ['nbody', 'spectral-norm', 'mandelbrot', 'fannkuch-redux', 'binary-trees']) {
      const c = CLAIMS[id];
      expect(c, id).toBeDefined();
      expect(c!.source).toMatch(/Benchmarks Game/);
      // The ratio is the published times' quotient, both of which the sentence quotes.
      const [py, rs] = [...c!.what.matchAll(/([\d.]+) s\b/g)].map((m) => Number(m[1]));
      expect(c!.ratio).toBeCloseTo(py! / rs!, 6);
    }
    expect(CLAIMS.nbody!.ratio).toBeGreaterThan(100);
    expect(CLAIMS['binary-trees']!.ratio).toBeLessThan(100);
    expect(CLAIMS['orders-json']).toBeUndefined();
  });

  it('rows: claim, this browser (press Run until measured), native and in-browser reference, in that order', () => {
    const before = claimRows('fib', ref({ fib: kernel() }), null);
    expect(before.map((r) => r.key)).toEqual(['claim', 'browser', 'native', 'reference']);
    expect(before[0]!.value).toBe('43.0×');
    expect(before[0]!.where).toMatch(/source: the article/);
    expect(before[1]!.value).toBe('press Run');
    expect(before[2]!.value).toBe('55.1×');
    expect(before[2]!.where).toMatch(/CPython 24\.0 ms over native Rust 435 µs, n=27, on the reference machine, 2026-11-30/);
    expect(before[3]!.flags).toEqual(['uncertain ratio', 'noisy times']);

    const after = claimRows('fib', ref({ fib: kernel() }), { ratio: 53.3, ci95: [50.3, 66], params: { n: 27 }, flags: ['uncertain ratio'] });
    expect(after[1]!.value).toBe('53.3×');
    expect(after[1]!.where).toMatch(/95% interval within the run 50\.3× to 66\.0×/);
    expect(after[1]!.flags).toEqual(['uncertain ratio']);
  });

  it('no claim and no report: only the browser row', () => {
    expect(claimRows('orders-json', NO_REFERENCE, null).map((r) => r.key)).toEqual(['browser']);
    expect(claimRows('nbody', ref({ nbody: kernel({ nativeRatio: null, ratio: null }) }), null).map((r) => r.key)).toEqual(['claim', 'browser']);
  });
});
