// Share links come from strangers: every malformed, truncated, oversized or wrongly typed
// fragment is refused with a notice (never an exception), and a good one round-trips.
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { workloadSpec } from './params';
import { compactResult, type SharedResult } from './share-result';
import { decodeShare, encodeShare, SHARE_LIMITS } from './share';

const fib = workloadSpec('fib');
const IMPLS = ['python', 'rust', 'python-calls-rust'];
const link = (x: unknown): string => `#s=${compressToEncodedURIComponent(JSON.stringify(x))}`;

const RESULT: SharedResult = {
  workload: 'fib',
  params: { n: 20 },
  verified: true,
  output: '6765',
  work: '0123456789abcdef',
  implementations: {
    python: { medianMs: 3.2, ci95Ms: [3.1, 3.3], samplesMs: [3.2, 3.1, 3.3], batch: 1, build: 'python', coldMs: 900 },
    rust: { medianMs: 0.05, ci95Ms: null, samplesMs: [0.05, 0.05, 0.06], batch: 200, build: 'st' },
  },
  ratios: { 'python/rust': { value: 64, ci95: [60, 70], flags: [], hidden: false } },
  flags: [{ code: 'few-samples', impl: 'python', message: 'few', hidesRatio: false }],
  environment: { userAgent: 'UA', hardwareConcurrency: 8, crossOriginIsolated: true, threads: true, timerTickMs: 0.005, pyodideVersion: '314.0.7', pythonVersion: '3.14.2' },
};

describe('share links', () => {
  it('round-trip code, parameters, implementations, threads and a result', () => {
    const code = 'print("<img src=x onerror=alert(1)>")\n';
    const hash = `#${encodeShare({ v: 1, params: { n: 21 }, code, impls: ['python', 'rust'], threads: 2, result: compactResult(RESULT) })}`;
    const d = decodeShare(hash, fib, IMPLS);
    expect(d.notice).toBeNull();
    expect(d.state).toMatchObject({ params: { n: 21 }, code, impls: ['python', 'rust'], threads: 2 });
    expect(d.state?.result?.implementations.python?.medianMs).toBe(3.2);
    expect(d.state?.result?.ratios['python/rust']?.value).toBe(64);
  });

  it('no fragment is no state and no notice; every key but v is optional', () => {
    expect(decodeShare('', fib, IMPLS)).toEqual({ state: null, notice: null });
    expect(decodeShare('#other=1', fib, IMPLS)).toEqual({ state: null, notice: null });
    expect(decodeShare(link({ v: 1 }), fib, IMPLS)).toEqual({ state: { v: 1 }, notice: null });
  });

  const refused: Array<[string, string]> = [
    ['empty', '#s='],
    ['not lz-string', '#s=%%%not-lz'],
    ['truncated', link({ v: 1, code: 'x'.repeat(500) }).slice(0, 40)],
    ['not JSON', `#s=${compressToEncodedURIComponent('{"v":1,')}`],
    ['an array', link([1, 2])],
    ['a wrong version', link({ v: 2 })],
    ['an unknown key', link({ v: 1, run: true })],
    ['a parameter over its limit', link({ v: 1, params: { n: 51 } })],
    ['a parameter as text', link({ v: 1, params: { n: '20' } })],
    ['an unknown parameter', link({ v: 1, params: { m: 1 } })],
    ['NaN through JSON (null)', link({ v: 1, params: { n: null } })],
    ['code that is not text', link({ v: 1, code: { toString: 1 } })],
    ['oversized code', link({ v: 1, code: 'x'.repeat(SHARE_LIMITS.codeChars + 1) })],
    ['an unknown implementation', link({ v: 1, impls: ['python', 'evil'] })],
    ['threads as text', link({ v: 1, threads: '2' })],
    ['threads out of range', link({ v: 1, threads: 1000 })],
    ['a result for another workload', link({ v: 1, result: { ...RESULT, workload: 'nbody' } })],
    ['a result with a negative time', link({ v: 1, result: { ...RESULT, implementations: { python: { ...RESULT.implementations.python, medianMs: -1 } } } })],
    ['a result with a string sample', link({ v: 1, result: { ...RESULT, implementations: { rust: { ...RESULT.implementations.rust, samplesMs: ['1'] } } } })],
    ['a result with an unknown ratio', link({ v: 1, result: { ...RESULT, ratios: { 'python/evil': RESULT.ratios['python/rust'] } } })],
    ['a result without an environment', link({ v: 1, result: { ...RESULT, environment: null } })],
    ['a __proto__ key', `#s=${compressToEncodedURIComponent('{"v":1,"__proto__":{"polluted":1}}')}`],
    ['an oversized fragment', `#s=${'A'.repeat(SHARE_LIMITS.fragmentChars + 1)}`],
  ];
  for (const [what, hash] of refused) {
    it(`refuses ${what} with a notice`, () => {
      const d = decodeShare(hash, fib, IMPLS);
      expect(d.state).toBeNull();
      expect(d.notice).toMatch(/^This share link was not loaded, because .+; nothing from it is shown or run\.$/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('never throws on random fragments', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const good = link({ v: 1, params: { n: 20 }, code: 'def fib(n): return n', result: RESULT }).slice(3);
    for (let i = 0; i < 500; i++) {
      const chars = [...good];
      for (let k = 0; k < 1 + rand() * 5; k++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(32 + Math.floor(rand() * 95));
      const cut = chars.slice(0, Math.floor(rand() * chars.length + 1)).join('');
      expect(() => decodeShare(`#s=${cut}`, fib, IMPLS)).not.toThrow();
    }
  });
});
