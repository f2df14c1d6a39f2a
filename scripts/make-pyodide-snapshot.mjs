// A memory snapshot of a freshly started Pyodide, made at build time in Node from the same
// npm package the site serves. The Python worker starts from it instead of running the
// interpreter's bootstrap again: about 0.4 s instead of 3-4 s on 2 cores (bench/report.md).
// Half of the 31 MB heap is 64 KiB blocks of zeros: only the others are written (the format is
// in web/src/workers/snapshot.ts, which rebuilds the heap as it streams in), gzipped, so the
// worker inflates 15 MB instead of 31.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const MAGIC = 0x31534254; // 'TBS1'
const BLOCK = 64 * 1024;

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'pyodide', 'snapshot.bin.gz');
const indexURL = `${dirname(require.resolve('pyodide/package.json'))}/`;
const { loadPyodide, version } = await import(`${indexURL}pyodide.mjs`);

// Nothing but the bootstrap: what the twins import is cheap, and anything imported here would
// be shared, frozen, by every instance started from the snapshot.
const py = await loadPyodide({ indexURL, _makeSnapshot: true });
const heap = py.makeMemorySnapshot();

/** The header and the non-zero blocks, in heap order. */
function sparse(bytes) {
  const blocks = [];
  for (let b = 0; b * BLOCK < bytes.length; b++) {
    if (bytes.subarray(b * BLOCK, (b + 1) * BLOCK).some((x) => x !== 0)) blocks.push(b);
  }
  const head = Buffer.alloc(16 + 4 * blocks.length);
  [MAGIC, bytes.length, BLOCK, blocks.length, ...blocks].forEach((x, i) => head.writeUInt32LE(x, 4 * i));
  return Buffer.concat([head, ...blocks.map((b) => bytes.subarray(b * BLOCK, (b + 1) * BLOCK))]);
}

const body = sparse(heap);
const gz = gzipSync(body, { level: 9 });
writeFileSync(out, gz);
const mb = (n) => (n / 1e6).toFixed(1);
console.log(`pyodide ${version} memory snapshot: ${mb(heap.length)} MB heap, ${mb(body.length)} MB in non-zero blocks, ${mb(gz.length)} MB gzipped -> web/public/pyodide/snapshot.bin.gz`);
