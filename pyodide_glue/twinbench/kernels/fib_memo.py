"""fib-memo: the exact Fibonacci number fib(n) by iteration, in linear time.

The twin of `crate/src/kernels/fib_memo.rs`: the same loop, `a, b = b, a + b`, run n - 1
times from (fib(0), fib(1)) = (0, 1). Python's int grows without limit, so nothing here can
overflow; the Rust twin's u128 holds fib(186) and no more, which is why the catalog stops
at n = 186.
"""

# The answer depends on every addition, so the work digest is the answer's.
WORK_IS_ANSWER = True


def fib_memo(n: int) -> int:
    if n == 0:
        return 0
    a, b = 0, 1
    for _ in range(1, n):
        a, b = b, a + b
    return b
