// The single-threaded Rust build (stable toolchain) in its own worker.
import * as Comlink from 'comlink';
import init, * as wasm from '../wasm/st/twinbench.js';
import wasmUrl from '../wasm/st/twinbench_bg.wasm?url';
import { rustRuntime } from './rust-runtime';
import { loadWasm } from './wasm-load';

Comlink.expose(
  rustRuntime('rust', async () => {
    const { coldMs } = await loadWasm(init, wasmUrl);
    return { exports: wasm, coldMs };
  }),
);
