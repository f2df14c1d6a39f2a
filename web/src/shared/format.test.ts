import { describe, expect, it } from 'vitest';
import { formatInterval, formatMs, formatTimes, sig } from './format';

describe('one time formatter for the page and the report', () => {
  it('keeps three significant digits across units', () => {
    expect(formatMs(0.000_209)).toBe('209 ns');
    expect(formatMs(0.797)).toBe('797 µs');
    expect(formatMs(1.2149)).toBe('1.21 ms');
    expect(formatMs(73.04)).toBe('73.0 ms');
    expect(formatMs(999.4)).toBe('999 ms');
    expect(formatMs(2049)).toBe('2.05 s');
    expect(formatMs(0)).toBe('0 ms');
  });

  it('says n/a for a missing or non-finite number instead of printing NaN', () => {
    for (const x of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatMs(x)).toBe('n/a');
      expect(formatTimes(x)).toBe('n/a');
      expect(sig(x)).toBe('n/a');
    }
    expect(formatInterval(null)).toBe('n/a');
  });

  it('formats ratios and intervals', () => {
    expect(formatTimes(99.44)).toBe('99.4×');
    expect(formatTimes(1.874)).toBe('1.87×');
    expect(formatTimes(736_619)).toBe('736619×');
    expect(formatInterval([0.5, 0.75])).toBe('500 µs to 750 µs');
    expect(formatInterval([72.7, 73.2], (x) => formatTimes(x))).toBe('72.7× to 73.2×');
  });

  it('never switches to exponent notation for tiny values', () => {
    expect(sig(0.000_001_234)).toBe('0.000001');
    expect(formatMs(-0.5)).toBe('-500 µs');
  });
});
