//! fib-batch: the naive recursive fib over a batch of `count` inputs, summed.
//!
//! Input i (for i in 0..count) is `n - (i % 4)`, clamped at 0: the batch cycles through
//! n, n-1, n-2, n-3. Each input is computed by `kernels::fib::fib`, the same naive recursion
//! as the `fib` workload, and the output is the sum of the results. The work digest is the
//! sum of `term(i, fib(input i))`: every element, by position, so one element fewer (even a
//! fib(0) = 0) changes it. The twin is `twinbench/kernels/fib_batch.py`.
//!
//! Variants: sequential; rayon (`par_iter` over the inputs); pool shards (shard `index` of
//! `shards` sums its contiguous block of inputs, `shard_range`, and the shards' outputs and
//! digests add up).

use rayon::prelude::*;

use super::fib::fib;
use super::{Kernel, shard_range};
use crate::digest::term;
use crate::{Digest, KernelError, Params, Run};

/// The i-th input of the batch: n, n-1, n-2, n-3, n, n-1, ... never below 0.
pub fn batch_input(n: u32, i: u64) -> u32 {
    n.saturating_sub((i % 4) as u32)
}

/// Element i: fib of input i, and its term of the work digest.
fn element(n: u32, i: u64) -> (u64, u64) {
    let f = fib(batch_input(n, i));
    (f, term(i, f))
}

/// Sums of (fib, digest term); the sum of fibs cannot overflow (count is at most 16384 and
/// fib(40) < 2^27), the digest wraps by design.
fn add((f1, w1): (u64, u64), (f2, w2): (u64, u64)) -> (u64, u64) {
    (f1 + f2, w1.wrapping_add(w2))
}

/// The sum of fib over inputs `lo..hi` of the batch, and its digest.
pub fn fib_batch_range(n: u32, lo: u64, hi: u64) -> (u64, u64) {
    (lo..hi).map(|i| element(n, i)).fold((0, 0), add)
}

/// The sum of fib over the whole batch of `count` inputs, and its digest.
pub fn fib_batch(count: u64, n: u32) -> (u64, u64) {
    fib_batch_range(n, 0, count)
}

/// The same with rayon: the inputs are spread over the thread pool.
pub fn fib_batch_parallel(count: u64, n: u32) -> (u64, u64) {
    (0..count)
        .into_par_iter()
        .map(|i| element(n, i))
        .reduce(|| (0, 0), add)
}

fn answer((total, work): (u64, u64)) -> Result<Run, KernelError> {
    Ok(Run::text(total.to_string(), Digest::sum(work)))
}

fn shard(p: &Params, index: u32, shards: u32) -> Result<Run, KernelError> {
    let (lo, hi) = shard_range(p.u64("count")?, index, shards);
    answer(fib_batch_range(p.u32("n")?, lo, hi))
}

pub const KERNEL: Kernel = Kernel::parallel(
    "fib-batch",
    |p| answer(fib_batch(p.u64("count")?, p.u32("n")?)),
    |p| answer(fib_batch_parallel(p.u64("count")?, p.u32("n")?)),
)
.with_shards(shard);

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
        assert_eq!(fib_batch(5, 10).0, 178);
        assert_eq!(fib_batch(1, 0).0, 0);
        assert_eq!(fib_batch_parallel(5, 10), fib_batch(5, 10));
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One element fewer, even one whose fib is 0, changes the digest.
        let (total, work) = fib_batch(8, 1);
        let (less_total, less_work) = fib_batch_range(1, 0, 7);
        assert_eq!(total, less_total); // the last input is fib(0): the output cannot tell
        assert_ne!(work, less_work);
        assert_ne!(fib_batch(16, 24), fib_batch(15, 24));
    }

    #[test]
    fn shards_add_up_to_the_whole() {
        for shards in 1..7 {
            let total = (0..shards)
                .map(|i| {
                    let (lo, hi) = shard_range(13, i, shards);
                    fib_batch_range(12, lo, hi)
                })
                .fold((0, 0), add);
            assert_eq!(total, fib_batch(13, 12));
        }
    }
}
