//! Golden vectors (`tests/golden/<id>.json`), checked the same way natively and in browsers.

#![allow(dead_code)] // each test binary uses a different part of this module

use serde_json::Value;
use sha2::{Digest as _, Sha256};
use twinbench::catalog::{Pool, workload};
use twinbench::kernels::{self, Variant};
use twinbench::{Digest, Output, Params, Run};

pub struct Vector {
    pub params: Value,
    pub expected: Expected,
    /// The work digest, 16 hex digits (None in a stub).
    pub work: Option<String>,
    pub browser: bool,
    pub slow: bool,
}

pub enum Expected {
    Text(String),
    Digest {
        sha256: String,
        len: usize,
    },
    /// `make new-workload` wrote this vector; it has no real value yet.
    Stub,
}

pub struct GoldenFile {
    pub workload: String,
    pub vectors: Vec<Vector>,
}

pub fn parse(json: &str) -> GoldenFile {
    let v: Value = serde_json::from_str(json).expect("golden file is valid JSON");
    let workload = v["workload"]
        .as_str()
        .expect("golden file names its workload")
        .to_string();
    let vectors = v["vectors"]
        .as_array()
        .expect("golden file has a vectors array")
        .iter()
        .map(|vec| {
            let expected = match (&vec["output"], &vec["output_sha256"]) {
                (Value::String(s), _) => Expected::Text(s.clone()),
                (_, Value::String(h)) => Expected::Digest {
                    sha256: h.clone(),
                    len: vec["output_len"]
                        .as_u64()
                        .expect("output_len goes with output_sha256")
                        as usize,
                },
                _ => Expected::Stub,
            };
            Vector {
                params: vec["params"].clone(),
                expected,
                work: vec["work"].as_str().map(str::to_string),
                browser: vec["browser"].as_bool().unwrap_or(false),
                slow: vec["slow"].as_bool().unwrap_or(false),
            }
        })
        .collect();
    GoldenFile { workload, vectors }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The run's output and work digest against the vector's.
pub fn matches(run: &Run, v: &Vector) -> Result<(), String> {
    let work = run.work.to_string();
    match &v.work {
        None => return Err("the golden vector is a stub: fill in the real output and work".into()),
        Some(want) if *want != work => return Err(format!("got work {work}, want {want}")),
        Some(_) => {}
    }
    matches_output(&run.output, &v.expected)
}

fn matches_output(out: &Output, expected: &Expected) -> Result<(), String> {
    match (out, expected) {
        (_, Expected::Stub) => Err("the golden vector is a stub: fill in the real output".into()),
        (Output::Text(got), Expected::Text(want)) if got == want => Ok(()),
        (Output::Text(got), Expected::Text(want)) => Err(format!("got {got:?}, want {want:?}")),
        (Output::Bytes(b), Expected::Digest { sha256, len }) => {
            let got = sha256_hex(b);
            if b.len() == *len && got == *sha256 {
                Ok(())
            } else {
                Err(format!(
                    "got {} bytes sha256 {got}, want {len} bytes sha256 {sha256}",
                    b.len()
                ))
            }
        }
        _ => Err("output kind does not match the golden vector".into()),
    }
}

/// Put pool shards back together the way the page's pool does: outputs summed or
/// concatenated, work digests added modulo 2^64.
pub fn combine(pool: Pool, parts: Vec<Run>) -> Run {
    let work = Digest::sum(
        parts
            .iter()
            .fold(0, |w: u64, p| w.wrapping_add(p.work.value())),
    );
    let output = match pool {
        Pool::Sum => {
            let total: u128 = parts
                .iter()
                .map(|p| match &p.output {
                    Output::Text(s) => s.parse::<u128>().expect("a sum shard is a decimal integer"),
                    Output::Bytes(_) => panic!("a sum shard must be text"),
                })
                .sum();
            Output::Text(total.to_string())
        }
        Pool::Concat => Output::Bytes(
            parts
                .iter()
                .flat_map(|p| p.output.as_bytes().to_vec())
                .collect(),
        ),
    };
    Run { output, work }
}

/// Check one golden file: the sequential kernel, the rayon variant and pool shards (1 to 4)
/// must all give the expected output. Returns how many vectors were checked.
pub fn check(json: &str, include_slow: bool) -> Result<usize, String> {
    let file = parse(json);
    let spec = workload(&file.workload).map_err(|e| e.to_string())?;
    let k = kernels::kernel(spec.id).map_err(|e| e.to_string())?;
    if file.vectors.is_empty() {
        return Err(format!("{}: no golden vectors", spec.id));
    }
    if file.vectors.iter().filter(|v| v.browser).count() != 1 {
        return Err(format!(
            "{}: exactly one vector must be marked browser",
            spec.id
        ));
    }
    let mut checked = 0;
    for v in file.vectors.iter().filter(|v| include_slow || !v.slow) {
        let ctx = |what: &str, e: String| format!("{} {} {what}: {e}", spec.id, v.params);
        let params = Params::from_json(spec, &v.params.to_string())
            .map_err(|e| ctx("params", e.to_string()))?;
        let seq = kernels::run(&params, Variant::Sequential)
            .map_err(|e| ctx("sequential", e.to_string()))?;
        matches(&seq, v).map_err(|e| ctx("sequential", e))?;
        if k.run_parallel.is_some() {
            let par = kernels::run(&params, Variant::Parallel)
                .map_err(|e| ctx("parallel", e.to_string()))?;
            matches(&par, v).map_err(|e| ctx("parallel", e))?;
        }
        if let Some(pool) = spec.pool {
            for shards in 1..=4u32 {
                let parts = (0..shards)
                    .map(|index| kernels::run(&params, Variant::Shard { index, shards }))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| ctx("shard", e.to_string()))?;
                matches(&combine(pool, parts), v)
                    .map_err(|e| ctx(&format!("{shards} shards"), e))?;
            }
        }
        checked += 1;
    }
    Ok(checked)
}
