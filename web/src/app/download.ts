// Pyodide's files, fetched by the page before the Python worker starts, so the page can show a
// download bar in bytes (a worker's own requests are invisible to the page). The browser's
// HTTP cache keeps them, and the worker's requests are then answered from it. Fetched once per
// page; every caller shares the same download and hears its progress.
import files from 'virtual:twinbench/runtime-files';
import { siteRoot } from './site';

export interface DownloadProgress {
  loaded: number;
  total: number;
}

export interface DownloadReport {
  bytes: number;
  ms: number;
}

const listeners = new Set<(p: DownloadProgress) => void>();
let running: Promise<DownloadReport> | null = null;
let loaded = 0;
export const PYTHON_BYTES = files.reduce((n, f) => n + f.bytes, 0);

/** Read a response to its end, counting its bytes as they arrive (its data is not kept: the cache has it). */
async function drain(res: Response, add: (n: number) => void): Promise<void> {
  if (!res.body) {
    add((await res.arrayBuffer()).byteLength);
    return;
  }
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    add(value.byteLength);
  }
}

async function download(): Promise<DownloadReport> {
  const t0 = performance.now();
  const root = siteRoot();
  const tell = (): void => listeners.forEach((f) => f({ loaded: Math.min(loaded, PYTHON_BYTES), total: PYTHON_BYTES }));
  await Promise.all(
    files.map(async (f) => {
      const res = await fetch(new URL(f.path, root));
      if (!res.ok) throw new Error(`could not download ${f.path}: HTTP ${res.status}`);
      let counted = 0;
      await drain(res, (n) => {
        counted += n;
        loaded += n;
        tell();
      });
      // Compressed or not, a finished file counts as its size, so the bar ends full.
      loaded += f.bytes - counted;
      tell();
    }),
  );
  return { bytes: PYTHON_BYTES, ms: performance.now() - t0 };
}

/** Download Pyodide's files once; `onProgress` hears the bytes as they come. */
export function downloadPython(onProgress?: (p: DownloadProgress) => void): Promise<DownloadReport> {
  if (onProgress) {
    listeners.add(onProgress);
    onProgress({ loaded: Math.min(loaded, PYTHON_BYTES), total: PYTHON_BYTES });
  }
  running ??= download().catch((e: unknown) => {
    running = null; // a failed download may be tried again; the worker reports its own failure
    loaded = 0;
    throw e;
  });
  const done = running;
  return done.finally(() => {
    if (onProgress) listeners.delete(onProgress);
  });
}

/** Whether the page has already fetched Pyodide (the next Python start needs no download). */
export function pythonDownloaded(): boolean {
  return running !== null && loaded >= PYTHON_BYTES;
}
