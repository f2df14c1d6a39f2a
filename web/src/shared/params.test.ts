import { describe, expect, it } from 'vitest';
import { ParamError, parseValue, validate, workloadSpec } from './params';

const fib = workloadSpec('fib');

describe('validate', () => {
  it('fills defaults and keeps given values', () => {
    expect(validate(fib, {})).toEqual({ n: 27 });
    expect(validate(fib, { n: 10 })).toEqual({ n: 10 });
  });

  it.each([
    [{ n: 51 }, 'parameter n of fib must be between 0 and 50, got 51'],
    [{ n: -1 }, 'parameter n of fib must be between 0 and 50, got -1'],
    [{ n: 3.5 }, 'parameter n of fib must be an integer, got 3.5'],
    [{ n: '7' }, 'parameter n of fib must be an integer, got "7"'],
    [{ n: Number.NaN }, 'must be an integer'],
    [{ n: Number.POSITIVE_INFINITY }, 'must be an integer'],
    [{ m: 1 }, "unknown parameter 'm' for fib; allowed: n"],
    [{ ['__proto__']: 1 }, 'unknown parameter'],
    [[1], 'must be an object'],
  ])('rejects %j with a message that says what is allowed', (given, message) => {
    expect(() => validate(fib, given)).toThrow(ParamError);
    expect(() => validate(fib, given)).toThrow(message);
  });

  it('applies the page cap of the language asked for', () => {
    const p = fib.params[0]!;
    expect(p.type).toBe('int');
    if (p.type === 'choice') return;
    expect(validate(fib, { n: p.page_max_python }, 'python')).toEqual({ n: p.page_max_python });
    expect(() => validate(fib, { n: p.page_max_python + 1 }, 'python')).toThrow(/at most \d+ for Python in the page/);
    expect(validate(fib, { n: p.page_max_python + 1 }, 'rust')).toEqual({ n: p.page_max_python + 1 });
  });

  it('rejects unknown workloads by listing the known ones', () => {
    expect(() => workloadSpec('nope')).toThrow(/^unknown workload 'nope'; known: fib, /);
  });
});

describe('parseValue', () => {
  it('parses strict decimals only', () => {
    expect(parseValue(fib.params[0]!, '30')).toBe(30);
    for (const raw of ['', '3.5', '0x10', 'ten', '1e3']) expect(parseValue(fib.params[0]!, raw)).toBeNaN();
  });
});
