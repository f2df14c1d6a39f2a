import { describe, expect, it } from 'vitest';
import type { Capabilities } from './environment';
import { checkRequest } from './request';

const isolated: Capabilities = {
  crossOriginIsolated: true,
  sharedArrayBuffer: true,
  wasmThreads: true,
  threads: true,
  pythonInterrupt: true,
  notice: null,
};
const plain: Capabilities = { ...isolated, crossOriginIsolated: false, threads: false, pythonInterrupt: false, notice: 'threads off: no isolation' };

describe('request checks, before any worker starts', () => {
  it('defaults: python and rust, 30 samples, 2 s, the scaling plan from the catalog', () => {
    const r = checkRequest({ workload: 'fib', params: { n: 27 } }, isolated, 2);
    expect(r.impls).toEqual(['python', 'rust']);
    expect(r).toMatchObject({ maxSamples: 30, timeBudgetMs: 2000, threads: 2, params: { n: 27 } });
    expect(r.scaling).toMatchObject({ param: 'n', small: 24 });
  });

  it('rust-threads brings its one-thread baseline, just before it', () => {
    const r = checkRequest({ workload: 'mandelbrot', implementations: ['rust', 'rust-threads'] }, isolated, 2);
    expect(r.impls).toEqual(['rust', 'rust-threads-1', 'rust-threads']);
  });

  it('says why an implementation is not available', () => {
    expect(() => checkRequest({ workload: 'mandelbrot', implementations: ['rust-threads'] }, plain, 2)).toThrow(
      'rust-threads is not available: threads off: no isolation',
    );
    expect(() => checkRequest({ workload: 'fib', implementations: ['rust-pool'] }, isolated, 2)).toThrow(
      'rust-pool is not available: fib does not split across a worker pool',
    );
    expect(() => checkRequest({ workload: 'fib', implementations: ['python-reference'] }, isolated, 2)).toThrow(/python-reference is not available/);
    expect(checkRequest({ workload: 'fib', implementations: ['python-reference'], pythonSource: 'x' }, isolated, 2).impls).toEqual(['python-reference']);
  });

  it('rejects unknown, repeated and malformed requests with the allowed values', () => {
    expect(() => checkRequest({ workload: 'fib', implementations: ['cobol' as never] }, isolated, 2)).toThrow(/^unknown implementation 'cobol'; known: python, /);
    expect(() => checkRequest({ workload: 'fib', implementations: ['rust', 'rust'] }, isolated, 2)).toThrow('an implementation is listed twice: rust');
    expect(() => checkRequest({ workload: 'fib', maxSamples: 0 }, isolated, 2)).toThrow('maxSamples must be a number between 1 and 500, got 0');
    expect(() => checkRequest({ workload: 'fib', minWarmupMs: -1 }, isolated, 2)).toThrow(/minWarmupMs must be/);
    expect(() => checkRequest({ workload: 'fib-batch', implementations: ['python-pool'], threads: 9 }, isolated, 2)).toThrow(
      'threads must be an integer between 1 and 8, got 9',
    );
  });

  it('applies each implementation page cap: Python calling Rust takes the Rust cap', () => {
    expect(() => checkRequest({ workload: 'fib', params: { n: 40 } }, isolated, 2)).toThrow(/at most \d+ for Python in the page/);
    expect(checkRequest({ workload: 'fib', params: { n: 40 }, implementations: ['python-calls-rust', 'rust'] }, isolated, 2).params).toEqual({ n: 40 });
  });
});
