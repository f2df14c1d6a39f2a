"""nbody: not written yet (a stub so the package imports; its golden test fails)."""


def nbody(n: int) -> str:
    raise NotImplementedError("nbody is not implemented yet")
