// The Python worker: Pyodide started from the build's memory snapshot when it can, with the
// twinbench package written into its file system, behind pythonRuntime.
import * as Comlink from 'comlink';
import type { PyodideAPI } from 'pyodide';
import { startEarly } from './early-start';
import { pythonRuntime } from './python-runtime';
import { fetchSnapshot } from './snapshot';

// The Python package, as text, bundled with this worker (Vite reloads the page when it changes).
const SOURCES = import.meta.glob('../../../pyodide_glue/twinbench/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const HOME = '/home/pyodide';

/**
 * Keep the twins the snapshot imported only if every source file the worker just wrote is the
 * one the snapshot was made from (same paths, same CRC-32s); otherwise forget them, so the
 * package is imported afresh from the bundled sources (e.g. edited under `make serve`).
 */
const KEEP_SNAPSHOT_TWINS = `
def _twins_match():
    import os, sys, zlib
    tb = sys.modules.get('twinbench')
    crc = {}
    for d, _, files in os.walk(${JSON.stringify(`${HOME}/twinbench`)}):
        for f in files:
            if f.endswith('.py'):
                with open(os.path.join(d, f), 'rb') as fh:
                    crc[os.path.relpath(os.path.join(d, f), ${JSON.stringify(HOME)})] = zlib.crc32(fh.read())
    if tb is not None and getattr(tb, '_sources_crc', None) == crc:
        return True
    for name in [m for m in sys.modules if m == 'twinbench' or m.startswith('twinbench.')]:
        del sys.modules[name]
    return False
_twins_match()
`;

function writePackage(py: PyodideAPI): void {
  for (const [path, text] of Object.entries(SOURCES)) {
    const rel = path.slice(path.indexOf('pyodide_glue/') + 'pyodide_glue/'.length);
    py.FS.mkdirTree(`${HOME}/${rel.slice(0, rel.lastIndexOf('/'))}`);
    py.FS.writeFile(`${HOME}/${rel}`, text);
  }
  py.runPython(`import sys\nif ${JSON.stringify(HOME)} not in sys.path: sys.path.insert(0, ${JSON.stringify(HOME)})`);
}

/** When the last of Pyodide's files (under `indexURL`) arrived, from the worker's resource timing. */
function downloadedAt(indexURL: string): number {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return Math.max(0, ...entries.filter((e) => e.name.startsWith(indexURL)).map((e) => e.responseEnd));
}

/**
 * The cold start as consecutive phases of its critical path, so they add up to the whole: the
 * downloads, then whatever was still running after them (compiling, inflating the snapshot),
 * restoring the snapshot (the rest of loadPyodide), importing the package.
 */
function phases(t0: number, downloaded: number, compiled: number, snapshot: number, loaded: number, ready: number): Record<string, number> {
  const download = Math.max(downloaded, t0);
  const compile = Math.max(compiled, download);
  const inflate = Math.max(snapshot, compile);
  return { download: download - t0, compile: compile - download, snapshotInflate: inflate - compile, restore: Math.max(loaded - inflate, 0), packageImport: ready - loaded };
}

Comlink.expose(
  pythonRuntime(async (req, write) => {
    const t0 = performance.now();
    const indexURL = new URL('pyodide/', req.baseUrl).href;
    // Started together: the snapshot streams in and inflates while Pyodide's other files
    // download and its wasm compiles (loadPyodide awaits the snapshot only when it needs it).
    const snapshot = fetchSnapshot(`${indexURL}snapshot.bin.gz`);
    const early = startEarly(['python_stdlib.zip', 'pyodide-lock.json'].map((f) => `${indexURL}${f}`), `${indexURL}pyodide.asm.wasm`);
    void import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`).catch(() => {}); // loadPyodide's import of it gets the same module
    let snapshotAt = t0;
    snapshot.then(
      () => (snapshotAt = performance.now()),
      () => {}, // an unusable snapshot costs time, never the worker
    );
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
    let py: PyodideAPI | null = null;
    try {
      py = await loadPyodide({ indexURL, stdout: write, stderr: write, _loadSnapshot: snapshot });
      // The snapshot froze `random`'s state (the bootstrap imports it): reseed from
      // os.urandom, so each worker draws its own numbers as a fresh start would.
      py.runPython('import random; random.seed()');
    } catch {
      py = null;
    }
    const fromSnapshot = py !== null;
    py ??= await loadPyodide({ indexURL, stdout: write, stderr: write });
    const loaded = performance.now();
    writePackage(py);
    const twinsFromSnapshot = py.runPython(KEEP_SNAPSHOT_TWINS) === true;
    py.pyimport('twinbench.harness');
    const ready = performance.now();
    const pythonVersion = String(py.runPython('import sys; sys.version.split()[0]'));
    return {
      py,
      coldMs: phases(t0, downloadedAt(indexURL), early.compiledAt(), snapshotAt, loaded, ready),
      info: { pyodideVersion: py.version, pythonVersion, fromSnapshot, twinsFromSnapshot },
    };
  }),
);
