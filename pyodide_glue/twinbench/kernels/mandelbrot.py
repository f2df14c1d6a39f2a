"""mandelbrot: not written yet (a stub so the package imports; its golden test fails)."""


def mandelbrot(n: int) -> str:
    raise NotImplementedError("mandelbrot is not implemented yet")


def shard(index: int, shards: int, n: int) -> str:
    raise NotImplementedError("mandelbrot is not implemented yet")
