//! Recursive Fibonacci: the naive recursion, call for call the same as the Python twin.

use super::Kernel;
use crate::{KernelError, Output, Params};

pub fn fib(n: u32) -> u64 {
    if n < 2 {
        u64::from(n)
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn run(p: &Params) -> Result<Output, KernelError> {
    // The catalog bounds n to 0..=50, so the cast is exact and the result fits u64.
    Ok(Output::Text(fib(p.int("n") as u32).to_string()))
}

pub const KERNEL: Kernel = Kernel {
    id: "fib",
    run,
    run_parallel: None,
    shard: None,
};

#[cfg(test)]
mod tests {
    use super::fib;

    #[test]
    fn small_values() {
        let want = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
        for (n, w) in want.iter().enumerate() {
            assert_eq!(fib(n as u32), *w);
        }
        assert_eq!(fib(30), 832_040);
    }
}
