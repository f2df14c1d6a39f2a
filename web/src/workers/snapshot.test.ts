// The sparse snapshot format: a heap rebuilt from its non-zero blocks, however the stream is cut.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_MAGIC, SparseSnapshotReader } from './snapshot';

/** What scripts/make-pyodide-snapshot.mjs writes (before gzip), for a heap and a block size. */
function encode(heap: Uint8Array, blockSize: number): Uint8Array {
  const blocks: number[] = [];
  for (let b = 0; b * blockSize < heap.length; b++) {
    if (heap.subarray(b * blockSize, (b + 1) * blockSize).some((x) => x !== 0)) blocks.push(b);
  }
  const head = new DataView(new ArrayBuffer(16 + 4 * blocks.length));
  [SNAPSHOT_MAGIC, heap.length, blockSize, blocks.length, ...blocks].forEach((x, i) => head.setUint32(4 * i, x, true));
  const parts = [new Uint8Array(head.buffer), ...blocks.map((b) => heap.subarray(b * blockSize, (b + 1) * blockSize))];
  return Buffer.concat(parts);
}

function read(bytes: Uint8Array, cut: number): Uint8Array {
  const r = new SparseSnapshotReader();
  for (let p = 0; p < bytes.length; p += cut) r.push(bytes.subarray(p, p + cut));
  return r.finish();
}

describe('SparseSnapshotReader', () => {
  const heap = new Uint8Array(10 * 64 + 5);
  heap.set([1, 2, 3], 64); // block 1
  heap.set([9], 64 * 7 + 63); // block 7
  heap[heap.length - 1] = 7; // the short last block
  const bytes = encode(heap, 64);

  it('rebuilds the heap from its non-zero blocks, whatever the chunk size', () => {
    expect(bytes.length).toBe(16 + 4 * 3 + 64 + 64 + 5);
    for (const cut of [1, 3, 16, 17, 100, bytes.length]) expect(read(bytes, cut)).toEqual(heap);
  });

  it('rebuilds an all-zero heap', () => {
    const zeros = new Uint8Array(300);
    expect(read(encode(zeros, 64), 5)).toEqual(zeros);
  });

  it('refuses what is not a snapshot, or a truncated one', () => {
    expect(() => read(gzipSync(Buffer.from('not a memory snapshot')), 7)).toThrow('not a twinbench snapshot');
    expect(() => read(bytes.subarray(0, bytes.length - 1), 10)).toThrow('truncated');
    expect(() => read(Buffer.concat([bytes, new Uint8Array([1])]), 10)).toThrow('more data');
  });
});
