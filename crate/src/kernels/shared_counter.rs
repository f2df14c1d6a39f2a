//! shared-counter: one counter incremented `increments` times, three ways.
//!
//! - `mutex`: an `Arc<Mutex<u64>>`, locked once per increment.
//! - `atomic`: an `Arc<AtomicU64>`, one `fetch_add(1)` per increment.
//! - `reduce`: no sharing at all: each worker counts in a local variable and the workers'
//!   counts are summed at the end.
//!
//! Every increment goes through `black_box`, so it really happens on every build: without
//! it LLVM sums a loop of increments in one addition wherever it can see the counter is not
//! shared (the local count, and the Mutex of the single-threaded wasm build, which is a plain
//! cell without atomics). The final count is the only state the counter has, and it depends on
//! every increment, so the work digest is the count's.
//!
//! The increments are split over workers in contiguous shares (`shard_range`). The sequential
//! kernel has one worker, on the current thread; the rayon variant has one worker per rayon
//! thread (`rayon::current_num_threads()`), all hammering the same counter, which is where
//! the mutex and the atomic pay for contention. Each worker holds its own `Arc` handle, as a
//! `std::thread::spawn`ed thread would. The output is the final count, which must equal
//! `increments`. The twin is `twinbench/kernels/shared_counter.py` (single-threaded: Pyodide
//! has no threads).

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use super::{Kernel, shard_range};
use crate::{Digest, KernelError, Params, Run};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    Mutex,
    Atomic,
    Reduce,
}

impl Strategy {
    pub fn parse(name: &str) -> Option<Strategy> {
        match name {
            "mutex" => Some(Strategy::Mutex),
            "atomic" => Some(Strategy::Atomic),
            "reduce" => Some(Strategy::Reduce),
            _ => None,
        }
    }
}

/// Run `work(share)` for each worker's share of `increments`: one worker on this thread, or
/// one per rayon thread when `parallel`. Returns the workers' results in order.
fn on_workers<R: Send>(increments: u64, parallel: bool, work: impl Fn(u64) -> R + Sync) -> Vec<R> {
    let workers = if parallel {
        rayon::current_num_threads().max(1) as u32
    } else {
        1
    };
    let share = |w: u32| {
        let (lo, hi) = shard_range(increments, w, workers);
        work(hi - lo)
    };
    if parallel {
        (0..workers).into_par_iter().map(share).collect()
    } else {
        (0..workers).map(share).collect()
    }
}

/// The final count after `increments` increments with `strategy`, sequential or on rayon's
/// threads.
pub fn shared_counter(increments: u64, strategy: Strategy, parallel: bool) -> u64 {
    match strategy {
        Strategy::Mutex => {
            let counter = Arc::new(Mutex::new(0u64));
            on_workers(increments, parallel, |share| {
                let counter = Arc::clone(&counter);
                for _ in 0..share {
                    *black_box(&counter)
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner) += 1;
                }
            });
            *counter.lock().unwrap_or_else(PoisonError::into_inner)
        }
        Strategy::Atomic => {
            let counter = Arc::new(AtomicU64::new(0));
            on_workers(increments, parallel, |share| {
                let counter = Arc::clone(&counter);
                for _ in 0..share {
                    black_box(&counter).fetch_add(1, Ordering::Relaxed);
                }
            });
            counter.load(Ordering::Relaxed)
        }
        Strategy::Reduce => on_workers(increments, parallel, |share| {
            let mut local = 0u64;
            for _ in 0..share {
                local = black_box(local) + 1;
            }
            local
        })
        .into_iter()
        .sum(),
    }
}

fn run(p: &Params, parallel: bool) -> Result<Run, KernelError> {
    let name = p.choice("strategy");
    let strategy = Strategy::parse(name).ok_or_else(|| {
        KernelError::BadParam(format!(
            "unknown strategy '{name}'; known: mutex, atomic, reduce"
        ))
    })?;
    let count = shared_counter(p.u64("increments")?, strategy, parallel);
    Ok(Run::text(count.to_string(), Digest::of_int(count.into())))
}

pub const KERNEL: Kernel = Kernel::parallel("shared-counter", |p| run(p, false), |p| run(p, true));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_strategy_counts_every_increment() {
        for strategy in [Strategy::Mutex, Strategy::Atomic, Strategy::Reduce] {
            for n in [0, 1, 7, 100_003] {
                assert_eq!(
                    shared_counter(n, strategy, false),
                    n,
                    "{strategy:?} sequential"
                );
                assert_eq!(
                    shared_counter(n, strategy, true),
                    n,
                    "{strategy:?} parallel"
                );
            }
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // no threads to spawn in the single-threaded wasm build
    fn really_contended_on_several_threads() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        for strategy in [Strategy::Mutex, Strategy::Atomic, Strategy::Reduce] {
            assert_eq!(
                pool.install(|| shared_counter(1_000_000, strategy, true)),
                1_000_000
            );
        }
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        for strategy in [Strategy::Mutex, Strategy::Atomic, Strategy::Reduce] {
            let full = Digest::of_int(shared_counter(1000, strategy, false).into());
            assert_ne!(full, Digest::of_int(999));
        }
    }

    #[test]
    fn strategies_by_name() {
        assert_eq!(Strategy::parse("atomic"), Some(Strategy::Atomic));
        assert_eq!(Strategy::parse("spin"), None);
    }
}
