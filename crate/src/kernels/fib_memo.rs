//! fib-memo: the exact Fibonacci number fib(n) by iteration, in linear time.
//!
//! The twin of `twinbench/kernels/fib_memo.py`: the same loop, `(a, b) = (b, a + b)`, run
//! n - 1 times from (fib(0), fib(1)) = (0, 1). Python's `int` grows without limit; Rust's
//! `u128` holds fib(186) = 332825110087067562321196029789634457848 and overflows at fib(187),
//! so every addition is checked and an overflow is an error, never a wrong answer. The loop
//! stops at fib(n) (it never computes fib(n + 1)), so n = 186 works.

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};

/// The largest n whose Fibonacci number fits in a `u128`.
pub const MAX_N: u32 = 186;

/// fib(n), exactly; `KernelError::Overflow` when it does not fit in a `u128` (n > 186).
pub fn fib_memo(n: u32) -> Result<u128, KernelError> {
    if n == 0 {
        return Ok(0);
    }
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 1..n {
        let next = a.checked_add(b).ok_or_else(|| {
            KernelError::Overflow(format!(
                "fib({n}) does not fit in u128; n must be at most {MAX_N}"
            ))
        })?;
        (a, b) = (b, next);
    }
    Ok(b)
}

fn run(p: &Params) -> Result<Run, KernelError> {
    let f = fib_memo(p.u32("n")?)?;
    // The answer depends on every addition, so the work digest is the answer's.
    Ok(Run::text(f.to_string(), Digest::of_int(f)))
}

pub const KERNEL: Kernel = Kernel::sequential("fib-memo", run);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::tests::run_with;

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One iteration fewer is fib(n - 1).
        let full = run_with("fib-memo", r#"{"n": 150}"#);
        assert_ne!(full, run_with("fib-memo", r#"{"n": 149}"#));
        assert_ne!(full.work, Digest::of_int(fib_memo(149).unwrap()));
    }

    #[test]
    fn small_values_match_the_naive_recursion() {
        for n in 0..=30 {
            assert_eq!(
                fib_memo(n),
                Ok(u128::from(crate::kernels::fib::fib(n))),
                "fib({n})"
            );
        }
    }

    #[test]
    fn fib_186_is_the_largest_that_fits() {
        // OEIS A000045.
        assert_eq!(
            fib_memo(186).unwrap().to_string(),
            "332825110087067562321196029789634457848"
        );
        assert_eq!(fib_memo(93), Ok(12_200_160_415_121_876_738));
    }

    #[test]
    fn fib_187_overflows_with_a_clear_message() {
        let err = fib_memo(187).unwrap_err();
        assert!(matches!(err, KernelError::Overflow(_)));
        assert_eq!(
            err.to_string(),
            "overflow: fib(187) does not fit in u128; n must be at most 186"
        );
        assert!(fib_memo(u32::MAX).is_err());
    }
}
