//! fib-batch: the naive recursive fib over a batch of `count` inputs, summed.
//!
//! Input i (for i in 0..count) is `n - (i % 4)`, clamped at 0: the batch cycles through
//! n, n-1, n-2, n-3. Each input is computed by `kernels::fib::fib`, the same naive recursion
//! as the `fib` workload, and the output is the sum of the results. The twin is
//! `twinbench/kernels/fib_batch.py`.
//!
//! Variants: sequential; rayon (`par_iter` over the inputs); pool shards (shard `index` of
//! `shards` sums its contiguous block of inputs, `shard_range`, and the shards add up).

use rayon::prelude::*;

use super::fib::fib;
use super::{Kernel, shard_range};
use crate::{KernelError, Output, Params};

/// The i-th input of the batch: n, n-1, n-2, n-3, n, n-1, ... never below 0.
pub fn batch_input(n: u32, i: u64) -> u32 {
    n.saturating_sub((i % 4) as u32)
}

/// The sum of fib over inputs `lo..hi` of the batch.
pub fn fib_batch_range(n: u32, lo: u64, hi: u64) -> u64 {
    (lo..hi).map(|i| fib(batch_input(n, i))).sum()
}

/// The sum of fib over the whole batch of `count` inputs.
pub fn fib_batch(count: u64, n: u32) -> u64 {
    fib_batch_range(n, 0, count)
}

/// The same sum with rayon: the inputs are spread over the thread pool.
pub fn fib_batch_parallel(count: u64, n: u32) -> u64 {
    (0..count)
        .into_par_iter()
        .map(|i| fib(batch_input(n, i)))
        .sum()
}

// The catalog bounds count to 1..=4096 and n to 0..=40: the casts are exact and the sum
// (at most 4096 * fib(40)) fits u64 easily.
fn args(p: &Params) -> (u64, u32) {
    (p.int("count") as u64, p.int("n") as u32)
}

fn run(p: &Params) -> Result<Output, KernelError> {
    let (count, n) = args(p);
    Ok(Output::Text(fib_batch(count, n).to_string()))
}

fn run_parallel(p: &Params) -> Result<Output, KernelError> {
    let (count, n) = args(p);
    Ok(Output::Text(fib_batch_parallel(count, n).to_string()))
}

fn shard(p: &Params, index: u32, shards: u32) -> Result<Output, KernelError> {
    let (count, n) = args(p);
    let (lo, hi) = shard_range(count, index, shards);
    Ok(Output::Text(fib_batch_range(n, lo, hi).to_string()))
}

pub const KERNEL: Kernel = Kernel {
    id: "fib-batch",
    run,
    run_parallel: Some(run_parallel),
    shard: Some(shard),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_cycle_and_clamp_at_zero() {
        let got: Vec<u32> = (0..6).map(|i| batch_input(10, i)).collect();
        assert_eq!(got, [10, 9, 8, 7, 10, 9]);
        let got: Vec<u32> = (0..4).map(|i| batch_input(1, i)).collect();
        assert_eq!(got, [1, 0, 0, 0]);
    }

    #[test]
    fn sums_by_hand() {
        // fib(10) + fib(9) + fib(8) + fib(7) + fib(10) = 55 + 34 + 21 + 13 + 55
        assert_eq!(fib_batch(5, 10), 178);
        assert_eq!(fib_batch(1, 0), 0);
        assert_eq!(fib_batch_parallel(5, 10), 178);
    }

    #[test]
    fn shards_add_up_to_the_whole() {
        for shards in 1..7 {
            let total: u64 = (0..shards)
                .map(|i| {
                    let (lo, hi) = shard_range(13, i, shards);
                    fib_batch_range(12, lo, hi)
                })
                .sum();
            assert_eq!(total, fib_batch(13, 12));
        }
    }
}
