// The Rust worker's logic with stand-in exports: failures are classified by the JsError's
// name (Contract 1), never by its message; the overhead mode calls run_overhead.
import { describe, expect, it } from 'vitest';
import { classify, rustRuntime, type RustExports } from './rust-runtime';

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('failures are classified by name, never by message text', () => {
  it('maps each KernelError variant', () => {
    expect(classify(named('BadParam', 'n must be at most 50'))).toEqual({ kind: 'param', message: 'n must be at most 50', dead: false });
    expect(classify(named('Unsupported', 'no shards'))).toMatchObject({ kind: 'param', dead: false });
    expect(classify(named('Overflow', 'fib(187) overflows u128'))).toMatchObject({ kind: 'kernel', dead: false });
    expect(classify(named('OutOfMemory', 'could not reserve'))).toMatchObject({ kind: 'oom', dead: false });
  });

  it('a message that looks like another kind does not change the kind', () => {
    expect(classify(named('Overflow', 'parameter n is unknown'))).toMatchObject({ kind: 'kernel' });
    expect(classify(named('BadParam', 'overflow'))).toMatchObject({ kind: 'param' });
  });

  it('traps kill the instance', () => {
    expect(classify(new WebAssembly.RuntimeError('unreachable'))).toMatchObject({ kind: 'oom', dead: true });
    expect(classify(new RangeError('Maximum call stack size exceeded'))).toMatchObject({ kind: 'stack', dead: true });
    expect(classify(new TypeError('x is not a function'))).toMatchObject({ kind: 'fatal', dead: true });
  });

  it('a panic reported before the trap wins', () => {
    expect(classify(new WebAssembly.RuntimeError('unreachable'), 'boom (at src/x.rs:1)')).toEqual({
      kind: 'panic',
      message: 'Rust panicked: boom (at src/x.rs:1)',
      dead: true,
    });
  });
});

describe('rustRuntime with stand-in exports', () => {
  const calls: string[] = [];
  const exports = {
    run: (id: string, _json: string, parallel: boolean, batch: number) => {
      calls.push(`run ${id} ${parallel} ${batch}`);
      return { output: '55', work: '00000000000000ab' };
    },
    run_overhead: (id: string, _json: string, batch: number) => {
      calls.push(`overhead ${id} ${batch}`);
      return { output: '', work: '' };
    },
    run_shard: () => ({ output: new Uint8Array([1, 2]), work: '0000000000000001' }),
    thread_count: () => 1,
    threaded_build: () => false,
    fault: () => {
      throw named('BadParam', "unknown fault 'x'");
    },
  } as unknown as RustExports;

  it('returns output and work, and times the empty kernel in overhead mode', async () => {
    const rt = rustRuntime('rust', async () => ({ exports, coldMs: { wasmInit: 1 } }));
    await rt.init({ baseUrl: 'http://localhost/' });
    const k = await rt.sample({ runId: 3, workload: 'fib', params: { n: 10 }, batch: 4 });
    expect(k).toMatchObject({ runId: 3, ok: true, batch: 4, output: { canonical: '55', kind: 'text' }, work: '00000000000000ab' });
    const o = await rt.sample({ runId: 3, workload: 'fib', params: { n: 10 }, batch: 100, mode: 'overhead' });
    expect(o).toMatchObject({ ok: true, work: '' });
    expect(calls).toEqual(['run fib false 4', 'overhead fib 100']);
  });

  it('a shard reply carries its raw part: the page hashes after its clock stops', async () => {
    const rt = rustRuntime('rust', async () => ({ exports, coldMs: {} }));
    await rt.init({ baseUrl: 'http://localhost/' });
    const s = await rt.shard({ runId: 1, workload: 'mandelbrot', params: { n: 8 }, index: 0, shards: 2 });
    expect(s).toMatchObject({ ok: true, part: new Uint8Array([1, 2]), work: '0000000000000001' });
  });

  it('checks parameters before anything reaches wasm', async () => {
    const rt = rustRuntime('rust', async () => ({ exports, coldMs: {} }));
    await rt.init({ baseUrl: 'http://localhost/' });
    calls.length = 0;
    const r = await rt.sample({ runId: 2, workload: 'fib', params: { n: 999 }, batch: 1 });
    expect(r).toMatchObject({ ok: false, failure: { kind: 'param', dead: false } });
    expect(calls).toEqual([]);
  });
});
