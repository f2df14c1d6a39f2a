//! Recursive Fibonacci: the naive recursion, call for call the same as the Python twin.

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};

pub fn fib(n: u32) -> u64 {
    if n < 2 {
        u64::from(n)
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn run(p: &Params) -> Result<Run, KernelError> {
    let f = fib(p.u32("n")?);
    // The answer depends on every call, so the work digest is the answer's.
    Ok(Run::text(f.to_string(), Digest::of_int(f.into())))
}

pub const KERNEL: Kernel = Kernel::sequential("fib", run);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::tests::run_with;

    #[test]
    fn less_work_changes_the_verified_pair() {
        // One level of recursion fewer: fib(n - 1).
        assert_ne!(
            run_with("fib", r#"{"n": 27}"#),
            run_with("fib", r#"{"n": 26}"#)
        );
        assert_ne!(Digest::of_int(0), Digest::of_int(1));
    }

    #[test]
    fn small_values() {
        let want = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
        for (n, w) in want.iter().enumerate() {
            assert_eq!(fib(n as u32), *w);
        }
        assert_eq!(fib(30), 832_040);
    }
}
