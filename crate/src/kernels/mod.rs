//! Every kernel, registered once. A kernel module is plain Rust: pure functions with typed
//! arguments, plus `KERNEL`, which adapts validated `Params` to them and returns the output
//! with its work digest. Tests below check this list against the catalog in both directions,
//! and the catalog's ranges against the types the kernels take their parameters as.

use crate::catalog::{self, OutputKind};
use crate::{Digest, KernelError, Output, Params, Run};

pub mod amdahl;
pub mod async_tasks;
pub mod binary_trees;
pub mod fannkuch_redux;
pub mod fib;
pub mod fib_batch;
pub mod fib_memo;
pub mod lockstep;
pub mod mandelbrot;
pub mod nbody;
pub mod orders_json;
pub mod shared_counter;
pub mod spectral_norm;
pub mod trajectory;

pub type RunFn = fn(&Params) -> Result<Run, KernelError>;
/// `(params, index, shards)`: part `index` of `shards` equal parts, for a pool of workers.
/// The shards' outputs combine as the catalog's `pool` says; their digests add up (wrapping).
pub type ShardFn = fn(&Params, u32, u32) -> Result<Run, KernelError>;

pub struct Kernel {
    pub id: &'static str,
    /// The sequential kernel: the reference every other variant must equal.
    pub run: RunFn,
    /// The rayon variant, for workloads whose catalog entry says `parallel = true`.
    pub run_parallel: Option<RunFn>,
    /// One shard of the work, for workloads whose catalog entry has a `pool`.
    pub shard: Option<ShardFn>,
}

impl Kernel {
    /// A kernel with only a sequential variant.
    pub const fn sequential(id: &'static str, run: RunFn) -> Kernel {
        Kernel {
            id,
            run,
            run_parallel: None,
            shard: None,
        }
    }

    /// A kernel with a rayon variant `par` beside the sequential `run`.
    pub const fn parallel(id: &'static str, run: RunFn, par: RunFn) -> Kernel {
        Kernel {
            run_parallel: Some(par),
            ..Kernel::sequential(id, run)
        }
    }

    /// The same kernel, split into shards for a pool of workers.
    pub const fn with_shards(self, shard: ShardFn) -> Kernel {
        Kernel {
            shard: Some(shard),
            ..self
        }
    }
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

/// A kernel variant resolved once, so that a batch of calls pays for the lookups once.
#[derive(Clone, Copy)]
pub enum Resolved {
    Run(RunFn),
    /// The rayon variant: called on one of rayon's threads (`call_batch`).
    Parallel(RunFn),
    Shard(ShardFn, u32, u32),
}

impl Resolved {
    #[inline]
    pub fn call(self, params: &Params) -> Result<Run, KernelError> {
        self.call_batch(params, 1)
    }

