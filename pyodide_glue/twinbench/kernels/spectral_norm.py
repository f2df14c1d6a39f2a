"""spectral-norm: the Benchmarks Game's spectral norm of the infinite matrix
A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten rounds of the
power method on AᵀA. Operation for operation the same as the Rust kernel. The printed norm
settles after a few rounds, so the work digest is the exact bits of the final u and v.

Every dot product is an explicit loop from j = 0 up: since Python 3.12 the built-in `sum()`
of floats is compensated (more accurate, but no longer the plain left-to-right sum)."""

from __future__ import annotations

from math import sqrt

from twinbench.digest import Digest

ROUNDS = 10  # the Benchmarks Game's power-method rounds


def a(i: int, j: int) -> float:
    """Entry (i, j) of the matrix."""
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def a_row_times(i: int, u: list[float]) -> float:
    """Row i of A times u, summed from j = 0 up."""
    total = 0.0
    for j, uj in enumerate(u):
        total += a(i, j) * uj
    return total


def at_row_times(i: int, u: list[float]) -> float:
    """Row i of Aᵀ (column i of A) times u, summed from j = 0 up."""
    total = 0.0
    for j, uj in enumerate(u):
        total += a(j, i) * uj
    return total


def mul_ata(u: list[float]) -> list[float]:
    """AᵀA u, through A u."""
    n = len(u)
    tmp = [a_row_times(i, u) for i in range(n)]
    return [at_row_times(i, tmp) for i in range(n)]


def spectral_norm(n: int) -> tuple[str, str]:
    """The spectral norm of the n x n matrix, to nine decimals, and the digest of u and v."""
    return power_method(n, ROUNDS)


def power_method(n: int, rounds: int) -> tuple[str, str]:
    u = [1.0] * n
    v = [0.0] * n
    for _ in range(rounds):
        v = mul_ata(u)
        u = mul_ata(v)
    vbv = vv = 0.0
    for ui, vi in zip(u, v, strict=True):
        vbv += ui * vi
        vv += vi * vi
    return f"{sqrt(vbv / vv):.9f}", Digest().push_f64s(u).push_f64s(v).hex()
