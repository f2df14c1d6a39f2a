//! amdahl: a fixed amount of integer hashing, p percent of it parallel and the rest serial.
//!
//! The step is splitmix64's: `x = x + 0x9E3779B97F4A7C15`, then the mix
//! `x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9`, `x = (x ^ (x >> 27)) * 0x94D049BB133111EB`,
//! `x = x ^ (x >> 31)`, all modulo 2^64. A *chain* applies the step k times; each step needs
//! the previous one's result, so a chain cannot be split.
//!
//! Of `work` steps, `serial = work * (100 - p) / 100` (integer division) form one chain
//! started at 0: the serial part. The other `work - serial` steps are split into 64 chunks
//! (`shard_range`, a fixed number, independent of the thread count); chunk c is a chain
//! started at c + 1. The checksum is the wrapping sum of the serial result and the 64 chunk
//! results, so the order the chunks finish in does not matter. The rayon variant runs the
//! chunks with `par_iter` and gives the same checksum. Every step feeds the next, so the
//! checksum depends on all of them and the work digest is the checksum's. The twin is
//! `twinbench/kernels/amdahl.py`.

use rayon::prelude::*;

use super::{Kernel, shard_range};
use crate::{Digest, KernelError, Params, Run};

/// How many independent chunks the parallel part is split into.
pub const CHUNKS: u32 = 64;

/// `steps` splitmix64 steps from `x`.
pub fn chain(mut x: u64, steps: u64) -> u64 {
    for _ in 0..steps {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
    }
    x
}

/// How many of `work` steps are serial when `p` percent (0..=100) is parallel.
pub fn serial_steps(p: u64, work: u64) -> u64 {
    work * (100 - p) / 100
}

/// Chunk `c` of the parallel part: its own chain over its share of the parallel steps.
fn chunk(parallel: u64, c: u32) -> u64 {
    let (lo, hi) = shard_range(parallel, c, CHUNKS);
    chain(u64::from(c) + 1, hi - lo)
}

/// The checksum, sequentially: the serial chain, then the 64 chunks one after the other.
pub fn amdahl(p: u64, work: u64) -> u64 {
    let serial = serial_steps(p, work);
    let head = chain(0, serial);
    (0..CHUNKS)
        .map(|c| chunk(work - serial, c))
        .fold(head, u64::wrapping_add)
}

/// The same checksum with the chunks on rayon's threads.
pub fn amdahl_parallel(p: u64, work: u64) -> u64 {
    let serial = serial_steps(p, work);
    let head = chain(0, serial);
    let tail = (0..CHUNKS)
        .into_par_iter()
        .map(|c| chunk(work - serial, c))
        .reduce(|| 0, u64::wrapping_add);
    head.wrapping_add(tail)
}

fn run(p: &Params, f: fn(u64, u64) -> u64) -> Result<Run, KernelError> {
    let (pct, work) = (p.u64("p")?, p.u64("work")?);
    // p is a percentage, so (100 - p) cannot underflow, and work * 100 must fit u64.
    if pct > 100 || work.checked_mul(100).is_none() {
        return Err(KernelError::BadParam(format!(
            "amdahl needs p <= 100 and work * 100 within u64, got p = {pct}, work = {work}"
        )));
    }
    let checksum = f(pct, work);
    Ok(Run::text(
        checksum.to_string(),
        Digest::of_int(checksum.into()),
    ))
}

pub const KERNEL: Kernel =
    Kernel::parallel("amdahl", |p| run(p, amdahl), |p| run(p, amdahl_parallel));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_is_splitmix64() {
        // The first outputs of splitmix64 seeded with 0 (the reference implementation by
        // Sebastiano Vigna): its state after one step is the golden gamma, mixed.
        assert_eq!(chain(0, 1), 0xE220_A839_7B1D_CDAF);
        assert_eq!(chain(0, 0), 0);
    }

    #[test]
    fn the_split_is_by_percent() {
        assert_eq!(serial_steps(0, 1000), 1000);
        assert_eq!(serial_steps(100, 1000), 0);
        assert_eq!(serial_steps(90, 1001), 100);
    }

    #[test]
    fn fully_serial_is_one_chain_plus_the_chunk_seeds() {
        // p = 0: all chunks are empty chains, returning their seeds 1..=64 (sum 2080).
        assert_eq!(amdahl(0, 10), chain(0, 10).wrapping_add(2080));
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One serial step fewer.
        let full = amdahl(90, 200_000);
        let serial = serial_steps(90, 200_000);
        let less = (0..CHUNKS)
            .map(|c| chunk(200_000 - serial, c))
            .fold(chain(0, serial - 1), u64::wrapping_add);
        assert_ne!(Digest::of_int(full.into()), Digest::of_int(less.into()));
    }

    #[test]
    fn parallel_equals_sequential() {
        for (p, work) in [(0, 1), (50, 12345), (90, 100_000), (100, 77)] {
            assert_eq!(
                amdahl(p, work),
                amdahl_parallel(p, work),
                "p={p} work={work}"
            );
        }
    }
}
