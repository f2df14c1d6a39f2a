// The threaded Rust build (nightly, shared memory): rayon on a wasm-bindgen-rayon pool of
// Web Workers. A pool cannot be resized, so each thread count gets a fresh worker.
import * as Comlink from 'comlink';
import init, * as wasm from '../wasm/mt/twinbench.js';
import wasmUrl from '../wasm/mt/twinbench_bg.wasm?url';
import { rustRuntime } from './rust-runtime';
import { loadWasm } from './wasm-load';

Comlink.expose(
  rustRuntime('rust-threads', async (threads) => {
    const { exports, coldMs } = await loadWasm(init, wasmUrl);
    const { memory } = exports;
    const t1 = performance.now();
    await wasm.initThreadPool(threads);
    const t2 = performance.now();
    // A panic on a rayon thread leaves this thread waiting: the bridge watches the slot instead.
    const panicSlot = { memory, offset: wasm.panic_slot() };
    return { exports: wasm, coldMs: { ...coldMs, threadPoolInit: t2 - t1 }, panicSlot };
  }),
);
