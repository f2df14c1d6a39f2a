//! fannkuch-redux: the Benchmarks Game's pancake flips. For every permutation of 0..n, in the
//! benchmark's order, flip the first k + 1 elements while the first element k is not 0 and
//! count the flips; print a checksum (flips added for even-numbered permutations, subtracted
//! for odd ones) and the largest count. Permutation number i is built directly from i's
//! digits in the factorial number system, so the permutations split into independent blocks:
//! the rayon variant counts the blocks in parallel and adds up exactly the same integers.
//!
//! The checksum would not notice a skipped permutation with no flips (the first one has
//! none), so the work digest is the number of permutations flipped plus their flips, all
//! added: a permutation fewer lowers it by its flips + 1. One addition a permutation (a
//! position-weighted term cost 10-15% of the kernel natively), and blocks add up.

use super::Kernel;
use crate::{Digest, Run};
use rayon::prelude::*;

/// The largest n: the permutation is a fixed-size array, and 12! < 2^32 keeps every
/// permutation index within a 32-bit usize (wasm32).
pub const MAX_N: usize = 12;

/// Blocks for the rayon variant: enough for load balancing on any thread count.
const PARALLEL_BLOCKS: usize = 240;

fn factorial(n: usize) -> usize {
    (1..=n).product()
}

/// The checksum, the largest flip count, and for the digest the number of permutations and
/// of flips, over a block of permutations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tally {
    checksum: i64,
    max_flips: u32,
    permutations: u64,
    flips: u64,
}

impl Tally {
    const ZERO: Tally = Tally {
        checksum: 0,
        max_flips: 0,
        permutations: 0,
        flips: 0,
    };

    fn merge(self, other: Tally) -> Tally {
        Tally {
            checksum: self.checksum + other.checksum,
            max_flips: self.max_flips.max(other.max_flips),
            permutations: self.permutations + other.permutations,
            flips: self.flips + other.flips,
        }
    }
}

/// How many prefix reversals it takes to bring 0 to the front. The permutation is a whole
/// fixed-size array (past n it holds zeros, never reached): copying it is a few moves, where a
/// slice of run-time length becomes a call to memcpy (`memory.copy` in wasm). With the swaps
/// in `tally_block`, measured: 0.70x the time in wasm, 0.83x natively.
fn count_flips(perm: &[usize; MAX_N]) -> u32 {
    let mut p = *perm;
    let mut flips = 0;
    loop {
        let k = p[0];
        if k == 0 {
            return flips;
        }
        p[..=k].reverse();
        flips += 1;
    }
}

/// Permutations number `lo..hi` of 0..n.
fn tally_block(n: usize, lo: usize, hi: usize) -> Tally {
    let mut perm = [0; MAX_N];
    let mut count = [0; MAX_N];
    // Permutation number lo: its factorial-base digits, from the most significant, say how
    // far to rotate each prefix.
    for (i, p) in perm[..n].iter_mut().enumerate() {
        *p = i;
    }
    let mut rest = lo;
    for i in (1..n).rev() {
        let f = factorial(i);
        count[i] = rest / f;
        rest %= f;
        perm[..=i].rotate_left(count[i]);
    }
    let mut tally = Tally::ZERO;
    for index in lo..hi {
        let flips = count_flips(&perm);
        tally.checksum += if index % 2 == 0 {
            i64::from(flips)
        } else {
            -i64::from(flips)
        };
        tally.max_flips = tally.max_flips.max(flips);
        tally.flips += u64::from(flips);
        // The next permutation: rotate the shortest prefix whose digit does not wrap around.
        let mut i = 1;
        while i < n {
            // rotate_left(1) of perm[..=i], as swaps: i is at most 11, too short for memmove.
            for j in 0..i {
                perm.swap(j, j + 1);
            }
            count[i] += 1;
            if count[i] <= i {
                break;
            }
            count[i] = 0;
            i += 1;
        }
    }
    tally.permutations = (hi - lo) as u64;
    tally
}

fn report(n: usize, t: Tally) -> Run {
    Run::text(
        format!("{}\nPfannkuchen({n}) = {}", t.checksum, t.max_flips),
        Digest::sum(t.permutations + t.flips),
    )
}

/// The checksum and the maximum flip count, as the Benchmarks Game prints them.
pub fn fannkuch_redux(n: usize) -> Run {
    report(n, tally_block(n, 0, factorial(n)))
}

/// The same, with blocks of permutations counted on rayon's threads.
pub fn fannkuch_redux_parallel(n: usize) -> Run {
    let total = factorial(n);
    let block = total.div_ceil(PARALLEL_BLOCKS);
    let tally = (0..total.div_ceil(block))
        .into_par_iter()
        .map(|b| tally_block(n, b * block, ((b + 1) * block).min(total)))
        .reduce(|| Tally::ZERO, Tally::merge);
    report(n, tally)
}

pub const KERNEL: Kernel = Kernel::parallel(
    "fannkuch-redux",
    |p| Ok(fannkuch_redux(p.usize_in("n", 1, MAX_N)?)),
    |p| Ok(fannkuch_redux_parallel(p.usize_in("n", 1, MAX_N)?)),
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmarks_game_reference_output() {
        assert_eq!(
            fannkuch_redux(7).output.as_text().unwrap(),
            "228\nPfannkuchen(7) = 16"
        );
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // Skipping the first permutation (no flips) leaves the checksum and the maximum as
        // they are; the digest counts every permutation.
        let total = factorial(8);
        let all = tally_block(8, 0, total);
        let skipped = tally_block(8, 1, total);
        assert_eq!(
            (all.checksum, all.max_flips),
            (skipped.checksum, skipped.max_flips)
        );
        assert_ne!(report(8, all).work, report(8, skipped).work);
    }

    #[test]
    fn blocks_add_up_to_the_whole() {
        for n in 3..=8 {
            let total = factorial(n);
            let whole = tally_block(n, 0, total);
            for cut in [1, 2, total / 3, total - 1] {
                assert_eq!(
                    tally_block(n, 0, cut).merge(tally_block(n, cut, total)),
                    whole,
                    "n = {n}, cut {cut}"
                );
            }
            assert_eq!(fannkuch_redux_parallel(n), fannkuch_redux(n));
        }
    }

    #[test]
    #[ignore = "the Benchmarks Game's full size, seconds in release: cargo test --release -- --ignored"]
    fn benchmarks_game_full_size() {
        assert_eq!(
            fannkuch_redux_parallel(10).output.as_text().unwrap(),
            "73196\nPfannkuchen(10) = 38"
        );
        assert_eq!(
            fannkuch_redux_parallel(11).output.as_text().unwrap(),
            "556355\nPfannkuchen(11) = 51"
        );
        assert_eq!(
            fannkuch_redux_parallel(12).output.as_text().unwrap(),
            "3968050\nPfannkuchen(12) = 65"
        );
    }
}
