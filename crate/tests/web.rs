//! Browser tests of the single-threaded wasm build (`wasm-pack test --headless --chrome`):
//! every golden vector that is not marked slow, run by the kernels compiled to wasm.

#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::Reflect;
use twinbench::bindings;
use twinbench::catalog::WORKLOADS;
use wasm_bindgen::{JsCast, JsValue};
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

fn field(result: &JsValue, name: &str) -> JsValue {
    Reflect::get(result, &name.into()).expect("a property of the result")
}

fn error_name(err: JsValue) -> String {
    err.dyn_into::<js_sys::Error>()
        .expect("an Error")
        .name()
        .into()
}

/// The browser vector of every golden file, through the `run` export as the page calls it:
/// `{ output, work }`, both as the vector says.
#[wasm_bindgen_test]
fn run_returns_output_and_work_for_every_browser_vector() {
    for (id, json) in GOLDEN {
        let file = common::parse(json);
        let v = file.vectors.iter().find(|v| v.browser).unwrap();
        let result = bindings::run(id, &v.params.to_string(), false, 2)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        let output = field(&result, "output");
        let output = match output.as_string() {
            Some(text) => twinbench::Output::Text(text),
            None => twinbench::Output::Bytes(
                output
                    .dyn_into::<js_sys::Uint8Array>()
                    .expect("bytes as a Uint8Array")
                    .to_vec(),
            ),
        };
        let work = field(&result, "work").as_string().unwrap();
        let run = twinbench::Run {
            output,
            work: twinbench::Digest::sum(u64::from_str_radix(&work, 16).unwrap()),
        };
        common::matches(&run, v).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
}

#[wasm_bindgen_test]
fn run_shard_and_run_overhead_have_the_same_shape() {
    let shard = bindings::run_shard("mandelbrot", r#"{"n": 16}"#, 1, 2).unwrap();
    assert!(field(&shard, "output").is_instance_of::<js_sys::Uint8Array>());
    assert_eq!(field(&shard, "work").as_string().unwrap().len(), 16);
    let empty = bindings::run_overhead("fib-memo", r#"{"n": 150}"#, 100).unwrap();
    assert_eq!(field(&empty, "output").as_string().unwrap(), "");
    assert_eq!(field(&empty, "work").as_string().unwrap(), "");
}

#[wasm_bindgen_test]
fn errors_are_named_after_the_kernel_error() {
    let bad = bindings::run("fib", r#"{"n": 99}"#, false, 1).unwrap_err();
    assert_eq!(error_name(bad), "BadParam");
    let unknown = bindings::run_overhead("nope", "{}", 1).unwrap_err();
    assert_eq!(error_name(unknown), "BadParam");
    let no_parallel = bindings::run("fib", "{}", true, 1).unwrap_err();
    assert_eq!(error_name(no_parallel), "Unsupported");
    let no_shards = bindings::run_shard("fib", "{}", 0, 1).unwrap_err();
    assert_eq!(error_name(no_shards), "Unsupported");
    let overflow = bindings::fib(94).unwrap_err();
    assert_eq!(error_name(overflow), "Overflow");
}

#[wasm_bindgen_test]
fn trajectory_points_are_every_point_and_checked_against_the_catalog() {
    let points = bindings::trajectory_points(10.0).unwrap();
    assert_eq!(points.len(), 22);
    assert_eq!(&points[..2], &[0.0, 0.0]);
    for bad in [0.0, 1.5, f64::NAN, 1e12] {
        assert_eq!(
            error_name(bindings::trajectory_points(bad).unwrap_err()),
            "BadParam"
        );
    }
}
