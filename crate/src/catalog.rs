//! The workload catalog (`catalog/*.toml`), as Rust data generated into `catalog_data.rs`.

pub use crate::catalog_data::WORKLOADS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    Text,
    Bytes,
}

/// How a pool of workers splits a workload and puts the parts back together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pool {
    /// Shards return decimal integers that add up to the output.
    Sum,
    /// Shards return byte strings that concatenate, in order, to the output.
    Concat,
}

/// The benchmark's target class for a workload with a wasm/native target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// A tight loop over numbers: wasm should come close to native.
    Loop,
    /// Calls and allocation: wasm pays more for them.
    Call,
}

/// What a run costs: `units` (an expression over the parameters, evaluated by the generated
/// TypeScript and Python functions) times the calibrated milliseconds per unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostModel {
    pub units: &'static str,
    pub python_ms_per_unit: f64,
    pub rust_ms_per_unit: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamKind {
    Int {
        default: i64,
        min: i64,
        max: i64,
        page_max_python: i64,
        page_max_rust: i64,
    },
    Float {
        default: f64,
        min: f64,
        max: f64,
        page_max_python: f64,
        page_max_rust: f64,
    },
    Choice {
        default: &'static str,
        choices: &'static [&'static str],
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    pub name: &'static str,
    pub help: &'static str,
    pub kind: ParamKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkloadSpec {
    pub id: &'static str,
    pub order: u32,
    pub title: &'static str,
    pub story: &'static str,
    pub output: OutputKind,
    pub chart: &'static str,
    pub parallel: bool,
    pub pool: Option<Pool>,
    pub category: Option<Category>,
    /// What differs between the twins ("" where they are faithful).
    pub differences: &'static str,
    /// The parameter that sets the amount of work.
    pub work_param: &'static str,
    pub cost_model: CostModel,
    pub params: &'static [ParamSpec],
}

impl WorkloadSpec {
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The catalog entry for `id`, or an error that lists the known ids.
pub fn workload(id: &str) -> Result<&'static WorkloadSpec, crate::KernelError> {
    WORKLOADS.iter().find(|w| w.id == id).ok_or_else(|| {
        let known: Vec<&str> = WORKLOADS.iter().map(|w| w.id).collect();
        crate::KernelError::BadParam(format!(
            "unknown workload '{id}'; known: {}",
            known.join(", ")
        ))
    })
}
