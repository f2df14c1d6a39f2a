//! The wasm-bindgen exports: the only module that knows about JavaScript. Everything here
//! validates, converts and delegates to `kernels`; no algorithm lives here.

use std::hint::black_box;

use wasm_bindgen::prelude::*;

use crate::catalog::workload;
use crate::kernels::{self, Variant};
use crate::{KernelError, Output, Params};

// Re-exported for JavaScript as `initThreadPool`; rustc cannot see that use.
#[cfg(feature = "threads")]
#[allow(unused_imports)]
pub use wasm_bindgen_rayon::init_thread_pool;

#[wasm_bindgen(inline_js = "export function report_panic(m) {
  const f = globalThis.__twinbenchPanic;
  if (typeof f === 'function') f(m); else console.error(m);
}")]
extern "C" {
    /// Hands a panic message to the worker before the instance traps, so the page can show it.
    fn report_panic(message: &str);
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(no message)");
        match info.location() {
            Some(at) => report_panic(&format!("{message} (at {}:{})", at.file(), at.line())),
            None => report_panic(message),
        }
    }));
}

fn js_error(e: KernelError) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js(out: Output) -> JsValue {
    match out {
        Output::Text(s) => JsValue::from_str(&s),
        Output::Bytes(b) => js_sys::Uint8Array::from(&b[..]).into(),
    }
}

fn params(id: &str, params_json: &str) -> Result<Params, JsError> {
    let spec = workload(id).map_err(js_error)?;
    Params::from_json(spec, params_json).map_err(js_error)
}

/// Run workload `id` with `params_json` (a JSON object) `batch` times in a row, and return
/// the last canonical output: a string, or a Uint8Array for byte outputs. `parallel` picks
/// the rayon variant (on the current thread in the single-threaded build).
#[wasm_bindgen]
pub fn run(id: &str, params_json: &str, parallel: bool, batch: u32) -> Result<JsValue, JsError> {
    let params = params(id, params_json)?;
    let variant = if parallel {
        Variant::Parallel
    } else {
        Variant::Sequential
    };
    let mut last = kernels::run(&params, variant).map_err(js_error)?;
    for _ in 1..batch {
        // black_box: the repeated calls are the measurement, so they must not be folded away.
        last = black_box(kernels::run(black_box(&params), variant).map_err(js_error)?);
    }
    Ok(to_js(last))
}

/// Shard `index` of `shards` of workload `id`, for a pool of workers.
#[wasm_bindgen]
pub fn run_shard(id: &str, params_json: &str, index: u32, shards: u32) -> Result<JsValue, JsError> {
    let params = params(id, params_json)?;
    kernels::run(&params, Variant::Shard { index, shards })
        .map(to_js)
        .map_err(js_error)
}

/// How many threads rayon runs on: 1 in the single-threaded build.
#[wasm_bindgen]
pub fn thread_count() -> usize {
    rayon::current_num_threads()
}

/// Whether this is the threaded build.
#[wasm_bindgen]
pub fn threaded_build() -> bool {
    cfg!(feature = "threads")
}

/// `twinbench_rs.fib(n)` for Python: one crossing per call, to show the cost of crossings.
#[wasm_bindgen]
pub fn fib(n: u32) -> Result<u64, JsError> {
    if n > 93 {
        return Err(JsError::new(&format!(
            "fib({n}) does not fit in u64; n must be at most 93"
        )));
    }
    Ok(kernels::fib::fib(n))
}

/// Deliberate failures, for the tests that prove the page recovers from them:
/// `panic`, `stack` (recursion beyond the wasm stack) and `oom` (allocation past wasm's maximum).
#[wasm_bindgen]
pub fn fault(kind: &str) -> Result<u32, JsError> {
    #[inline(never)]
    fn recurse(depth: u64, sink: &mut [u64; 64]) -> u64 {
        if depth == u64::MAX {
            return 0; // never reached: the stack runs out first
        }
        // A big frame that cannot be optimised into a loop.
        let mut local = [depth; 64];
        local[(depth % 64) as usize] ^= sink[(depth % 64) as usize];
        black_box(&mut local);
        recurse(depth + 1, &mut local) + local[0]
    }
    match kind {
        "panic" => panic!("deliberate panic requested by fault(\"panic\")"),
        "stack" => Ok(recurse(0, &mut [0; 64]) as u32),
        "oom" => {
            let mut blocks: Vec<Vec<u8>> = Vec::new();
            loop {
                let mut block = vec![0u8; 256 << 20];
                block[0] = 1;
                blocks.push(black_box(block));
            }
        }
        _ => Err(JsError::new(&format!(
            "unknown fault '{kind}'; known: panic, stack, oom"
        ))),
    }
}
