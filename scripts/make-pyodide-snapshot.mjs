// A memory snapshot of a freshly started Pyodide, made at build time in Node from the same
// npm package the site serves. The Python worker starts from it instead of running the
// interpreter's bootstrap again: about 0.4 s instead of 3-4 s on 2 cores (bench/report.md).
// Written gzipped (31 MB -> 6 MB); the worker inflates it with DecompressionStream.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'pyodide', 'snapshot.bin.gz');
const indexURL = `${dirname(require.resolve('pyodide/package.json'))}/`;
const { loadPyodide, version } = await import(`${indexURL}pyodide.mjs`);

// Nothing but the bootstrap: what the twins import is cheap, and anything imported here would
// be shared, frozen, by every instance started from the snapshot.
const py = await loadPyodide({ indexURL, _makeSnapshot: true });
const snapshot = py.makeMemorySnapshot();
writeFileSync(out, gzipSync(snapshot));
console.log(`pyodide ${version} memory snapshot: ${(snapshot.length / 1e6).toFixed(1)} MB -> web/public/pyodide/snapshot.bin.gz`);
