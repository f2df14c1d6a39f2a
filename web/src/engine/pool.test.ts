import { describe, expect, it } from 'vitest';
import { combineWork, concatBytes, mergeParts, sumDecimal } from './pool';

describe('pool merging, after the clock stops', () => {
  it('sums decimal parts exactly past 2^53', () => {
    expect(sumDecimal(['9007199254740993', '9007199254740993'])).toBe('18014398509481986');
  });

  it('concatenates byte parts in shard order and digests them as the sequential kernel is digested', async () => {
    expect([...concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])])]).toEqual([1, 2, 3]);
    const merged = await mergeParts('concat', [new Uint8Array([80, 52]), 'x']);
    expect(merged).toMatch(/^(sha256|fnv1a64):[0-9a-f]+ \(3 bytes\)$/);
  });

  it('adds the shards work digests modulo 2^64 (Contract 1: they add up to the whole run)', () => {
    expect(combineWork(['ffffffffffffffff', '0000000000000002'])).toBe('0000000000000001');
    expect(combineWork(['0123456789abcdef'])).toBe('0123456789abcdef');
  });
});
