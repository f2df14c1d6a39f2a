//! The work digest: 64 bits computed from work-dependent state, so that a run which did less
//! work (one round, step, tree or element fewer; no serialisation) gives another digest even
//! where its canonical output is the same. `twinbench/digest.py` is the twin, operation for
//! operation; both print it as 16 lower-case hex digits.
//!
//! Three ways to build one, from the cheapest:
//! - `Digest::of_int`: the answer itself, for kernels whose integer answer already depends on
//!   all their work (fib): its 64-bit limbs XORed together.
//! - `Digest::sum` of `term(i, x)` = (i + 1)(x + 1): a position-weighted sum, one multiply-add
//!   an element, for work that is split (rayon, pools): shards' digests add up, modulo 2^64, to
//!   the whole one. Dropping element k changes the sum by (k + 1)(x_k + 1), changing x_k by d
//!   changes it by (k + 1)d: for the counts summed here (products far below 2^64) neither
//!   can vanish.
//! - `push`: an order-dependent fold, `h = mix64((h + GAMMA) ^ x)` from h = 0, for a handful
//!   of values (a final state's floats, by their bits).

use std::fmt;

/// splitmix64's increment, the fractional part of the golden ratio.
pub const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// splitmix64's finaliser: a bijection on u64 that spreads every input bit over the output.
#[inline]
pub const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Element `index`'s share of a summed digest: weighted by position, so that dropping or
/// moving an element changes the sum.
#[inline]
pub const fn term(index: u64, x: u64) -> u64 {
    index.wrapping_add(1).wrapping_mul(x.wrapping_add(1))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Digest(u64);

impl Digest {
    pub const fn new() -> Digest {
        Digest(0)
    }

    /// The digest of an integer answer, for kernels whose answer depends on all their work
    /// (fib, for one): its two 64-bit limbs XORed (the answer itself below 2^64). The answer
    /// is compared anyway; this only has to be cheap, and the same in Python.
    pub const fn of_int(v: u128) -> Digest {
        Digest((v as u64) ^ ((v >> 64) as u64)) // the low limb: truncation is the point
    }

    /// A digest that is the wrapping sum of `term`s (or of shards' digests).
    pub const fn sum(value: u64) -> Digest {
        Digest(value)
    }

    pub const fn value(self) -> u64 {
        self.0
    }

    /// Fold one 64-bit word in.
    #[inline]
    pub fn push(&mut self, x: u64) -> &mut Digest {
        self.0 = mix64(self.0.wrapping_add(GAMMA) ^ x);
        self
    }

    /// Fold a float in by its exact bits.
    #[inline]
    pub fn push_f64(&mut self, x: f64) -> &mut Digest {
        self.push(x.to_bits())
    }

    /// Fold a byte string in: its Adler-32 (zlib's, as Python's `zlib.adler32`) and its length.
    pub fn push_bytes(&mut self, bytes: &[u8]) -> &mut Digest {
        let mut adler = simd_adler32::Adler32::new();
        adler.write(bytes);
        self.push(u64::from(adler.finish()))
            .push(bytes.len() as u64)
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_values_shared_with_python() {
        // The same numbers are asserted in pyodide_glue/tests/test_digest.py.
        assert_eq!(mix64(0), 0);
        assert_eq!(mix64(GAMMA), 0xE220_A839_7B1D_CDAF); // splitmix64(0)'s first output
        let mut d = Digest::new();
        d.push(1).push_f64(0.5).push_bytes(b"twinbench");
        assert_eq!(d.to_string(), "f093795ef83b7fb8");
        assert_eq!(term(3, 7), 32);
        assert_eq!(
            Digest::of_int((1 << 64) + 5).to_string(),
            "0000000000000004"
        );
        assert_eq!(Digest::of_int(832_040).to_string(), "00000000000cb228");
    }

    #[test]
    fn order_and_count_matter() {
        let fold = |xs: &[u64]| {
            let mut d = Digest::new();
            xs.iter().for_each(|x| {
                d.push(*x);
            });
            d
        };
        assert_ne!(fold(&[1, 2]), fold(&[2, 1]));
        assert_ne!(fold(&[0]), fold(&[0, 0]));
        assert_ne!(fold(&[]), fold(&[0]));
        assert_ne!(term(0, 5), term(1, 5));
        assert_ne!(term(0, 0), 0);
        assert_ne!(Digest::of_int(149), Digest::of_int(150));
    }
}
