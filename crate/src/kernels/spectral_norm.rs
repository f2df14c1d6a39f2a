//! spectral-norm: the Benchmarks Game's spectral norm of the infinite matrix
//! A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten rounds of the
//! power method on AᵀA. The rayon variant computes the rows of each product in parallel;
//! every dot product is still summed in the same order, so the output is identical.

use super::Kernel;
use crate::{KernelError, Output, Params};
use rayon::prelude::*;

/// Entry (i, j) of the matrix. With n at most 10,000 the integer part stays below 2^28,
/// so it fits `usize` on wasm32 too and converts to f64 exactly.
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

fn spectral_norm_with(n: usize, rows: Rows) -> String {
    let mut u = vec![1.0; n];
    let mut v = vec![0.0; n];
    let mut tmp = vec![0.0; n];
    for _ in 0..10 {
        mul_ata(rows, &u, &mut tmp, &mut v);
        mul_ata(rows, &v, &mut tmp, &mut u);
    }
    let (mut vbv, mut vv) = (0.0, 0.0);
    for (ui, vi) in u.iter().zip(&v) {
        vbv += ui * vi;
        vv += vi * vi;
    }
    format!("{:.9}", (vbv / vv).sqrt())
}

/// The spectral norm of the n x n matrix, to nine decimals.
pub fn spectral_norm(n: usize) -> String {
    spectral_norm_with(n, Rows::Sequential)
}

/// The same, with the rows of every product computed on rayon's threads.
pub fn spectral_norm_parallel(n: usize) -> String {
    spectral_norm_with(n, Rows::Parallel)
}

fn run(p: &Params) -> Result<Output, KernelError> {
    // The catalog bounds n to 1..=10,000.
    Ok(Output::Text(spectral_norm(p.int("n") as usize)))
}

fn run_parallel(p: &Params) -> Result<Output, KernelError> {
    Ok(Output::Text(spectral_norm_parallel(p.int("n") as usize)))
}

pub const KERNEL: Kernel = Kernel {
    id: "spectral-norm",
    run,
    run_parallel: Some(run_parallel),
    shard: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmarks_game_reference_output() {
        assert_eq!(spectral_norm(100), "1.274219991");
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
        assert_eq!(spectral_norm_parallel(5500), "1.274224153");
    }
}
