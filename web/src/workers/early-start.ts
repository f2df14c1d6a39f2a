// Pyodide's files requested, and its wasm compiled, the moment the Python worker starts.
// loadPyodide fetches its files only once pyodide.mjs has been fetched and evaluated, and it
// starts compiling the wasm only after the memory snapshot has arrived and been inflated (it
// awaits the snapshot before it creates the module), so the snapshot and the compile ran one
// after the other. Here the wasm compiles as it downloads, beside the snapshot, and
// loadPyodide's own requests are answered with the responses already in flight.

/** The URL a fetch asks for, or null when it is not a plain GET. */
function plainGetUrl(input: RequestInfo | URL, init: RequestInit | undefined): string | null {
  if (init !== undefined && Object.keys(init).length > 0) return null;
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.method === 'GET' ? input.url : null;
}

type Scope = { fetch: typeof fetch; WebAssembly: typeof WebAssembly };

export interface EarlyStart {
  /** When the wasm had compiled (performance.now()), 0 before. */
  compiledAt(): number;
}

/**
 * Start fetching `urls` now and compile `wasmUrl` as it streams in; the worker's next fetch
 * of each URL takes the response in flight (once: a body is read once), and an
 * instantiateStreaming of `wasmUrl` instantiates the module compiled here. Any failure falls
 * back to the plain request and compile.
 */
export function startEarly(urls: readonly string[], wasmUrl: string, scope: Scope = globalThis): EarlyStart {
  const plainFetch = scope.fetch.bind(scope);
  const wasm = scope.WebAssembly;
  const plainInstantiateStreaming = wasm.instantiateStreaming.bind(wasm);
  let compiledAt = 0;
  const early = new Map<string, Promise<Response>>();
  for (const url of urls) {
    const p = plainFetch(url);
    p.catch(() => {}); // a failed prefetch is retried by the real fetch, never reported twice
    early.set(url, p);
  }
  const wasmResponse = plainFetch(wasmUrl);
  const compiled: Promise<WebAssembly.Module | null> = wasm.compileStreaming(wasmResponse).then(
    (m) => {
      compiledAt = performance.now();
      return m;
    },
    () => null,
  );
  // loadPyodide's own request for the wasm is answered with this one (its body goes to the
  // compile above; instantiateStreaming below never reads it).
  early.set(wasmUrl, wasmResponse.catch(() => plainFetch(wasmUrl)));

  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = plainGetUrl(input, init);
    const p = url === null ? undefined : early.get(url);
    if (url === null || p === undefined) return plainFetch(input, init);
    early.delete(url);
    return url === wasmUrl ? p : p.catch(() => plainFetch(input, init));
  };
  wasm.instantiateStreaming = async (source, imports) => {
    const response = await source;
    const module = response.url === wasmUrl ? await compiled : null;
    if (module) return { module, instance: await wasm.instantiate(module, imports) };
    // Not Pyodide's wasm, or the early compile failed: compile this response (or a fresh one
    // if the early compile consumed it).
    const r = await plainInstantiateStreaming(response.bodyUsed ? plainFetch(response.url) : response, imports);
    if (response.url === wasmUrl) compiledAt = performance.now();
    return r;
  };
  return { compiledAt: () => compiledAt };
}
