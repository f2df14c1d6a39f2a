import { describe, expect, it, vi } from 'vitest';
import { startEarly } from './early-start';

const WASM = 'http://x/pyodide/pyodide.asm.wasm';
const ZIP = 'http://x/pyodide/python_stdlib.zip';

/** A worker global with fetch and WebAssembly faked: every fetch is a new numbered response. */
function fakeScope(compileFails = false) {
  let n = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL) => ({ url: String(input), bodyUsed: false, n: ++n }) as unknown as Response);
  const module = { fake: 'module' } as unknown as WebAssembly.Module;
  const compileStreaming = vi.fn(async (r: Promise<Response>) => {
    const res = (await r) as unknown as { bodyUsed: boolean };
    res.bodyUsed = true;
    if (compileFails) throw new Error('no');
    return module;
  });
  const instantiate = vi.fn(async () => ({ fake: 'instance' }));
  const plainStreaming = vi.fn(async () => ({ module: 'plain', instance: 'plain' }));
  const scope = { fetch, WebAssembly: { compileStreaming, instantiate, instantiateStreaming: plainStreaming } } as unknown as {
    fetch: typeof globalThis.fetch;
    WebAssembly: typeof WebAssembly;
  };
  return { scope, fetch, module, compileStreaming, instantiate, plainStreaming };
}

describe('startEarly', () => {
  it('requests every file at once and hands each response out once', async () => {
    const f = fakeScope();
    startEarly([ZIP], WASM, f.scope);
    expect(f.fetch.mock.calls.map((c) => String(c[0]))).toEqual([ZIP, WASM]);
    const first = (await f.scope.fetch(ZIP)) as unknown as { n: number };
    const again = (await f.scope.fetch(new URL(ZIP))) as unknown as { n: number };
    expect(first.n).toBe(1);
    expect(again.n).toBe(3); // a new request: the early body may have been read
  });

  it('leaves requests with options alone', async () => {
    const f = fakeScope();
    startEarly([ZIP], WASM, f.scope);
    await f.scope.fetch(ZIP, { method: 'POST' });
    expect(f.fetch).toHaveBeenCalledTimes(3);
  });

  it("instantiates Pyodide's wasm from the module compiled while it downloaded", async () => {
    const f = fakeScope();
    const early = startEarly([], WASM, f.scope);
    // loadPyodide: fetch(new URL(...), {}) then instantiateStreaming of that response.
    const response = f.scope.fetch(new URL(WASM), {});
    const r = await f.scope.WebAssembly.instantiateStreaming(response, {});
    expect(f.fetch).toHaveBeenCalledTimes(1); // one download
    expect(f.compileStreaming).toHaveBeenCalledTimes(1);
    expect(f.instantiate).toHaveBeenCalledWith(f.module, {});
    expect(r.module).toBe(f.module);
    expect(f.plainStreaming).not.toHaveBeenCalled();
    expect(early.compiledAt()).toBeGreaterThan(0);
  });

  it('falls back to a fresh download and compile when the early compile failed', async () => {
    const f = fakeScope(true);
    startEarly([], WASM, f.scope);
    const r = await f.scope.WebAssembly.instantiateStreaming(f.scope.fetch(WASM), {});
    expect(r).toEqual({ module: 'plain', instance: 'plain' });
    expect(f.fetch).toHaveBeenCalledTimes(2);
    expect(f.plainStreaming).toHaveBeenCalledTimes(1);
  });

  it('compiles any other wasm as before', async () => {
    const f = fakeScope();
    startEarly([], WASM, f.scope);
    await f.scope.WebAssembly.instantiateStreaming(f.scope.fetch('http://x/other.wasm'), {});
    expect(f.plainStreaming).toHaveBeenCalledTimes(1);
    expect(f.instantiate).not.toHaveBeenCalled();
  });
});
