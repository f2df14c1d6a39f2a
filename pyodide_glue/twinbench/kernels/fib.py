"""Recursive Fibonacci: the naive recursion, call for call the same as the Rust kernel."""

# The answer depends on every call, so the work digest is the answer's.
WORK_IS_ANSWER = True


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
