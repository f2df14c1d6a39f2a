//! mandelbrot: the Benchmarks Game's Mandelbrot set [-1.5-i, 0.5+i] on an n x n bitmap, as a
//! binary PBM (`P4\n{n} {n}\n`, then each row packed 8 pixels to a byte, most significant bit
//! first, the last byte of a row padded with zeros). A pixel is set when z stays within
//! |z|^2 <= 4 for 50 iterations of z = z^2 + c, checked after every iteration. Rows are
//! independent: the rayon variant computes them in parallel, and a pool shard is a block of rows.

use super::{Kernel, shard_range};
use crate::{KernelError, Output, Params};
use rayon::prelude::*;

const ITERATIONS: u32 = 50;
const LIMIT_SQUARED: f64 = 4.0;

fn header(n: usize) -> Vec<u8> {
    format!("P4\n{n} {n}\n").into_bytes()
}

/// Whether c = cr + ci·i stays bounded for 50 iterations.
fn in_set(cr: f64, ci: f64) -> bool {
    let (mut zr, mut zi, mut tr, mut ti) = (0.0, 0.0, 0.0, 0.0);
    for _ in 0..ITERATIONS {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        if tr + ti > LIMIT_SQUARED {
            return false;
        }
    }
    true
}

/// The real parts of the n columns: cr = 2x/n - 1.5.
fn columns(n: usize) -> Vec<f64> {
    (0..n).map(|x| 2.0 * x as f64 / n as f64 - 1.5).collect()
}

/// Row y (ci = 2y/n - 1) into `out`, which holds (n + 7) / 8 bytes.
fn row(crs: &[f64], y: usize, out: &mut [u8]) {
    let ci = 2.0 * y as f64 / crs.len() as f64 - 1.0;
    for (byte, chunk) in out.iter_mut().zip(crs.chunks(8)) {
        let mut bits = 0u8;
        for &cr in chunk {
            bits = (bits << 1) | u8::from(in_set(cr, ci));
        }
        *byte = bits << (8 - chunk.len());
    }
}

/// Rows `lo..hi` of the image, packed, appended to `out`.
fn rows(n: usize, lo: usize, hi: usize, parallel: bool, mut out: Vec<u8>) -> Vec<u8> {
    let crs = columns(n);
    let width = n.div_ceil(8);
    let start = out.len();
    out.resize(start + (hi - lo) * width, 0);
    let body = &mut out[start..];
    if parallel {
        body.par_chunks_mut(width)
            .enumerate()
            .for_each(|(i, r)| row(&crs, lo + i, r));
    } else {
        body.chunks_mut(width)
            .enumerate()
            .for_each(|(i, r)| row(&crs, lo + i, r));
    }
    out
}

/// The whole n x n image as PBM bytes.
pub fn mandelbrot(n: usize) -> Vec<u8> {
    rows(n, 0, n, false, header(n))
}

/// The same, with the rows computed on rayon's threads.
pub fn mandelbrot_parallel(n: usize) -> Vec<u8> {
    rows(n, 0, n, true, header(n))
}

/// Shard `index` of `shards`: its block of rows, the first shard with the PBM header, so
/// that the shards in order concatenate to the whole image.
pub fn mandelbrot_shard(n: usize, index: u32, shards: u32) -> Vec<u8> {
    let (lo, hi) = shard_range(n as u64, index, shards);
    let out = if index == 0 { header(n) } else { Vec::new() };
    rows(n, lo as usize, hi as usize, false, out)
}

fn run(p: &Params) -> Result<Output, KernelError> {
    // The catalog bounds n to 1..=16,000.
    Ok(Output::Bytes(mandelbrot(p.int("n") as usize)))
}

fn run_parallel(p: &Params) -> Result<Output, KernelError> {
    Ok(Output::Bytes(mandelbrot_parallel(p.int("n") as usize)))
}

fn shard(p: &Params, index: u32, shards: u32) -> Result<Output, KernelError> {
    Ok(Output::Bytes(mandelbrot_shard(
        p.int("n") as usize,
        index,
        shards,
    )))
}

pub const KERNEL: Kernel = Kernel {
    id: "mandelbrot",
    run,
    run_parallel: Some(run_parallel),
    shard: Some(shard),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_images() {
        // n = 1: c = -1.5 - i escapes at the second iteration (z = -0.25 + 2i).
        assert_eq!(mandelbrot(1), b"P4\n1 1\n\x00");
        // n = 2: columns -1.5 and -0.5, rows ci = -1 and 0; only the row ci = 0 is in the set.
        assert_eq!(mandelbrot(2), b"P4\n2 2\n\x00\xc0");
    }

    #[test]
    fn size_and_variants_agree() {
        for n in [1, 7, 8, 9, 63, 200] {
            let seq = mandelbrot(n);
            assert_eq!(seq.len(), header(n).len() + n * n.div_ceil(8));
            assert_eq!(mandelbrot_parallel(n), seq, "n = {n}");
            for shards in 1..=5 {
                let joined: Vec<u8> = (0..shards)
                    .flat_map(|i| mandelbrot_shard(n, i, shards))
                    .collect();
                assert_eq!(joined, seq, "n = {n}, {shards} shards");
            }
        }
    }

    #[test]
    #[ignore = "larger sizes, seconds in release: cargo test --release -- --ignored"]
    fn published_digests_of_larger_sizes() {
        use sha2::{Digest, Sha256};
        // The sha256 digests a third-party harness gives for N = 2000 and 5000 (see
        // tests/golden/mandelbrot.json; N = 200 is a golden vector).
        let want = [
            (
                2000,
                "42444f9a249913b9fa01fde926562f8c2d9ea862d1ff7a219056e9a7dcf5d404",
            ),
            (
                5000,
                "00159ae70df29c1dc77a6a9ceef9164154c16cc5c2f7dc714ea3a2314db0cf15",
            ),
        ];
        for (n, sha) in want {
            let got: String = Sha256::digest(mandelbrot_parallel(n))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(got, sha, "n = {n}");
        }
    }
}
