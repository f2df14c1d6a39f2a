#!/usr/bin/env node
// Pyodide's own start-up outside the browser, for the benchmark report: loadPyodide in Node
// from the npm package (no network, no worker, no page), plain and from the memory snapshot
// the site ships (web/dist/pyodide/snapshot.bin.gz, made by scripts/make-pyodide-snapshot.mjs),
// which skips the interpreter's bootstrap. Prints JSON: the median of --repeats loads of each,
// and the snapshot's size. Needs `make build` first.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { median } from './lib/ts.mjs';

const { values: opts } = parseArgs({ options: { repeats: { type: 'string', default: '3' } } });
const repeats = Number(opts.repeats);
const require = createRequire(import.meta.url);
const indexURL = `${dirname(require.resolve('pyodide/package.json'))}/`;
const { loadPyodide, version } = await import('pyodide');

async function timed(opts) {
  const t0 = performance.now();
  const py = await loadPyodide({ indexURL, ...opts });
  const ms = performance.now() - t0;
  py.runPython('1 + 1'); // usable
  return { ms, py };
}

const plain = [];
for (let i = 0; i < repeats; i++) plain.push((await timed({})).ms);

/** The heap from the shipped snapshot: only its non-zero blocks are stored (web/src/workers/snapshot.ts). */
function heapOf(sparse) {
  const [length, block, count] = [4, 8, 12].map((o) => sparse.readUInt32LE(o));
  const heap = new Uint8Array(length);
  let at = 16 + 4 * count;
  for (let i = 0; i < count; i++) {
    const start = sparse.readUInt32LE(16 + 4 * i) * block;
    const size = Math.min(block, length - start);
    heap.set(sparse.subarray(at, at + size), start);
    at += size;
  }
  return heap;
}

const shipped = readFileSync(new URL('../web/dist/pyodide/snapshot.bin.gz', import.meta.url));
const snapshot = heapOf(gunzipSync(shipped));
const fromSnapshot = [];
for (let i = 0; i < repeats; i++) fromSnapshot.push((await timed({ _loadSnapshot: snapshot })).ms);

process.stdout.write(
  JSON.stringify({
    pyodide: version,
    node: process.version,
    repeats,
    load_ms: median(plain),
    load_runs_ms: plain,
    snapshot_load_ms: median(fromSnapshot),
    snapshot_load_runs_ms: fromSnapshot,
    snapshot_bytes: snapshot.length,
    snapshot_gzip_bytes: shipped.length,
  }),
);
