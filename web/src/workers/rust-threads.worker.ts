// The threaded Rust build (nightly, shared memory): rayon on a wasm-bindgen-rayon pool of
// Web Workers. A pool cannot be resized, so each thread count gets a fresh worker.
import * as Comlink from 'comlink';
import init, * as wasm from '../wasm/mt/twinbench.js';
import { rustRuntime } from './rust-runtime';

Comlink.expose(
  rustRuntime('rust-threads', async (threads) => {
    const t0 = performance.now();
    const { memory } = await init();
    const t1 = performance.now();
    await wasm.initThreadPool(threads);
    const t2 = performance.now();
    // A panic on a rayon thread leaves this thread waiting: the bridge watches the slot instead.
    const panicSlot = { memory, offset: wasm.panic_slot() };
    return { exports: wasm, coldMs: { wasmInit: t1 - t0, threadPoolInit: t2 - t1 }, panicSlot };
  }),
);
