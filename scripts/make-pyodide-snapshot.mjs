// A memory snapshot of a freshly started Pyodide, made at build time in Node from the same
// npm package the site serves. The Python worker starts from it instead of running the
// interpreter's bootstrap again: about 0.4 s instead of 3-4 s on 2 cores (bench/report.md),
// with the twins already imported.
// Half of the 31 MB heap is 64 KiB blocks of zeros: only the others are written (the format is
// in web/src/workers/snapshot.ts, which rebuilds the heap as it streams in), gzipped, so the
// worker inflates 15 MB instead of 31.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

// The bootstrap, then the twins imported (compiling their sources costs 50-100 ms at every
// start otherwise), with the CRC-32 of every source file: the worker writes the package it
// bundles and keeps these modules only when every file is the same (python.worker.ts).
const py = await loadPyodide({ indexURL, _makeSnapshot: true });
const glue = join(dirname(fileURLToPath(import.meta.url)), '..', 'pyodide_glue');
const HOME = '/home/pyodide';
function writeTree(rel) {
  py.FS.mkdirTree(`${HOME}/${rel}`);
  for (const f of readdirSync(join(glue, rel), { withFileTypes: true })) {
    if (f.isDirectory() && f.name !== '__pycache__') writeTree(`${rel}/${f.name}`);
    else if (f.name.endsWith('.py')) py.FS.writeFile(`${HOME}/${rel}/${f.name}`, readFileSync(join(glue, rel, f.name), 'utf8'));
  }
}
writeTree('twinbench');
py.runPython(`
import importlib, os, sys, zlib
sys.path.insert(0, ${JSON.stringify(HOME)})
import twinbench, twinbench.harness, twinbench.rust
for f in sorted(os.listdir(${JSON.stringify(`${HOME}/twinbench/kernels`)})):
    if f.endswith('.py') and f != '__init__.py':
        importlib.import_module('twinbench.kernels.' + f[:-3])
crc = {}
for d, _, files in os.walk(${JSON.stringify(`${HOME}/twinbench`)}):
    for f in files:
        if f.endswith('.py'):
            with open(os.path.join(d, f), 'rb') as fh:
                crc[os.path.relpath(os.path.join(d, f), ${JSON.stringify(HOME)})] = zlib.crc32(fh.read())
twinbench._sources_crc = crc
del crc, d, files, f, fh
`);
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
