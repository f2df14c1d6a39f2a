//! The work digest: 64 bits computed from work-dependent state, so that a run which did less
//! work (one round, step, tree or element fewer; no serialisation) gives another digest even
//! where its canonical output is the same. `twinbench/digest.py` is the twin, operation for
//! operation; both print it as 16 lower-case hex digits.
//!
//! Two ways to build one:
//! - `push`: an order-dependent fold, `h = mix64((h + GAMMA) ^ x)` from h = 0.
//! - `Digest::sum` of `term(i, x)`: an order-independent sum of keyed terms, for work that is
//!   split (rayon, pools): shards' digests add up, modulo 2^64, to the whole one.

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

/// Element `index`'s share of a summed digest: keyed by position, so that dropping or moving
/// an element changes the sum.
#[inline]
pub const fn term(index: u64, x: u64) -> u64 {
    mix64(mix64(index.wrapping_add(GAMMA)) ^ x)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Digest(u64);

impl Digest {
    pub const fn new() -> Digest {
        Digest(0)
    }

    /// The digest of an integer answer, for kernels whose answer depends on all their work
    /// (fib, for one): its 64-bit limbs from the lowest, up to the highest that is not zero.
    pub fn of_int(mut v: u128) -> Digest {
        let mut d = Digest::new();
        loop {
            d.push(v as u64); // the low limb: truncation is the point
            v >>= 64;
            if v == 0 {
                return d;
            }
        }
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
        assert_eq!(term(3, 7), 0x59f0_a990_a364_d3fd);
        assert_eq!(
            Digest::of_int((1 << 64) + 5).to_string(),
            "1e2a021c2ba66c0d"
        );
        assert_eq!(Digest::of_int(832_040).to_string(), "9929f9b193cda9ba");
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
    }
}
