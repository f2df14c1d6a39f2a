//! The wasm-bindgen exports: the only module that knows about JavaScript. Everything here
//! validates, converts and delegates to `kernels`; no algorithm lives here.

use std::hint::black_box;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};

use rayon::prelude::*;
use wasm_bindgen::prelude::*;

use crate::catalog::workload;
use crate::kernels::{self, Resolved, Variant};
use crate::{KernelError, Output, Params, Run};

// Re-exported for JavaScript as `initThreadPool`; rustc cannot see that use.
#[cfg(feature = "threads")]
#[allow(unused_imports)]
pub use wasm_bindgen_rayon::init_thread_pool;

#[wasm_bindgen(inline_js = "export function report_panic(m) {
  const f = globalThis.__twinbenchPanic;
  if (typeof f === 'function') { f(m); return; }
  console.error(m);
  // A rayon thread: the page reads the message from the panic slot, so the trap that follows
  // is expected; it would otherwise surface as an uncaught error of the page.
  globalThis.addEventListener?.('unhandledrejection', (e) => e.preventDefault(), { once: true });
  globalThis.addEventListener?.('error', (e) => e.preventDefault(), { once: true });
}")]
extern "C" {
    /// Hands a panic message to the worker before the instance traps, so the page can show it
    /// (on a rayon thread, which has no one to hand it to, it only goes to the console).
    fn report_panic(message: &str);
}

/// How many bytes of a panic message the slot keeps.
const PANIC_BYTES: usize = 1024;

/// The first panic's message, in the wasm memory every thread shares. A panic on one of
/// rayon's threads aborts that thread, and the thread that called into wasm then waits for it
/// forever: it can neither see the panic nor answer. So the page reads the message from here
/// (`panic_slot`) while a call is in flight, and replaces the worker.
#[repr(C)]
struct PanicSlot {
    /// 0: empty, 1: being written, 2: written.
    state: AtomicU32,
    len: AtomicU32,
    bytes: [AtomicU8; PANIC_BYTES],
}

static PANIC_SLOT: PanicSlot = PanicSlot {
    state: AtomicU32::new(0),
    len: AtomicU32::new(0),
    bytes: [const { AtomicU8::new(0) }; PANIC_BYTES],
};

/// Keep the first panic's message (cut at a character boundary); later ones are dropped.
fn record_panic(message: &str) {
    if PANIC_SLOT
        .state
        .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return;
    }
    let mut end = message.len().min(PANIC_BYTES);
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    for (slot, b) in PANIC_SLOT.bytes.iter().zip(&message.as_bytes()[..end]) {
        slot.store(*b, Ordering::Relaxed);
    }
    PANIC_SLOT.len.store(end as u32, Ordering::Relaxed);
    PANIC_SLOT.state.store(2, Ordering::Release);
}

/// Where the panic slot is in wasm memory: `{ state: u32, len: u32, bytes: [u8; 1024] }`,
/// `state` 2 once a message is written (UTF-8, `len` bytes).
#[wasm_bindgen]
pub fn panic_slot() -> usize {
    std::ptr::from_ref(&PANIC_SLOT).addr()
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
        let message = match info.location() {
            Some(at) => format!("{message} (at {}:{})", at.file(), at.line()),
            None => message.to_string(),
        };
        record_panic(&message);
        report_panic(&message);
    }));
}

/// A JavaScript `Error` whose `name` is the `KernelError` variant (`BadParam`, `Overflow`,
/// `OutOfMemory`, `Unsupported`): workers classify errors by name, never by message.
fn js_error(e: KernelError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name(e.name());
    err.into()
}

/// `{ output, work }`: the output as a string or a Uint8Array, the work digest as 16 hex digits.
fn to_js(output: Output, work: &str) -> JsValue {
    let output: JsValue = match output {
        Output::Text(s) => JsValue::from_str(&s),
        Output::Bytes(b) => js_sys::Uint8Array::from(&b[..]).into(),
    };
    let result = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&result, &"output".into(), &output);
    let _ = js_sys::Reflect::set(&result, &"work".into(), &work.into());
    result.into()
}

