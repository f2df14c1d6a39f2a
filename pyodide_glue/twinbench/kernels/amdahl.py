"""amdahl: a fixed amount of integer hashing, p percent of it parallel and the rest serial.

The step is splitmix64's: `x = x + 0x9E3779B97F4A7C15`, then the mix
`x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9`, `x = (x ^ (x >> 27)) * 0x94D049BB133111EB`,
`x = x ^ (x >> 31)`, all modulo 2**64 (masking with `& MASK`, the usual way to do 64-bit
hashing with Python's unbounded ints). A chain applies the step k times; each step needs the
previous one's result, so a chain cannot be split.

Of `work` steps, `serial = work * (100 - p) // 100` form one chain started at 0: the serial
part. The other `work - serial` steps are split into 64 chunks (`shard_range`, a fixed
number, independent of any thread count); chunk c is a chain started at c + 1. The checksum
is the sum modulo 2**64 of the serial result and the 64 chunk results. Every step feeds the
next, so the checksum depends on all of them and the work digest is the checksum's. The twin
of `crate/src/kernels/amdahl.rs`, whose rayon variant runs the chunks in parallel.
"""

from twinbench.kernels import shard_range

WORK_IS_ANSWER = True

MASK = 0xFFFFFFFFFFFFFFFF
CHUNKS = 64


def chain(x: int, steps: int) -> int:
    """`steps` splitmix64 steps from x."""
    for _ in range(steps):
        x = (x + 0x9E3779B97F4A7C15) & MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
        x ^= x >> 31
    return x


def serial_steps(p: int, work: int) -> int:
    """How many of `work` steps are serial when p percent (0 to 100) is parallel."""
    return work * (100 - p) // 100


def _chunk(parallel: int, c: int) -> int:
    lo, hi = shard_range(parallel, c, CHUNKS)
    return chain(c + 1, hi - lo)


def amdahl(p: int, work: int) -> int:
    serial = serial_steps(p, work)
    head = chain(0, serial)
    return (head + sum(_chunk(work - serial, c) for c in range(CHUNKS))) & MASK
