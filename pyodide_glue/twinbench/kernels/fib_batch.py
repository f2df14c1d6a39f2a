"""fib-batch: not written yet (a stub so the package imports; its golden test fails)."""


def fib_batch(count: int, n: int) -> str:
    raise NotImplementedError("fib-batch is not implemented yet")


def shard(index: int, shards: int, count: int, n: int) -> str:
    raise NotImplementedError("fib-batch is not implemented yet")
