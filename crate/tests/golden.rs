//! Native golden tests: every workload in the catalog has a golden file, and every vector
//! in it (slow ones included) matches the kernel, its rayon variant and its pool shards.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use twinbench::catalog::WORKLOADS;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden")
}

#[test]
fn every_workload_matches_its_golden_vectors() {
    let mut failures = Vec::new();
    for w in WORKLOADS {
        let path = golden_dir().join(format!("{}.json", w.id));
        let json = match std::fs::read_to_string(&path) {
            Ok(j) => j,
            Err(e) => {
                failures.push(format!("{}: cannot read {}: {e}", w.id, path.display()));
                continue;
            }
        };
        if let Err(e) = common::check(&json, true) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "golden failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn no_golden_file_without_a_workload() {
    for entry in std::fs::read_dir(golden_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        // params.json holds the parameter cases (params.rs), not a workload's vectors.
        if let Some(id) = name.strip_suffix(".json").filter(|id| *id != "params") {
            assert!(
                WORKLOADS.iter().any(|w| w.id == id),
                "{name} has no catalog entry"
            );
        }
    }
}
