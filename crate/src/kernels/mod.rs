//! Every kernel, registered once. A kernel module is plain Rust: pure functions with typed
//! arguments, plus `KERNEL`, which adapts validated `Params` to them. Tests below check this
//! list against the catalog in both directions.

use crate::catalog::{self, OutputKind};
use crate::{KernelError, Output, Params};

pub mod amdahl;
pub mod async_tasks;
pub mod binary_trees;
pub mod fannkuch_redux;
pub mod fib;
pub mod fib_batch;
pub mod fib_memo;
pub mod mandelbrot;
pub mod nbody;
pub mod orders_json;
pub mod shared_counter;
pub mod spectral_norm;
pub mod trajectory;

pub type RunFn = fn(&Params) -> Result<Output, KernelError>;
/// `(params, index, shards)`: part `index` of `shards` equal parts, for a pool of workers.
pub type ShardFn = fn(&Params, u32, u32) -> Result<Output, KernelError>;

pub struct Kernel {
    pub id: &'static str,
    /// The sequential kernel: the reference every other variant must equal.
    pub run: RunFn,
    /// The rayon variant, for workloads whose catalog entry says `parallel = true`.
    pub run_parallel: Option<RunFn>,
    /// One shard of the work, for workloads whose catalog entry has a `pool`.
    pub shard: Option<ShardFn>,
}

pub static KERNELS: &[&Kernel] = &[
    &fib::KERNEL,
    &fib_memo::KERNEL,
    &fib_batch::KERNEL,
    &amdahl::KERNEL,
    &nbody::KERNEL,
    &spectral_norm::KERNEL,
    &mandelbrot::KERNEL,
    &fannkuch_redux::KERNEL,
    &binary_trees::KERNEL,
    &orders_json::KERNEL,
    &trajectory::KERNEL,
    &shared_counter::KERNEL,
    &async_tasks::KERNEL,
];

pub fn kernel(id: &str) -> Result<&'static Kernel, KernelError> {
    catalog::workload(id)?;
    KERNELS
        .iter()
        .copied()
        .find(|k| k.id == id)
        .ok_or_else(|| KernelError::Unsupported(format!("workload '{id}' has no Rust kernel")))
}

/// Which variant of a kernel to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Sequential,
    Parallel,
    Shard { index: u32, shards: u32 },
}

/// Run a kernel variant on validated parameters.
pub fn run(params: &Params, variant: Variant) -> Result<Output, KernelError> {
    let k = kernel(params.spec.id)?;
    let out = match variant {
        Variant::Sequential => (k.run)(params),
        Variant::Parallel => match k.run_parallel {
            Some(f) => f(params),
            None => Err(KernelError::Unsupported(format!(
                "{} has no parallel variant",
                k.id
            ))),
        },
        Variant::Shard { index, shards } => match k.shard {
            Some(_) if shards == 0 || index >= shards => Err(KernelError::BadParam(format!(
                "shard {index} of {shards} does not exist"
            ))),
            Some(f) => f(params, index, shards),
            None => Err(KernelError::Unsupported(format!(
                "{} cannot be split into shards",
                k.id
            ))),
        },
    }?;
    debug_assert_eq!(
        matches!(out, Output::Bytes(_)),
        params.spec.output == OutputKind::Bytes,
        "{} returned the wrong output kind",
        k.id
    );
    Ok(out)
}

/// The contiguous range `[lo, hi)` of `0..total` that shard `index` of `shards` owns.
pub fn shard_range(total: u64, index: u32, shards: u32) -> (u64, u64) {
    let (i, k) = (u128::from(index), u128::from(shards.max(1)));
    let t = u128::from(total);
    // u128 so that total * index cannot overflow; both ends fit back in u64.
    ((t * i / k) as u64, (t * (i + 1) / k) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::WORKLOADS;

    #[test]
    fn every_catalog_workload_has_a_kernel_and_no_kernel_is_extra() {
        for w in WORKLOADS {
            let k = kernel(w.id).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                k.run_parallel.is_some(),
                w.parallel,
                "{}: parallel variant vs catalog",
                w.id
            );
            assert_eq!(
                k.shard.is_some(),
                w.pool.is_some(),
                "{}: shard function vs catalog pool",
                w.id
            );
        }
        for k in KERNELS {
            assert!(
                catalog::workload(k.id).is_ok(),
                "kernel {} is not in the catalog",
                k.id
            );
        }
        assert_eq!(KERNELS.len(), WORKLOADS.len());
    }

    #[test]
    fn shard_ranges_tile_the_whole() {
        for total in [0u64, 1, 7, 100, u64::MAX / 3] {
            for shards in 1..6 {
                let mut next = 0;
                for i in 0..shards {
                    let (lo, hi) = shard_range(total, i, shards);
                    assert_eq!(lo, next);
                    next = hi;
                }
                assert_eq!(next, total);
            }
        }
    }
}
