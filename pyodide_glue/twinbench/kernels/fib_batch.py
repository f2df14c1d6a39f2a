"""fib-batch: the naive recursive fib over a batch of `count` inputs, summed.

Input i (for i in range(count)) is `n - i % 4`, clamped at 0: the batch cycles through
n, n-1, n-2, n-3. Each input is computed by `twinbench.kernels.fib.fib`, the same naive
recursion as the `fib` workload, and the result is the sum. The work digest is the sum of
`term(i, fib(input i))` (mod 2**64): every element, by position. The twin of
`crate/src/kernels/fib_batch.rs`, whose rayon variant spreads the inputs over threads; here a
pool of workers each runs `shard`, which sums one contiguous block of the inputs (the
shards' outputs and digests add up).
"""

from twinbench.digest import of_sum, term
from twinbench.kernels import shard_range
from twinbench.kernels.fib import fib


def batch_input(n: int, i: int) -> int:
    """The i-th input of the batch: n, n-1, n-2, n-3, n, n-1, ... never below 0."""
    return max(n - i % 4, 0)


def _sum_range(n: int, lo: int, hi: int) -> tuple[int, str]:
    total = work = 0
    for i in range(lo, hi):
        f = fib(batch_input(n, i))
        total += f
        work += term(i, f)
    return total, of_sum(work).hex()


def fib_batch(count: int, n: int) -> tuple[int, str]:
    return _sum_range(n, 0, count)


def shard(index: int, shards: int, count: int, n: int) -> tuple[int, str]:
    """Shard `index` of `shards`: the sum over its contiguous block of the inputs."""
    lo, hi = shard_range(count, index, shards)
    return _sum_range(n, lo, hi)
