"""mandelbrot: the Benchmarks Game's Mandelbrot set [-1.5-i, 0.5+i] on an n x n bitmap, as a
binary PBM (`P4\\n{n} {n}\\n`, then each row packed 8 pixels to a byte, most significant bit
first, the last byte of a row padded with zeros). A pixel is set when z stays within
|z|^2 <= 4 for 50 iterations of z = z^2 + c, checked after every iteration. Operation for
operation the same as the Rust kernel; a pool shard is a block of rows.

The work digest counts the iterations: each pixel's escape time (how many iterations z stayed
bounded, 50 in the set) summed per row, and the rows' `term(y, sum)` added up (mod 2**64), so
that shards' digests add up to the whole image's."""

from __future__ import annotations

from twinbench.digest import of_sum, term
from twinbench.kernels import shard_range

ITERATIONS = 50
LIMIT_SQUARED = 4.0


def header(n: int) -> bytes:
    return f"P4\n{n} {n}\n".encode()


def escape_time(cr: float, ci: float) -> int:
    """How many of the 50 iterations z = z^2 + c stay within |z|^2 <= 4: 50 means c is in
    the set."""
    zr = zi = tr = ti = 0.0
    for i in range(ITERATIONS):
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        if tr + ti > LIMIT_SQUARED:
            return i
    return ITERATIONS


def rows(n: int, lo: int, hi: int) -> tuple[bytes, int]:
    """Rows lo..hi of the image, packed (cr = 2x/n - 1.5, ci = 2y/n - 1), and their digest
    terms' sum."""
    crs = [2.0 * x / n - 1.5 for x in range(n)]
    out = bytearray()
    work = 0
    for y in range(lo, hi):
        ci = 2.0 * y / n - 1.0
        iterations = 0
        for start in range(0, n, 8):
            chunk = crs[start : start + 8]
            bits = 0
            for cr in chunk:
                t = escape_time(cr, ci)
                iterations += t
                bits = (bits << 1) | (t == ITERATIONS)
            out.append(bits << (8 - len(chunk)))
        work += term(y, iterations)
    return bytes(out), work


def mandelbrot(n: int) -> tuple[bytes, str]:
    """The whole n x n image as PBM bytes, and the digest of its iterations."""
    image, work = rows(n, 0, n)
    return header(n) + image, of_sum(work).hex()


def shard(index: int, shards: int, n: int) -> tuple[bytes, str]:
    """Shard `index` of `shards`: its block of rows, the first shard with the PBM header, so
    that the shards in order concatenate to the whole image (and their digests add up)."""
    lo, hi = shard_range(n, index, shards)
    image, work = rows(n, lo, hi)
    return (header(n) if index == 0 else b"") + image, of_sum(work).hex()
