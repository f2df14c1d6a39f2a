//! Browser tests of the threaded wasm build: a real 2-thread rayon pool (wasm-bindgen-rayon)
//! in a dedicated worker, where every rayon variant must equal its sequential kernel.
//! Run by the Makefile with the nightly toolchain and `--features threads`.

#![cfg(all(target_arch = "wasm32", feature = "threads"))]

use twinbench::Params;
use twinbench::catalog::{ParamKind, WORKLOADS, WorkloadSpec};
use twinbench::kernels::{self, Variant};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

async fn pool_of_two() {
    // A rayon pool cannot be resized or torn down: start it once for the whole test binary.
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !STARTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        JsFuture::from(wasm_bindgen_rayon::init_thread_pool(2))
            .await
            .expect("initThreadPool(2)");
    }
}

#[wasm_bindgen_test]
async fn the_pool_has_two_threads_that_really_run_in_parallel() {
    pool_of_two().await;
    assert_eq!(rayon::current_num_threads(), 2);
    // Both closures must run at the same time: each waits until it has seen the other.
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let meet = || {
        seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let start = js_sys::Date::now();
        while seen.load(std::sync::atomic::Ordering::SeqCst) < 2 {
            assert!(
                js_sys::Date::now() - start < 10_000.0,
                "the other rayon thread never ran"
            );
            std::hint::spin_loop();
        }
    };
    rayon::join(meet, meet);
}

/// The catalog defaults, once with every value of each choice parameter (every
/// shared-counter strategy, for instance).
fn parameter_sets(w: &'static WorkloadSpec) -> Vec<Params> {
    let mut sets = vec![Params::defaults(w)];
    for p in w.params {
        if let ParamKind::Choice { choices, .. } = p.kind {
            for c in choices {
                sets.push(
                    Params::from_strings(w, [(p.name, *c)]).expect("a catalog choice is valid"),
                );
            }
        }
    }
    sets
}

#[wasm_bindgen_test]
async fn every_rayon_variant_equals_its_sequential_kernel() {
    pool_of_two().await;
    let mut checked = 0;
    for w in WORKLOADS.iter().filter(|w| w.parallel) {
        for params in parameter_sets(w) {
            let seq = kernels::run(&params, Variant::Sequential);
            let par = kernels::run(&params, Variant::Parallel);
            assert!(seq.is_ok(), "{}: {seq:?}", w.id);
            assert_eq!(
                seq, par,
                "{} {params:?}: rayon variant differs from the sequential kernel",
                w.id
            );
            checked += 1;
        }
    }
    // Every parallel workload at its defaults, plus shared-counter with each strategy.
    assert!(checked >= 10, "only {checked} parameter sets checked");
}

/// The threaded build's `run` export, parallel and not: the same `{ output, work }`.
#[wasm_bindgen_test]
async fn the_run_export_gives_the_same_work_on_threads() {
    pool_of_two().await;
    let work = |parallel| {
        let result =
            twinbench::bindings::run("spectral-norm", r#"{"n": 64}"#, parallel, 1).unwrap();
        js_sys::Reflect::get(&result, &"work".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(work(true), work(false));
}
