"""amdahl: not written yet (a stub so the package imports; its golden test fails)."""


def amdahl(p: int, work: int) -> str:
    raise NotImplementedError("amdahl is not implemented yet")
