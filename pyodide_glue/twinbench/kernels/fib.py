"""Recursive Fibonacci: the naive recursion, call for call the same as the Rust kernel."""


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
