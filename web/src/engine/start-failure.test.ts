import { describe, expect, it } from 'vitest';
import { StartFailed, asStartFailure, describeStartFailure } from './start-failure';

describe('a worker that fails to start says what failed', () => {
  it('names WebAssembly blocked by CSP', () => {
    const e = new Error("WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source");
    expect(describeStartFailure('rust', e)).toMatch(/^WebAssembly blocked by CSP: Rust could not start/);
  });
  it('names a wasm that does not compile', () => {
    const e = new Error('WebAssembly.instantiateStreaming(): expected magic word 00 61 73 6d, found 3c 21 44 4f @+0');
    expect(describeStartFailure('rust', e)).toMatch(/^Rust could not start: its WebAssembly failed to compile \(WebAssembly\.instantiateStreaming/);
  });
  it("names Pyodide's files", () => {
    const e = new TypeError('Failed to fetch dynamically imported module: http://x/pyodide/pyodide.mjs');
    expect(describeStartFailure('python', e)).toMatch(/^Python \(Pyodide\) could not start: Pyodide's files could not be loaded \(Failed to fetch/);
  });
  it('keeps anything else, shortened, and never empty', () => {
    expect(describeStartFailure('rust-threads', new Error('x'.repeat(1000))).length).toBeLessThan(400);
    expect(describeStartFailure('rust', '')).toBe('Rust could not start: the worker failed');
  });
  it('a Stop or a replacement during start-up is not a start failure', () => {
    const stop = Object.assign(new Error('stopped'), { name: 'RunCancelled' });
    const reaped = Object.assign(new Error('idle worker reaped'), { name: 'WorkerDied' });
    const crashed = Object.assign(new Error('the rust worker failed: script error'), { name: 'WorkerDied' });
    expect(asStartFailure('rust', stop)).toBe(stop);
    expect(asStartFailure('rust', reaped)).toBe(reaped);
    expect(asStartFailure('rust', crashed)).toBeInstanceOf(StartFailed);
    expect((asStartFailure('rust', crashed) as Error).message).toMatch(/^Rust could not start: its files could not be loaded \(the rust worker failed: script error\)$/);
  });
});
