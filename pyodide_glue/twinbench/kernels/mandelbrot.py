"""mandelbrot: the Benchmarks Game's Mandelbrot set [-1.5-i, 0.5+i] on an n x n bitmap, as a
binary PBM (`P4\\n{n} {n}\\n`, then each row packed 8 pixels to a byte, most significant bit
first, the last byte of a row padded with zeros). A pixel is set when z stays within
|z|^2 <= 4 for 50 iterations of z = z^2 + c, checked after every iteration. Operation for
operation the same as the Rust kernel; a pool shard is a block of rows."""

from __future__ import annotations

from twinbench.kernels import shard_range

ITERATIONS = 50
LIMIT_SQUARED = 4.0


def header(n: int) -> bytes:
    return f"P4\n{n} {n}\n".encode()


def in_set(cr: float, ci: float) -> bool:
    """Whether c = cr + ci·i stays bounded for 50 iterations."""
    zr = zi = tr = ti = 0.0
    for _ in range(ITERATIONS):
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        if tr + ti > LIMIT_SQUARED:
            return False
    return True


def rows(n: int, lo: int, hi: int) -> bytes:
    """Rows lo..hi of the image, packed: cr = 2x/n - 1.5, ci = 2y/n - 1."""
    crs = [2.0 * x / n - 1.5 for x in range(n)]
    out = bytearray()
    for y in range(lo, hi):
        ci = 2.0 * y / n - 1.0
        for start in range(0, n, 8):
            chunk = crs[start : start + 8]
            bits = 0
            for cr in chunk:
                bits = (bits << 1) | in_set(cr, ci)
            out.append(bits << (8 - len(chunk)))
    return bytes(out)


def mandelbrot(n: int) -> bytes:
    """The whole n x n image as PBM bytes."""
    return header(n) + rows(n, 0, n)


def shard(index: int, shards: int, n: int) -> bytes:
    """Shard `index` of `shards`: its block of rows, the first shard with the PBM header, so
    that the shards in order concatenate to the whole image."""
    lo, hi = shard_range(n, index, shards)
    return (header(n) if index == 0 else b"") + rows(n, lo, hi)
