// The single-threaded Rust build (stable toolchain) in its own worker.
import * as Comlink from 'comlink';
import init, * as wasm from '../wasm/st/twinbench.js';
import { rustRuntime } from './rust-runtime';

Comlink.expose(
  rustRuntime('rust', async () => {
    const t0 = performance.now();
    await init();
    return { exports: wasm, coldMs: { wasmInit: performance.now() - t0 } };
  }),
);
