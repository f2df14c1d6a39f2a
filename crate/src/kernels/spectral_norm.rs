//! spectral-norm: the Benchmarks Game's spectral norm of the infinite matrix
//! A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten rounds of the
//! power method on AᵀA. The rayon variant computes the rows of each product in parallel;
//! every dot product is still summed in the same order, so the output is identical. The
//! printed norm settles after a few rounds, so the work digest is the exact bits of the final
//! vectors u and v: one round fewer changes them.

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};
use rayon::prelude::*;

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

fn mul(rows: Rows, row_times: fn(usize, &[f64]) -> f64, u: &[f64], out: &mut [f64]) {
    match rows {
        Rows::Sequential => out
            .iter_mut()
            .enumerate()
            .for_each(|(i, o)| *o = row_times(i, u)),
        Rows::Parallel => out
            .par_iter_mut()
            .enumerate()
            .for_each(|(i, o)| *o = row_times(i, u)),
    }
}

/// out = AᵀA u, through `tmp` = A u.
fn mul_ata(rows: Rows, u: &[f64], tmp: &mut [f64], out: &mut [f64]) {
    mul(rows, a_row_times, u, tmp);
    mul(rows, at_row_times, tmp, out);
}

/// The Benchmarks Game's number of power-method rounds.
const ROUNDS: usize = 10;

fn spectral_norm_with(n: usize, rows: Rows, rounds: usize) -> Run {
    let mut u = vec![1.0; n];
    let mut v = vec![0.0; n];
    let mut tmp = vec![0.0; n];
    for _ in 0..rounds {
        mul_ata(rows, &u, &mut tmp, &mut v);
        mul_ata(rows, &v, &mut tmp, &mut u);
    }
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
        for n in [1, 2, 7, 100, 257] {
            assert_eq!(spectral_norm_parallel(n), spectral_norm(n), "n = {n}");
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
