// Pyodide's memory snapshot as the build writes it (scripts/make-pyodide-snapshot.mjs): only the
// 64 KiB blocks of the 31 MB heap that are not all zeros (about half of it), gzipped. Read as
// it streams in, each block straight into its place in a zeroed buffer: half the inflating of
// the whole heap, and no second copy.
//
// Inflated layout, little-endian u32s: magic 'TBS1', heap length, block size, block count, the
// blocks' indices in the heap (ascending), then the blocks' bytes in that order (the last block
// of the heap may be short).

export const SNAPSHOT_MAGIC = 0x31534254; // 'TBS1'
const HEAD = 16;

/** Rebuilds the heap from the inflated stream, chunk by chunk. */
export class SparseSnapshotReader {
  private head = new Uint8Array(0);
  private heap: Uint8Array | null = null;
  private blocks: Uint32Array | null = null;
  private blockSize = 0;
  private block = 0; // index into `blocks` of the block being filled
  private filled = 0; // bytes of it written so far

  push(chunk: Uint8Array): void {
    let p = 0;
    if (!this.blocks) {
      p = this.readHead(chunk);
      if (!this.blocks) return;
    }
    const heap = this.heap!;
    const blocks = this.blocks;
    while (p < chunk.length) {
      if (this.block >= blocks.length) throw new Error('snapshot: more data than its blocks');
      const start = blocks[this.block]! * this.blockSize;
      const size = Math.min(this.blockSize, heap.length - start);
      const take = Math.min(size - this.filled, chunk.length - p);
      heap.set(chunk.subarray(p, p + take), start + this.filled);
      p += take;
      this.filled += take;
      if (this.filled === size) {
        this.block++;
        this.filled = 0;
      }
    }
  }

  /** The heap, once every block has arrived. */
  finish(): Uint8Array {
    if (!this.heap || !this.blocks || this.block !== this.blocks.length) throw new Error('snapshot: truncated');
    return this.heap;
  }

  /** Gathers the header across chunks; returns how much of `chunk` it used. */
  private readHead(chunk: Uint8Array): number {
    let p = 0;
    const upTo = (n: number): boolean => {
      const used = Math.min(n - this.head.length, chunk.length - p);
      if (used > 0) {
        const head = new Uint8Array(this.head.length + used);
        head.set(this.head);
        head.set(chunk.subarray(p, p + used), this.head.length);
        this.head = head;
        p += used;
      }
      return this.head.length >= n;
    };
    if (!upTo(HEAD)) return p;
    const v = new DataView(this.head.buffer);
    if (v.getUint32(0, true) !== SNAPSHOT_MAGIC) throw new Error('snapshot: not a twinbench snapshot');
    if (v.getUint32(8, true) === 0) throw new Error('snapshot: block size 0');
    if (!upTo(HEAD + 4 * this.count())) return p;
    const h = new DataView(this.head.buffer);
    const length = h.getUint32(4, true);
    this.blockSize = h.getUint32(8, true);
    const blocks = new Uint32Array(this.count());
    for (let i = 0; i < blocks.length; i++) {
      blocks[i] = h.getUint32(HEAD + 4 * i, true);
      if (blocks[i]! * this.blockSize >= length || (i > 0 && blocks[i]! <= blocks[i - 1]!)) throw new Error('snapshot: bad block index');
    }
    this.heap = new Uint8Array(length);
    this.blocks = blocks;
    return p;
  }

  private count(): number {
    return new DataView(this.head.buffer, this.head.byteOffset).getUint32(12, true);
  }
}

/**
 * Fetch and rebuild the snapshot; rejects when it is missing or unusable (the worker then
 * starts Pyodide the slow way). A host that sends it with Content-Encoding: gzip has had it
 * inflated by the browser already.
 */
export async function fetchSnapshot(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`snapshot: HTTP ${res.status}`);
  const raw = res.body.getReader();
  const first = await raw.read();
  if (first.done) throw new Error('snapshot: empty');
  const gzipped = first.value[0] === 0x1f && first.value[1] === 0x8b;
  const source = new ReadableStream<Uint8Array>({
    start: (c) => c.enqueue(first.value),
    pull: async (c) => {
      const next = await raw.read();
      if (next.done) c.close();
      else c.enqueue(next.value);
    },
  });
  const body = gzipped ? source.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : source;
  const reader = new SparseSnapshotReader();
  const chunks = body.getReader();
  for (;;) {
    const { done, value } = await chunks.read();
    if (done) return reader.finish();
    reader.push(value);
  }
}
