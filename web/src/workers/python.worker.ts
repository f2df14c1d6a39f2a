// The Python worker: Pyodide started from the build's memory snapshot when it can, with the
// twinbench package written into its file system, behind pythonRuntime.
import * as Comlink from 'comlink';
import type { PyodideAPI } from 'pyodide';
import { pythonRuntime } from './python-runtime';

// The Python package, as text, bundled with this worker (Vite reloads the page when it changes).
const SOURCES = import.meta.glob('../../../pyodide_glue/twinbench/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const HOME = '/home/pyodide';

/**
 * Pyodide's memory right after its bootstrap, made at build time (scripts/make-pyodide-snapshot.mjs).
 * Null when it is missing or unreadable: the worker then starts Pyodide the slow way.
 */
async function fetchSnapshot(indexURL: string): Promise<Uint8Array | null> {
  try {
    const res = await fetch(`${indexURL}snapshot.bin.gz`);
    if (!res.ok) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A host that sends it with Content-Encoding: gzip has had it inflated by the browser.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  } catch {
    return null;
  }
}

function writePackage(py: PyodideAPI): void {
  for (const [path, text] of Object.entries(SOURCES)) {
    const rel = path.slice(path.indexOf('pyodide_glue/') + 'pyodide_glue/'.length);
    py.FS.mkdirTree(`${HOME}/${rel.slice(0, rel.lastIndexOf('/'))}`);
    py.FS.writeFile(`${HOME}/${rel}`, text);
  }
  py.runPython(`import sys\nif ${JSON.stringify(HOME)} not in sys.path: sys.path.insert(0, ${JSON.stringify(HOME)})`);
}

Comlink.expose(
  pythonRuntime(async (req, write) => {
    const t0 = performance.now();
    const indexURL = new URL('pyodide/', req.baseUrl).href;
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
    const snapshot = await fetchSnapshot(indexURL);
    const tSnapshot = performance.now();
    let py: PyodideAPI | null = null;
    if (snapshot) {
      try {
        py = await loadPyodide({ indexURL, stdout: write, stderr: write, _loadSnapshot: snapshot });
        // The snapshot froze `random`'s state (the bootstrap imports it): reseed from
        // os.urandom, so each worker draws its own numbers as a fresh start would.
        py.runPython('import random; random.seed()');
      } catch {
        py = null; // an unusable snapshot costs time, never the worker
      }
    }
    const fromSnapshot = py !== null;
    py ??= await loadPyodide({ indexURL, stdout: write, stderr: write });
    const t1 = performance.now();
    writePackage(py);
    py.pyimport('twinbench.harness');
    const t2 = performance.now();
    const pythonVersion = String(py.runPython('import sys; sys.version.split()[0]'));
    return {
      py,
      // snapshotFetch counts from t0: it includes importing pyodide.mjs (18 kB).
      coldMs: { pyodideLoad: t1 - t0, snapshotFetch: tSnapshot - t0, packageImport: t2 - t1 },
      info: { pyodideVersion: py.version, pythonVersion, fromSnapshot },
    };
  }),
);
