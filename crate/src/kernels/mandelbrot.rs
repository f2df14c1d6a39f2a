//! mandelbrot: the Benchmarks Game's Mandelbrot set [-1.5-i, 0.5+i] on an n x n bitmap, as a
//! binary PBM (`P4\n{n} {n}\n`, then each row packed 8 pixels to a byte, most significant bit
//! first, the last byte of a row padded with zeros). A pixel is set when z stays within
//! |z|^2 <= 4 for 50 iterations of z = z^2 + c, checked after every iteration. Rows are
//! independent: the rayon variant computes them in parallel, and a pool shard is a block of rows.
//!
//! The work digest counts the iterations: each pixel's escape time (how many iterations z
//! stayed bounded, 50 in the set) summed per row, and the rows' `term(y, sum)` added up, so
//! that shards' digests add up to the whole image's. A pixel iterated 49 times instead of 50
//! may still get the right bit; it does not get the right digest.

use super::{Kernel, shard_range};
use crate::digest::term;
use crate::{Digest, Run};
use rayon::prelude::*;

const ITERATIONS: u32 = 50;
const LIMIT_SQUARED: f64 = 4.0;

fn header(n: usize) -> Vec<u8> {
    format!("P4\n{n} {n}\n").into_bytes()
}

/// How many of the 50 iterations z = z^2 + c (c = cr + ci·i) stay within |z|^2 <= 4:
/// 50 means c is in the set.
fn escape_time(cr: f64, ci: f64) -> u32 {
    let (mut zr, mut zi, mut tr, mut ti) = (0.0, 0.0, 0.0, 0.0);
    for i in 0..ITERATIONS {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        if tr + ti > LIMIT_SQUARED {
            return i;
        }
    }
    ITERATIONS
}

/// The real parts of the n columns: cr = 2x/n - 1.5.
fn columns(n: usize) -> Vec<f64> {
    (0..n).map(|x| 2.0 * x as f64 / n as f64 - 1.5).collect()
}

/// Row y (ci = 2y/n - 1) into `out`, which holds (n + 7) / 8 bytes; returns the row's term
/// of the work digest.
fn row(crs: &[f64], y: usize, out: &mut [u8]) -> u64 {
    let ci = 2.0 * y as f64 / crs.len() as f64 - 1.0;
    let mut iterations = 0u64;
    for (byte, chunk) in out.iter_mut().zip(crs.chunks(8)) {
        let mut bits = 0u8;
        for &cr in chunk {
            let t = escape_time(cr, ci);
            iterations += u64::from(t);
            bits = (bits << 1) | u8::from(t == ITERATIONS);
        }
        *byte = bits << (8 - chunk.len());
    }
    term(y as u64, iterations)
}

/// Rows `lo..hi` of the image, packed, appended to `out`; with their work digest.
fn rows(n: usize, lo: usize, hi: usize, parallel: bool, mut out: Vec<u8>) -> Run {
    let crs = columns(n);
    let width = n.div_ceil(8);
    let start = out.len();
    out.resize(start + (hi - lo) * width, 0);
    let body = &mut out[start..];
    let work = if parallel {
        body.par_chunks_mut(width)
            .enumerate()
            .map(|(i, r)| row(&crs, lo + i, r))
            .reduce(|| 0, u64::wrapping_add)
    } else {
        body.chunks_mut(width)
            .enumerate()
            .map(|(i, r)| row(&crs, lo + i, r))
            .fold(0, u64::wrapping_add)
    };
    Run::bytes(out, Digest::sum(work))
}

/// The whole n x n image as PBM bytes.
pub fn mandelbrot(n: usize) -> Run {
    rows(n, 0, n, false, header(n))
}

/// The same, with the rows computed on rayon's threads.
pub fn mandelbrot_parallel(n: usize) -> Run {
    rows(n, 0, n, true, header(n))
}

/// Shard `index` of `shards`: its block of rows, the first shard with the PBM header, so
/// that the shards in order concatenate to the whole image (and their digests add up to its).
pub fn mandelbrot_shard(n: usize, index: u32, shards: u32) -> Run {
    let (lo, hi) = shard_range(n as u64, index, shards);
    let out = if index == 0 { header(n) } else { Vec::new() };
    rows(n, lo as usize, hi as usize, false, out)
}

pub const KERNEL: Kernel = Kernel::parallel(
    "mandelbrot",
    |p| Ok(mandelbrot(p.usize("n")?)),
    |p| Ok(mandelbrot_parallel(p.usize("n")?)),
)
.with_shards(|p, index, shards| Ok(mandelbrot_shard(p.usize("n")?, index, shards)));

#[cfg(test)]
mod tests {
    use super::*;

    fn image(run: Run) -> Vec<u8> {
        run.output.as_bytes().to_vec()
    }

    #[test]
    fn tiny_images() {
        // n = 1: c = -1.5 - i escapes at the second iteration (z = -0.25 + 2i).
        assert_eq!(escape_time(-1.5, -1.0), 1);
        assert_eq!(image(mandelbrot(1)), b"P4\n1 1\n\x00");
        // n = 2: columns -1.5 and -0.5, rows ci = -1 and 0; only the row ci = 0 is in the set.
        assert_eq!(image(mandelbrot(2)), b"P4\n2 2\n\x00\xc0");
    }

    #[test]
    fn size_and_variants_agree() {
        for n in [1, 7, 8, 9, 63, 200] {
            let seq = mandelbrot(n);
            assert_eq!(
                seq.output.as_bytes().len(),
                header(n).len() + n * n.div_ceil(8)
            );
            assert_eq!(mandelbrot_parallel(n), seq, "n = {n}");
            for shards in 1..=5 {
                let parts: Vec<Run> = (0..shards)
                    .map(|i| mandelbrot_shard(n, i, shards))
                    .collect();
                let joined: Vec<u8> = parts
                    .iter()
                    .flat_map(|r| r.output.as_bytes().to_vec())
                    .collect();
                let work = parts.iter().fold(0, |w, r| r.work.value().wrapping_add(w));
                assert_eq!(joined, seq.output.as_bytes(), "n = {n}, {shards} shards");
                assert_eq!(Digest::sum(work), seq.work, "n = {n}, {shards} shards");
            }
        }
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One row fewer: the rows but the last, against the whole.
        let whole = mandelbrot(200);
        assert_ne!(rows(200, 0, 199, false, header(200)).work, whole.work);
        // One iteration fewer in one pixel of the set: the same bit, another digest.
        let crs = columns(8);
        let mut out = [0u8; 1];
        let full = row(&crs, 4, &mut out);
        let iterations: u64 = crs.iter().map(|&cr| u64::from(escape_time(cr, 0.0))).sum();
        assert_eq!(full, term(4, iterations));
        assert_ne!(full, term(4, iterations - 1));
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
            let got: String = Sha256::digest(mandelbrot_parallel(n).output.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(got, sha, "n = {n}");
        }
    }
}
