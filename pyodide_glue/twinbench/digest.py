"""The work digest: 64 bits computed from work-dependent state, so that a run which did less
work (one round, step, tree or element fewer; no serialisation) gives another digest even
where its canonical output is the same. The twin of `crate/src/digest.rs`, operation for
operation; both print it as 16 lower-case hex digits.

Three ways to build one, from the cheapest:
- `of_int`: the answer itself, for kernels whose integer answer already depends on all their
  work (fib): its 64-bit limbs XORed together.
- a sum of `term(i, x)` = (i + 1)(x + 1), modulo 2**64 (`of_sum`): a position-weighted sum,
  one multiply-add an element, for work that is split (pools): shards' digests add up to the
  whole one. Dropping element k changes the sum by (k + 1)(x_k + 1), changing x_k by d changes
  it by (k + 1)d: for the counts summed here neither can vanish.
- `push`: an order-dependent fold, `h = mix64((h + GAMMA) ^ x)` from h = 0, for a handful of
  values (a final state's floats, by their bits).

Python's ints are unbounded, so 64-bit arithmetic is masked (`& MASK`), as in every 64-bit
hash written in Python.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

MASK = 0xFFFFFFFFFFFFFFFF
GAMMA = 0x9E3779B97F4A7C15  # splitmix64's increment
_F64 = struct.Struct("<d")
_U64 = struct.Struct("<Q")


def mix64(z: int) -> int:
    """splitmix64's finaliser: a bijection on 64-bit ints that spreads every input bit."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def term(index: int, x: int) -> int:
    """Element `index`'s share of a summed digest: weighted by position (sum the terms, then
    `of_sum` takes them modulo 2**64)."""
    return (index + 1) * (x + 1)


def f64_bits(x: float) -> int:
    return int(_U64.unpack(_F64.pack(x))[0])


class Digest:
    __slots__ = ("value",)

    def __init__(self, value: int = 0) -> None:
        self.value = value

    def push(self, x: int) -> Digest:
        """Fold one 64-bit word in."""
        self.value = mix64(((self.value + GAMMA) & MASK) ^ x)
        return self

    def push_f64(self, x: float) -> Digest:
        """Fold a float in by its exact bits."""
        return self.push(f64_bits(x))

    def push_f64s(self, xs: Iterable[float]) -> Digest:
        for x in xs:
            self.push(f64_bits(x))
        return self

    def push_bytes(self, data: bytes) -> Digest:
        """Fold a byte string in: its Adler-32 (zlib's) and its length."""
        return self.push(zlib.adler32(data)).push(len(data))

    def hex(self) -> str:
        return f"{self.value:016x}"


def of_int(v: int) -> Digest:
    """The digest of a non-negative integer answer, for kernels whose answer depends on all
    their work: its 64-bit limbs XORed (the answer itself below 2**64)."""
    d = 0
    while v:
        d ^= v & MASK
        v >>= 64
    return Digest(d)


def of_sum(total: int) -> Digest:
    """A digest that is a sum of `term`s (or of shards' digests), modulo 2**64."""
    return Digest(total & MASK)
