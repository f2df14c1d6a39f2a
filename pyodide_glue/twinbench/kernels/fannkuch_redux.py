"""fannkuch-redux: the Benchmarks Game's pancake flips. For every permutation of 0..n, in the
benchmark's order, flip the first k + 1 elements while the first element k is not 0 and count
the flips; print a checksum (flips added for even-numbered permutations, subtracted for odd
ones) and the largest count. Step for step the same as the Rust kernel, whose rayon variant
splits the permutations into blocks: `tally_block` starts anywhere, from the factorial-base
digits of the permutation's number.

The checksum would not notice a skipped permutation with no flips (the first one has none),
so the work digest is the number of permutations flipped plus their flips, all added: a
permutation fewer lowers it by its flips + 1. One addition a permutation."""

from __future__ import annotations

from math import factorial

from twinbench.digest import of_sum


def count_flips(perm: list[int]) -> int:
    """How many prefix reversals it takes to bring 0 to the front."""
    p = perm[:]
    flips = 0
    k = p[0]
    while k:
        p[: k + 1] = p[k::-1]
        flips += 1
        k = p[0]
    return flips


def tally_block(n: int, lo: int, hi: int) -> tuple[int, int, int]:
    """The checksum, the largest flip count and, for the digest, the number of permutations
    plus their flips, over permutations number lo..hi of 0..n."""
    # Permutation number lo: its factorial-base digits, from the most significant, say how
    # far to rotate each prefix.
    perm = list(range(n))
    count = [0] * n
    rest = lo
    for i in range(n - 1, 0, -1):
        count[i], rest = divmod(rest, factorial(i))
        perm[: i + 1] = perm[count[i] : i + 1] + perm[: count[i]]
    checksum = max_flips = total_flips = 0
    for index in range(lo, hi):
        flips = count_flips(perm)
        checksum += -flips if index % 2 else flips
        max_flips = max(max_flips, flips)
        total_flips += flips
        # The next permutation: rotate the shortest prefix whose digit does not wrap around.
        i = 1
        while i < n:
            perm.insert(i, perm.pop(0))
            count[i] += 1
            if count[i] <= i:
                break
            count[i] = 0
            i += 1
    return checksum, max_flips, (hi - lo) + total_flips


def fannkuch_redux(n: int) -> tuple[str, str]:
    """The checksum and the maximum flip count, as the Benchmarks Game prints them."""
    checksum, max_flips, work = tally_block(n, 0, factorial(n))
    return f"{checksum}\nPfannkuchen({n}) = {max_flips}", of_sum(work).hex()