/// The path every export shares: look the workload up, parse its parameters, resolve the
/// kernel variant (all once per batch), then call it `batch` times and keep the last run.
fn batch(
    id: &str,
    params_json: &str,
    variant: Variant,
    batch: u32,
    kernel: impl FnOnce(Resolved) -> Resolved,
) -> Result<Run, JsValue> {
    let spec = workload(id).map_err(js_error)?;
    let params = Params::from_json(spec, params_json).map_err(js_error)?;
    let f = kernel(kernels::resolve(id, variant).map_err(js_error)?);
    f.call_batch(&params, batch).map_err(js_error)
}

/// Run workload `id` with `params_json` (a JSON object) `batch` times in a row, and return
/// the last run as `{ output, work }` (`to_js`). `parallel` picks the rayon variant (on the
/// current thread in the single-threaded build).
#[wasm_bindgen]
pub fn run(id: &str, params_json: &str, parallel: bool, batch: u32) -> Result<JsValue, JsValue> {
    let variant = if parallel {
        Variant::Parallel
    } else {
        Variant::Sequential
    };
    let last = self::batch(id, params_json, variant, batch, |f| f)?;
    Ok(to_js(last.output, &last.work.to_string()))
}

/// The same path as `run` (lookups, parameter parsing, dispatch, the result's conversion)
/// around an empty kernel: what a call costs besides the kernel. Returns
/// `{ output: "", work: "" }`.
#[wasm_bindgen]
pub fn run_overhead(id: &str, params_json: &str, batch: u32) -> Result<JsValue, JsValue> {
    let last = self::batch(id, params_json, Variant::Sequential, batch, |_| {
        Resolved::Run(kernels::empty)
    })?;
    Ok(to_js(last.output, ""))
}

/// Shard `index` of `shards` of workload `id`, for a pool of workers, as `{ output, work }`.
/// The shards' outputs combine as the catalog's `pool` says, their digests by adding them
/// as 64-bit integers (modulo 2^64).
#[wasm_bindgen]
pub fn run_shard(id: &str, params_json: &str, index: u32, shards: u32) -> Result<JsValue, JsValue> {
    let last = batch(id, params_json, Variant::Shard { index, shards }, 1, |f| f)?;
    Ok(to_js(last.output, &last.work.to_string()))
}

/// Every point of the trajectory, `[x0, y0, x1, y1, ...]` as a Float64Array: what Python
/// receives when it calls Rust for the trajectory workload and summarises the points itself.
#[wasm_bindgen]
pub fn trajectory_points(steps: f64) -> Result<Vec<f64>, JsValue> {
    let spec = workload("trajectory").map_err(js_error)?;
    let params = Params::from_json(spec, &format!(r#"{{"steps":{steps}}}"#)).map_err(js_error)?;
    let steps = kernels::trajectory::steps(&params).map_err(js_error)?;
    Ok(kernels::trajectory::trajectory_points(steps))
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
pub fn fib(n: u32) -> Result<u64, JsValue> {
    if n > 93 {
        return Err(js_error(KernelError::Overflow(format!(
            "fib({n}) does not fit in u64; n must be at most 93"
        ))));
    }
    Ok(kernels::fib::fib(n))
}

/// Deliberate failures, for the tests that prove the page recovers from them:
/// `panic`, `panic-in-worker` (a panic on one of rayon's threads), `stack` (recursion beyond
/// the wasm stack) and `oom` (allocation past wasm's maximum).
#[wasm_bindgen]
pub fn fault(kind: &str) -> Result<u32, JsValue> {
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
        // Called from outside rayon's pool, every iteration runs on one of its threads (in the
        // single-threaded build, on this one).
        "panic-in-worker" => {
            (0..2u32).into_par_iter().for_each(|_| {
                panic!(
                    "deliberate panic in a parallel loop, requested by fault(\"panic-in-worker\")"
                )
            });
            Ok(0)
        }
        "stack" => Ok(recurse(0, &mut [0; 64]) as u32),
        "oom" => {
            let mut blocks: Vec<Vec<u8>> = Vec::new();
            loop {
                let mut block = vec![0u8; 256 << 20];
                block[0] = 1;
                blocks.push(black_box(block));
            }
        }
        _ => Err(js_error(KernelError::BadParam(format!(
            "unknown fault '{kind}'; known: panic, panic-in-worker, stack, oom"
        )))),
    }
}
