"""fib-memo: not written yet (a stub so the package imports; its golden test fails)."""


def fib_memo(n: int) -> str:
    raise NotImplementedError("fib-memo is not implemented yet")