    /// Call the kernel `batch` times (at least once) and keep the last run. The rayon variant
    /// runs the whole batch on one of rayon's threads: from outside the pool, every parallel
    /// loop would be handed to a sleeping pool thread and its caller woken at the end (two
    /// wake-ups per loop even on one thread, each costing tens of microseconds in a browser,
    /// where spectral-norm runs 40 loops per call); inside, a loop only offers work to the
    /// other threads and does it itself when none is awake to take it.
    pub fn call_batch(self, params: &Params, batch: u32) -> Result<Run, KernelError> {
        let calls = |f: &dyn Fn() -> Result<Run, KernelError>| {
            let mut last = f()?;
            for _ in 1..batch {
                // black_box: the repeated calls are the measurement; they must not be folded away.
                last = std::hint::black_box(f()?);
            }
            Ok(last)
        };
        match self {
            Resolved::Run(f) => calls(&|| f(std::hint::black_box(params))),
            Resolved::Parallel(f) => rayon::scope(|_| calls(&|| f(std::hint::black_box(params)))),
            Resolved::Shard(f, index, shards) => {
                calls(&|| f(std::hint::black_box(params), index, shards))
            }
        }
    }
}

/// The function behind a kernel variant.
pub fn resolve(id: &str, variant: Variant) -> Result<Resolved, KernelError> {
    let k = kernel(id)?;
    match variant {
        Variant::Sequential => Ok(Resolved::Run(k.run)),
        Variant::Parallel => k
            .run_parallel
            .map(Resolved::Parallel)
            .ok_or_else(|| KernelError::Unsupported(format!("{} has no parallel variant", k.id))),
        Variant::Shard { index, shards } => match k.shard {
            Some(_) if shards == 0 || index >= shards => Err(KernelError::BadParam(format!(
                "shard {index} of {shards} does not exist"
            ))),
            Some(f) => Ok(Resolved::Shard(f, index, shards)),
            None => Err(KernelError::Unsupported(format!(
                "{} cannot be split into shards",
                k.id
            ))),
        },
    }
}

/// Run a kernel variant on validated parameters.
pub fn run(params: &Params, variant: Variant) -> Result<Run, KernelError> {
    let run = resolve(params.spec.id, variant)?.call(params)?;
    debug_assert_eq!(
        matches!(run.output, Output::Bytes(_)),
        params.spec.output == OutputKind::Bytes,
        "{} returned the wrong output kind",
        params.spec.id
    );
    Ok(run)
}

/// The empty kernel: no work, an empty output. Run through the same path as a real kernel
/// (`bindings::run_overhead`), it measures what a call costs besides the kernel itself.
pub fn empty(_: &Params) -> Result<Run, KernelError> {
    Ok(Run::text(String::new(), Digest::new()))
}

/// The contiguous range `[lo, hi)` of `0..total` that shard `index` of `shards` owns.
pub fn shard_range(total: u64, index: u32, shards: u32) -> (u64, u64) {
    let (i, k) = (u128::from(index), u128::from(shards.max(1)));
    let t = u128::from(total);
    // u128 so that total * index cannot overflow; both ends fit back in u64.
    ((t * i / k) as u64, (t * (i + 1) / k) as u64)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::WORKLOADS;

    /// The sequential kernel of `id` with parameters given as JSON.
    pub(crate) fn run_with(id: &str, json: &str) -> Run {
        let spec = catalog::workload(id).unwrap();
        run(&Params::from_json(spec, json).unwrap(), Variant::Sequential).unwrap()
    }

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

    /// Every int parameter a kernel takes must fit, over the catalog's whole min..=max, the type
    /// the kernel takes it as: a catalog maximum too big for a kernel's u32 fails here.
    #[test]
    fn every_catalog_range_fits_the_kernels_types() {
        use crate::catalog::ParamKind;
        for w in WORKLOADS {
            // The cheapest valid ints, so that running every kernel stays quick, with each
            // value of each choice.
            let mut base = serde_json::Map::new();
            for p in w.params {
                if let ParamKind::Int { min, default, .. } = p.kind {
                    base.insert(p.name.into(), min.max(default.min(2)).into());
                }
            }
            let mut sets = vec![base.clone()];
            for p in w.params {
                if let ParamKind::Choice { choices, .. } = p.kind {
                    for c in choices {
                        let mut set = base.clone();
                        set.insert(p.name.into(), (*c).into());
                        sets.push(set);
                    }
                }
            }
            let mut variants = vec![Variant::Sequential];
            variants.extend(w.parallel.then_some(Variant::Parallel));
            variants.extend(w.pool.map(|_| Variant::Shard {
                index: 0,
                shards: 1,
            }));
            crate::params::asked::take();
            for set in sets {
                let params =
                    Params::from_json(w, &serde_json::Value::from(set).to_string()).unwrap();
                for &variant in &variants {
                    run(&params, variant).unwrap_or_else(|e| panic!("{}: {e}", w.id));
                }
            }
            let asked = crate::params::asked::take();
            for p in w.params {
                let ParamKind::Int { min, max, .. } = p.kind else {
                    continue;
                };
                let asks: Vec<_> = asked.iter().filter(|a| a.1 == p.name).collect();
                assert!(
                    !asks.is_empty(),
                    "{}: the kernel never reads parameter {} through a typed accessor",
                    w.id,
                    p.name
                );
                for (_, name, ty, lo, hi) in asks {
                    assert!(
                        *lo <= i128::from(min) && i128::from(max) <= *hi,
                        "{}: parameter {name} ranges over {min}..={max}, which does not fit the kernel's {ty} ({lo}..={hi})",
                        w.id
                    );
                }
            }
        }
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
