// Start a wasm-bindgen module with its cold start split into consecutive phases that add up to
// the whole: download (until the last byte arrived, from the worker's resource timing), compile
// (what compiling took beyond the download: streaming compilation overlaps it) and instantiate.
// The page shows them per runtime, beside Pyodide's own phases.
type Init<T> = (input: { module_or_path: WebAssembly.Module }) => Promise<T>;

function responseEnd(url: string): number {
  const entries = performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
  return Math.max(0, ...entries.map((e) => e.responseEnd));
}

async function compile(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A host that serves .wasm without application/wasm: compile from the bytes instead.
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

export async function loadWasm<T>(init: Init<T>, url: string): Promise<{ exports: T; coldMs: Record<string, number> }> {
  const t0 = performance.now();
  const module = await compile(new URL(url, self.location.href).href);
  const compiled = performance.now();
  const exports = await init({ module_or_path: module });
  const done = performance.now();
  const downloaded = Math.min(compiled, Math.max(t0, responseEnd(new URL(url, self.location.href).href)));
  return { exports, coldMs: { wasmDownload: downloaded - t0, wasmCompile: compiled - downloaded, wasmInstantiate: done - compiled } };
}
