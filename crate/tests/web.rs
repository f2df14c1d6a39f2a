//! Browser tests of the single-threaded wasm build (`wasm-pack test --headless --chrome`):
//! every golden vector that is not marked slow, run by the kernels compiled to wasm.

#![cfg(target_arch = "wasm32")]

mod common;

use twinbench::catalog::WORKLOADS;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every golden file, by id. A Rust test cannot list a directory in the browser, so the list
/// is written out and checked against the catalog below.
macro_rules! golden_files {
    ($($id:literal),* $(,)?) => {
        &[$(($id, include_str!(concat!("../../tests/golden/", $id, ".json")))),*]
    };
}

const GOLDEN: &[(&str, &str)] = golden_files![
    "fib",
    "fib-memo",
    "fib-batch",
    "amdahl",
    "nbody",
    "spectral-norm",
    "mandelbrot",
    "fannkuch-redux",
    "binary-trees",
    "orders-json",
    "trajectory",
    "shared-counter",
    "async-tasks",
];

#[wasm_bindgen_test]
fn golden_list_covers_the_catalog() {
    let mut ids: Vec<&str> = GOLDEN.iter().map(|(id, _)| *id).collect();
    let mut want: Vec<&str> = WORKLOADS.iter().map(|w| w.id).collect();
    ids.sort_unstable();
    want.sort_unstable();
    assert_eq!(ids, want);
}

#[wasm_bindgen_test]
fn every_workload_matches_its_golden_vectors_in_wasm() {
    let failures: Vec<String> = GOLDEN
        .iter()
        .filter_map(|(_, json)| common::check(json, false).err())
        .collect();
    assert!(
        failures.is_empty(),
        "golden failures in wasm:\n{}",
        failures.join("\n")
    );
}
