//! spectral-norm: the Benchmarks Game's spectral norm of the infinite matrix
//! A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten rounds of the
//! power method on AᵀA. The rayon variant computes the rows of each product in parallel, each
//! thread of the pool a fixed share of them, in lockstep (`lockstep`: one task per thread
//! meeting at a barrier after each product, since a rayon loop per product let the threads
//! fall asleep between the 40 short products of a call); every dot product is still summed in
//! the same order, so the output is identical. The
//! printed norm settles after a few rounds, so the work digest is the exact bits of the final
//! vectors u and v: one round fewer changes them.

use super::lockstep::{SharedVec, on_every_thread};
use super::{Kernel, shard_range};
use crate::{Digest, KernelError, Params, Run};

/// The largest n for which the integer part of every entry, below (2n)^2 / 2, fits a 32-bit
/// usize (wasm32); it then converts to f64 exactly too.
pub const MAX_N: usize = 46_340;

/// Entry (i, j) of the matrix, for i and j below `MAX_N`.
fn a(i: usize, j: usize) -> f64 {
    1.0 / ((i + j) * (i + j + 1) / 2 + i + 1) as f64
}

/// Row i of A times u, summed from j = 0 up.
fn a_row_times(i: usize, u: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (j, uj) in u.iter().enumerate() {
        sum += a(i, j) * uj;
    }
    sum
}

/// Row i of Aᵀ (column i of A) times u, summed from j = 0 up.
fn at_row_times(i: usize, u: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (j, uj) in u.iter().enumerate() {
        sum += a(j, i) * uj;
    }
    sum
}

/// Which way to compute the rows of a matrix-vector product.
#[derive(Clone, Copy)]
enum Rows {
    Sequential,
    Parallel,
}

/// Rows `lo..lo + out.len()` of the product: `out[k] = row_times(lo + k, u)`.
fn mul_rows(row_times: fn(usize, &[f64]) -> f64, u: &[f64], lo: usize, out: &mut [f64]) {
    for (k, o) in out.iter_mut().enumerate() {
        *o = row_times(lo + k, u);
    }
}

fn mul_ata(u: &[f64], tmp: &mut [f64], out: &mut [f64]) {
    mul_rows(a_row_times, u, 0, tmp);
    mul_rows(at_row_times, tmp, 0, out);
}

/// The final u and v, one thread.
fn power_method(n: usize, rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let mut u = vec![1.0; n];
    let mut v = vec![0.0; n];
    let mut tmp = vec![0.0; n];
    for _ in 0..rounds {
        mul_ata(&u, &mut tmp, &mut v);
        mul_ata(&v, &mut tmp, &mut u);
    }
    (u, v)
}

/// The same on every thread of the pool: each computes its share of the rows of every product
/// and publishes them; after the barrier each copies the whole vector (n floats, against n
/// times more work per row). Two shared vectors, used in turn: a thread can be at most one
/// product ahead of another, so it never overwrites rows another is still copying.
fn power_method_parallel(n: usize, rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let shared = [SharedVec::zeros(n), SharedVec::zeros(n)];
    on_every_thread(|rank, size, barrier| {
        let (lo, hi) = shard_range(n as u64, rank as u32, size as u32);
        let (lo, hi) = (lo as usize, hi as usize);
        let mut mine = vec![0.0; hi - lo];
        let mut u = vec![1.0; n];
        let mut v = vec![0.0; n];
        let mut tmp = vec![0.0; n];
        let mut turn = 0;
        let mut step = |row_times: fn(usize, &[f64]) -> f64, x: &[f64], out: &mut [f64]| {
            mul_rows(row_times, x, lo, &mut mine);
            shared[turn].publish(lo, &mine);
            barrier.wait();
            shared[turn].read_into(out);
            turn ^= 1;
        };
        for _ in 0..rounds {
            step(a_row_times, &u, &mut tmp);
            step(at_row_times, &tmp, &mut v);
            step(a_row_times, &v, &mut tmp);
            step(at_row_times, &tmp, &mut u);
        }
        (u, v)
    })
}

const ROUNDS: usize = 10;

fn spectral_norm_with(n: usize, rows: Rows, rounds: usize) -> Run {
    let (u, v) = match rows {
        Rows::Sequential => power_method(n, rounds),
        Rows::Parallel => power_method_parallel(n, rounds),
    };
    let (mut vbv, mut vv) = (0.0, 0.0);
    for (ui, vi) in u.iter().zip(&v) {
        vbv += ui * vi;
        vv += vi * vi;
    }
    let mut work = Digest::new();
    u.iter().chain(&v).for_each(|x| {
        work.push_f64(*x);
    });
    Run::text(format!("{:.9}", (vbv / vv).sqrt()), work)
}

/// The spectral norm of the n x n matrix, to nine decimals, and the digest of u and v.
pub fn spectral_norm(n: usize) -> Run {
    spectral_norm_with(n, Rows::Sequential, ROUNDS)
}

/// The same, with the rows of every product computed on rayon's threads.
pub fn spectral_norm_parallel(n: usize) -> Run {
    spectral_norm_with(n, Rows::Parallel, ROUNDS)
}

fn run(p: &Params, rows: Rows) -> Result<Run, KernelError> {
    Ok(spectral_norm_with(p.usize_in("n", 0, MAX_N)?, rows, ROUNDS))
}

pub const KERNEL: Kernel = Kernel::parallel(
    "spectral-norm",
    |p| run(p, Rows::Sequential),
    |p| run(p, Rows::Parallel),
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmarks_game_reference_output() {
        assert_eq!(spectral_norm(100).output.as_text().unwrap(), "1.274219991");
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // Nine rounds print the same norm as ten; the vectors differ.
        let less = spectral_norm_with(100, Rows::Sequential, ROUNDS - 1);
        let full = spectral_norm(100);
        assert_eq!(less.output, full.output);
        assert_ne!(less.work, full.work);
    }

    #[test]
    fn parallel_equals_sequential() {
        for threads in 1..=4 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a pool");
            for n in [0, 1, 2, 3, 7, 100, 257] {
                let par = pool.install(|| spectral_norm_parallel(n));
                assert_eq!(par, spectral_norm(n), "n = {n}, {threads} threads");
            }
        }
    }

    #[test]
    #[ignore = "the Benchmarks Game's full size, seconds in release: cargo test --release -- --ignored"]
    fn benchmarks_game_full_size() {
        assert_eq!(
            spectral_norm_parallel(5500).output.as_text().unwrap(),
            "1.274224153"
        );
    }
}
